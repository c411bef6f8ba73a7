"""`cpconf retention`: list what has passed its retention period; with --destroy, destroy it."""

import json
from argparse import ArgumentParser
from collections import Counter
from datetime import date
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.db.models import ProtectedError
from django.utils import timezone

from cpconf.accounts.models import User
from cpconf.dataprotection import command_arguments, services
from cpconf.dataprotection.retention import RetentionEntry
from cpconf.dataprotection.selectors import retention_schedule
from cpconf.organisations.models import LocalAuthority

COMMAND_LINE = "cpconf retention --destroy (command line)"
HEADINGS = ("Authority", "Kind", "ID", "Last contact", "Due", "Held", "Action")
BAD_DATE = "--as-of: enter a date like 2061-03-31, not {value!r}"
DESTROY_ONLY_TODAY = "--as-of: destruction uses today's date; list a later date without --destroy"
JSON_LISTS_ONLY = "--json: lists only; leave it out with --destroy"
NOT_CONFIRMED = "Nothing was destroyed: the confirmation did not match."
SOME_REFUSED = "{count} of the records were not destroyed (see above)."
PROMPT = (
    "This destroys {count} records ({kinds}) and everything under each, for good.\n"
    "Type {count} to go on, or anything else to stop: "
)


def _day(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise CommandError(BAD_DATE.format(value=value)) from None


def _row(entry: RetentionEntry) -> tuple[str, ...]:
    record = entry.record
    return (
        record.authority,
        record.kind,
        str(record.id),
        record.last_contact.isoformat(),
        record.due.isoformat(),
        "yes" if record.held else "no",
        entry.reason or entry.action,
    )


def _as_json(entry: RetentionEntry) -> dict[str, Any]:
    record = entry.record
    return {
        "authority": record.authority,
        "kind": record.kind,
        "id": record.id,
        "family_id": record.family_id,
        "last_contact": record.last_contact.isoformat(),
        "due": record.due.isoformat(),
        "years": record.years,
        "held": record.held,
        "action": entry.action,
        "reason": entry.reason,
    }


class Command(BaseCommand):
    help = (
        "List the families, conferences, reports and audit trails past their retention period "
        "under each authority's policy, with what happens to each. With --destroy, destroy "
        "the expired records not under legal hold, each with everything under it, after "
        "confirmation (type the number of records, or pass --yes); each destruction is audited."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--authority", metavar="SLUG", help="Only this local authority.")
        parser.add_argument(
            "--as-of", metavar="DATE", help="List what will have expired by this date."
        )
        parser.add_argument("--json", action="store_true", help="List as JSON.")
        parser.add_argument("--destroy", action="store_true", help="Destroy what has expired.")
        parser.add_argument("--yes", action="store_true", help="Destroy without asking.")
        parser.add_argument(
            "--by", metavar="EMAIL", help="The member of staff destroying, for the audit."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        today = timezone.localdate()
        as_of = _day(options["as_of"]) if options["as_of"] else today
        if options["destroy"] and as_of > today:
            raise CommandError(DESTROY_ONLY_TODAY)
        if options["destroy"] and options["json"]:
            raise CommandError(JSON_LISTS_ONLY)
        try:
            authority = command_arguments.authority_named(options["authority"])
            entries = retention_schedule(today=as_of, local_authority=authority)
            actor = (
                command_arguments.actor_for(options["by"], _authorities_of(entries, authority))
                if options["by"]
                else None
            )
        except command_arguments.LookupFailed as error:
            raise CommandError(str(error)) from None
        if options["json"]:
            self.stdout.write(json.dumps([_as_json(e) for e in entries], indent=2))
            return
        self._list(entries, as_of)
        units = [e for e in entries if e.destroys]
        if options["destroy"] and units:
            self._confirm(units, assume_yes=options["yes"])
            self._destroy(units, actor, as_of)

    def _list(self, entries: list[RetentionEntry], as_of: date) -> None:
        if not entries:
            self.stdout.write(f"Nothing has passed its retention period on {as_of.isoformat()}.")
            return
        rows = [HEADINGS, *map(_row, entries)]
        widths = [max(len(row[column]) for row in rows) for column in range(len(HEADINGS) - 1)]
        for row in rows:
            cells = [cell.ljust(width) for cell, width in zip(row, widths, strict=False)]
            self.stdout.write("  ".join([*cells, row[-1]]).rstrip())
        kinds = Counter(e.record.kind for e in entries if e.destroys)
        summary = ", ".join(f"{count} {kind}" for kind, count in sorted(kinds.items())) or "none"
        self.stdout.write(
            f"\nExpired on {as_of.isoformat()}: {len(entries)}. To destroy: {summary}."
        )

    def _confirm(self, units: list[RetentionEntry], *, assume_yes: bool) -> None:
        if assume_yes:
            return
        kinds = Counter(e.record.kind for e in units)
        described = ", ".join(f"{count} {kind}" for kind, count in sorted(kinds.items()))
        try:
            answer = input(PROMPT.format(count=len(units), kinds=described))
        except EOFError:
            answer = ""
        if answer.strip() != str(len(units)):
            raise CommandError(NOT_CONFIRMED)

    def _destroy(self, units: list[RetentionEntry], actor: User | None, as_of: date) -> None:
        refused = 0
        label = "" if actor else COMMAND_LINE
        for entry in units:
            record = entry.record
            try:
                rows = services.retention_destroy(
                    kind=record.kind,
                    record_id=record.id,
                    actor=actor,
                    actor_label=label,
                    today=as_of,
                )
            except (services.RetentionRefused, ProtectedError) as error:
                refused += 1
                self.stderr.write(f"{record.kind} {record.id}: not destroyed: {error}")
                continue
            self.stdout.write(f"Destroyed {record.kind} {record.id}: {rows} records, each audited.")
        if refused:
            raise CommandError(SOME_REFUSED.format(count=refused))


def _authorities_of(
    entries: list[RetentionEntry], authority: LocalAuthority | None
) -> list[LocalAuthority]:
    """The authorities whose records this run would destroy: `--by` must act for each."""
    if authority is not None:
        return [authority]
    names = {entry.record.authority for entry in entries if entry.destroys}
    return list(LocalAuthority.objects.filter(name__in=names))

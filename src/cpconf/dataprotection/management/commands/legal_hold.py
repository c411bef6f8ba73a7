"""`cpconf legal_hold`: place, lift or list the legal holds that stop retention destroying a
family's records."""

from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from cpconf.dataprotection import command_arguments, services
from cpconf.dataprotection.models import LegalHold

NO_HOLD = "--lift: there is no legal hold with ID {value!r}"
NEEDS_FAMILY = "--family: enter the case reference of the family to hold"
NEEDS_REASON = "--reason: enter why the records must be kept (or why the hold is lifted)"
NEEDS_ACTOR = "--by: enter the email address of the member of staff placing or lifting the hold"


class Command(BaseCommand):
    help = (
        "Place a legal hold on a family (--family CASE_REF --reason TEXT --by EMAIL), lift one "
        "(--lift ID --reason TEXT --by EMAIL), or list them (--list). While a hold is in force, "
        "retention destroys nothing of the family."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--family", metavar="CASE_REF", help="The family's case reference.")
        parser.add_argument("--authority", metavar="SLUG", help="The family's local authority.")
        parser.add_argument("--lift", metavar="ID", help="Lift the legal hold with this ID.")
        parser.add_argument("--list", action="store_true", help="List holds (of --family).")
        parser.add_argument("--reason", help="Why the hold is placed or lifted.")
        parser.add_argument("--by", metavar="EMAIL", help="Who places or lifts the hold.")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            if options["list"]:
                self._list(options)
            elif options["lift"]:
                self._lift(options)
            else:
                self._place(options)
        except (command_arguments.LookupFailed, services.LegalHoldError) as error:
            raise CommandError(str(error)) from None

    def _list(self, options: dict[str, Any]) -> None:
        holds = LegalHold.objects.select_related("family", "placed_by").order_by("placed_at")
        if options["family"]:
            family = command_arguments.family_with_reference(
                options["family"], options["authority"]
            )
            holds = holds.filter(family=family)
        for hold in holds:
            state = (
                f"lifted {timezone.localdate(hold.lifted_at).isoformat()}"
                if hold.lifted_at
                else "in force"
            )
            placed = timezone.localdate(hold.placed_at).isoformat()
            self.stdout.write(
                f"{hold.pk}  {hold.family.case_reference}  {state}  placed {placed} by "
                f"{hold.placed_by.email}: {hold.reason}"
            )

    def _required(self, options: dict[str, Any], family: Any) -> tuple[str, Any]:
        if not (options["reason"] or "").strip():
            raise CommandError(NEEDS_REASON)
        if not options["by"]:
            raise CommandError(NEEDS_ACTOR)
        return options["reason"], command_arguments.actor_for(
            options["by"], [family.local_authority]
        )

    def _place(self, options: dict[str, Any]) -> None:
        if not options["family"]:
            raise CommandError(NEEDS_FAMILY)
        family = command_arguments.family_with_reference(options["family"], options["authority"])
        reason, actor = self._required(options, family)
        hold = services.legal_hold_place(family=family, reason=reason, actor=actor)
        self.stdout.write(f"Legal hold {hold.pk} placed on {family}.")

    def _lift(self, options: dict[str, Any]) -> None:
        value = options["lift"]
        hold = LegalHold.objects.filter(pk=int(value)).first() if value.isdigit() else None
        if hold is None:
            raise CommandError(NO_HOLD.format(value=value))
        reason, actor = self._required(options, hold.family)
        services.legal_hold_lift(hold=hold, reason=reason, actor=actor)
        self.stdout.write(f"Legal hold {hold.pk} lifted.")

"""`cpconf deadlines`: the dates a conference's policy sets, for scripts and for checking."""

import json
from argparse import ArgumentParser
from datetime import date, datetime
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from cpconf.deadlines import initial_conference_by, local_datetime, meeting_deadlines
from cpconf.organisations.policies import all_policies
from cpconf.policy import Policy

USAGE_ERROR = 2


def _fail(message: str) -> CommandError:
    return CommandError(message, returncode=USAGE_ERROR)


class Command(BaseCommand):
    help = (
        "Print the deadlines for a conference under a local policy: when reports are due and "
        "must be shared with the family, and by when the core group and next review must meet; "
        "or, from a strategy discussion, by when the initial conference must be held."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--policy", required=True, help="The local policy's name.")
        parser.add_argument("--meeting-type", help="A meeting type of that policy.")
        parser.add_argument(
            "--meeting-at",
            help="The conference's start, ISO 8601; without an offset it is UK local time.",
        )
        parser.add_argument(
            "--strategy-discussion", help="The strategy discussion's date, YYYY-MM-DD."
        )
        parser.add_argument("--json", action="store_true", help="Print one JSON object.")

    def handle(self, *args: Any, **options: Any) -> None:
        policy = _policy(options["policy"])
        if options["strategy_discussion"]:
            result = _initial_conference(policy, options["strategy_discussion"])
        elif options["meeting_type"] and options["meeting_at"]:
            result = _meeting(policy, options["meeting_type"], options["meeting_at"])
        else:
            raise _fail("Give --meeting-type and --meeting-at, or --strategy-discussion.")
        if options["json"]:
            self.stdout.write(json.dumps(result))
            return
        width = max(len(key) for key in result)
        for key, value in result.items():
            self.stdout.write(f"{key.ljust(width)}  {value}")


def _policy(name: str) -> Policy:
    policies = all_policies()
    if name not in policies:
        raise _fail(f"Unknown policy {name!r}; known: {', '.join(sorted(policies))}.")
    return policies[name]


def _meeting(policy: Policy, meeting_type: str, meeting_at: str) -> dict[str, str]:
    if meeting_type not in policy.meeting_types:
        known = ", ".join(policy.meeting_types)
        raise _fail(f"Unknown meeting type {meeting_type!r} for {policy.name}; known: {known}.")
    try:
        starts = datetime.fromisoformat(meeting_at)
    except ValueError:
        raise _fail(
            f"--meeting-at {meeting_at!r} is not a date and time like 2026-12-08T10:00+00:00."
        ) from None
    try:
        starts = local_datetime(starts)
    except ValueError as error:
        raise _fail(f"--meeting-at {meeting_at!r}: {error}.") from None
    deadlines = meeting_deadlines(policy, meeting_type, starts)
    return {
        "submit_by": deadlines.submit_by.isoformat(),
        "share_with_family_by": deadlines.share_with_family_by.isoformat(),
        "core_group_by": deadlines.core_group_by.date().isoformat(),
        "next_review_by": deadlines.next_review_by.date().isoformat(),
    }


def _initial_conference(policy: Policy, discussed: str) -> dict[str, str]:
    try:
        day = date.fromisoformat(discussed)
    except ValueError:
        raise _fail(f"--strategy-discussion {discussed!r} is not a date like 2026-11-02.") from None
    return {"initial_conference_by": initial_conference_by(policy, day).isoformat()}

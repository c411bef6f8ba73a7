"""Demo records for this part of the system, written after the conference records (see
cpconf.demo.seeding.LATER_PARTS): the outcome letters of the demo's finalised past records,
issued by each conference's chair on the first weekday after its record was finalised — one
to each parent or carer, dated that day, and for the Carters one also to Pauline, the
grandmother who helps every day, whom the chair chose. The chair approved each one's minutes
a week after the letter (the minutes are approved on their own, within the policy's days)."""

from datetime import datetime, timedelta
from typing import Any

from django.utils import timezone

from cpconf.families.models import FamilyMember
from cpconf.outcomes import selectors
from cpconf.outcomes.services import minutes_approve, outcome_issue

# The past conferences whose records cpconf.conference_records.demo finalises, and the other
# adults (by name) the chair sends a letter to as well.
ISSUED_FOR = {
    "ashdown-initial": (),
    "carter-initial": ("Pauline Carter",),
    "carter-first-review": ("Pauline Carter",),
    "price-initial": (),
}
ISSUED_AFTER_FINALISING = timedelta(days=1)
MINUTES_APPROVED_AFTER_THE_LETTER = timedelta(days=7)
SATURDAY = 5  # date.weekday()


def seed_demo_part(seeded: Any) -> None:
    for key, also_to in ISSUED_FOR.items():
        conference = seeded.conferences.get(key)
        version = selectors.latest_finalised_version(conference) if conference else None
        if version is None:
            continue  # no finalised record for it (yet): nothing to issue
        existing = selectors.letters_for(version)
        issued = existing or outcome_issue(
            record_version=version,
            actor=conference.chair,
            extra_recipients=FamilyMember.objects.filter(
                family=conference.family, full_name__in=also_to
            ),
            issued_at=min(_next_working_day(version.finalised_at), seeded.now),
            notify=False,
        )
        for letter in issued:
            seeded.summary.count(letter, created=not existing)
        approval, approved_now = minutes_approve(
            record_version=version,
            actor=conference.chair,
            approved_at=min(issued[0].issued_at + MINUTES_APPROVED_AFTER_THE_LETTER, seeded.now),
        )
        seeded.summary.count(approval, created=approved_now)


def _next_working_day(finalised_at: datetime) -> datetime:
    """A day after finalising, moved past a weekend: the unit posts letters on weekdays."""
    issued_at = finalised_at + ISSUED_AFTER_FINALISING
    while timezone.localtime(issued_at).weekday() >= SATURDAY:
        issued_at += timedelta(days=1)
    return issued_at

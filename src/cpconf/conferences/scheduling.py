"""What the unit is told before booking or moving a conference: warnings, not silence.

A warning does not stop the booking (the unit may have good reason); it is shown, and the
unit books anyway knowingly. Refusals (a date in the past, a review with no previous
conference) are in the booking form's validation.
"""

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.utils import timezone

from cpconf.accounts.models import User
from cpconf.conferences.models import Conference, ConferenceStatus
from cpconf.deadlines import (
    MeetingDeadlines,
    calendar_for_policy,
    initial_conference_by,
    meeting_deadlines,
    review_by,
)
from cpconf.families.models import Family

# A conference takes about two hours: another of the chair's starting this close is a clash.
CHAIR_CLASH_WINDOW = timedelta(hours=2, minutes=30)


@dataclass(frozen=True)
class Booking:
    """What is asked for, before it is saved."""

    family: Family
    meeting_type: str
    starts_at: datetime
    chair: User
    previous: Conference | None = None
    strategy_discussion_on: date | None = None
    moving: Conference | None = None  # the conference being rescheduled, if any


def _day(value: date) -> str:
    return f"{value:%A} {value.day} {value:%B %Y}"


def booking_warnings(booking: Booking) -> list[str]:
    policy = booking.family.local_authority.policy
    meeting_type = policy.meeting_type(booking.meeting_type)
    day = timezone.localtime(booking.starts_at).date()
    warnings = []
    calendar = calendar_for_policy(policy)
    if not calendar.is_working_day(day):
        reason = "a bank holiday" if calendar.is_bank_holiday(day) else "not a working day"
        if day in policy.closure_days:
            reason = "a day the unit is closed"
        elif day.weekday() >= 5:
            reason = "a weekend"
        warnings.append(f"{_day(day)} is {reason}.")
    if not meeting_type.is_review and booking.strategy_discussion_on is not None:
        due = initial_conference_by(policy, booking.strategy_discussion_on)
        if day > due:
            warnings.append(
                f"An initial conference must be held within "
                f"{policy.initial_conference_within_working_days} working days of the strategy "
                f"discussion on {_day(booking.strategy_discussion_on)}: by {_day(due)}."
            )
    if meeting_type.is_review and booking.previous is not None:
        previous_day = timezone.localtime(booking.previous.starts_at).date()
        due = review_by(policy, previous_day, booking.previous.stage == "review")
        if day > due:
            warnings.append(
                f"This review is due by {_day(due)}, counting from the conference on "
                f"{_day(previous_day)}."
            )
    clash = _chair_clash(booking)
    if clash is not None:
        clash_at = timezone.localtime(clash.starts_at)
        warnings.append(
            f"{booking.chair.get_full_name() or booking.chair.email} already chairs a conference "
            f"at {clash_at:%H:%M} on {_day(clash_at.date())} ({clash.family.name} family)."
        )
    return warnings


def warnings_digest(warnings: Sequence[str]) -> str:
    """A fingerprint of the warnings a page showed, which the page carries back: the unit's
    tick that it has read the warnings counts only while the answers draw exactly these, not
    for a date changed afterwards that draws others. Not a secret: it guards against going
    ahead unwarned, not against someone forging what they read."""
    return hashlib.sha256("\n".join(warnings).encode()).hexdigest()


def _chair_clash(booking: Booking) -> Conference | None:
    """Another conference of the chair's near that time. The family's own conference at the
    very same moment is no clash but the same meeting booked twice, which booking and moving
    refuse: a warning about it would only invite a tick."""
    nearby = (
        Conference.objects.filter(
            chair=booking.chair,
            starts_at__gt=booking.starts_at - CHAIR_CLASH_WINDOW,
            starts_at__lt=booking.starts_at + CHAIR_CLASH_WINDOW,
        )
        .exclude(status=ConferenceStatus.CANCELLED)
        .exclude(family=booking.family, starts_at=booking.starts_at)
    )
    if booking.moving is not None:
        nearby = nearby.exclude(pk=booking.moving.pk)
    return nearby.select_related("family").first()


def deadlines_for(conference: Conference) -> MeetingDeadlines:
    """When this conference's reports are due and must be shared with the family, under its
    authority's policy for its meeting type."""
    policy = conference.family.local_authority.policy
    return meeting_deadlines(policy, conference.meeting_type, conference.starts_at)

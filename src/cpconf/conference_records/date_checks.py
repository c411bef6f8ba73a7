"""The dates a conference agrees, checked against its own date and the policy's timescales.

No core group, review, child in need meeting or action to come may be before the meeting
(DESIGN.md, "What must be impossible"); a core group or review later than the policy allows
needs the reason recorded beside it; and nothing is finalised before the meeting has started.
Pure: the caller gives the meeting's date and the dates due, so these are tested on their own.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from cpconf.conference_records.record_content import (
    FUTURE_DATES,
    PLAN,
    FutureDates,
    Plan,
    Problem,
    gettext_noop,
    iso_date,
)

# The conference itself (its date and time), where a problem is not about a part of the record.
CONFERENCE = "conference"

MEETING_NOT_STARTED = gettext_noop(
    "The record can only be finalised once the conference has started, at {time} on {day}"
)
CORE_GROUP_BEFORE = gettext_noop(
    "The date of the core group meeting must be the same as or after {day}, the day of the "
    "conference"
)
NEXT_REVIEW_BEFORE = gettext_noop(
    "The date of the next review must be after {day}, the day of this conference"
)
CHILD_IN_NEED_BEFORE = gettext_noop(
    "The date of the child in need meeting must be the same as or after {day}, the day of the "
    "conference"
)
CORE_GROUP_LATE = gettext_noop(
    "The date of the core group meeting must be the same as or before {due}, {days} working "
    "days after the conference, or enter the reason the core group meets later"
)
NEXT_REVIEW_LATE = gettext_noop(
    "The date of the next review must be the same as or before {due}, {months} months after "
    "this conference, or enter the reason the review is later"
)
NOT_A_WORKING_DAY = gettext_noop(
    "The date of the {meeting} must be a working day: {day} is a weekend, a bank holiday or a "
    "day the council is closed"
)
ACTION_BEFORE = gettext_noop(
    "The date action {number} is due must be the same as or after {day}, the day of the conference"
)


@dataclass(frozen=True)
class Timescales:
    """The meeting's date and the latest dates the policy allows after it."""

    held_on: date
    core_group_by: date
    next_review_by: date
    core_group_within_working_days: int
    next_review_within_months: int
    # The authority's working days (weekdays, less its nation's bank holidays and its closure
    # days): the meetings agreed are held on one.
    is_working_day: Callable[[date], bool] = field(default=lambda day: day.weekday() < 5)


def long_date(day: date) -> str:
    return f"{day.day} {day:%B %Y}"


def not_started(starts_at: datetime, now: datetime) -> list[Problem]:
    """`starts_at` and `now` in the meeting's own time zone."""
    if now >= starts_at:
        return []
    message = MEETING_NOT_STARTED.format(time=f"{starts_at:%H:%M}", day=long_date(starts_at))
    return [Problem(CONFERENCE, "starts_at", message)]


def future_date_problems(future: dict[str, Any], due: Timescales) -> list[Problem]:
    """The future dates part's dates that must not be saved: before the meeting, or later
    than the policy allows with no reason given."""
    day = long_date(due.held_on)
    dates = FutureDates.from_json(future)
    core_group = iso_date(dates.core_group_on)
    next_review = iso_date(dates.next_review_on)
    child_in_need = iso_date(dates.child_in_need_meeting_on)
    late_core_group = dates.core_group_late_reason.strip()  # why it is later, if it is
    late_review = dates.next_review_late_reason.strip()
    problems = []
    if core_group and core_group < due.held_on:
        problems.append(_problem("core_group_on", CORE_GROUP_BEFORE.format(day=day)))
    elif core_group and core_group > due.core_group_by and not late_core_group:
        message = CORE_GROUP_LATE.format(
            due=long_date(due.core_group_by), days=due.core_group_within_working_days
        )
        problems.append(_problem("core_group_on", message))
    if next_review and next_review <= due.held_on:
        problems.append(_problem("next_review_on", NEXT_REVIEW_BEFORE.format(day=day)))
    elif next_review and next_review > due.next_review_by and not late_review:
        message = NEXT_REVIEW_LATE.format(
            due=long_date(due.next_review_by), months=due.next_review_within_months
        )
        problems.append(_problem("next_review_on", message))
    if child_in_need and child_in_need < due.held_on:
        problems.append(_problem("child_in_need_meeting_on", CHILD_IN_NEED_BEFORE.format(day=day)))
    return [*problems, *_not_on_working_days(dates, due, {p.field for p in problems})]


MEETINGS_AGREED = (
    ("core_group_on", "core group meeting"),
    ("next_review_on", "next review"),
    ("child_in_need_meeting_on", "child in need meeting"),
)


def _not_on_working_days(dates: FutureDates, due: Timescales, refused: set[str]) -> list[Problem]:
    """Meetings agreed for a day no one works, where the date is not refused already."""
    problems = []
    for name, meeting in MEETINGS_AGREED:
        day = iso_date(getattr(dates, name))
        if day and name not in refused and not due.is_working_day(day):
            message = NOT_A_WORKING_DAY.format(meeting=meeting, day=long_date(day))
            problems.append(_problem(name, message))
    return problems


def _problem(field: str, message: str) -> Problem:
    return Problem(FUTURE_DATES, field, message)


def action_date_problems(plan: dict[str, Any], held_on: date) -> list[Problem]:
    """Actions still to do with a date before the meeting. A done action's date is history
    (one carried forward from the last plan, say); an action with no date has none to check."""
    problems = []
    for index, action in enumerate(Plan.from_json(plan).actions):
        by_when = iso_date(action.by_when)
        if by_when and by_when < held_on and action.progress != "done":
            message = ACTION_BEFORE.format(number=index + 1, day=long_date(held_on))
            problems.append(Problem(PLAN, f"actions-{index}-by_when", message))
    return problems

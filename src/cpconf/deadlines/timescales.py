"""Deadlines counted from a meeting or an event, with the exact meanings the policies use.

- N working days before: the cut-off time on the working day N working days before the
  meeting's local date.
- N hours before: the meeting's start minus N clock hours, counted in UTC so that a change
  to or from British Summer Time in between does not move the deadline by an hour.
- N calendar days before: 23:59:59 local time on the date N days before the meeting's date.
- Within N working days after: the cut-off time on the Nth working day after the event.
- Within N months after: the same day of the month N months on, or that month's last day.
"""

import calendar as gregorian
from datetime import UTC, date, datetime, time, timedelta
from typing import Protocol
from zoneinfo import ZoneInfo

from cpconf.deadlines.working_days import LONDON, WorkingCalendar

NAIVE_DATETIME = (
    "{name} must include a time zone, for example 2026-10-26T10:00:00+00:00, not {value}"
)
UNKNOWN_UNIT = "Lead time unit must be one of working_days, hours, calendar_days, not {unit!r}"

END_OF_DAY = time(23, 59, 59)


class LeadTimeLike(Protocol):
    """Anything with an amount and a unit, such as `cpconf.policy.model.LeadTime`."""

    @property
    def amount(self) -> int: ...

    @property
    def unit(self) -> str: ...


def require_aware(value: datetime, name: str) -> datetime:
    """Refuse a naive datetime: guessing its zone would silently shift deadlines by an hour."""
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError(NAIVE_DATETIME.format(name=name, value=value.isoformat()))
    return value


def local_date(event: date | datetime, tz: ZoneInfo = LONDON) -> date:
    """The calendar date of an event where the authority is, not in UTC."""
    if isinstance(event, datetime):
        return require_aware(event, "event").astimezone(tz).date()
    return event


def end_of_day(day: date, tz: ZoneInfo = LONDON) -> datetime:
    """23:59:59 local time on `day`: how the policies say "by the end of the day"."""
    return datetime.combine(day, END_OF_DAY, tzinfo=tz)


def deadline_before(
    meeting_at: datetime, lead: LeadTimeLike, calendar: WorkingCalendar
) -> datetime:
    """When something is due ahead of a meeting, as an aware datetime in the calendar's zone."""
    require_aware(meeting_at, "meeting_at")
    meeting_day = meeting_at.astimezone(calendar.tz).date()
    if lead.unit == "working_days":
        due_day = calendar.working_days_before(meeting_day, lead.amount)
        return datetime.combine(due_day, calendar.cutoff, tzinfo=calendar.tz)
    if lead.unit == "hours":
        due_utc = meeting_at.astimezone(UTC) - timedelta(hours=lead.amount)
        return due_utc.astimezone(calendar.tz)
    if lead.unit == "calendar_days":
        return end_of_day(meeting_day - timedelta(days=lead.amount), calendar.tz)
    raise ValueError(UNKNOWN_UNIT.format(unit=lead.unit))


def within_working_days_after(
    event: date | datetime, count: int, calendar: WorkingCalendar
) -> datetime:
    """The cut-off time on the `count`th working day after the event's local date."""
    due_day = calendar.working_days_after(local_date(event, calendar.tz), count)
    return datetime.combine(due_day, calendar.cutoff, tzinfo=calendar.tz)


def within_months_after(event_date: date, months: int) -> date:
    """The same day of the month `months` later, or that month's last day if it has no such day.

    So 31 January plus one month is 28 February (29th in a leap year), never 3 March.
    """
    month_index = event_date.month - 1 + months
    year, month = event_date.year + month_index // 12, month_index % 12 + 1
    last_day = gregorian.monthrange(year, month)[1]
    return date(year, month, min(event_date.day, last_day))


def is_late(deadline: datetime, at: datetime) -> bool:
    """Whether something done `at` missed `deadline`; on the stroke of the deadline is in time.

    Compared in UTC: Python compares two datetimes in the same zone by wall clock, which is
    wrong in the repeated hour when the clocks go back.
    """
    at_utc = require_aware(at, "at").astimezone(UTC)
    return at_utc > require_aware(deadline, "deadline").astimezone(UTC)

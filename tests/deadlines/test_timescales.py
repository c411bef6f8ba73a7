"""The exact meanings of "before" and "within" in the policies.

British Summer Time in 2026 runs from Sunday 29 March to Sunday 25 October (clocks go back
at 02:00 BST, 01:00 UTC). Expected values are worked out by hand in the comments.
"""

from datetime import UTC, date, datetime, time, timedelta

import pytest

from cpconf.deadlines import (
    LONDON,
    NAIVE_DATETIME,
    UNKNOWN_UNIT,
    WorkingCalendar,
    deadline_before,
    end_of_day,
    is_late,
    within_months_after,
    within_working_days_after,
)
from cpconf.policy import LeadTime

ENGLAND = WorkingCalendar("england")


def london(
    year: int, month: int, day: int, hour: int = 0, minute: int = 0, second: int = 0
) -> datetime:
    """A wall-clock time in London, for writing expected values as they read on a calendar."""
    return datetime(year, month, day, hour, minute, second, tzinfo=LONDON)


def test_working_days_before_ends_at_the_cut_off_on_that_day():
    meeting = london(2026, 3, 16, 10, 0)  # Monday
    due = deadline_before(meeting, LeadTime(2, "working_days"), ENGLAND)
    # Fri 13 is one, Thu 12 is two; end of that working day is 17:00 GMT.
    assert due == london(2026, 3, 12, 17, 0)
    assert due.utcoffset() == timedelta(0)


def test_an_earlier_cut_off_moves_the_deadline():
    four_pm = WorkingCalendar("england", cutoff=time(16, 0))
    meeting = london(2026, 3, 16, 10, 0)
    due = deadline_before(meeting, LeadTime(2, "working_days"), four_pm)
    assert due == london(2026, 3, 12, 16, 0)


def test_working_days_before_in_summer_is_local_time():
    meeting = london(2026, 6, 15, 10, 0)  # Monday, BST
    due = deadline_before(meeting, LeadTime(2, "working_days"), ENGLAND)
    # Thursday 11 June 17:00 BST is 16:00 UTC.
    assert due.astimezone(UTC) == datetime(2026, 6, 11, 16, 0, tzinfo=UTC)


def test_working_days_before_across_christmas():
    meeting = london(2026, 12, 29, 10, 0)  # Tuesday after the Christmas bank holidays
    due = deadline_before(meeting, LeadTime(2, "working_days"), ENGLAND)
    # (Mon 28 and Fri 25 are holidays) Thu 24 is one, Wed 23 is two.
    assert due == london(2026, 12, 23, 17, 0)


def test_working_days_count_from_the_local_date_not_the_utc_date():
    # 00:30 BST on Tuesday 16 June is still Monday 15 June 23:30 in UTC.
    meeting = datetime(2026, 6, 15, 23, 30, tzinfo=UTC)
    due = deadline_before(meeting, LeadTime(1, "working_days"), ENGLAND)
    # One working day before Tuesday is Monday 15 June (counting from Monday would give Fri 12).
    assert due == london(2026, 6, 15, 17, 0)


def test_hours_before_across_the_autumn_clock_change():
    # Monday 26 October 10:00 GMT is 10:00 UTC; 48 hours earlier is Saturday 24 October
    # 10:00 UTC, which is 11:00 BST. Wall-clock arithmetic would wrongly give 10:00 BST.
    meeting = london(2026, 10, 26, 10, 0)
    due = deadline_before(meeting, LeadTime(48, "hours"), ENGLAND)
    assert due.astimezone(UTC) == datetime(2026, 10, 24, 10, 0, tzinfo=UTC)
    assert (due.hour, due.utcoffset()) == (11, timedelta(hours=1))
    # Subtracting in UTC: Python subtracts two times in the same zone by wall clock (47 hours).
    assert meeting.astimezone(UTC) - due.astimezone(UTC) == timedelta(hours=48)


def test_hours_before_across_the_spring_clock_change():
    # Monday 30 March 10:00 BST is 09:00 UTC; 48 hours earlier is Saturday 28 March
    # 09:00 UTC, which is 09:00 GMT (wall-clock arithmetic would give 10:00).
    meeting = london(2026, 3, 30, 10, 0)
    due = deadline_before(meeting, LeadTime(48, "hours"), ENGLAND)
    assert due == datetime(2026, 3, 28, 9, 0, tzinfo=UTC)
    assert (due.hour, due.utcoffset()) == (9, timedelta(0))


def test_calendar_days_before_end_at_23_59_59():
    meeting = london(2026, 3, 16, 10, 0)
    due = deadline_before(meeting, LeadTime(3, "calendar_days"), ENGLAND)
    # Three days before Monday 16 March is Friday 13 March, to the end of that day.
    assert due == london(2026, 3, 13, 23, 59, 59)


def test_calendar_days_ignore_weekends_and_use_summer_time():
    meeting = london(2026, 6, 15, 10, 0)  # Monday
    due = deadline_before(meeting, LeadTime(2, "calendar_days"), ENGLAND)
    # Saturday 13 June 23:59:59 BST is 22:59:59 UTC.
    assert due.astimezone(UTC) == datetime(2026, 6, 13, 22, 59, 59, tzinfo=UTC)


def test_an_unknown_lead_time_unit_is_refused():
    with pytest.raises(ValueError, match="not 'weeks'"):
        deadline_before(london(2026, 3, 16, 10), LeadTime(1, "weeks"), ENGLAND)
    assert UNKNOWN_UNIT.startswith("Lead time unit must be one of")


def test_within_working_days_after_a_date():
    # Monday 2 March: Tue 3 .. Fri 6 (4), Mon 9 .. Fri 13 (9), Mon 16 is the tenth.
    assert within_working_days_after(date(2026, 3, 2), 10, ENGLAND) == london(2026, 3, 16, 17)


def test_within_working_days_after_uses_the_events_local_date():
    # 23:30 UTC on Tuesday 31 March is 00:30 BST on Wednesday 1 April; the next working
    # day after Wednesday is Thursday 2 April.
    event = datetime(2026, 3, 31, 23, 30, tzinfo=UTC)
    assert within_working_days_after(event, 1, ENGLAND) == london(2026, 4, 2, 17)


def test_within_working_days_after_skips_closure_days():
    closed = WorkingCalendar("england", closure_days=[date(2026, 3, 3)], cutoff=time(16))
    # Tuesday 3 March is closed, so the first working day after Monday 2 is Wednesday 4.
    assert within_working_days_after(date(2026, 3, 2), 1, closed) == london(2026, 3, 4, 16)


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        (date(2026, 1, 31), 1, date(2026, 2, 28)),  # no 31 February
        (date(2028, 1, 31), 1, date(2028, 2, 29)),  # leap year
        (date(2026, 11, 30), 3, date(2027, 2, 28)),  # into the next year, short month
        (date(2026, 8, 31), 6, date(2027, 2, 28)),
        (date(2026, 3, 15), 3, date(2026, 6, 15)),  # same day when it exists
        (date(2026, 10, 20), 6, date(2027, 4, 20)),
        (date(2026, 12, 31), 3, date(2027, 3, 31)),
        (date(2026, 6, 30), 12, date(2027, 6, 30)),
    ],
)
def test_within_months_after(start, months, expected):
    assert within_months_after(start, months) == expected


def test_end_of_day_is_23_59_59_local_time():
    assert end_of_day(date(2026, 7, 1)) == datetime(2026, 7, 1, 22, 59, 59, tzinfo=UTC)
    assert end_of_day(date(2026, 12, 1)) == datetime(2026, 12, 1, 23, 59, 59, tzinfo=UTC)


def test_on_the_stroke_of_the_deadline_is_in_time():
    deadline = london(2026, 3, 12, 17, 0)
    assert not is_late(deadline, deadline)
    assert not is_late(deadline, datetime(2026, 3, 12, 17, 0, tzinfo=UTC))  # same instant
    assert is_late(deadline, deadline + timedelta(seconds=1))
    assert not is_late(deadline, deadline - timedelta(hours=1))


def test_lateness_in_the_repeated_hour_when_the_clocks_go_back():
    # On 25 October 2026 01:00-02:00 happens twice: first in BST (fold=0), then in GMT.
    deadline = datetime(2026, 10, 25, 1, 30, tzinfo=LONDON)  # 00:30 UTC
    at = datetime(2026, 10, 25, 1, 10, fold=1, tzinfo=LONDON)  # 01:10 UTC, forty minutes later
    assert is_late(deadline, at)
    assert not is_late(at, deadline)


def test_summer_deadlines_compare_by_instant():
    deadline = london(2026, 6, 11, 17, 0)  # 16:00 UTC
    assert is_late(deadline, datetime(2026, 6, 11, 16, 30, tzinfo=UTC))


@pytest.mark.parametrize(
    "call",
    [
        lambda: deadline_before(datetime(2026, 3, 16, 10), LeadTime(2, "working_days"), ENGLAND),
        lambda: within_working_days_after(datetime(2026, 3, 16, 10), 10, ENGLAND),
        lambda: is_late(london(2026, 3, 12, 17), datetime(2026, 3, 12, 18)),
        lambda: is_late(datetime(2026, 3, 12, 17), london(2026, 3, 12, 18)),
    ],
)
def test_naive_datetimes_are_refused(call):
    with pytest.raises(ValueError, match="must include a time zone"):
        call()
    assert "must include a time zone" in NAIVE_DATETIME

"""Working days: weekends, each nation's bank holidays and a policy's closure days.

Expected dates were worked out by hand from a 2026-27 calendar: 25 December 2026 is a
Friday, so Boxing Day (Saturday) is observed on Monday 28 December; 1 January 2027 is a
Friday and 2 January 2027 a Saturday, which Scotland observes on Monday 4 January.
"""

from datetime import date

import pytest

from cpconf.deadlines import NEGATIVE_COUNT, UNKNOWN_NATION, WorkingCalendar

ENGLAND = WorkingCalendar("england")
SCOTLAND = WorkingCalendar("scotland")
WALES = WorkingCalendar("wales")
NORTHERN_IRELAND = WorkingCalendar("northern_ireland")


def test_weekends_are_not_working_days():
    assert ENGLAND.is_working_day(date(2026, 3, 13))  # Friday
    assert not ENGLAND.is_working_day(date(2026, 3, 14))  # Saturday
    assert not ENGLAND.is_working_day(date(2026, 3, 15))  # Sunday
    assert ENGLAND.is_working_day(date(2026, 3, 16))  # Monday


def test_english_christmas_bank_holidays_including_the_substitute_day():
    assert not ENGLAND.is_working_day(date(2026, 12, 25))  # Christmas Day, Friday
    assert not ENGLAND.is_working_day(date(2026, 12, 28))  # Boxing Day observed, Monday
    assert ENGLAND.is_working_day(date(2026, 12, 29))  # an ordinary Tuesday
    assert not ENGLAND.is_working_day(date(2027, 1, 1))  # New Year's Day, Friday


def test_scotland_only_holidays_are_working_days_in_england():
    st_andrews_day = date(2026, 11, 30)  # a Monday
    new_year_holiday_observed = date(2027, 1, 4)  # Monday, for Saturday 2 January
    second_of_january_2026 = date(2026, 1, 2)  # a Friday
    for day in (st_andrews_day, new_year_holiday_observed, second_of_january_2026):
        assert not SCOTLAND.is_working_day(day)
        assert ENGLAND.is_working_day(day)


def test_easter_monday_is_a_holiday_in_england_but_not_in_scotland():
    easter_monday = date(2026, 4, 6)
    assert not ENGLAND.is_working_day(easter_monday)
    assert not WALES.is_working_day(easter_monday)
    assert SCOTLAND.is_working_day(easter_monday)


def test_northern_ireland_has_st_patricks_day():
    st_patricks_day = date(2026, 3, 17)  # a Tuesday
    assert not NORTHERN_IRELAND.is_working_day(st_patricks_day)
    assert ENGLAND.is_working_day(st_patricks_day)


def test_closure_days_are_not_working_days():
    calendar = WorkingCalendar("england", closure_days=[date(2026, 12, 29)])
    assert not calendar.is_working_day(date(2026, 12, 29))
    assert calendar.is_working_day(date(2026, 12, 30))


def test_working_days_before_a_monday_skip_the_weekend():
    monday = date(2026, 3, 16)
    assert ENGLAND.working_days_before(monday, 1) == date(2026, 3, 13)  # Friday
    assert ENGLAND.working_days_before(monday, 2) == date(2026, 3, 12)  # Thursday
    # Fri 13, Thu 12, Wed 11, Tue 10, Mon 9.
    assert ENGLAND.working_days_before(monday, 5) == date(2026, 3, 9)


def test_working_days_before_cross_christmas_and_new_year():
    wednesday = date(2027, 1, 6)
    # Tue 5 Jan, Mon 4 Jan, (Fri 1 Jan holiday), Thu 31, Wed 30, Tue 29 December.
    assert ENGLAND.working_days_before(wednesday, 5) == date(2026, 12, 29)
    # Scotland also loses Mon 4 Jan: Tue 5, Thu 31, Wed 30, Tue 29, (Mon 28, Fri 25) Thu 24.
    assert SCOTLAND.working_days_before(wednesday, 5) == date(2026, 12, 24)


def test_working_days_after_cross_easter():
    maundy_thursday = date(2026, 4, 2)
    # England: (Good Friday, weekend, Easter Monday) Tue 7, Wed 8, Thu 9 April.
    assert ENGLAND.working_days_after(maundy_thursday, 3) == date(2026, 4, 9)
    # Scotland works on Easter Monday: Mon 6, Tue 7, Wed 8.
    assert SCOTLAND.working_days_after(maundy_thursday, 3) == date(2026, 4, 8)


def test_zero_working_days_is_the_day_itself():
    assert ENGLAND.working_days_before(date(2026, 3, 16), 0) == date(2026, 3, 16)


def test_a_negative_count_is_refused():
    with pytest.raises(ValueError, match="must be 0 or more"):
        ENGLAND.working_days_after(date(2026, 3, 16), -1)
    assert "must be 0 or more" in NEGATIVE_COUNT


def test_an_unknown_nation_is_refused():
    with pytest.raises(ValueError, match="not 'ireland'"):
        WorkingCalendar("ireland")
    assert UNKNOWN_NATION.startswith("Nation must be one of")


def test_a_local_time_in_the_spring_clock_change_is_refused():
    from datetime import datetime

    from cpconf.deadlines import local_datetime

    with pytest.raises(ValueError, match="does not happen in Europe/London"):
        local_datetime(datetime(2027, 3, 28, 1, 30))
    assert local_datetime(datetime(2027, 3, 28, 2, 0)).utcoffset().total_seconds() == 3600

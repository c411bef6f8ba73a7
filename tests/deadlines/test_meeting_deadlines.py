"""Deadlines for the shipped policies, worked out by hand.

Northshire: 17:00 cut-off; reports 2 working days before an initial and 5 before a review;
shared 3 calendar days before; core group within 10 (initial) or 20 (review) working days.
Southvale: 16:00 cut-off; 48 hours for both; core group within 10; closed 29-31 Dec 2026.
Both: first review within 3 months, later reviews within 6.
"""

from datetime import UTC, datetime
from pathlib import Path

import pytest

from cpconf.deadlines import (
    LONDON,
    UNKNOWN_MEETING_TYPE,
    MeetingDeadlines,
    calendar_for_policy,
    meeting_deadlines,
)
from cpconf.policy import load_policy

POLICIES = Path(__file__).resolve().parents[2] / "src" / "cpconf" / "policies"


@pytest.fixture(scope="module")
def northshire():
    return load_policy(POLICIES / "northshire.toml")


@pytest.fixture(scope="module")
def southvale():
    return load_policy(POLICIES / "southvale.toml")


def london(
    year: int, month: int, day: int, hour: int = 0, minute: int = 0, second: int = 0
) -> datetime:
    """A wall-clock time in London, for writing expected values as they read on a calendar."""
    return datetime(year, month, day, hour, minute, second, tzinfo=LONDON)


def test_northshire_initial_conference(northshire):
    meeting = datetime(2026, 3, 16, 10, 0, tzinfo=UTC)  # Monday, 10:00 GMT
    assert meeting_deadlines(northshire, "initial", meeting) == MeetingDeadlines(
        # Fri 13 is one working day before, Thu 12 two.
        submit_by=london(2026, 3, 12, 17, 0),
        # Three calendar days before Monday 16 is Friday 13.
        share_with_family_by=london(2026, 3, 13, 23, 59, 59),
        # Tue 17 .. Fri 20 (4), Mon 23 .. Fri 27 (9), Mon 30 March (10), now in BST.
        core_group_by=london(2026, 3, 30, 17, 0),
        # Three months after 16 March.
        next_review_by=london(2026, 6, 16, 23, 59, 59),
    )


def test_northshire_review_across_christmas(northshire):
    meeting = london(2027, 1, 6, 10, 0)  # Wednesday
    deadlines = meeting_deadlines(northshire, "review", meeting)
    # Tue 5, Mon 4, (Fri 1 Jan holiday), Thu 31, Wed 30, Tue 29 December.
    assert deadlines.submit_by == london(2026, 12, 29, 17, 0)
    assert deadlines.share_with_family_by == london(2027, 1, 3, 23, 59, 59)
    # Jan 7-8 (2), 11-15 (7), 18-22 (12), 25-29 (17), Mon 1, Tue 2, Wed 3 February (20).
    assert deadlines.core_group_by == london(2027, 2, 3, 17, 0)
    # A review's next review is within six months: 6 July, in BST.
    assert deadlines.next_review_by == london(2027, 7, 6, 23, 59, 59)
    assert deadlines.next_review_by.utcoffset().total_seconds() == 3600


def test_southvale_initial_across_the_clock_change(southvale):
    meeting = london(2026, 10, 26, 10, 0)  # Monday after the clocks go back
    deadlines = meeting_deadlines(southvale, "initial", meeting)
    # 48 clock hours before 10:00 UTC Monday is 10:00 UTC Saturday, 11:00 BST.
    assert deadlines.submit_by == datetime(2026, 10, 24, 10, 0, tzinfo=UTC)
    assert deadlines.submit_by.hour == 11
    assert deadlines.share_with_family_by == deadlines.submit_by
    # Tue 27 .. Fri 30 (4), Mon 2 .. Fri 6 November (9), Mon 9 November (10), 16:00 cut-off.
    assert deadlines.core_group_by == london(2026, 11, 9, 16, 0)
    assert deadlines.next_review_by == london(2027, 1, 26, 23, 59, 59)


def test_southvale_closure_days_delay_the_core_group(southvale):
    meeting = london(2026, 12, 21, 10, 0)  # Monday before Christmas
    deadlines = meeting_deadlines(southvale, "review", meeting)
    # Tue 22, Wed 23, Thu 24 (3); 25 and 28 bank holidays; 29-31 closed; 1 Jan holiday;
    # Mon 4 .. Fri 8 (8), Mon 11 (9), Tue 12 January (10).
    assert deadlines.core_group_by == london(2027, 1, 12, 16, 0)
    assert deadlines.submit_by == london(2026, 12, 19, 10, 0)  # a Saturday: clock hours
    assert deadlines.next_review_by == london(2027, 6, 21, 23, 59, 59)


def test_the_policy_calendar_carries_its_closures_and_cut_off(southvale):
    calendar = calendar_for_policy(southvale)
    assert calendar.nation == "england"
    assert calendar.cutoff.hour == 16
    assert not calendar.is_working_day(datetime(2026, 12, 30).date())  # a closed Wednesday


def test_deadlines_print_as_iso_8601_with_offset(northshire):
    meeting = london(2026, 3, 16, 10, 0)
    printed = meeting_deadlines(northshire, "initial", meeting).to_dict()
    assert printed == {
        "submit_by": "2026-03-12T17:00:00+00:00",
        "share_with_family_by": "2026-03-13T23:59:59+00:00",
        "core_group_by": "2026-03-30T17:00:00+01:00",
        "next_review_by": "2026-06-16T23:59:59+01:00",
    }


def test_an_unknown_meeting_type_is_refused(northshire):
    with pytest.raises(ValueError, match="not 'strategy'"):
        meeting_deadlines(northshire, "strategy", london(2026, 3, 16, 10))
    assert UNKNOWN_MEETING_TYPE.startswith("Meeting type must be one of")


def test_a_naive_meeting_time_is_refused(northshire):
    with pytest.raises(ValueError, match="meeting_at must include a time zone"):
        meeting_deadlines(northshire, "initial", datetime(2026, 3, 16, 10, 0))


def test_the_statutory_chain_from_a_strategy_discussion_and_between_reviews():
    from datetime import date

    from cpconf.deadlines import initial_conference_by, review_by

    policy = load_policy(POLICIES / "northshire.toml")

    # Mon 14 Dec 2026 + 15 working days, skipping 25 and 28 Dec and 1 Jan: Thu 7 Jan 2027.
    assert initial_conference_by(policy, date(2026, 12, 14)) == date(2027, 1, 7)
    # First review within 3 months of an initial conference; 30 Nov has no 31st in February.
    assert review_by(policy, date(2026, 11, 30), previous_was_review=False) == date(2027, 2, 28)
    # Later reviews within 6 months of the previous review.
    assert review_by(policy, date(2027, 2, 28), previous_was_review=True) == date(2027, 8, 28)

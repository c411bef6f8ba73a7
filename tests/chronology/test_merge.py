"""The merged chronology on its own: order, and which near-duplicates merge.

Pairs kept as data, like the quality coach's examples: wordings of one event by two agencies
that must merge, and look-alike events that must stay apart."""

from datetime import date, timedelta

import pytest

from cpconf.chronology import (
    ADJACENT_DAYS,
    SIMILAR_ENOUGH,
    AgencyEvent,
    merge_chronologies,
    similarity,
)

CHILDREN = ("Lily", "Noah")
DAY = date(2026, 3, 4)

MUST_MERGE = [
    (
        "Police called to a domestic incident at home",
        "Police attended domestic incident at the family home",
    ),
    ("Mother missed the appointment", "Mother did not attend the appointment"),
    ("Lily taken to A&E with a burn to her hand", "Lily seen at A&E with burn on hand"),
    ("Lily absent from school", "Lily absent from school all week"),
    ("Mum moved to a new address", "Mother moved house to new address"),
    ("Child protection medical for Noah", "Noah had a child protection medical"),
    ("Father arrested for assault", "Dad was arrested for assault"),
]

MUST_NOT_MERGE = [
    # Same setting, different people: two visits, not one.
    ("Home visit by health visitor", "Home visit by social worker"),
    # One says it happened, the other that it did not.
    ("Mother attended the appointment", "Mother did not attend the appointment"),
    # Different children.
    ("Lily attended A&E with a burn to her hand", "Noah attended A&E with a burn to his hand"),
    # Different figures.
    ("Attendance 71%", "Attendance at 88%"),
    # Different events of the same day.
    ("Strategy discussion held", "Strategy meeting held with police and social care"),
    ("GP appointment for Noah: weight checked", "Health visitor weighed Noah at clinic"),
    ("Core group meeting", "Mother's tenancy ended"),
]


@pytest.mark.parametrize(("first", "second"), MUST_MERGE)
def test_wordings_of_one_event_are_similar_enough(first, second):
    assert similarity(first, second, names=CHILDREN) >= SIMILAR_ENOUGH
    assert similarity(second, first, names=CHILDREN) >= SIMILAR_ENOUGH


@pytest.mark.parametrize(("first", "second"), MUST_NOT_MERGE)
def test_look_alike_events_are_not(first, second):
    assert similarity(first, second, names=CHILDREN) < SIMILAR_ENOUGH


@pytest.mark.parametrize(("first", "second"), MUST_MERGE)
def test_two_agencies_recording_one_event_give_one_entry_with_both(first, second):
    merged = merge_chronologies(
        [AgencyEvent(DAY, first, "Police", "PC Ward"), AgencyEvent(DAY, second, "School", "")],
        names=CHILDREN,
    )

    assert len(merged) == 1
    assert merged[0].agencies == ("Police", "School")
    assert {w.event for w in merged[0].wordings} == {first, second}
    assert merged[0].is_merged


@pytest.mark.parametrize(("first", "second"), MUST_NOT_MERGE)
def test_look_alike_events_stay_two_entries(first, second):
    merged = merge_chronologies(
        [AgencyEvent(DAY, first, "Police"), AgencyEvent(DAY, second, "School")], names=CHILDREN
    )

    assert len(merged) == 2
    assert not any(m.is_merged for m in merged)


def test_adjacent_days_merge_and_the_entry_takes_the_earlier_date():
    later = DAY + timedelta(days=ADJACENT_DAYS)
    merged = merge_chronologies(
        [
            AgencyEvent(later, "Police attended domestic incident at the family home", "School"),
            AgencyEvent(DAY, "Police called to a domestic incident at home", "Police"),
        ]
    )

    assert len(merged) == 1
    assert merged[0].on == DAY
    assert [w.on for w in merged[0].wordings] == [DAY, later]


def test_the_same_words_two_days_apart_are_two_events():
    merged = merge_chronologies(
        [
            AgencyEvent(DAY, "Home visit, kitchen clean", "Health visiting"),
            AgencyEvent(DAY + timedelta(days=2), "Home visit, kitchen clean", "Social care"),
        ]
    )

    assert len(merged) == 2


def test_one_agency_s_own_entries_are_never_merged():
    merged = merge_chronologies(
        [
            AgencyEvent(DAY, "Lily absent from school", "School"),
            AgencyEvent(DAY, "Lily absent from school all week", "School"),
        ],
        names=CHILDREN,
    )

    assert len(merged) == 2


def test_three_agencies_recording_one_event_give_one_entry():
    merged = merge_chronologies(
        [
            AgencyEvent(DAY, "Police called to a domestic incident at home", "Police"),
            AgencyEvent(DAY, "Police attended domestic incident at the family home", "School"),
            AgencyEvent(DAY, "Domestic incident at home, police called", "Health visiting"),
        ]
    )

    assert len(merged) == 1
    assert set(merged[0].agencies) == {"Police", "School", "Health visiting"}


def test_events_come_in_date_order_with_undated_ones_last():
    events = [
        AgencyEvent(None, "Mother said she has a new partner", "Health visiting"),
        AgencyEvent(date(2026, 5, 1), "Core group meeting", "Social care"),
        AgencyEvent(date(2026, 1, 9), "Initial conference", "Social care"),
        AgencyEvent(date(2026, 3, 2), "Lily absent from school", "School"),
    ]

    merged = merge_chronologies(events)

    assert [m.on for m in merged] == [date(2026, 1, 9), date(2026, 3, 2), date(2026, 5, 1), None]


def test_an_event_joins_the_entry_it_is_most_like():
    merged = merge_chronologies(
        [
            AgencyEvent(DAY, "Home visit by health visitor, Noah weighed", "Health visiting"),
            AgencyEvent(DAY, "Home visit by social worker", "Social care"),
            AgencyEvent(DAY, "Social worker home visit, children seen", "Police"),
        ]
    )

    together = next(m for m in merged if m.is_merged)
    assert set(together.agencies) == {"Social care", "Police"}
    assert len(merged) == 2


def test_nothing_in_gives_nothing_out():
    assert merge_chronologies([]) == []

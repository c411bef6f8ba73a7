"""When the core group and the next review are due, from each authority's policy: a date
before the conference is refused, and a date later than the policy allows is refused unless
the chair records the reason."""

from datetime import date, datetime

import pytest

from cpconf.conference_records import date_checks, services
from cpconf.conference_records import record_content as parts
from cpconf.conferences.models import Stage
from cpconf.deadlines import LONDON
from tests.factories import ConferenceFactory, FamilyFactory, LocalAuthorityFactory

pytestmark = pytest.mark.django_db

# Tuesday 22 December 2026: Christmas Day, Boxing Day (moved to Monday 28th) and New Year's
# Day fall in the next ten working days; Southvale also closes on 29 to 31 December.
BEFORE_CHRISTMAS = datetime(2026, 12, 22, 10, 0, tzinfo=LONDON)
# Tuesday 2 March 2027: ten working days on is clear of holidays; twenty reach past Good
# Friday (26 March) and Easter Monday (29 March) 2027.
ORDINARY = datetime(2027, 3, 2, 13, 30, tzinfo=LONDON)


def conference(policy: str, meeting_type: str, starts_at: datetime):
    family = FamilyFactory(local_authority=LocalAuthorityFactory(policy_name=policy))
    stage = Stage.REVIEW if meeting_type.endswith("review") else Stage.INITIAL
    previous = None
    if stage == Stage.REVIEW:
        previous = ConferenceFactory(family=family, starts_at=starts_at.replace(year=2025))
    return ConferenceFactory(
        family=family,
        meeting_type=meeting_type,
        stage=stage,
        starts_at=starts_at,
        previous=previous,
    )


@pytest.mark.parametrize(
    ("policy", "meeting_type", "days", "core_group_by"),
    [
        ("northshire", "initial", 10, date(2027, 3, 16)),
        ("northshire", "safer_me_plus_initial", 10, date(2027, 3, 16)),
        ("northshire", "review", 20, date(2027, 4, 1)),
        ("northshire", "safer_me_plus_review", 20, date(2027, 4, 1)),
        ("southvale", "initial", 10, date(2027, 3, 16)),
        ("southvale", "review", 10, date(2027, 3, 16)),
    ],
)
def test_the_core_group_is_due_within_the_meeting_types_working_days(
    policy, meeting_type, days, core_group_by
):
    due = services.future_dates_due(conference(policy, meeting_type, ORDINARY))

    assert due["core_group_within_working_days"] == days
    assert due["core_group_by"] == core_group_by


def test_bank_holidays_are_not_working_days():
    due = services.future_dates_due(conference("northshire", "initial", BEFORE_CHRISTMAS))

    # 23, 24, 29, 30, 31 December, then 4 to 8 January.
    assert due["core_group_by"] == date(2027, 1, 8)


def test_the_authoritys_closure_days_are_not_working_days_either():
    due = services.future_dates_due(conference("southvale", "initial", BEFORE_CHRISTMAS))

    # 23 and 24 December, then 4 to 8 and 11 to 13 January.
    assert due["core_group_by"] == date(2027, 1, 13)


def test_twenty_working_days_after_a_review_over_christmas():
    due = services.future_dates_due(conference("northshire", "review", BEFORE_CHRISTMAS))

    assert due["core_group_by"] == date(2027, 1, 22)


@pytest.mark.parametrize("policy", ["northshire", "southvale"])
def test_the_first_review_is_due_within_three_months_of_an_initial_conference(policy):
    due = services.future_dates_due(conference(policy, "initial", BEFORE_CHRISTMAS))

    assert due["next_review_within_months"] == 3
    assert due["next_review_by"] == date(2027, 3, 22)


@pytest.mark.parametrize("policy", ["northshire", "southvale"])
def test_later_reviews_are_due_within_six_months_of_a_review(policy):
    due = services.future_dates_due(conference(policy, "review", BEFORE_CHRISTMAS))

    assert due["next_review_within_months"] == 6
    assert due["next_review_by"] == date(2027, 6, 22)


def test_a_month_without_the_day_ends_on_its_last_day():
    end_of_november = datetime(2027, 11, 30, 10, 0, tzinfo=LONDON)

    due = services.future_dates_due(conference("northshire", "initial", end_of_november))

    assert due["next_review_by"] == date(2028, 2, 29)  # a Tuesday, in a leap year


def test_a_review_due_on_a_weekend_is_due_by_the_working_day_before():
    end_of_november = datetime(2026, 11, 30, 10, 0, tzinfo=LONDON)

    due = services.future_dates_due(conference("northshire", "initial", end_of_november))

    # Three months on is Sunday 28 February 2027.
    assert due["next_review_by"] == date(2027, 2, 26)


def test_a_review_due_on_a_closure_day_is_due_by_the_working_day_before_it():
    # Six months after 30 June 2026 is 30 December, when Southvale is closed (29 to 31
    # December); Northshire is open that day.
    review = datetime(2026, 6, 30, 10, 0, tzinfo=LONDON)

    southvale = services.future_dates_due(conference("southvale", "review", review))
    northshire = services.future_dates_due(conference("northshire", "review", review))

    assert southvale["next_review_by"] == date(2026, 12, 24)
    assert northshire["next_review_by"] == date(2026, 12, 30)


def future(**dates: str) -> dict:
    return {**parts.empty_content([])[parts.FUTURE_DATES], **dates}


def problems_saving(meeting, **dates: str) -> list[parts.Problem]:
    return services.future_date_problems(meeting, future(**dates))


def test_dates_within_the_policy_are_accepted():
    meeting = conference("northshire", "initial", BEFORE_CHRISTMAS)

    assert problems_saving(meeting, core_group_on="2027-01-08", next_review_on="2027-03-22") == []


def test_a_next_review_before_the_conference_is_refused_naming_the_field():
    meeting = conference("northshire", "review", BEFORE_CHRISTMAS)

    problems = problems_saving(meeting, next_review_on="2026-12-01")

    assert problems == [
        parts.Problem(
            parts.FUTURE_DATES,
            "next_review_on",
            date_checks.NEXT_REVIEW_BEFORE.format(day="22 December 2026"),
        )
    ]


def test_a_core_group_or_child_in_need_meeting_before_the_conference_is_refused():
    meeting = conference("northshire", "initial", BEFORE_CHRISTMAS)

    problems = problems_saving(
        meeting, core_group_on="2026-12-21", child_in_need_meeting_on="2026-12-18"
    )

    assert problems == [
        parts.Problem(
            parts.FUTURE_DATES,
            "core_group_on",
            date_checks.CORE_GROUP_BEFORE.format(day="22 December 2026"),
        ),
        parts.Problem(
            parts.FUTURE_DATES,
            "child_in_need_meeting_on",
            date_checks.CHILD_IN_NEED_BEFORE.format(day="22 December 2026"),
        ),
    ]


def test_the_core_group_on_the_day_of_the_conference_is_accepted():
    meeting = conference("northshire", "initial", BEFORE_CHRISTMAS)

    assert problems_saving(meeting, core_group_on="2026-12-22") == []


def test_a_core_group_later_than_the_policy_allows_needs_a_reason():
    meeting = conference("northshire", "initial", BEFORE_CHRISTMAS)

    refused = problems_saving(meeting, core_group_on="2027-01-11")
    with_reason = problems_saving(
        meeting,
        core_group_on="2027-01-11",
        core_group_late_reason="The health visitor is away until 11 January.",
    )

    assert refused == [
        parts.Problem(
            parts.FUTURE_DATES,
            "core_group_on",
            date_checks.CORE_GROUP_LATE.format(due="8 January 2027", days=10),
        )
    ]
    assert with_reason == []


def test_a_next_review_later_than_the_statutory_months_needs_a_reason():
    initial = conference("northshire", "initial", BEFORE_CHRISTMAS)
    review = conference("southvale", "review", BEFORE_CHRISTMAS)

    first = problems_saving(initial, next_review_on="2027-03-23")
    later = problems_saving(review, next_review_on="2027-06-23")
    with_reason = problems_saving(
        review, next_review_on="2027-06-23", next_review_late_reason="The family asked for it."
    )

    assert first == [
        parts.Problem(
            parts.FUTURE_DATES,
            "next_review_on",
            date_checks.NEXT_REVIEW_LATE.format(due="22 March 2027", months=3),
        )
    ]
    assert later == [
        parts.Problem(
            parts.FUTURE_DATES,
            "next_review_on",
            date_checks.NEXT_REVIEW_LATE.format(due="22 June 2027", months=6),
        )
    ]
    assert with_reason == []


def test_a_reason_made_of_spaces_is_no_reason():
    meeting = conference("northshire", "initial", BEFORE_CHRISTMAS)

    assert problems_saving(meeting, core_group_on="2027-01-11", core_group_late_reason="   ") == [
        parts.Problem(
            parts.FUTURE_DATES,
            "core_group_on",
            date_checks.CORE_GROUP_LATE.format(due="8 January 2027", days=10),
        )
    ]


def test_a_late_child_in_need_meeting_is_a_warning_only():
    meeting = conference("northshire", "initial", BEFORE_CHRISTMAS)
    content = {parts.FUTURE_DATES: future(child_in_need_meeting_on="2027-01-11")}

    assert problems_saving(meeting, child_in_need_meeting_on="2027-01-11") == []
    assert services.future_date_warnings(meeting, content) == [
        services.CHILD_IN_NEED_LATE.format(due="8 January 2027", days=10)
    ]


def test_a_next_review_on_a_saturday_is_refused_naming_the_field():
    meeting = conference("northshire", "initial", ORDINARY)

    problems = problems_saving(meeting, next_review_on="2027-05-15")

    assert problems == [
        parts.Problem(
            parts.FUTURE_DATES,
            "next_review_on",
            date_checks.NOT_A_WORKING_DAY.format(meeting="next review", day="15 May 2027"),
        )
    ]


def test_a_core_group_or_child_in_need_meeting_on_a_bank_holiday_is_refused():
    meeting = conference("northshire", "initial", BEFORE_CHRISTMAS)

    problems = problems_saving(
        meeting, core_group_on="2026-12-28", child_in_need_meeting_on="2027-01-01"
    )

    assert [(p.field, p.message) for p in problems] == [
        (
            "core_group_on",
            date_checks.NOT_A_WORKING_DAY.format(
                meeting="core group meeting", day="28 December 2026"
            ),
        ),
        (
            "child_in_need_meeting_on",
            date_checks.NOT_A_WORKING_DAY.format(
                meeting="child in need meeting", day="1 January 2027"
            ),
        ),
    ]


def test_a_day_the_council_is_closed_is_refused_there_only():
    # Southvale closes on 29 to 31 December; Northshire works on the 29th.
    southvale = conference("southvale", "initial", BEFORE_CHRISTMAS)
    northshire = conference("northshire", "initial", BEFORE_CHRISTMAS)

    assert [p.field for p in problems_saving(southvale, core_group_on="2026-12-29")] == [
        "core_group_on"
    ]
    assert problems_saving(northshire, core_group_on="2026-12-29") == []


def test_a_weekend_date_before_the_conference_is_refused_once_for_being_before_it():
    meeting = conference("northshire", "review", BEFORE_CHRISTMAS)

    problems = problems_saving(meeting, next_review_on="2026-12-19")

    assert [p.message for p in problems] == [
        date_checks.NEXT_REVIEW_BEFORE.format(day="22 December 2026")
    ]

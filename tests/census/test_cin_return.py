"""The census core without Django: plans read from conference decisions, the year's cut, the
file, the DfE's rules and the schema check."""

from dataclasses import replace
from datetime import date, datetime, timedelta

from lxml import etree

from cpconf.census.cin_return import (
    NO_CHILDREN,
    CensusYear,
    ChildDecision,
    ChildItems,
    HeldConference,
    PlanItems,
    ReturnHeader,
    Section47Items,
    build_return,
    census_xml,
    episode_in_year,
    plans_from_conferences,
    schema_problems,
    validation_rules,
)
from cpconf.census.cin_return.figures import performance_figures

YEAR = CensusYear(2027)
MADE_AT = datetime(2027, 4, 20, 9, 30)
STARTS = ChildDecision(needs_plan=True, categories=("neglect",))
CONTINUES = ChildDecision(needs_plan=True, categories=("neglect", "emotional"))
ENDS = ChildDecision(needs_plan=False)
NO_PLAN = ChildDecision(needs_plan=False)


def held(pk: int, day: date, review: bool, decisions: dict, strategy: date | None = None):
    return HeldConference(pk, day, review, decisions, strategy)


def add_days(day: date, days: int) -> date:
    return day + timedelta(days=days)


def a_child(**changes) -> ChildItems:
    child = ChildItems(
        child_id=1,
        name="Lily Hartwell",
        la_child_id="NS-000101",
        upn="A123456789012",
        upn_unknown=None,
        birth_date=date(2019, 5, 14),
        expected_birth_date=None,
        gender="2",
        ethnicity="WBRI",
        referral_date=date(2026, 4, 20),
        referral_source="2A",
        initial_conference_on=date(2026, 5, 12),
        section_47s=(Section47Items(date(2026, 4, 28), date(2026, 5, 20), date(2026, 5, 12)),),
        plans=(
            PlanItems(
                started_on=date(2026, 5, 12),
                ended_on=None,
                initial_category="NEG",
                latest_category="MUL",
                previous_plans=1,
                review_dates=(date(2026, 8, 10),),
            ),
        ),
    )
    return replace(child, **changes)


HEADER = ReturnHeader(census_year=YEAR, la_code="201")


def test_census_year_2027_runs_from_1_april_2026_to_31_march_2027():
    assert (YEAR.starts_on, YEAR.ends_on) == (date(2026, 4, 1), date(2027, 3, 31))
    assert CensusYear.containing(date(2026, 12, 6)) == YEAR
    assert CensusYear.containing(date(2027, 3, 31)) == YEAR
    assert CensusYear.containing(date(2027, 4, 1)) == CensusYear(2028)


def test_a_plan_starts_at_the_conference_that_made_it_and_ends_at_the_one_that_ended_it():
    plans = plans_from_conferences(
        [
            held(3, date(2026, 11, 9), True, {1: ENDS}),
            held(1, date(2026, 5, 12), False, {1: STARTS, 2: NO_PLAN}),
            held(2, date(2026, 8, 10), True, {1: CONTINUES}),
        ]
    )
    assert list(plans) == [1]  # no plan made for child 2: nothing to return about plans
    (plan,) = plans[1]
    assert (plan.started_on, plan.ended_on) == (date(2026, 5, 12), date(2026, 11, 9))
    assert plan.initial_category == "NEG"
    assert plan.latest_category_on(date(2027, 3, 31)) == "MUL"  # neglect and emotional
    assert [day for day, _pk in plan.reviews] == [date(2026, 8, 10), date(2026, 11, 9)]


def test_a_plan_from_before_the_year_still_open_after_it_is_open_in_the_return():
    conferences = [
        held(1, date(2025, 12, 1), False, {1: STARTS}, date(2025, 11, 17)),
        held(2, date(2026, 2, 27), True, {1: STARTS}),
        held(3, date(2026, 8, 20), True, {1: CONTINUES}),
        held(4, date(2027, 2, 18), True, {1: CONTINUES}),
        held(5, date(2027, 6, 1), True, {1: ENDS}),  # after the year: not yet ended
    ]
    plans = plans_from_conferences(conferences)
    episode = episode_in_year(
        1, conferences, plans[1], YEAR, plans_before_records=0, target_for=lambda d: d
    )
    (plan,) = episode.plans
    assert plan.started_on == date(2025, 12, 1)
    assert plan.ended_on is None
    assert plan.review_dates == (date(2026, 8, 20), date(2027, 2, 18))  # the year's only
    assert plan.latest_category == "MUL"
    assert episode.section_47s == ()  # its initial conference was in the year before


def test_a_plan_ended_before_the_year_is_not_returned_but_counts_as_a_previous_plan():
    conferences = [
        held(1, date(2025, 5, 1), False, {1: STARTS}, date(2025, 4, 20)),
        held(2, date(2025, 11, 3), True, {1: ENDS}),
        held(3, date(2026, 9, 14), False, {1: STARTS}, date(2026, 9, 1)),
    ]
    plans = plans_from_conferences(conferences)
    episode = episode_in_year(
        1, conferences, plans[1], YEAR, plans_before_records=2, target_for=lambda d: d
    )
    (plan,) = episode.plans
    assert plan.started_on == date(2026, 9, 14)
    assert plan.previous_plans == 3  # two entered, one from this system's history
    assert episode.initial_conference_on == date(2026, 9, 14)
    assert episode.section_47s[0].started_on == date(2026, 9, 1)


def test_previous_plans_nobody_entered_are_unknown_not_nought():
    conferences = [held(1, date(2026, 5, 12), False, {1: STARTS}, date(2026, 4, 28))]
    plans = plans_from_conferences(conferences)
    episode = episode_in_year(
        1, conferences, plans[1], YEAR, plans_before_records=None, target_for=lambda d: d
    )
    assert episode.plans[0].previous_plans is None
    problems = validation_rules.missing_items(a_child(plans=episode.plans))
    assert [p.element for p in problems] == ["NumberOfPreviousCPP"]


def test_a_complete_child_makes_a_file_the_dfe_schema_accepts():
    made = build_return(HEADER, [a_child()], MADE_AT)
    assert made.problems == ()
    document = etree.fromstring(made.xml)
    assert document.findtext("Header/CollectionDetails/ReferenceDate") == "2027-03-31"
    assert document.findtext("Header/Source/LEA") == "201"
    plan = document.find("Children/Child/CINdetails/ChildProtectionPlans")
    assert plan.findtext("CPPstartDate") == "2026-05-12"
    assert plan.find("CPPendDate") is None
    assert plan.findtext("LatestCategoryOfAbuse") == "MUL"
    assert plan.findtext("Reviews/CPPreviewDate") == "2026-08-10"
    s47 = document.find("Children/Child/CINdetails/Section47")
    assert s47.findtext("InitialCPCtarget") == "2026-05-20"


def test_an_unborn_child_is_returned_by_expected_date_with_gender_not_recorded_or_unborn():
    unborn = a_child(
        name="Baby Price", birth_date=None, expected_birth_date=date(2027, 1, 30), gender=None
    )
    made = build_return(HEADER, [unborn], MADE_AT)
    assert made.problems == ()
    ids = etree.fromstring(made.xml).find("Children/Child/ChildIdentifiers")
    assert ids.find("PersonBirthDate") is None
    assert ids.findtext("ExpectedPersonBirthDate") == "2027-01-30"
    assert ids.findtext("GenderCurrent") == "0"


def test_items_the_system_does_not_hold_are_listed_by_what_is_missing_never_guessed():
    child = a_child(la_child_id=None, upn=None, ethnicity=None, referral_source=None)
    made = build_return(HEADER, [child], MADE_AT)
    assert made.xml is None
    missing = {(p.child, p.element) for p in made.problems}
    assert missing == {
        ("Lily Hartwell", "LAchildID"),
        ("Lily Hartwell", "UPN"),
        ("Lily Hartwell", "Ethnicity"),
        ("Lily Hartwell", "ReferralSource"),
    }
    assert all(p.message.startswith("Enter ") for p in made.problems)


def test_no_la_code_no_file():
    made = build_return(replace(HEADER, la_code=None), [a_child()], MADE_AT)
    assert made.xml is None
    assert [(p.child, p.element) for p in made.problems] == [("", "LEA")]


def test_the_schema_check_fails_a_broken_file_naming_the_child_and_element():
    xml = census_xml(HEADER, [a_child()], MADE_AT)
    broken = xml.replace(b"<InitialCategoryOfAbuse>NEG", b"<InitialCategoryOfAbuse>NGL")
    problems = schema_problems(broken)
    assert [(p.child, p.element) for p in problems] == [("NS-000101", "InitialCategoryOfAbuse")]
    assert "NGL" in problems[0].message
    missing_child = schema_problems(xml.replace(b"<LAchildID>NS-000101</LAchildID>", b""))
    assert missing_child and missing_child[0].element == "UPN"  # LAchildID expected first
    assert schema_problems(b"<Message><Children>")[0].element == "Message"


def test_a_first_plan_is_refused_by_the_2024_schema_which_wants_a_positive_number():
    """The reference schema types NumberOfPreviousCPP as xs:positiveInteger: nought, a
    child's first plan, does not validate. The return says so rather than writing 1."""
    first = a_child(plans=(replace(a_child().plans[0], previous_plans=0),))
    made = build_return(HEADER, [first], MADE_AT)
    assert made.xml is None
    assert [(p.child, p.element, p.message) for p in made.problems] == [
        ("Lily Hartwell", "NumberOfPreviousCPP", validation_rules.FIRST_PLAN_AGAINST_SCHEMA)
    ]


def plan(start, end=None, reviews=(), latest="NEG"):
    return PlanItems(start, end, "NEG", latest, 1, tuple(reviews))


def elements(child, year=YEAR):
    return [p.element for p in validation_rules.rule_problems(child, year)]


def test_rule_a_plan_ends_on_or_after_it_starts():
    assert elements(a_child(plans=(plan(date(2026, 6, 1), date(2026, 5, 1)),))) == ["CPPendDate"]
    assert elements(a_child(plans=(plan(date(2026, 6, 1), date(2026, 6, 1)),))) == []


def test_rule_reviews_are_within_the_plan():
    outside = plan(date(2026, 6, 1), date(2026, 12, 1), [date(2026, 5, 1), date(2026, 12, 2)])
    assert elements(a_child(plans=(outside,))) == ["CPPreviewDate", "CPPreviewDate"]
    inside = plan(date(2026, 6, 1), date(2026, 12, 1), [date(2026, 9, 1), date(2026, 12, 1)])
    assert elements(a_child(plans=(inside,))) == []


def test_rule_plans_do_not_overlap():
    first = plan(date(2026, 4, 10), date(2026, 9, 1))
    overlapping = plan(date(2026, 8, 1), None)
    assert elements(a_child(plans=(first, overlapping))) == ["CPPstartDate"]
    after = plan(date(2026, 9, 1), None)
    assert elements(a_child(plans=(first, after))) == []
    assert elements(a_child(plans=(plan(date(2026, 4, 10)), after))) == ["CPPstartDate"]


def test_rule_an_open_plan_has_a_latest_category():
    assert elements(a_child(plans=(plan(date(2026, 6, 1), latest=None),))) == [
        "LatestCategoryOfAbuse"
    ]


def test_rule_the_initial_conference_is_not_before_the_section_47_enquiry_started():
    early = Section47Items(date(2026, 5, 20), date(2026, 6, 10), date(2026, 5, 12))
    assert elements(a_child(section_47s=(early,))) == ["DateOfInitialCPC"]


def test_rule_nothing_after_the_reference_date():
    late = plan(date(2027, 4, 2))
    assert elements(a_child(plans=(late,))) == ["CPPstartDate"]


def test_figures_count_plans_by_category_conferences_and_reviews_on_time():
    conferences = [
        held(1, date(2026, 5, 12), False, {1: STARTS, 2: STARTS}, date(2026, 4, 28)),
        held(2, date(2026, 8, 10), True, {1: CONTINUES, 2: ENDS}),
        held(3, date(2026, 10, 1), False, {3: STARTS}, date(2026, 8, 1)),  # late
    ]
    plans = plans_from_conferences(conferences)
    figures = performance_figures(
        conferences=conferences,
        plans=plans,
        year=YEAR,
        up_to=date(2026, 12, 6),
        target_for=lambda strategy: add_days(strategy, 21),
        review_due=lambda previous, was_review: add_days(previous, 92 if not was_review else 183),
        plans_before_records={1: 0, 2: 1, 3: None},
    )
    assert figures.figure("started-NEG").child_ids == (1, 2, 3)
    assert figures.figure("ended-NEG").child_ids == (2,)
    icpc = figures.figure("icpc-on-time")
    assert (icpc.count, icpc.out_of, icpc.percent) == (2, 3, 67)
    reviews = figures.figure("reviews-on-time")
    assert (reviews.count, reviews.out_of) == (2, 2)
    repeat = figures.figure("second-plans")
    assert (repeat.child_ids, repeat.out_of) == ((2,), 3)
    assert figures.not_known["second-plans"] == 1


def test_a_year_with_no_children_says_so_and_makes_no_file():
    made = build_return(HEADER, [], MADE_AT)
    assert made.xml is None
    assert [(p.element, p.message) for p in made.problems] == [("Children", NO_CHILDREN)]

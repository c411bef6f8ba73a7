"""What stops a child's census items going to the DfE, before the schema is asked.

Two kinds: items this system does not hold and nobody has entered (ethnicity, UPN, the
referral), listed by what is missing so the unit can enter them — never guessed; and the
DfE's own validation rules on the child protection items (a plan ends after it starts, its
reviews are within it, plans do not overlap, an open plan has a latest category, the initial
conference is not before the section 47 enquiry started, nothing after the reference date).
"""

from datetime import date
from itertools import pairwise

from cpconf.census.cin_return.items import (
    CensusYear,
    ChildItems,
    PlanItems,
    Problem,
    ReturnHeader,
    Section47Items,
)

MISSING = "Enter {what}: this system does not hold it and it has not been entered"
MISSING_LA_CODE = "the authority's three-digit DfE local authority code (LEA)"
MISSING_LA_CHILD_ID = "the child's ID in the authority's case system"
MISSING_UPN = "the child's unique pupil number (UPN), or the reason it is not known"
MISSING_GENDER = "the child's gender"
MISSING_ETHNICITY = "the child's ethnicity"
MISSING_REFERRAL_DATE = "the date of the referral that started this episode"
MISSING_REFERRAL_SOURCE = "the source of the referral"
MISSING_PREVIOUS_PLANS = (
    "how many child protection plans the child had before this system's records"
)
MISSING_STRATEGY_DISCUSSION = (
    "the date of the strategy discussion that started the section 47 enquiry (on the initial "
    "conference)"
)
MISSING_CATEGORY = "the {which} category of abuse: the conference decided a plan without one"

PLAN_ENDS_BEFORE_START = "The plan ends on {end}, before it started on {start}"
REVIEW_OUTSIDE_PLAN = "The review on {day} is not within the plan ({start} to {end})"
PLANS_OVERLAP = "The plan starting on {start} begins before the plan before it ended ({end})"
ICPC_BEFORE_S47 = (
    "The initial conference on {held} is before the section 47 enquiry started on {start}"
)
REFERRAL_AFTER_ICPC = "The referral on {referral} is after the initial conference on {held}"
AFTER_REFERENCE_DATE = "{what} {day} is after the census reference date, {reference}"
FIRST_PLAN_AGAINST_SCHEMA = (
    "This is the child's first plan (0 before it), but the 2024 DfE schema accepts only 1 or "
    "more in NumberOfPreviousCPP: check the DfE's current schema before sending"
)
NO_BIRTH_DATE = "Enter the child's date of birth, or the expected date for an unborn child"
OPEN = "open"


def header_problems(header: ReturnHeader) -> list[Problem]:
    if header.la_code:
        return []
    return [Problem("", "LEA", MISSING.format(what=MISSING_LA_CODE))]


def missing_items(child: ChildItems) -> list[Problem]:
    """The items the schema or the DfE require that nobody has entered for this child."""
    wanted = [
        ("LAchildID", child.la_child_id, MISSING_LA_CHILD_ID),
        # An unborn child has no UPN to give nor a reason to enter.
        ("UPN", child.upn or child.upn_unknown or (child.is_unborn or None), MISSING_UPN),
        ("GenderCurrent", child.gender or (child.is_unborn or None), MISSING_GENDER),
        ("Ethnicity", child.ethnicity, MISSING_ETHNICITY),
        ("CINreferralDate", child.referral_date, MISSING_REFERRAL_DATE),
        ("ReferralSource", child.referral_source, MISSING_REFERRAL_SOURCE),
    ]
    problems = [
        _problem(child, element, MISSING.format(what=what))
        for element, value, what in wanted
        if value is None or value == ""
    ]
    if child.birth_date is None and child.expected_birth_date is None:
        problems.append(_problem(child, "PersonBirthDate", NO_BIRTH_DATE))
    if any(plan.previous_plans is None for plan in child.plans):
        problems.append(
            _problem(child, "NumberOfPreviousCPP", MISSING.format(what=MISSING_PREVIOUS_PLANS))
        )
    if any(s47.started_on is None for s47 in child.section_47s):
        problems.append(
            _problem(child, "S47ActualStartDate", MISSING.format(what=MISSING_STRATEGY_DISCUSSION))
        )
    return problems


def rule_problems(child: ChildItems, year: CensusYear) -> list[Problem]:
    """The DfE's validation rules on this child's child protection items."""
    problems = []
    for plan in child.plans:
        problems += _plan_problems(child, plan, year)
    problems += _overlaps(child)
    for enquiry in child.section_47s:
        problems += _section_47_problems(child, enquiry, year)
    return problems


def child_problems(child: ChildItems, year: CensusYear) -> list[Problem]:
    return missing_items(child) + rule_problems(child, year)


def _problem(child: ChildItems, element: str, message: str) -> Problem:
    return Problem(child.name, element, message, child.child_id)


def _plan_problems(child: ChildItems, plan: PlanItems, year: CensusYear) -> list[Problem]:
    problems = []
    start, end = plan.started_on, plan.ended_on
    if end is not None and end < start:
        problems.append(
            _problem(child, "CPPendDate", PLAN_ENDS_BEFORE_START.format(end=end, start=start))
        )
    if plan.previous_plans == 0:
        # Not a rule of ours: the schema's positiveInteger, said in the unit's words.
        problems.append(_problem(child, "NumberOfPreviousCPP", FIRST_PLAN_AGAINST_SCHEMA))
    if plan.initial_category is None:
        message = MISSING_CATEGORY.format(which="initial")
        problems.append(_problem(child, "InitialCategoryOfAbuse", message))
    if plan.latest_category is None:
        # The DfE requires a latest category on every plan, and above all on an open one.
        message = MISSING_CATEGORY.format(which="latest")
        problems.append(_problem(child, "LatestCategoryOfAbuse", message))
    for day in plan.review_dates:
        if day < start or (end is not None and day > end):
            message = REVIEW_OUTSIDE_PLAN.format(day=day, start=start, end=end or OPEN)
            problems.append(_problem(child, "CPPreviewDate", message))
    problems += _after_reference(child, "CPPstartDate", start, year)
    problems += _after_reference(child, "CPPendDate", end, year)
    return problems


def _overlaps(child: ChildItems) -> list[Problem]:
    problems = []
    ordered = sorted(child.plans, key=lambda plan: plan.started_on)
    for before, after in pairwise(ordered):
        if before.ended_on is None or after.started_on < before.ended_on:
            message = PLANS_OVERLAP.format(start=after.started_on, end=before.ended_on or OPEN)
            problems.append(_problem(child, "CPPstartDate", message))
    return problems


def _section_47_problems(
    child: ChildItems, enquiry: Section47Items, year: CensusYear
) -> list[Problem]:
    problems = []
    started, held = enquiry.started_on, enquiry.initial_conference_on
    if started is not None and held is not None and held < started:
        message = ICPC_BEFORE_S47.format(held=held, start=started)
        problems.append(_problem(child, "DateOfInitialCPC", message))
    if child.referral_date is not None and held is not None and child.referral_date > held:
        message = REFERRAL_AFTER_ICPC.format(referral=child.referral_date, held=held)
        problems.append(_problem(child, "CINreferralDate", message))
    problems += _after_reference(child, "DateOfInitialCPC", held, year)
    return problems


def _after_reference(
    child: ChildItems, element: str, day: date | None, year: CensusYear
) -> list[Problem]:
    if day is None or day <= year.ends_on:
        return []
    message = AFTER_REFERENCE_DATE.format(what=element, day=day, reference=year.ends_on)
    return [_problem(child, element, message)]

"""The record's content rules, without a database: what stops finalisation, what a save
refuses and what a review's record starts from."""

import pytest

from cpconf.conference_records import record_content as parts
from cpconf.conference_records.record_content import Problem, finalisation_problems, validate_part
from tests.conference_records.builders import DANGER, GOALS, complete_content

CHILDREN = [(11, "Lily Hartwell"), (12, "Noah Hartwell")]
NORTHSHIRE = {"scale_low": 0, "scale_high": 10}
SOUTHVALE = {"scale_low": 1, "scale_high": 10}


def problems_of(content, **scale):
    return finalisation_problems(content, CHILDREN, **(scale or NORTHSHIRE))


def messages(problems: list[Problem]) -> list[str]:
    return [p.message for p in problems]


def test_empty_content_has_every_part_and_one_decision_per_child():
    content = parts.empty_content(CHILDREN)

    assert tuple(content) == parts.PART_KEYS
    rows = content[parts.DECISIONS]["children"]
    assert [(r["child_id"], r["name"], r["outcome"]) for r in rows] == [
        (11, "Lily Hartwell", ""),
        (12, "Noah Hartwell", ""),
    ]


def test_a_complete_record_has_no_problems():
    assert problems_of(complete_content(CHILDREN, "2027-03-01")) == []


def test_each_child_without_a_decision_is_named():
    content = parts.empty_content(CHILDREN)

    problems = problems_of(content)

    assert problems == [
        Problem(parts.INTRODUCTIONS, "participants", "Record who was present at the conference"),
        Problem(parts.DECISIONS, "children-0-outcome", "Choose a decision for Lily Hartwell"),
        Problem(parts.DECISIONS, "children-1-outcome", "Choose a decision for Noah Hartwell"),
    ]
    assert parts.CHOOSE_DECISION.format(name="Lily Hartwell") in messages(problems)


def test_someone_must_be_recorded_as_present():
    content = complete_content(CHILDREN, "2027-03-01")
    people = content[parts.INTRODUCTIONS]["participants"]
    content[parts.INTRODUCTIONS]["participants"] = [
        *({**p, "attendance": "apologies"} for p in people),
        {"name": " ", "role": "", "agency": "", "kind": "parent", "attendance": "present"},
    ]

    assert problems_of(content) == [
        Problem(parts.INTRODUCTIONS, "participants", parts.NO_ONE_PRESENT)
    ]
    content[parts.INTRODUCTIONS]["participants"][0]["attendance"] = "present"
    assert problems_of(content) == []


def test_scores_from_someone_since_recorded_as_absent_are_named_once():
    content = complete_content(CHILDREN, "2027-03-01")
    content[parts.INTRODUCTIONS]["participants"][0]["attendance"] = "apologies"  # Dawn

    assert problems_of(content) == [
        Problem(
            parts.SCALING,
            "scores-0-score",
            parts.SCORE_FROM_SOMEONE_ABSENT.format(participant="Dawn Hartwell"),
        )
    ]


def test_the_chair_and_the_minute_taker_do_not_score():
    content = complete_content(CHILDREN, "2027-03-01")
    content[parts.INTRODUCTIONS]["participants"][0]["kind"] = "chair"

    assert [p.field for p in problems_of(content)] == ["scores-0-score"]


def test_a_decision_the_agenda_does_not_offer_is_no_decision():
    from cpconf.conference_records.agenda import agenda_for_stage

    content = complete_content(CHILDREN, "2027-03-01", outcome=parts.PLAN_CONTINUES)
    initial = agenda_for_stage("initial")

    assert problems_of(content) == []  # the review's agenda offers it
    assert messages(finalisation_problems(content, CHILDREN, **NORTHSHIRE, agenda=initial)) == [
        parts.CHOOSE_DECISION.format(name="Lily Hartwell"),
        parts.CHOOSE_DECISION.format(name="Noah Hartwell"),
    ]


def test_a_save_is_checked_against_the_conferences_agenda():
    from cpconf.conference_records.agenda import agenda_for_stage

    initial = agenda_for_stage("initial")
    entries = {"entries": [{"heading": "not_working", "speaker": "Dawn", "text": "Mornings."}]}
    decisions = {"children": [{"child_id": 11, "outcome": parts.PLAN_CONTINUES}]}

    def problems(key, content, agenda=None):
        return validate_part(key, content, children=CHILDREN, **NORTHSHIRE, agenda=agenda)

    assert problems(parts.DISCUSSION, entries) == []
    assert problems(parts.DECISIONS, decisions) == []
    assert problems(parts.DISCUSSION, entries, initial) == [
        Problem(
            parts.DISCUSSION, "entries-0-heading", "Choose what the entry is about from the list"
        )
    ]
    assert problems(parts.DECISIONS, decisions, initial) == [
        Problem(parts.DECISIONS, "children-0-outcome", "Choose a decision from the list")
    ]


def test_an_unborn_babys_decision_keeps_no_has_suffered_answer():
    decisions = {
        "children": [
            {"child_id": 11, "suffered_harm": "yes", "likely_to_suffer": "yes"},
            {"child_id": 12, "suffered_harm": "yes", "likely_to_suffer": "yes", "unborn": True},
        ]
    }

    kept = parts.with_unborn(decisions, unborn={11})["children"]

    assert kept[0] == {"child_id": 11, "suffered_harm": "", "likely_to_suffer": "yes",
                       "unborn": True}  # fmt: skip
    assert kept[1]["unborn"] is False and kept[1]["suffered_harm"] == "yes"


def test_a_child_missing_from_the_decisions_is_still_named():
    content = complete_content(CHILDREN[:1], "2027-03-01")

    assert messages(problems_of(content)) == [parts.CHOOSE_DECISION.format(name="Noah Hartwell")]


def test_an_unknown_outcome_is_no_decision():
    content = complete_content(CHILDREN, "2027-03-01")
    content[parts.DECISIONS]["children"][1]["outcome"] = "maybe"

    assert messages(problems_of(content)) == [parts.CHOOSE_DECISION.format(name="Noah Hartwell")]


@pytest.mark.parametrize("outcome", parts.PLAN_OUTCOMES)
def test_a_plan_needs_a_category(outcome):
    content = complete_content(CHILDREN, "2027-03-01")
    content[parts.DECISIONS]["children"][0].update(outcome=outcome, categories=[])

    assert problems_of(content) == [
        Problem(
            parts.DECISIONS,
            "children-0-categories",
            parts.CHOOSE_CATEGORY.format(name="Lily Hartwell"),
        )
    ]
    assert "Lily Hartwell" in parts.CHOOSE_CATEGORY.format(name="Lily Hartwell")


@pytest.mark.parametrize("outcome", parts.PLAN_OUTCOMES)
@pytest.mark.parametrize("likely", ["no", ""])
def test_a_plan_needs_the_finding_that_the_child_is_likely_to_suffer_harm(outcome, likely):
    content = complete_content(CHILDREN, "2027-03-01")
    content[parts.DECISIONS]["children"][0].update(
        outcome=outcome, suffered_harm="no", likely_to_suffer=likely
    )

    assert problems_of(content) == [
        Problem(
            parts.DECISIONS,
            "children-0-likely_to_suffer",
            parts.PLAN_WITHOUT_LIKELY_HARM.format(name="Lily Hartwell"),
        )
    ]


def test_harm_suffered_but_not_likely_again_ends_the_plan_without_a_problem():
    content = complete_content(CHILDREN, "2027-03-01")
    content[parts.DECISIONS]["children"][0].update(
        outcome=parts.ENDS_NO_FURTHER_ACTION,
        suffered_harm="yes",
        likely_to_suffer="no",
        categories=[],
    )

    assert problems_of(content) == []


def test_no_category_is_needed_when_the_plan_ends():
    content = complete_content(CHILDREN, "")
    for row in content[parts.DECISIONS]["children"]:
        row.update(outcome=parts.ENDS_NO_FURTHER_ACTION, categories=[])

    assert problems_of(content) == []


def test_the_next_review_is_required_when_any_child_has_a_plan():
    content = complete_content(CHILDREN, "")
    content[parts.DECISIONS]["children"][1]["outcome"] = parts.ENDS_EARLY_HELP

    assert problems_of(content) == [
        Problem(parts.FUTURE_DATES, "next_review_on", parts.ENTER_NEXT_REVIEW)
    ]
    assert parts.ENTER_NEXT_REVIEW == "Enter the date of the next review conference"


def test_a_next_review_that_is_not_a_date_counts_as_missing():
    content = complete_content(CHILDREN, "31/02/2027")

    assert messages(problems_of(content)) == [parts.ENTER_NEXT_REVIEW]


def test_a_child_in_need_plan_needs_its_meeting_date_and_no_review():
    content = complete_content(CHILDREN, "")
    for row in content[parts.DECISIONS]["children"]:
        row.update(outcome=parts.ENDS_CHILD_IN_NEED, categories=[])

    assert problems_of(content) == [
        Problem(parts.FUTURE_DATES, "child_in_need_meeting_on", parts.ENTER_CHILD_IN_NEED_MEETING)
    ]
    content[parts.FUTURE_DATES]["child_in_need_meeting_on"] = "2027-01-20"
    assert problems_of(content) == []


def test_a_score_outside_the_policy_range_is_named_with_who_and_which_child():
    content = complete_content(CHILDREN, "2027-03-01")
    content[parts.SCALING]["scores"][1]["score"] = 0

    assert problems_of(content, **NORTHSHIRE) == []
    assert problems_of(content, **SOUTHVALE) == [
        Problem(
            parts.SCALING,
            "scores-1-score",
            parts.SCORE_OUT_OF_RANGE.format(
                participant="Dawn Hartwell", name="Noah Hartwell", low=1, high=10
            ),
        )
    ]
    assert (
        "Dawn Hartwell's score for Noah Hartwell" in messages(problems_of(content, **SOUTHVALE))[0]
    )


def test_every_problem_is_reported_at_once():
    content = complete_content(CHILDREN, "")
    content[parts.DECISIONS]["children"][0]["categories"] = []
    content[parts.DECISIONS]["children"][1]["outcome"] = ""
    content[parts.SCALING]["scores"][0]["score"] = 11

    assert [p.field for p in problems_of(content)] == [
        "children-0-categories",
        "children-1-outcome",
        "next_review_on",
        "scores-0-score",
    ]


def test_a_saved_part_is_checked_for_dates_choices_children_and_scores():
    plan = {
        "actions": [
            {"action": "", "who": "Dawn", "by_when": "2027-02-30", "priority": "urgent",
             "progress": "done", "carried_forward": "yes", "child_ids": [11, 99]},
            "not a row",
        ]
    }  # fmt: skip

    problems = validate_part(parts.PLAN, plan, children=CHILDREN, **NORTHSHIRE)

    assert [p.field for p in problems] == [
        "actions-0-action",
        "actions-0-by_when",
        "actions-0-priority",
        "actions-0-carried_forward",
        "actions-0-child_ids",
        "actions-1",
    ]
    assert problems[0].message == parts.ENTER_ACTION.format(number=1)
    assert problems[1].message == parts.NOT_A_DATE.format(field="The date the action is due")
    assert problems[4].message == parts.UNKNOWN_CHILD


def test_a_saved_score_outside_the_range_is_refused_naming_the_field():
    scaling = {"scores": [{"participant": "Dawn Hartwell", "child_id": 12, "score": 12}]}

    problems = validate_part(parts.SCALING, scaling, children=CHILDREN, **NORTHSHIRE)

    assert problems == [
        Problem(
            parts.SCALING,
            "scores-0-score",
            parts.SCORE_OUT_OF_RANGE.format(
                participant="Dawn Hartwell", name="Noah Hartwell", low=0, high=10
            ),
        )
    ]


def test_a_saved_future_dates_part_needs_real_dates_and_true_or_false():
    future = {"next_review_on": "14 March", "core_group_on": "2027-01-05", "appeal_explained": 1}

    problems = validate_part(parts.FUTURE_DATES, future, children=CHILDREN, **NORTHSHIRE)

    assert [(p.field, p.message) for p in problems] == [
        ("next_review_on", parts.NOT_A_DATE.format(field="The date of the next review")),
        ("appeal_explained", parts.NOT_TRUE_OR_FALSE.format(field="Appeal explained")),
    ]


def test_unknown_parts_and_shapes_are_refused():
    assert validate_part("minutes", {}, children=CHILDREN, **NORTHSHIRE)[0].message == (
        parts.UNKNOWN_PART.format(key="minutes")
    )
    assert validate_part(parts.DISCUSSION, [], children=CHILDREN, **NORTHSHIRE)[0].field == ""
    problems = validate_part(parts.DISCUSSION, {"entries": "x"}, children=CHILDREN, **NORTHSHIRE)
    assert [p.field for p in problems] == ["entries"]


def test_every_part_of_a_complete_record_passes_the_save_checks():
    content = complete_content(CHILDREN, "2027-03-01")
    for key in parts.PART_KEYS:
        assert validate_part(key, content[key], children=CHILDREN, **NORTHSHIRE) == [], key


def test_a_review_starts_from_the_danger_statement_goals_plan_and_core_group():
    previous = complete_content(CHILDREN, "2027-03-01")
    previous[parts.WHY_HERE]["child_voice"] = "Lily said she feels safer."

    content = parts.carried_forward(previous, CHILDREN)

    assert content[parts.WHY_HERE]["danger_statement"] == DANGER
    assert content[parts.WHY_HERE]["safety_goals"] == GOALS
    assert content[parts.WHY_HERE]["child_voice"] == ""
    actions = content[parts.PLAN]["actions"]
    assert [(a["action"], a["progress"], a["carried_forward"]) for a in actions] == [
        ("Dawn to attend the recovery group weekly", "not_started", True),
        ("Book Noah's health review", "done", True),
    ]
    assert actions[0]["child_ids"] == [11]
    assert content[parts.FUTURE_DATES]["core_group_members"] == ["Dawn Hartwell", "Priya Shah"]


def test_a_review_does_not_carry_who_was_present_scores_decisions_or_dates():
    previous = complete_content(CHILDREN, "2027-03-01")

    content = parts.carried_forward(previous, CHILDREN)

    assert content[parts.INTRODUCTIONS]["participants"] == []
    assert content[parts.SCALING]["scores"] == []
    assert content[parts.DISCUSSION]["entries"] == []
    assert all(r["outcome"] == "" for r in content[parts.DECISIONS]["children"])
    assert content[parts.FUTURE_DATES]["next_review_on"] == ""


def test_a_child_no_longer_in_the_family_is_dropped_from_carried_actions():
    previous = complete_content(CHILDREN, "2027-03-01")

    content = parts.carried_forward(previous, [(12, "Noah Hartwell")])

    assert content[parts.PLAN]["actions"][0]["child_ids"] == []
    assert [r["child_id"] for r in content[parts.DECISIONS]["children"]] == [12]


def test_with_no_previous_record_a_review_starts_empty():
    assert parts.carried_forward(None, CHILDREN) == parts.empty_content(CHILDREN)

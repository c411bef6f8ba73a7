"""What a conference record holds, agenda section by agenda section.

A record is a mapping of part key to that part's content, plain JSON. The parts are the same
for every conference; the agenda the chair follows (`agenda.py`, data beside the report
forms: one for an initial conference, one for a review) orders, numbers and words them, and
says which discussion headings and decisions there are. The same mapping is frozen into a
`RecordVersion`, laid out as minutes, summarised in the outcome letter, read by the API and
carried forward into the next conference's record. Nothing here imports Django.

    family_meeting   {"held": "yes" | "no", "notes", "attended": [str]}
    introductions    {"participants": [Participant], "parents_report",
                      "confidentiality_confirmed": bool, "equal_opportunities_confirmed": bool}
    why_here         {"child_voice", "advocacy", "danger_statement", "safety_goals",
                      "additional_information", "questions"}
    discussion       {"entries": [{"heading", "speaker", "speaker_kind", "agency", "text"}]}
    plan             {"actions": [{"action", "who", "by_when", "priority", "progress",
                                   "carried_forward": bool, "child_ids": [int]}]}
    scaling          {"scores": [{"participant", "child_id", "score": int}]}
    decisions        {"children": [ChildDecision], "chair_summary",
                      "dissent": [{"who", "view"}]}
    future_dates     {"core_group_members": [str], "core_group_on", "core_group_late_reason",
                      "next_review_on", "next_review_late_reason",
                      "child_in_need_meeting_on", "feedback_forms_sent": bool,
                      "appeal_explained": bool}

    Participant      {"name", "role", "agency", "kind" (PARTICIPANT_KINDS),
                      "attendance": "present" | "apologies"}
    ChildDecision    {"child_id", "name", "unborn": bool, "suffered_harm": "yes" | "no",
                      "likely_to_suffer": "yes" | "no", "outcome" (the agenda's),
                      "categories": [CATEGORIES], "professional_views",
                      "consensus": "yes" | "no"}

Dates are ISO dates ("2026-12-14"). "heading" is one of the agenda's discussion headings;
"speaker_kind" is "parent" or "professional"; a parent's entries are asked for, and listed,
first. "consensus": "no" means the chair made the decision (seeds/004: if there is no
consensus, the chair decides). For an unborn child ("unborn": true) the only harm question is
whether the baby is likely to suffer significant harm: "suffered_harm" stays empty. A late
core group or review keeps its reason beside it.

The functions below (`empty_content`, `carried_forward`, `validate_part`,
`finalisation_problems`) are pure: they take the children as (child id, name) pairs, the
policy's scaling range as numbers and the agenda as read, so they are tested without a
database.
"""

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from cpconf.conference_records.agenda import Agenda

FAMILY_MEETING = "family_meeting"
INTRODUCTIONS = "introductions"
WHY_HERE = "why_here"
DISCUSSION = "discussion"
PLAN = "plan"
SCALING = "scaling"
DECISIONS = "decisions"
FUTURE_DATES = "future_dates"

# The parts of every record; an agenda (agenda.py) orders, numbers and words them.
PART_KEYS = (
    FAMILY_MEETING,
    INTRODUCTIONS,
    WHY_HERE,
    DISCUSSION,
    PLAN,
    SCALING,
    DECISIONS,
    FUTURE_DATES,
)

PARTICIPANT_KINDS = (
    ("parent", "Parent or carer"),
    ("young_person", "Young person"),
    ("family", "Other family member or supporter"),
    ("professional", "Professional"),
    ("chair", "Chair"),
    ("minute_taker", "Minute taker"),
)
FAMILY_KINDS = ("parent", "young_person", "family")

PRIORITIES = (("high", "High"), ("medium", "Medium"), ("low", "Low"))
PROGRESS = (
    ("new", "New action"),
    ("not_started", "Not started"),
    ("in_progress", "In progress"),
    ("done", "Done"),
    ("not_done", "Not done"),
)

# Every decision a conference can take for a child, in a review's words; an agenda offers some
# of them, in its own words. The first two mean a child protection plan (and a category).
PLAN_CONTINUES = "plan_continues"
PLAN_STARTS = "plan_starts"
ENDS_CHILD_IN_NEED = "ends_child_in_need"
ENDS_EARLY_HELP = "ends_early_help"
ENDS_NO_FURTHER_ACTION = "ends_no_further_action"
OUTCOMES = (
    (PLAN_CONTINUES, "Child protection plan continues"),
    (PLAN_STARTS, "Child protection plan starts"),
    (ENDS_CHILD_IN_NEED, "Child protection plan ends: child in need plan"),
    (ENDS_EARLY_HELP, "Child protection plan ends: early help"),
    (ENDS_NO_FURTHER_ACTION, "Child protection plan ends: no further action"),
)
PLAN_OUTCOMES = (PLAN_CONTINUES, PLAN_STARTS)
OUTCOME_KEYS = tuple(key for key, _label in OUTCOMES)

CATEGORIES = (
    ("neglect", "Neglect"),
    ("physical", "Physical abuse"),
    ("emotional", "Emotional abuse"),
    ("sexual", "Sexual abuse"),
)
CATEGORY_KEYS = tuple(key for key, _label in CATEGORIES)

YES_NO = (("yes", "Yes"), ("no", "No"))
ATTENDANCE = (("present", "Present"), ("apologies", "Sent apologies"))
SPEAKER_KINDS = (("parent", "Parent or carer"), ("professional", "Professional"))


def gettext_noop(message: str) -> str:
    """Marks a message for translation (makemessages looks for this name) without Django."""
    return message


# What stops a record being finalised, and what a save refuses, worded the GOV.UK way.
CHOOSE_DECISION = gettext_noop("Choose a decision for {name}")
CHOOSE_CATEGORY = gettext_noop(
    "Select the category of abuse or neglect for {name}'s child protection plan"
)
ENTER_NEXT_REVIEW = gettext_noop("Enter the date of the next review conference")
NO_ONE_PRESENT = gettext_noop("Record who was present at the conference")
ENTER_CHILD_IN_NEED_MEETING = gettext_noop("Enter the date of the child in need meeting")
SCORE_OUT_OF_RANGE = gettext_noop(
    "{participant}'s score for {name} must be a whole number from {low} to {high}"
)
ENTER_SCORE_PARTICIPANT = gettext_noop("Enter who gave the score for {name}")
UNKNOWN_PART = gettext_noop("There is no part of the record called {key}")
NOT_A_MAPPING = gettext_noop("{title} must be a set of answers")
NOT_A_LIST = gettext_noop("{field} must be a list")
NOT_A_ROW = gettext_noop("Row {number} of {field} must be a set of answers")
NOT_TEXT = gettext_noop("{field} must be text")
NOT_TRUE_OR_FALSE = gettext_noop("{field} must be yes or no")
NOT_A_DATE = gettext_noop("{field} must be a real date, for example 2027-03-14")
NOT_A_CHOICE = gettext_noop("Choose {field} from the list")
UNKNOWN_CHILD = gettext_noop("Choose a child from this family")
ENTER_PARTICIPANT_NAME = gettext_noop("Enter the name of participant {number}")
ENTER_ACTION = gettext_noop("Enter what needs to happen in action {number}")


@dataclass(frozen=True)
class Problem:
    """Something missing or wrong: in which part, which field (a formset-style name such as
    "children-0-outcome" for a row, the key itself for a single answer) and what to do."""

    part: str
    field: str
    message: str


Children = Sequence[tuple[int, str]]


def _empty_decision(child_id: int, name: str) -> dict[str, Any]:
    return {
        "child_id": child_id,
        "name": name,
        "unborn": False,
        "suffered_harm": "",
        "likely_to_suffer": "",
        "outcome": "",
        "categories": [],
        "professional_views": "",
        "consensus": "",
    }


def empty_content(children: Children) -> dict[str, dict[str, Any]]:
    """Every part present, nothing answered; one decision row per child."""
    return {
        FAMILY_MEETING: {"held": "", "notes": "", "attended": []},
        INTRODUCTIONS: {
            "participants": [],
            "parents_report": "",
            "confidentiality_confirmed": False,
            "equal_opportunities_confirmed": False,
        },
        WHY_HERE: {
            "child_voice": "",
            "advocacy": "",
            "danger_statement": "",
            "safety_goals": "",
            "additional_information": "",
            "questions": "",
        },
        DISCUSSION: {"entries": []},
        PLAN: {"actions": []},
        SCALING: {"scores": []},
        DECISIONS: {
            "children": [_empty_decision(child_id, name) for child_id, name in children],
            "chair_summary": "",
            "dissent": [],
        },
        FUTURE_DATES: {
            "core_group_members": [],
            "core_group_on": "",
            "core_group_late_reason": "",
            "next_review_on": "",
            "next_review_late_reason": "",
            "child_in_need_meeting_on": "",
            "feedback_forms_sent": False,
            "appeal_explained": False,
        },
    }


def carried_forward(previous: dict[str, Any] | None, children: Children) -> dict[str, Any]:
    """A review's record, started from the previous conference's latest finalised version.

    The danger statement and safety goals agreed before, the plan's actions (marked as carried
    forward, progress to be reported afresh unless done) and the core group's members come
    across; who was present, what was said, the scores, the decisions and the dates do not.
    """
    content = empty_content(children)
    if not previous:
        return content
    why_here = previous.get(WHY_HERE) or {}
    for key in ("danger_statement", "safety_goals"):
        content[WHY_HERE][key] = _text(why_here.get(key))
    child_ids = {child_id for child_id, _name in children}
    content[PLAN]["actions"] = [
        _carried_action(action, child_ids)
        for action in _rows((previous.get(PLAN) or {}).get("actions"))
    ]
    members = (previous.get(FUTURE_DATES) or {}).get("core_group_members")
    content[FUTURE_DATES]["core_group_members"] = [
        member for member in (members if isinstance(members, list) else []) if _text(member)
    ]
    return content


def _carried_action(action: dict[str, Any], child_ids: set[int]) -> dict[str, Any]:
    ids = action.get("child_ids")
    return {
        "action": _text(action.get("action")),
        "who": _text(action.get("who")),
        "by_when": _text(action.get("by_when")),
        "priority": _text(action.get("priority")),
        "progress": "done" if action.get("progress") == "done" else "not_started",
        "carried_forward": True,
        "child_ids": [i for i in (ids if isinstance(ids, list) else []) if i in child_ids],
    }


def _text(value: Any) -> str:
    return value if isinstance(value, str) else ""


def rows_of(value: Any) -> list[dict[str, Any]]:
    """The rows of a list in the content, anything that is not a row left out."""
    return [row for row in value if isinstance(row, dict)] if isinstance(value, list) else []


_rows = rows_of


def _names(children: Children) -> dict[int, str]:
    return dict(children)


def review_agenda() -> "Agenda":
    """The agenda a caller that names none means: the review's, which the record first had."""
    from cpconf.conference_records.agenda import agenda_for_stage

    return agenda_for_stage("review")


def finalisation_problems(
    content: dict[str, Any],
    children: Children,
    *,
    scale_low: int,
    scale_high: int,
    agenda: "Agenda | None" = None,
) -> list[Problem]:
    """Why the record cannot be finalised yet; an empty list means it can.

    Someone must be recorded as present; each child needs one of the agenda's decisions, a
    plan needs its category, a plan needs the next review's date (and a child in need plan
    its meeting's date), and every score must be in range.
    """
    offered = (agenda or review_agenda()).outcome_keys
    problems = _attendance_problems(content.get(INTRODUCTIONS) or {})
    decisions = {
        row.get("child_id"): (index, row)
        for index, row in enumerate(_rows((content.get(DECISIONS) or {}).get("children")))
    }
    outcomes = []
    for child_id, name in children:
        index, row = decisions.get(child_id, (len(decisions), {}))
        outcome = row.get("outcome")
        outcomes.append(outcome)
        if outcome not in offered:
            problems.append(
                Problem(DECISIONS, f"children-{index}-outcome", CHOOSE_DECISION.format(name=name))
            )
        elif outcome in PLAN_OUTCOMES and not _known_categories(row.get("categories")):
            problems.append(
                Problem(
                    DECISIONS, f"children-{index}-categories", CHOOSE_CATEGORY.format(name=name)
                )
            )
    problems += _missing_dates(content.get(FUTURE_DATES) or {}, outcomes)
    problems += _score_problems(content.get(SCALING) or {}, children, scale_low, scale_high)
    return problems


def _attendance_problems(introductions: dict[str, Any]) -> list[Problem]:
    """A conference held with nobody recorded as present has no attendance to finalise."""
    present = [
        person
        for person in _rows(introductions.get("participants"))
        if _text(person.get("name")).strip() and person.get("attendance", "present") == "present"
    ]
    return [] if present else [Problem(INTRODUCTIONS, "participants", NO_ONE_PRESENT)]


def _known_categories(value: Any) -> list[str]:
    return [c for c in value if c in CATEGORY_KEYS] if isinstance(value, list) else []


def _missing_dates(future: dict[str, Any], outcomes: list[Any]) -> list[Problem]:
    problems = []
    if any(o in PLAN_OUTCOMES for o in outcomes) and not _iso_date(future.get("next_review_on")):
        problems.append(Problem(FUTURE_DATES, "next_review_on", ENTER_NEXT_REVIEW))
    if ENDS_CHILD_IN_NEED in outcomes and not _iso_date(future.get("child_in_need_meeting_on")):
        problems.append(
            Problem(FUTURE_DATES, "child_in_need_meeting_on", ENTER_CHILD_IN_NEED_MEETING)
        )
    return problems


def _score_problems(
    scaling: dict[str, Any], children: Children, low: int, high: int
) -> list[Problem]:
    check = _Check(SCALING, _names(children), low, high)
    problems = []
    for index, row in enumerate(_rows(scaling.get("scores"))):
        message = _score_problem(check, row.get("score"), row)
        if message:
            problems.append(Problem(SCALING, f"scores-{index}-score", message))
    return problems


ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def iso_date(value: Any) -> date | None:
    """An ISO date written in the content, or None for anything else."""
    if not isinstance(value, str) or not ISO_DATE.fullmatch(value):
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


_iso_date = iso_date


# The shape of each part, for the per-save checks: a field's kind is "text", "bool", "date",
# "texts" (a list of text), "child", "children", "categories", "score", a tuple of choices,
# or a dict (a list of rows of that shape).
def _keys(choices: tuple[tuple[str, str], ...]) -> tuple[str, ...]:
    return tuple(key for key, _label in choices)


PARTICIPANT_SHAPE = {
    "name": "text",
    "role": "text",
    "agency": "text",
    "kind": _keys(PARTICIPANT_KINDS),
    "attendance": _keys(ATTENDANCE),
}
ENTRY_SHAPE = {
    "heading": "heading",
    "speaker": "text",
    "speaker_kind": _keys(SPEAKER_KINDS),
    "agency": "text",
    "text": "text",
}
ACTION_SHAPE = {
    "action": "text",
    "who": "text",
    "by_when": "date",
    "priority": _keys(PRIORITIES),
    "progress": _keys(PROGRESS),
    "carried_forward": "bool",
    "child_ids": "children",
}
SCORE_SHAPE = {"participant": "text", "child_id": "child", "score": "score"}
DECISION_SHAPE = {
    "child_id": "child",
    "name": "text",
    "unborn": "bool",
    "suffered_harm": _keys(YES_NO),
    "likely_to_suffer": _keys(YES_NO),
    "outcome": "outcome",
    "categories": "categories",
    "professional_views": "text",
    "consensus": _keys(YES_NO),
}
DISSENT_SHAPE = {"who": "text", "view": "text"}
PART_SHAPES: dict[str, dict[str, Any]] = {
    FAMILY_MEETING: {"held": _keys(YES_NO), "notes": "text", "attended": "texts"},
    INTRODUCTIONS: {
        "participants": PARTICIPANT_SHAPE,
        "parents_report": "text",
        "confidentiality_confirmed": "bool",
        "equal_opportunities_confirmed": "bool",
    },
    WHY_HERE: dict.fromkeys(empty_content([])[WHY_HERE], "text"),
    DISCUSSION: {"entries": ENTRY_SHAPE},
    PLAN: {"actions": ACTION_SHAPE},
    SCALING: {"scores": SCORE_SHAPE},
    DECISIONS: {"children": DECISION_SHAPE, "chair_summary": "text", "dissent": DISSENT_SHAPE},
    FUTURE_DATES: {
        "core_group_members": "texts",
        "core_group_on": "date",
        "core_group_late_reason": "text",
        "next_review_on": "date",
        "next_review_late_reason": "text",
        "child_in_need_meeting_on": "date",
        "feedback_forms_sent": "bool",
        "appeal_explained": "bool",
    },
}
# In a row, these must be filled in: a row without them records nothing.
ROW_REQUIRED = {
    "participants": ("name", ENTER_PARTICIPANT_NAME),
    "actions": ("action", ENTER_ACTION),
}
# How a field is named in a message, where its key is not plain enough.
FIELD_LABELS = {
    "core_group_on": "The date of the core group meeting",
    "core_group_late_reason": "The reason the core group meets later",
    "next_review_late_reason": "The reason the next review is later",
    "next_review_on": "The date of the next review",
    "child_in_need_meeting_on": "The date of the child in need meeting",
    "by_when": "The date the action is due",
    "held": "whether the meeting was held",
    "kind": "who the participant is",
    "attendance": "whether they were present",
    "heading": "what the entry is about",
    "speaker_kind": "whether a parent or a professional said it",
    "priority": "a priority",
    "progress": "the progress made",
    "suffered_harm": "whether the child has suffered significant harm",
    "likely_to_suffer": "whether the child is likely to suffer significant harm",
    "outcome": "a decision",
    "consensus": "whether there was a consensus",
}


def _label(field: str) -> str:
    return FIELD_LABELS.get(field, field.replace("_", " ").capitalize())


@dataclass(frozen=True)
class _Check:
    part: str
    children: dict[int, str]
    low: int
    high: int
    headings: tuple[str, ...] = ()
    outcomes: tuple[str, ...] = ()


def validate_part(
    key: str,
    content: Any,
    *,
    children: Children,
    scale_low: int,
    scale_high: int,
    agenda: "Agenda | None" = None,
) -> list[Problem]:
    """What is wrong with one part as the chair saved it, each named, so the page can show the
    problems beside what was typed. Missing answers are not problems here (the meeting is
    recorded as it goes); `finalisation_problems` says what must be there at the end. A
    heading or decision the conference's agenda does not offer is refused."""
    agenda = agenda or review_agenda()
    if key not in PART_SHAPES:
        return [Problem(key, "", UNKNOWN_PART.format(key=key))]
    if not isinstance(content, dict):
        title = agenda.section(key).title
        return [Problem(key, "", NOT_A_MAPPING.format(title=title))]
    check = _Check(
        key,
        _names(children),
        scale_low,
        scale_high,
        headings=agenda.heading_keys,
        outcomes=agenda.outcome_keys,
    )
    problems: list[Problem] = []
    for field, kind in PART_SHAPES[key].items():
        if field not in content:
            continue
        if isinstance(kind, dict):
            problems += _check_rows(check, field, kind, content[field])
        else:
            problems += _check_value(check, field, field, kind, content[field], {})
    return problems


def _check_rows(check: _Check, field: str, shape: dict[str, Any], rows: Any) -> list[Problem]:
    if not isinstance(rows, list):
        return [Problem(check.part, field, NOT_A_LIST.format(field=_label(field)))]
    problems: list[Problem] = []
    for index, row in enumerate(rows):
        name = f"{field}-{index}"
        if not isinstance(row, dict):
            message = NOT_A_ROW.format(number=index + 1, field=_label(field).lower())
            problems.append(Problem(check.part, name, message))
            continue
        required = ROW_REQUIRED.get(field)
        if required and not _text(row.get(required[0])).strip():
            message = required[1].format(number=index + 1)
            problems.append(Problem(check.part, f"{name}-{required[0]}", message))
        for key, kind in shape.items():
            if key in row:
                problems += _check_value(check, f"{name}-{key}", key, kind, row[key], row)
    return problems


def _check_value(
    check: _Check, name: str, key: str, kind: Any, value: Any, row: dict[str, Any]
) -> list[Problem]:
    message = _value_problem(check, key, kind, value, row)
    return [Problem(check.part, name, message)] if message else []


def _value_problem(check: _Check, key: str, kind: Any, value: Any, row: dict[str, Any]) -> str:
    label = _label(key)
    if isinstance(kind, tuple):
        return "" if value == "" or value in kind else NOT_A_CHOICE.format(field=label.lower())
    match kind:
        case "text":
            return "" if isinstance(value, str) else NOT_TEXT.format(field=label)
        case "bool":
            return "" if isinstance(value, bool) else NOT_TRUE_OR_FALSE.format(field=label)
        case "date":
            ok = value == "" or _iso_date(value) is not None
            return "" if ok else NOT_A_DATE.format(field=label)
        case "texts":
            ok = isinstance(value, list) and all(isinstance(v, str) for v in value)
            return "" if ok else NOT_A_LIST.format(field=label)
        case "child":
            return "" if value in check.children else UNKNOWN_CHILD
        case "children":
            ok = isinstance(value, list) and all(v in check.children for v in value)
            return "" if ok else UNKNOWN_CHILD
        case "categories":
            ok = isinstance(value, list) and all(v in CATEGORY_KEYS for v in value)
            return "" if ok else NOT_A_CHOICE.format(field="the category")
        case "score":
            return _score_problem(check, value, row)
        case "heading":
            ok = value == "" or value in check.headings
            return "" if ok else NOT_A_CHOICE.format(field=label.lower())
        case "outcome":
            ok = value == "" or value in check.outcomes
            return "" if ok else NOT_A_CHOICE.format(field=label.lower())
    return ""


def _score_problem(check: _Check, value: Any, row: dict[str, Any]) -> str:
    name = check.children.get(row.get("child_id"), "the child")  # type: ignore[arg-type]
    participant = _text(row.get("participant")).strip()
    if not participant:
        return ENTER_SCORE_PARTICIPANT.format(name=name)
    in_range = isinstance(value, int) and not isinstance(value, bool)
    if in_range and check.low <= value <= check.high:
        return ""
    return SCORE_OUT_OF_RANGE.format(
        participant=participant, name=name, low=check.low, high=check.high
    )


def normalised_part(key: str, content: dict[str, Any], children: Children) -> dict[str, Any]:
    """The part with every field present: what was given over the empty part's defaults."""
    return {**empty_content(children)[key], **content}


def with_unborn(decisions: dict[str, Any], unborn: set[int]) -> dict[str, Any]:
    """The decisions with each child's "unborn" set from the family's record (not from what
    was posted): an unborn baby cannot have suffered harm, so that answer is not kept."""
    children = []
    for row in _rows(decisions.get("children")):
        is_unborn = row.get("child_id") in unborn
        changed = {"unborn": is_unborn} | ({"suffered_harm": ""} if is_unborn else {})
        children.append({**row, **changed})
    return {**decisions, "children": children}


def part_children(content: dict[str, Any]) -> list[tuple[int, str]]:
    """The children a record's decisions are about, as (child id, name) pairs."""
    rows = _rows((content.get(DECISIONS) or {}).get("children"))
    return [(row["child_id"], _text(row.get("name"))) for row in rows if "child_id" in row]

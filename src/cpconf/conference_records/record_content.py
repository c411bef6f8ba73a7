"""What a conference record holds, agenda section by agenda section.

A record is a mapping of part key to that part's content, plain JSON. The parts are the same
for every conference; the agenda the chair follows (`agenda.py`, data beside the report
forms: one for an initial conference, one for a review) orders, numbers and words them, and
says which discussion headings and decisions there are. The same mapping is frozen into a
`RecordVersion`, laid out as minutes, summarised in the outcome letter, read by the API and
carried forward into the next conference's record. Nothing here imports Django.

The shape of each part is a dataclass below (`FamilyMeeting`, `Introductions` with its
`Participant` rows, `WhyHere`, `Discussion`, `Plan`, `Scaling`, `Decisions` with its
`ChildDecision` rows, `FutureDates`; `RecordContent` holds them all). Each field is defined
once, there: its name is the JSON key, its default the empty answer, and its metadata the kind
of value the per-save checks accept (`PART_SHAPES` is read from them). `from_json` reads what
was stored, whatever its age, leaving out what is not of the field's kind; `to_json` writes
the plain JSON that is stored, frozen, compared and sent. The editors, the check page, the
minutes, the letters, the quorum, the timescales and the API read and write a record through
these types.

Dates are ISO dates ("2026-12-14"). "heading" is one of the agenda's discussion headings;
"speaker_kind" is "parent" or "professional"; a parent's entries are asked for, and listed,
first. "consensus": "no" means the chair made the decision (seeds/004: if there is no
consensus, the chair decides). For an unborn child ("unborn": true) the only harm question is
whether the baby is likely to suffer significant harm: "suffered_harm" stays empty. A late
core group or review keeps its reason beside it.

Attendance: a participant is "present", "part" (present for part of the meeting: the times
they arrived or left, "HH:MM", and or the agenda items they were there for) or "apologies".
An interpreter or an advocate ("kind") says for whom ("for_whom"), as it is written in the
minutes ("Interpreter for Ms Ashdown").

The functions below (`empty_content`, `carried_forward`, `validate_part`,
`finalisation_problems`) are pure: they take the children as (child id, name) pairs, the
policy's scaling range as numbers and the agenda as read, so they are tested without a
database.
"""

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any, ClassVar

from cpconf.stored_json import StoredJson, json_field, rows_of_type

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
    ("interpreter", "Interpreter"),
    ("advocate", "Advocate"),
    ("chair", "Chair"),
    ("minute_taker", "Minute taker"),
)
FAMILY_KINDS = ("parent", "young_person", "family")
# Those who are there for someone else, and say for whom.
SUPPORTING_KINDS = ("interpreter", "advocate")

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
PRESENT = "present"
PART_OF_THE_MEETING = "part"
APOLOGIES = "apologies"
ATTENDANCE = (
    (PRESENT, "Present"),
    (PART_OF_THE_MEETING, "Present for part of the meeting"),
    (APOLOGIES, "Sent apologies"),
)
SPEAKER_KINDS = (("parent", "Parent or carer"), ("professional", "Professional"))


def gettext_noop(message: str) -> str:
    """Marks a message for translation (makemessages looks for this name) without Django."""
    return message


# What stops a record being finalised, and what a save refuses, worded the GOV.UK way.
CHOOSE_DECISION = gettext_noop("Choose a decision for {name}")
CHOOSE_CATEGORY = gettext_noop(
    "Select the category of abuse or neglect for {name}'s child protection plan"
)
PLAN_WITHOUT_LIKELY_HARM = gettext_noop(
    "A child protection plan for {name} needs the conference to find that {name} is likely "
    "to suffer significant harm: answer that question “Yes”, or choose another decision"
)
ENTER_NEXT_REVIEW = gettext_noop("Enter the date of the next review conference")
NO_ONE_PRESENT = gettext_noop("Record who was present at the conference")
ENTER_CHILD_IN_NEED_MEETING = gettext_noop("Enter the date of the child in need meeting")
SCORE_OUT_OF_RANGE = gettext_noop(
    "{participant}'s score for {name} must be a whole number from {low} to {high}"
)
ENTER_SCORE_PARTICIPANT = gettext_noop("Enter who gave the score for {name}")
SCORE_FROM_SOMEONE_ABSENT = gettext_noop(
    "{participant} is not recorded as present, so their scores cannot be in the record: "
    "remove them, or record {participant} as present in the introductions"
)
SCORE_NOT_OFFERED = gettext_noop(
    "A score can only be given by someone recorded as present, for one of the children: "
    "the page was changed, so nothing was saved"
)
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
NOT_A_TIME = gettext_noop("{field} must be a time on the 24-hour clock, for example 14:30")
ENTER_PART_ATTENDED = gettext_noop(
    "Enter when {name} arrived or left, or the items they were present for"
)
ENTER_FOR_WHOM = gettext_noop("Enter who {name} is {kind} for")
LEFT_BEFORE_ARRIVING = gettext_noop("{name} cannot leave before they arrived")


@dataclass(frozen=True)
class Problem:
    """Something missing or wrong: in which part, which field (a formset-style name such as
    "children-0-outcome" for a row, the key itself for a single answer) and what to do."""

    part: str
    field: str
    message: str


Children = Sequence[tuple[int, str]]


def _keys(choices: tuple[tuple[str, str], ...]) -> tuple[str, ...]:
    return tuple(key for key, _label in choices)


# --- The typed content: one definition per field ----------------------------------------------
#
# Each field's kind (`cpconf.stored_json`) says what value it holds: "text", "bool", "date",
# "time", "texts", "child" (a child id), "children" (child ids), "categories", "score",
# "heading" and "outcome" (the agenda's), a tuple of choices, or rows of another type.


@dataclass
class FamilyMeeting(StoredJson):
    held: str = json_field(_keys(YES_NO))
    notes: str = json_field("text")
    attended: list[str] = field(default_factory=list, metadata={"kind": "texts"})


@dataclass
class Participant(StoredJson):
    """Someone at the conference, or who sent apologies; present for all of it or part."""

    name: str = json_field("text")
    role: str = json_field("text")
    agency: str = json_field("text")
    kind: str = json_field(_keys(PARTICIPANT_KINDS))
    attendance: str = json_field(_keys(ATTENDANCE), PRESENT)
    arrived_at: str = json_field("time")
    left_at: str = json_field("time")
    present_for: str = json_field("text")  # the agenda items, as the chair writes them
    for_whom: str = json_field("text")  # whom an interpreter or advocate is there for

    @property
    def was_present(self) -> bool:
        """There for all of the meeting or part of it (apologies are not presence)."""
        return bool(self.name.strip()) and self.attendance in (PRESENT, PART_OF_THE_MEETING)

    @property
    def is_family(self) -> bool:
        return self.kind in FAMILY_KINDS


NOT_SCORING = ("chair", "minute_taker")


@dataclass
class Introductions(StoredJson):
    participants: list[Participant] = field(
        default_factory=list, metadata=rows_of_type(Participant)
    )
    parents_report: str = json_field("text")
    confidentiality_confirmed: bool = json_field("bool", False)
    equal_opportunities_confirmed: bool = json_field("bool", False)

    @property
    def present(self) -> list[Participant]:
        return [p for p in self.participants if p.was_present]


@dataclass
class WhyHere(StoredJson):
    child_voice: str = json_field("text")
    advocacy: str = json_field("text")
    danger_statement: str = json_field("text")
    safety_goals: str = json_field("text")
    additional_information: str = json_field("text")
    questions: str = json_field("text")


@dataclass
class DiscussionEntry(StoredJson):
    heading: str = json_field("heading")
    speaker: str = json_field("text")
    speaker_kind: str = json_field(_keys(SPEAKER_KINDS))
    agency: str = json_field("text")
    text: str = json_field("text")


@dataclass
class Discussion(StoredJson):
    entries: list[DiscussionEntry] = field(
        default_factory=list, metadata=rows_of_type(DiscussionEntry)
    )


@dataclass
class PlanAction(StoredJson):
    action: str = json_field("text")
    who: str = json_field("text")
    by_when: str = json_field("date")
    priority: str = json_field(_keys(PRIORITIES))
    progress: str = json_field(_keys(PROGRESS))
    carried_forward: bool = json_field("bool", False)
    child_ids: list[int] = field(default_factory=list, metadata={"kind": "children"})


@dataclass
class Plan(StoredJson):
    actions: list[PlanAction] = field(default_factory=list, metadata=rows_of_type(PlanAction))


@dataclass
class Score(StoredJson):
    participant: str = json_field("text")
    child_id: int | None = json_field("child", None)
    score: int | None = json_field("score", None)


@dataclass
class Scaling(StoredJson):
    scores: list[Score] = field(default_factory=list, metadata=rows_of_type(Score))


@dataclass
class ChildDecision(StoredJson):
    child_id: int | None = json_field("child", None)
    name: str = json_field("text")
    unborn: bool = json_field("bool", False)
    suffered_harm: str = json_field(_keys(YES_NO))
    likely_to_suffer: str = json_field(_keys(YES_NO))
    outcome: str = json_field("outcome")
    categories: list[str] = field(default_factory=list, metadata={"kind": "categories"})
    professional_views: str = json_field("text")
    consensus: str = json_field(_keys(YES_NO))


@dataclass
class Dissent(StoredJson):
    who: str = json_field("text")
    view: str = json_field("text")


@dataclass
class Decisions(StoredJson):
    children: list[ChildDecision] = field(
        default_factory=list, metadata=rows_of_type(ChildDecision)
    )
    chair_summary: str = json_field("text")
    dissent: list[Dissent] = field(default_factory=list, metadata=rows_of_type(Dissent))


@dataclass
class FutureDates(StoredJson):
    core_group_members: list[str] = field(default_factory=list, metadata={"kind": "texts"})
    core_group_on: str = json_field("date")
    core_group_late_reason: str = json_field("text")
    next_review_on: str = json_field("date")
    next_review_late_reason: str = json_field("text")
    child_in_need_meeting_on: str = json_field("date")
    feedback_forms_sent: bool = json_field("bool", False)
    appeal_explained: bool = json_field("bool", False)


PART_TYPES: dict[str, type[StoredJson]] = {
    FAMILY_MEETING: FamilyMeeting,
    INTRODUCTIONS: Introductions,
    WHY_HERE: WhyHere,
    DISCUSSION: Discussion,
    PLAN: Plan,
    SCALING: Scaling,
    DECISIONS: Decisions,
    FUTURE_DATES: FutureDates,
}


@dataclass
class RecordContent:
    """A whole record, each part typed; read from and written as the stored mapping."""

    family_meeting: FamilyMeeting = field(default_factory=FamilyMeeting)
    introductions: Introductions = field(default_factory=Introductions)
    why_here: WhyHere = field(default_factory=WhyHere)
    discussion: Discussion = field(default_factory=Discussion)
    plan: Plan = field(default_factory=Plan)
    scaling: Scaling = field(default_factory=Scaling)
    decisions: Decisions = field(default_factory=Decisions)
    future_dates: FutureDates = field(default_factory=FutureDates)

    KEYS: ClassVar[tuple[str, ...]] = PART_KEYS

    @classmethod
    def from_json(cls, content: Any) -> "RecordContent":
        given = content if isinstance(content, dict) else {}
        return cls(
            family_meeting=FamilyMeeting.from_json(given.get(FAMILY_MEETING)),
            introductions=Introductions.from_json(given.get(INTRODUCTIONS)),
            why_here=WhyHere.from_json(given.get(WHY_HERE)),
            discussion=Discussion.from_json(given.get(DISCUSSION)),
            plan=Plan.from_json(given.get(PLAN)),
            scaling=Scaling.from_json(given.get(SCALING)),
            decisions=Decisions.from_json(given.get(DECISIONS)),
            future_dates=FutureDates.from_json(given.get(FUTURE_DATES)),
        )

    def to_json(self) -> dict[str, dict[str, Any]]:
        return {key: getattr(self, key).to_json() for key in PART_KEYS}

    def part(self, key: str) -> "StoredJson":
        part: StoredJson = getattr(self, key)
        return part


def empty_content(children: Children) -> dict[str, dict[str, Any]]:
    """Every part present, nothing answered; one decision row per child."""
    rows = [ChildDecision(child_id=child_id, name=name) for child_id, name in children]
    return RecordContent(decisions=Decisions(children=rows)).to_json()


def carried_forward(previous: dict[str, Any] | None, children: Children) -> dict[str, Any]:
    """A review's record, started from the previous conference's latest finalised version.

    The danger statement and safety goals agreed before, the plan's actions (marked as carried
    forward, progress to be reported afresh unless done) and the core group's members come
    across; who was present, what was said, the scores, the decisions and the dates do not.
    """
    content = empty_content(children)
    if not previous:
        return content
    before = RecordContent.from_json(previous)
    why_here = WhyHere(
        danger_statement=before.why_here.danger_statement,
        safety_goals=before.why_here.safety_goals,
    )
    child_ids = {child_id for child_id, _name in children}
    actions = [
        PlanAction(
            action=action.action,
            who=action.who,
            by_when=action.by_when,
            priority=action.priority,
            progress="done" if action.progress == "done" else "not_started",
            carried_forward=True,
            child_ids=[i for i in action.child_ids if i in child_ids],
        )
        for action in before.plan.actions
    ]
    members = [m for m in before.future_dates.core_group_members if m]
    content[WHY_HERE] = why_here.to_json()
    content[PLAN] = Plan(actions=actions).to_json()
    content[FUTURE_DATES] = FutureDates(core_group_members=members).to_json()
    return content


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
    plan needs the finding that the child is likely to suffer significant harm and its
    category, a plan needs the next review's date (and a child in need plan its meeting's
    date), and every score must be in range.
    """
    offered = (agenda or review_agenda()).outcome_keys
    record = RecordContent.from_json(content)
    problems = _attendance_problems(record.introductions)
    decisions = {row.child_id: (index, row) for index, row in enumerate(record.decisions.children)}
    outcomes = []
    for child_id, name in children:
        index, row = decisions.get(child_id, (len(decisions), ChildDecision()))
        outcome = row.outcome
        outcomes.append(outcome)
        if outcome not in offered:
            problems.append(
                Problem(DECISIONS, f"children-{index}-outcome", CHOOSE_DECISION.format(name=name))
            )
        elif outcome in PLAN_OUTCOMES:
            problems += _plan_problems(row, index, name)
    problems += _missing_dates(record.future_dates, outcomes)
    problems += _score_problems(content.get(SCALING) or {}, children, scale_low, scale_high)
    problems += _scorer_problems(record.scaling, record.introductions)
    return problems


def _plan_problems(row: ChildDecision, index: int, name: str) -> list[Problem]:
    """A plan stands on the finding that the child is likely to suffer significant harm
    (seeds/004: a plan is for a child at continuing risk), and names its category."""
    problems = []
    if row.likely_to_suffer != "yes":
        message = PLAN_WITHOUT_LIKELY_HARM.format(name=name)
        problems.append(Problem(DECISIONS, f"children-{index}-likely_to_suffer", message))
    if not _known_categories(row.categories):
        message = CHOOSE_CATEGORY.format(name=name)
        problems.append(Problem(DECISIONS, f"children-{index}-categories", message))
    return problems


def _attendance_problems(introductions: Introductions) -> list[Problem]:
    """A conference held with nobody recorded as present has no attendance to finalise."""
    present = introductions.present
    return [] if present else [Problem(INTRODUCTIONS, "participants", NO_ONE_PRESENT)]


def _known_categories(value: list[str]) -> list[str]:
    return [c for c in value if c in CATEGORY_KEYS]


def _missing_dates(future: FutureDates, outcomes: list[str]) -> list[Problem]:
    problems = []
    if any(o in PLAN_OUTCOMES for o in outcomes) and not _iso_date(future.next_review_on):
        problems.append(Problem(FUTURE_DATES, "next_review_on", ENTER_NEXT_REVIEW))
    if ENDS_CHILD_IN_NEED in outcomes and not _iso_date(future.child_in_need_meeting_on):
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


def scorers(introductions: Introductions) -> set[str]:
    """Who may score: everyone recorded as present for all or part of the meeting but the
    chair and the minute-taker, who run and record it."""
    return {p.name.strip() for p in introductions.present if p.kind not in NOT_SCORING}


def _scorer_problems(scaling: Scaling, introductions: Introductions) -> list[Problem]:
    """Scores kept from someone since recorded as absent (or never recorded) would go into
    the minutes beside their apologies: each such person is named once."""
    if not introductions.present:
        return []  # "nobody recorded as present" says it once
    present = scorers(introductions)
    problems: list[Problem] = []
    named: set[str] = set()
    for index, score in enumerate(scaling.scores):
        who = score.participant.strip()
        if not who or who in present or who in named:
            continue
        named.add(who)
        message = SCORE_FROM_SOMEONE_ABSENT.format(participant=who)
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


# The shape of each part, for the per-save checks: read from the dataclasses' fields.
PART_SHAPES: dict[str, dict[str, Any]] = {key: PART_TYPES[key].shape() for key in PART_KEYS}
PARTICIPANT_SHAPE = Participant.shape()
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
    "arrived_at": "The time they arrived",
    "left_at": "The time they left",
    "present_for": "The items they were present for",
    "for_whom": "Who they are there for",
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
    for name, kind in PART_SHAPES[key].items():
        if name not in content:
            continue
        if isinstance(kind, dict):
            problems += _check_rows(check, name, kind, content[name])
        else:
            problems += _check_value(check, name, name, kind, content[name], {})
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
        if field == "participants":
            problems += _attendance_row_problems(check, name, Participant.from_json(row))
    return problems


def _attendance_row_problems(check: _Check, name: str, person: Participant) -> list[Problem]:
    """Part of the meeting says which part; an interpreter or advocate says for whom."""
    problems = []
    who = person.name.strip() or "this person"
    times = (_time(person.arrived_at), _time(person.left_at))
    if person.attendance == PART_OF_THE_MEETING:
        if not (any(times) or person.present_for.strip()):
            message = ENTER_PART_ATTENDED.format(name=who)
            problems.append(Problem(check.part, f"{name}-arrived_at", message))
        elif all(times) and times[1] <= times[0]:
            message = LEFT_BEFORE_ARRIVING.format(name=who)
            problems.append(Problem(check.part, f"{name}-left_at", message))
    if person.kind in SUPPORTING_KINDS and not person.for_whom.strip():
        kind = dict(PARTICIPANT_KINDS)[person.kind].lower()
        message = ENTER_FOR_WHOM.format(name=who, kind=f"an {kind}")
        problems.append(Problem(check.part, f"{name}-for_whom", message))
    return problems


TIME = re.compile(r"([01]\d|2[0-3]):[0-5]\d")


def _time(value: str) -> str:
    """A 24-hour time as written ("09:30"), or "" for anything else (compared as text)."""
    return value if TIME.fullmatch(value) else ""


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
        case "time":
            ok = value == "" or (isinstance(value, str) and bool(_time(value)))
            return "" if ok else NOT_A_TIME.format(field=label)
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
    """The part with every field present: what was given over the empty part's defaults.
    Each decision is headed with its child's name as the family's record has it, never a
    name sent with the row."""
    normalised = {**empty_content(children)[key], **content}
    if key != DECISIONS:
        return normalised
    names = dict(children)
    rows = [
        {**row, "name": names.get(row.get("child_id"), _text(row.get("name")))}  # type: ignore[arg-type]
        for row in _rows(normalised.get("children"))
    ]
    return {**normalised, "children": rows}


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

"""What a report's content looks like, part by part, and what counts as answered.

A report is a mapping of part key to that part's content: the three fixed parts (the front
sheet, the children, the family members) and one per section of its report form. Each section
kind keeps its own shape (below). The same mapping is frozen into a submitted version, compared
between versions and laid out in Word and PDF, so it is plain JSON and nothing else.

    front_sheet     {"name", "role", "workplace", "email"}
    children        {"children": [{"child_id", "name", "date_of_birth", "unborn", "id_number"}]}
    family_members  {"members": [{"name", "relationship", "household": "yes" | "no"}]}
    text            {"text"}
    restricted      {"text", "reason"}
    assessment      {"children": [{"child_id", "name", "scaling", "recommendation", "reason"}]}
    sharing         {"shared": "yes" | "no", "shared_on", "method", "language_support",
                     "shared_with", "comments", "not_shared_reason"}
    chronology      {"entries": [{"date", "event", "source"}]}
    factors         {"factors": [{"factor", "kind", "change", "how_much", "evidence"}]}

Each shape is a dataclass below (`FrontSheet`, `Children`, `FamilyMembers`, `TextPart`,
`RestrictedPart`, `Assessment`, `Sharing`, `Chronology`, `Factors`; `CONTENT_TYPES` maps a
part's kind to its type), each field defined once there: read with `content_of(kind, value)`
or `Type.from_json(value)`, written with `.to_json()` (`cpconf.stored_json`).
"""

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from cpconf.reportform import ReportForm, Section
from cpconf.stored_json import StoredJson, json_field, rows_of_type

if TYPE_CHECKING:
    from cpconf.families.models import Child

FRONT_SHEET = "front_sheet"
CHILDREN = "children"
FAMILY_MEMBERS = "family_members"
FIXED_PARTS = (FRONT_SHEET, CHILDREN, FAMILY_MEMBERS)

SHARING_METHODS = (
    ("in_person", "In person"),
    ("phone", "By phone"),
    ("video", "By video call"),
    ("post", "By post"),
    ("email", "By email"),
)
LANGUAGE_SUPPORT = (
    ("none", "No interpreter or translation needed"),
    ("interpreter", "With an interpreter"),
    ("translation", "With a written translation"),
)
FACTOR_KINDS = (("risk", "Risk"), ("protective", "Protective factor"))
FACTOR_CHANGES = (
    ("increased", "Increased"),
    ("diminished", "Diminished"),
    ("unchanged", "Unchanged"),
)
HOUSEHOLD = (("yes", "Yes"), ("no", "No"))
SHARED = (("yes", "Yes"), ("no", "No"))


def _keys(choices: tuple[tuple[str, str], ...]) -> tuple[str, ...]:
    return tuple(key for key, _label in choices)


# --- Each part kind's content, typed: one definition per field ------------------------------


@dataclass
class FrontSheet(StoredJson):
    name: str = json_field("text")
    role: str = json_field("text")
    workplace: str = json_field("text")
    email: str = json_field("text")


@dataclass
class ChildRow(StoredJson):
    child_id: int | None = json_field("child", None)
    name: str = json_field("text")
    date_of_birth: str = json_field("date")
    unborn: bool = json_field("bool", False)
    id_number: str = json_field("text")


def child_row(child: "Child") -> ChildRow:
    """A child on the family's record as a report first shows them. The record, not what a
    page posts, says which children a report has and which of them are unborn."""
    born = child.date_of_birth or child.expected_due_date
    return ChildRow(
        child_id=child.pk,
        name=child.full_name,
        date_of_birth=born.isoformat() if born else "",
        unborn=child.date_of_birth is None,
        id_number=child.nhs_number or child.other_id,
    )


@dataclass
class Children(StoredJson):
    children: list[ChildRow] = field(default_factory=list, metadata=rows_of_type(ChildRow))


@dataclass
class FamilyMember(StoredJson):
    name: str = json_field("text")
    relationship: str = json_field("text")
    household: str = json_field(_keys(HOUSEHOLD))


@dataclass
class FamilyMembers(StoredJson):
    members: list[FamilyMember] = field(default_factory=list, metadata=rows_of_type(FamilyMember))


@dataclass
class TextPart(StoredJson):
    text: str = json_field("text")


@dataclass
class RestrictedPart(StoredJson):
    text: str = json_field("text")
    reason: str = json_field("text")


@dataclass
class ChildAssessment(StoredJson):
    child_id: int | None = json_field("child", None)
    name: str = json_field("text")
    scaling: int | None = json_field("score", None)
    recommendation: str = json_field("text")
    reason: str = json_field("text")


@dataclass
class Assessment(StoredJson):
    children: list[ChildAssessment] = field(
        default_factory=list, metadata=rows_of_type(ChildAssessment)
    )


@dataclass
class Sharing(StoredJson):
    shared: str = json_field(_keys(SHARED))
    shared_on: str = json_field("date")
    method: str = json_field(_keys(SHARING_METHODS))
    language_support: str = json_field(_keys(LANGUAGE_SUPPORT))
    shared_with: str = json_field("text")
    comments: str = json_field("text")
    not_shared_reason: str = json_field("text")


@dataclass
class ChronologyEntry(StoredJson):
    date: str = json_field("date")
    event: str = json_field("text")
    source: str = json_field("text")


@dataclass
class Chronology(StoredJson):
    entries: list[ChronologyEntry] = field(
        default_factory=list, metadata=rows_of_type(ChronologyEntry)
    )


@dataclass
class Factor(StoredJson):
    factor: str = json_field("text")
    kind: str = json_field(_keys(FACTOR_KINDS))
    change: str = json_field(_keys(FACTOR_CHANGES))
    how_much: str = json_field("text")
    evidence: str = json_field("text")


@dataclass
class Factors(StoredJson):
    factors: list[Factor] = field(default_factory=list, metadata=rows_of_type(Factor))


CONTENT_TYPES: dict[str, type[StoredJson]] = {
    "front_sheet": FrontSheet,
    "children": Children,
    "family_members": FamilyMembers,
    "text": TextPart,
    "restricted": RestrictedPart,
    "assessment": Assessment,
    "sharing": Sharing,
    "chronology": Chronology,
    "factors": Factors,
}


def content_of(kind: str, value: Any) -> StoredJson:
    """A part's stored content read as its kind's type (an unknown kind: plain text)."""
    return CONTENT_TYPES.get(kind, TextPart).from_json(value)


@dataclass(frozen=True)
class Part:
    """One entry of the task list: a fixed part or a form section."""

    key: str
    title: str
    kind: str
    required: bool
    section: Section | None = None


FIXED_PART_LIST = (
    Part(FRONT_SHEET, "Your details", FRONT_SHEET, True),
    Part(CHILDREN, "The children", CHILDREN, True),
    Part(FAMILY_MEMBERS, "Family members", FAMILY_MEMBERS, False),
)


def parts_of(form: ReportForm) -> tuple[Part, ...]:
    sections = tuple(Part(s.key, s.title, s.kind, s.required, s) for s in form.sections)
    return FIXED_PART_LIST + sections


def part_of(form: ReportForm, key: str) -> Part:
    for part in parts_of(form):
        if part.key == key:
            return part
    raise KeyError(key)


def label_for(choices: tuple[tuple[str, str], ...], key: str) -> str:
    return dict(choices).get(key, key)


def display_date(value: str) -> str:
    """An ISO date as people write it: 2 March 2016. Anything else is shown as it is."""
    try:
        day = date.fromisoformat(value)
    except (TypeError, ValueError):
        return value or ""
    return f"{day.day} {day:%B %Y}"


def _filled(value: Any) -> bool:
    return value not in (None, "") and (not isinstance(value, str) or bool(value.strip()))


# Where an answer is still missing: (row, field), the row None for a field of the part itself.
Unanswered = tuple[int | None, str]
SHARED_NEEDS = ("shared_on", "method", "shared_with")


def unanswered(kind: str, content: dict[str, Any]) -> list[Unanswered]:
    """What is still to answer before the part counts as answered (`is_answered`), so a
    page can put "answer this first" beside each such field. Empty once it is answered."""
    part = content_of(kind, content)
    match part:
        case FrontSheet():
            return [(None, f) for f in FrontSheet.shape() if not _filled(getattr(part, f))]
        case Children():
            if not part.children:
                return [(None, "children")]
            return [(i, "name") for i, c in enumerate(part.children) if not _filled(c.name)]
        case FamilyMembers():
            return [] if part.members else [(0, "name")]
        case RestrictedPart() | TextPart() if kind in ("text", "restricted"):
            return [] if _filled(part.text) else [(None, "text")]
        case Assessment():
            if not part.children:
                return [(None, "children")]
            return [
                (i, name)
                for i, child in enumerate(part.children)
                for name in ("scaling", "recommendation")
                if not _filled(getattr(child, name))
            ]
        case Sharing():
            if part.shared == "yes":
                return [(None, f) for f in SHARED_NEEDS if not _filled(getattr(part, f))]
            if part.shared == "no":
                return [] if _filled(part.not_shared_reason) else [(None, "not_shared_reason")]
            return [(None, "shared")]
        case Chronology():
            return [] if part.entries else [(0, "event")]
        case Factors():
            return [] if part.factors else [(0, "factor")]
    return [(None, "")]


def is_answered(kind: str, content: dict[str, Any]) -> bool:
    """Enough is there to submit. Optional sections still report honestly whether they are."""
    return not unanswered(kind, content)


def text_of(kind: str, content: dict[str, Any], form: ReportForm) -> str:
    """The part as plain text, paragraphs apart by a blank line, for comparing versions word
    by word and for laying out in the copies."""
    lines: list[str] = []
    part = content_of(kind, content)
    match part:
        case FrontSheet():
            lines = [
                f"Name: {part.name}",
                f"Role: {part.role}",
                f"Workplace: {part.workplace}",
                f"Email: {part.email}",
            ]
        case Children():
            lines = [
                " · ".join(filter(None, [c.name, display_date(c.date_of_birth), c.id_number]))
                for c in part.children
            ]
        case FamilyMembers():
            lines = [
                f"{m.name} · {m.relationship} · household: {m.household}" for m in part.members
            ]
        case RestrictedPart():
            lines = [part.text, part.reason]
        case TextPart() if kind == "text":
            lines = [part.text]
        case Assessment():
            for child in part.children:
                label = dict(form.recommendations).get(child.recommendation, child.recommendation)
                scaling = "" if child.scaling is None else child.scaling
                lines.append(f"{child.name}: scaling {scaling}; {label}. {child.reason}".strip())
        case Sharing():
            lines = sharing_lines(content)
        case Chronology():
            lines = [
                f"{display_date(e.date)}: {e.event} (source: {e.source})" for e in part.entries
            ]
        case Factors():
            lines = [
                f"{label_for(FACTOR_KINDS, f.kind)}: {f.factor} — "
                f"{label_for(FACTOR_CHANGES, f.change)}, {f.how_much}. "
                f"Evidence: {f.evidence}"
                for f in part.factors
            ]
    return "\n\n".join(line for line in lines if line)


def sharing_lines(content: dict[str, Any]) -> list[str]:
    sharing = Sharing.from_json(content)
    if sharing.shared == "no":
        return [f"Not shared with the family. Why: {sharing.not_shared_reason}"]
    if sharing.shared != "yes":
        return []
    support = label_for(LANGUAGE_SUPPORT, sharing.language_support or "none")
    return [
        f"Shared with {sharing.shared_with} on "
        f"{display_date(sharing.shared_on)}, "
        f"{label_for(SHARING_METHODS, sharing.method).lower()}; "
        f"{support.lower()}.",
        f"The family's comments: {sharing.comments or 'none given'}",
    ]


# Answers the family never reads, in whichever section holds them: why a report was not
# shared with them is for the professionals (a page may also have kept one typed before
# "Yes, shared" was chosen).
STAFF_ONLY_ANSWERS = {"sharing": frozenset({"not_shared_reason"})}


def family_copy(content: dict[str, Any], form: ReportForm) -> dict[str, Any]:
    """The content without any section the family may not see, nor any answer only the
    professionals read (`STAFF_ONLY_ANSWERS`): every family copy (page, files, pack, API)
    is made from this."""
    hidden = {s.key for s in form.sections if not s.family_sees}
    kinds = {part.key: part.kind for part in parts_of(form)}
    copy: dict[str, Any] = {}
    for key, value in content.items():
        if key in hidden:
            continue
        staff_only = STAFF_ONLY_ANSWERS.get(kinds.get(key, ""), frozenset())
        if staff_only and isinstance(value, dict):
            value = {name: answer for name, answer in value.items() if name not in staff_only}
        copy[key] = value
    return copy

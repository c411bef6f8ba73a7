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
"""

from dataclasses import dataclass
from datetime import date
from typing import Any

from cpconf.reportform import ReportForm, Section

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


def is_answered(kind: str, content: dict[str, Any]) -> bool:
    """Enough is there to submit. Optional sections still report honestly whether they are."""
    match kind:
        case "front_sheet":
            return all(_filled(content.get(f)) for f in ("name", "role", "workplace", "email"))
        case "children":
            children = content.get("children", [])
            return bool(children) and all(_filled(c.get("name")) for c in children)
        case "family_members":
            return bool(content.get("members"))
        case "text" | "restricted":
            return _filled(content.get("text"))
        case "assessment":
            children = content.get("children", [])
            return bool(children) and all(
                _filled(c.get("scaling")) and _filled(c.get("recommendation")) for c in children
            )
        case "sharing":
            if content.get("shared") == "yes":
                return all(_filled(content.get(f)) for f in ("shared_on", "method", "shared_with"))
            return content.get("shared") == "no" and _filled(content.get("not_shared_reason"))
        case "chronology":
            return bool(content.get("entries"))
        case "factors":
            return bool(content.get("factors"))
    return False


def text_of(kind: str, content: dict[str, Any], form: ReportForm) -> str:
    """The part as plain text, paragraphs apart by a blank line, for comparing versions word
    by word and for laying out in the copies."""
    lines: list[str] = []
    match kind:
        case "front_sheet":
            lines = [
                f"{label}: {content.get(key, '')}"
                for key, label in (
                    ("name", "Name"),
                    ("role", "Role"),
                    ("workplace", "Workplace"),
                    ("email", "Email"),
                )
            ]
        case "children":
            lines = [
                " · ".join(
                    filter(
                        None,
                        [
                            c.get("name"),
                            display_date(c.get("date_of_birth", "")),
                            c.get("id_number"),
                        ],
                    )
                )
                for c in content.get("children", [])
            ]
        case "family_members":
            lines = [
                f"{m.get('name')} · {m.get('relationship')} · household: {m.get('household')}"
                for m in content.get("members", [])
            ]
        case "text":
            lines = [content.get("text", "")]
        case "restricted":
            lines = [content.get("text", ""), content.get("reason", "")]
        case "assessment":
            for child in content.get("children", []):
                recommendation = child.get("recommendation") or ""
                label = dict(form.recommendations).get(recommendation, recommendation)
                lines.append(
                    f"{child.get('name')}: scaling {child.get('scaling', '')}; {label}. "
                    f"{child.get('reason', '')}".strip()
                )
        case "sharing":
            lines = sharing_lines(content)
        case "chronology":
            lines = [
                f"{display_date(e.get('date', ''))}: {e.get('event')} (source: {e.get('source')})"
                for e in content.get("entries", [])
            ]
        case "factors":
            lines = [
                f"{label_for(FACTOR_KINDS, f.get('kind', ''))}: {f.get('factor')} — "
                f"{label_for(FACTOR_CHANGES, f.get('change', ''))}, {f.get('how_much', '')}. "
                f"Evidence: {f.get('evidence', '')}"
                for f in content.get("factors", [])
            ]
    return "\n\n".join(line for line in lines if line)


def sharing_lines(content: dict[str, Any]) -> list[str]:
    if content.get("shared") == "no":
        return [f"Not shared with the family. Why: {content.get('not_shared_reason', '')}"]
    if content.get("shared") != "yes":
        return []
    return [
        f"Shared with {content.get('shared_with', '')} on "
        f"{display_date(content.get('shared_on', ''))}, "
        f"{label_for(SHARING_METHODS, content.get('method', '')).lower()}; "
        f"{label_for(LANGUAGE_SUPPORT, content.get('language_support', 'none')).lower()}.",
        f"The family's comments: {content.get('comments', '') or 'none given'}",
    ]


def family_copy(content: dict[str, Any], form: ReportForm) -> dict[str, Any]:
    """The content without any section the family may not see."""
    hidden = {s.key for s in form.sections if not s.family_sees}
    return {key: value for key, value in content.items() if key not in hidden}

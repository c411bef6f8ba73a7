"""A report laid out like the paper form, as plain data: the same layout feeds the page, the
Word file and the PDF, so the three never disagree about what a copy contains.

The family copy leaves out every section the family may not see (the restricted section);
the conference copy keeps it. A review's copy marks each change against the previous report.
"""

from collections.abc import Mapping
from typing import Any

from cpconf.documents import (
    DELETED,
    INSERTED,
    Paragraph,
    ReportDocument,
    Section,
    Segment,
    Table,
    split_paragraphs,
    whole_changes,
    word_changes,
)
from cpconf.reportform import ReportForm
from cpconf.reports import report_content as parts

CONFERENCE_COPY = "conference"
FAMILY_COPY = "family"
COPIES = {CONFERENCE_COPY: "Conference copy", FAMILY_COPY: "Family copy"}


def _answer(
    kind: str,
    current: dict[str, Any],
    previous: dict[str, Any] | None,
    form: ReportForm,
) -> tuple[Paragraph, ...]:
    text = parts.text_of(kind, current, form)
    if previous is None:
        return split_paragraphs([Segment(text)]) if text else ()
    if kind == "sharing":
        return _sharing_answer(current, previous)
    return split_paragraphs(word_changes(parts.text_of(kind, previous, form), text))


FAMILY_COMMENTS = "The family's comments: "
NO_COMMENTS = "none given"


def _family_comments(content: dict[str, Any]) -> str | None:
    """The family's words as they gave them, if the part records sharing (None if not)."""
    if content.get("shared") != "yes":
        return None
    return str(content.get("comments") or "").strip() or NO_COMMENTS


def _sharing_answer(current: dict[str, Any], previous: dict[str, Any]) -> tuple[Paragraph, ...]:
    """How the report was shared, its changes marked word by word; the family's comments
    never: they are someone's own words, so a changed comment is shown struck through whole
    and the new one whole after it (marking words would splice two quotes into a misquote)."""
    now, before = parts.sharing_lines(current), parts.sharing_lines(previous)
    segments = word_changes(before[0] if before else "", now[0] if now else "")
    old_words, new_words = _family_comments(previous), _family_comments(current)
    if old_words is not None or new_words is not None:
        segments.append(Segment("\n\n"))
        if old_words is not None and new_words is not None:
            segments.append(Segment(FAMILY_COMMENTS))
            segments += whole_changes(old_words, new_words)
        elif new_words is not None:
            segments.append(Segment(FAMILY_COMMENTS + new_words, INSERTED))
        elif old_words is not None:
            segments.append(Segment(FAMILY_COMMENTS + old_words, DELETED))
    return split_paragraphs(segments)


def _children_table(content: Mapping[str, Any]) -> Table:
    rows = tuple(
        (
            child.get("name", ""),
            ("Due " if child.get("unborn") else "")
            + parts.display_date(child.get("date_of_birth") or ""),
            child.get("id_number", ""),
        )
        for child in content.get("children", [])
    )
    return Table("The children", ("Name", "Date of birth", "NHS or other ID number"), rows)


def _members_table(content: Mapping[str, Any]) -> Table:
    rows = tuple(
        (
            member.get("name", ""),
            member.get("relationship", ""),
            parts.label_for(parts.HOUSEHOLD, member.get("household", "")),
        )
        for member in content.get("members", [])
    )
    return Table("Family members", ("Name", "Relationship", "Household member"), rows)


def report_document(
    *,
    form: ReportForm,
    content: Mapping[str, Any],
    copy: str,
    meeting: tuple[tuple[str, str], ...],
    previous: Mapping[str, Any] | None = None,
    signature: tuple[tuple[str, str], ...] = (),
    footer: str = "",
    draft: bool = False,
) -> ReportDocument:
    """The copy of a report's parts (a version's, or the working copy's). `previous` is the
    parts to mark changes against: the previous report's for a review, or an earlier version."""
    if copy not in COPIES:
        raise ValueError(f"There is no {copy!r} copy; there are {', '.join(COPIES)}.")
    visible = parts.family_copy(dict(content), form) if copy == FAMILY_COPY else dict(content)
    front = visible.get(parts.FRONT_SHEET, {})
    front_sheet = (
        *meeting,
        ("Name of person completing this report", front.get("name", "")),
        ("Role", front.get("role", "")),
        ("Workplace", front.get("workplace", "")),
        ("Email address", front.get("email", "")),
    )
    sections = []
    number = 0
    for section in form.sections:
        if copy == FAMILY_COPY and not section.family_sees:
            continue
        number += 1
        before = None
        if previous is not None:
            before = dict(previous.get(section.key) or {})
        sections.append(
            Section(
                title=f"{number}. {section.title}",
                question=section.question,
                paragraphs=_answer(
                    section.kind, dict(visible.get(section.key) or {}), before, form
                ),
            )
        )
    subtitle = COPIES[copy] + (" — draft, not submitted" if draft else "")
    return ReportDocument(
        title=form.title,
        subtitle=subtitle,
        front_sheet=tuple(front_sheet),
        tables=(
            _children_table(visible.get(parts.CHILDREN, {})),
            _members_table(visible.get(parts.FAMILY_MEMBERS, {})),
        ),
        sections=tuple(sections),
        signature=signature,
        footer=footer,
        marks_changes=previous is not None,
    )

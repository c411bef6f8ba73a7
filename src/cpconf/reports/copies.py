"""A report laid out like the paper form, as plain data: the same layout feeds the page, the
Word file and the PDF, so the three never disagree about what a copy contains.

The family copy leaves out every section the family may not see (the restricted section);
the conference copy keeps it. A review's conference copy marks each change against the previous
report; the family copy shows the words as they are now, under headings about the writer.
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
from cpconf.reports.easy_read import EASY_READ_TITLE, easy_read_summary

CONFERENCE_COPY = "conference"
# Who the family copy's headings name when the writer gave no workplace.
WRITER = "The writer"
FAMILY_TITLE = "Report from {agency}"
FINGERPRINT_LABEL = "SHA-256"
FAMILY_COPY = "family"
COPIES = {CONFERENCE_COPY: "Conference copy", FAMILY_COPY: "Family copy"}
# What a professional who may not read the restricted section reads on the page: the
# conference copy's layout and change marks, without that section. Not a file to download.
WITHOUT_RESTRICTED = "without_restricted"
LAYOUTS = {**COPIES, WITHOUT_RESTRICTED: "Copy without the restricted section"}


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
    sharing = parts.Sharing.from_json(content)
    if sharing.shared != "yes":
        return None
    return sharing.comments.strip() or NO_COMMENTS


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


def _children_table(content: Mapping[str, Any] | None) -> Table:
    rows = tuple(
        (
            child.name,
            ("Due " if child.unborn else "") + parts.display_date(child.date_of_birth),
            child.id_number,
        )
        for child in parts.Children.from_json(content).children
    )
    return Table("The children", ("Name", "Date of birth", "NHS or other ID number"), rows)


def _members_table(content: Mapping[str, Any] | None) -> Table:
    rows = tuple(
        (member.name, member.relationship, parts.label_for(parts.HOUSEHOLD, member.household))
        for member in parts.FamilyMembers.from_json(content).members
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
    large_print: bool = False,
    easy_read: bool = False,
) -> ReportDocument:
    """The copy of a report's parts (a version's, or the working copy's). `previous` is the
    parts to mark changes against: the previous report's for a review, or an earlier version.

    The family copy is for the family to read: the current words only (no change marks, no
    fingerprint), under headings about the writer rather than to them, and in the reader's
    format (large print, an easy-read summary first) when they asked for it."""
    if copy not in LAYOUTS:
        raise ValueError(f"There is no {copy!r} copy; there are {', '.join(LAYOUTS)}.")
    if copy == FAMILY_COPY:
        return _family_document(
            form=form,
            content=parts.family_copy(dict(content), form),
            meeting=meeting,
            signature=signature,
            footer=footer,
            draft=draft,
            large_print=large_print,
            easy_read=easy_read,
        )
    visible = dict(content)
    shown = form.sections
    if copy == WITHOUT_RESTRICTED:
        visible, shown = parts.family_copy(visible, form), form.sections_for_family()
    sections = tuple(
        Section(
            title=f"{number}. {section.title}",
            question=section.question,
            paragraphs=_answer(
                section.kind,
                dict(visible.get(section.key) or {}),
                None if previous is None else dict(previous.get(section.key) or {}),
                form,
            ),
        )
        for number, section in enumerate(shown, start=1)
    )
    front = parts.FrontSheet.from_json(visible.get(parts.FRONT_SHEET))
    return ReportDocument(
        title=form.title,
        subtitle=LAYOUTS[copy] + (" — draft, not submitted" if draft else ""),
        front_sheet=(
            *meeting,
            ("Name of person completing this report", front.name),
            ("Role", front.role),
            ("Workplace", front.workplace),
            ("Email address", front.email),
        ),
        tables=_tables(visible),
        sections=sections,
        signature=signature,
        footer=footer,
        marks_changes=previous is not None,
    )


def _tables(visible: Mapping[str, Any]) -> tuple[Table, ...]:
    return (
        _children_table(visible.get(parts.CHILDREN)),
        _members_table(visible.get(parts.FAMILY_MEMBERS)),
    )


def _family_document(
    *,
    form: ReportForm,
    content: Mapping[str, Any],
    meeting: tuple[tuple[str, str], ...],
    signature: tuple[tuple[str, str], ...],
    footer: str,
    draft: bool,
    large_print: bool,
    easy_read: bool,
) -> ReportDocument:
    front = parts.FrontSheet.from_json(content.get(parts.FRONT_SHEET))
    agency = front.workplace or WRITER
    sections = tuple(
        Section(
            title=f"{number}. {section.title_for_family(agency)}",
            paragraphs=_family_answer(section.kind, dict(content.get(section.key) or {}), form),
        )
        for number, section in enumerate(form.sections_for_family(), start=1)
    )
    summary = easy_read_summary(form=form, content=content, agency=agency) if easy_read else ()
    return ReportDocument(
        title=FAMILY_TITLE.format(agency=agency),
        subtitle=COPIES[FAMILY_COPY] + (" — draft, not submitted" if draft else ""),
        front_sheet=(
            *meeting,
            ("Who wrote this report", front.name),
            ("Their job", front.role),
            ("Where they work", front.workplace),
            ("Their email address", front.email),
        ),
        tables=_tables(content),
        sections=sections,
        signature=signature,
        footer=without_fingerprint(footer),
        large_print=large_print,
        summary_title=EASY_READ_TITLE if summary else "",
        summary=summary,
    )


def _family_answer(kind: str, answer: dict[str, Any], form: ReportForm) -> tuple[Paragraph, ...]:
    """The answer as it reads now; the writer's view on a plan in words to the family."""
    if kind != "assessment":
        return _answer(kind, answer, None, form)
    labels = dict(form.recommendations)
    paragraphs = []
    for child in parts.Assessment.from_json(answer).children:
        recommendation = labels.get(child.recommendation, "")
        words = [f"{child.name}:"]
        if child.scaling is not None:
            words.append(f"{child.scaling} on the safety scale.")
        if recommendation:
            words.append(f"Recommends: {recommendation}.")
        if child.reason:
            words.append(f"Why: {child.reason}")
        paragraphs.append(Paragraph.plain(" ".join(words)))
    return tuple(paragraphs)


def without_fingerprint(footer: str) -> str:
    """The footer without the version's fingerprint: a string of hexadecimal means nothing to
    a family; the fingerprint stays in the conference copy, where it is checked."""
    kept = [piece for piece in footer.split(" · ") if not piece.startswith(FINGERPRINT_LABEL)]
    return " · ".join(kept)

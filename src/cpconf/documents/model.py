"""The plain data a report document is made from.

The Django side builds these from a report and its form; the renderers in `word` and `pdf` turn
them into files. Which sections a reader may see is the caller's decision: a family copy is simply
a document built without the restricted sections.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from cpconf.documents.changes import DELETED, Segment, word_changes

__all__ = [
    "CHANGE_KEY",
    "NOT_ANSWERED",
    "PAGE_NUMBER",
    "SIGNATURE",
    "Paragraph",
    "ReportDocument",
    "Section",
    "Table",
    "Wording",
    "display_lines",
    "printable",
    "split_paragraphs",
]

CHANGE_KEY = "Inserted text is underlined and coloured; removed text is struck through."
PAGE_NUMBER = "Page {page} of {pages}"
SIGNATURE = "Signature"
NOT_ANSWERED = "Not answered"

# A blank line (possibly holding spaces) separates paragraphs, as people type them in a text box.
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")
_LINE_BREAKS = re.compile(r"\s*\n\s*")
# Characters XML 1.0 forbids (and so .docx and the PDF's HTML cannot hold), beyond tab and newline.
_UNPRINTABLE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


@dataclass(frozen=True)
class Paragraph:
    """One paragraph of an answer; its segments carry change marks in a review."""

    segments: tuple[Segment, ...]

    @classmethod
    def plain(cls, text: str) -> Paragraph:
        return cls((Segment(text),))

    @property
    def text(self) -> str:
        """The paragraph as it reads now, without the deleted text."""
        return "".join(s.text for s in self.segments if s.change != DELETED)


@dataclass(frozen=True)
class Table:
    caption: str
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class Section:
    """One question of the report form and its answer."""

    title: str
    question: str = ""
    paragraphs: tuple[Paragraph, ...] = ()
    tables: tuple[Table, ...] = ()
    empty_text: str = NOT_ANSWERED

    @classmethod
    def from_text(
        cls, title: str, text: str, *, question: str = "", empty_text: str = NOT_ANSWERED
    ) -> Section:
        """A section whose answer is typed text, split into paragraphs at blank lines."""
        paragraphs = split_paragraphs([Segment(text)])
        return cls(title, question=question, paragraphs=paragraphs, empty_text=empty_text)

    @classmethod
    def from_changes(
        cls,
        title: str,
        before: str,
        after: str,
        *,
        question: str = "",
        empty_text: str = NOT_ANSWERED,
    ) -> Section:
        """A section whose answer shows what changed since the previous report."""
        paragraphs = split_paragraphs(word_changes(before, after))
        return cls(title, question=question, paragraphs=paragraphs, empty_text=empty_text)


@dataclass(frozen=True)
class Wording:
    """The fixed words of the document, so the caller can pass them translated."""

    change_key: str = CHANGE_KEY
    page_number: str = PAGE_NUMBER  # "{page}" and "{pages}" become the numbers
    signature: str = SIGNATURE
    language: str = "en-GB"


@dataclass(frozen=True)
class ReportDocument:
    """A report as its reader gets it. A family member who asked for large print gets every
    file at 18pt or more with wider spacing; one who asked for easy read gets `summary`, short
    lines of one idea each, before the report."""

    title: str
    subtitle: str
    front_sheet: tuple[tuple[str, str], ...]
    tables: tuple[Table, ...]
    sections: tuple[Section, ...]
    signature: tuple[tuple[str, str], ...] = ()
    footer: str = ""
    marks_changes: bool = False
    wording: Wording = Wording()
    large_print: bool = False
    summary_title: str = ""
    summary: tuple[str, ...] = ()


def split_paragraphs(segments: Iterable[Segment]) -> tuple[Paragraph, ...]:
    """Split an answer into paragraphs at the blank lines of its current text.

    A blank line that was deleted does not split: the text it separated now reads as one
    paragraph, and the deleted line break is shown inside it. Blank paragraphs are dropped.
    """
    paragraphs: list[list[Segment]] = [[]]
    for segment in segments:
        text = segment.text.replace("\r\n", "\n").replace("\r", "\n")
        if segment.change == DELETED:
            paragraphs[-1].append(Segment(text, DELETED))
            continue
        first, *rest = _PARAGRAPH_BREAK.split(text)
        paragraphs[-1].append(Segment(first, segment.change))
        paragraphs += [[Segment(part, segment.change)] for part in rest]
    trimmed = (_trimmed(paragraph) for paragraph in paragraphs)
    return tuple(Paragraph(tuple(p)) for p in trimmed if p)


def _trimmed(segments: list[Segment]) -> list[Segment]:
    """Drop the whitespace at either end of a paragraph, and empty segments."""
    if segments:
        segments[0] = Segment(segments[0].text.lstrip(), segments[0].change)
        segments[-1] = Segment(segments[-1].text.rstrip(), segments[-1].change)
    return [s for s in segments if s.text]


def display_lines(segment: Segment) -> list[str]:
    """The lines to draw for a segment.

    A deleted line break is drawn as a struck pilcrow, since a struck empty line is invisible.
    """
    text = printable(segment.text)
    if segment.change == DELETED:
        return [_LINE_BREAKS.sub(" ¶ ", text)]
    return text.split("\n")


def printable(text: str) -> str:
    """The text with line ends made "\\n" and characters no document format can hold removed.

    Text pasted from Word can carry control characters (a vertical tab for a line break) that
    XML, and so a .docx file or the PDF's HTML, cannot store.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\v", "\n")
    return _UNPRINTABLE.sub("", text)

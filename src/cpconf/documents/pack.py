"""The conference pack as one PDF and one Word file, from plain data.

A pack is a cover (the meeting, the reports received, the merged chronology, the parents' own
report) followed by every report, each laid out exactly as its own copy is (`ReportDocument`).
The PDF has one outline bookmark per report, its sections nested under it, and "Page N of M"
across the whole pack; the Word file has a Heading 1 per report, which Word's navigation pane
lists. Like the rest of `cpconf.documents`, nothing here imports Django.
"""

from __future__ import annotations

import html
import io
from dataclasses import dataclass

from docx import Document as new_document
from docx.document import Document
from docx.enum.text import WD_BREAK
from docx.shared import Mm

from cpconf.documents import pdf, word
from cpconf.documents.model import ReportDocument, Section, Wording, printable

__all__ = ["PackBrief", "PackDocument", "PackReport", "pack_docx", "pack_html", "pack_pdf"]

# The pack's own bookmarks: the cover's parts and each report at the top of the outline, a
# report's sections under it. Headings inside a report's tables never become bookmarks.
PACK_STYLESHEET = """
h1, h2, h3, h4, h5, h6 { bookmark-level: none; }
h1.bookmark, section.cover > h2 { bookmark-level: 1; bookmark-label: content(text); }
div.report section > h2 { bookmark-level: 2; bookmark-label: content(text); }
div.report { break-before: page; }
section.brief { break-after: page; font-size: 9pt; }
section.brief h2 { font-size: 11pt; margin: 3mm 0 1mm; }
section.brief table { margin-bottom: 2mm; }
.report-title { font-size: 14pt; font-weight: bold; margin: 0 0 1mm; }
.report-note { font-size: 9pt; color: #505a5f; margin: 0 0 4mm; }
"""


DEFAULT_WORDING = Wording()


@dataclass(frozen=True)
class PackReport:
    """One report in the pack. `heading` is its bookmark (agency and author); `note` says
    which version it is and its fingerprint."""

    heading: str
    document: ReportDocument
    note: str = ""


@dataclass(frozen=True)
class PackBrief:
    """The chair's brief: one page at the very front of the conference copy, so the chair
    sees scores, recommendations, what is missing and the plan's progress before any report."""

    title: str
    sections: tuple[Section, ...]


@dataclass(frozen=True)
class PackDocument:
    title: str
    subtitle: str
    cover: tuple[tuple[str, str], ...]
    front: tuple[Section, ...]  # the reports received, the chronology, the parents' report
    reports: tuple[PackReport, ...]
    footer: str = ""
    wording: Wording = DEFAULT_WORDING
    brief: PackBrief | None = None


def pack_pdf(pack: PackDocument) -> bytes:
    return pdf.tagged_pdf(pack_html(pack))


def pack_html(pack: PackDocument) -> str:
    body = [_brief_html(pack.brief)] if pack.brief else []
    body += [
        f'<h1 class="bookmark">{_text(pack.title)}</h1>',
        f'<p class="subtitle">{_text(pack.subtitle)}</p>',
        pdf._label_table(pack.cover),
    ]
    body += [
        pdf._section(section).replace("<section>", '<section class="cover">', 1)
        for section in pack.front
    ]
    body += [_report_html(report) for report in pack.reports]
    return (
        f'<!DOCTYPE html><html lang="{_text(pack.wording.language)}"><head>'
        f'<meta charset="utf-8"><title>{_text(pack.title)}</title>'
        f"<style>{_stylesheet(pack)}{PACK_STYLESHEET}</style></head>"
        f"<body>{''.join(body)}</body></html>"
    )


def _brief_html(brief: PackBrief) -> str:
    sections = "".join(pdf._section(section) for section in brief.sections)
    return (
        f'<section class="brief"><h1 class="bookmark">{_text(brief.title)}</h1>{sections}</section>'
    )


def _report_html(report: PackReport) -> str:
    document = report.document
    parts = [
        f'<h1 class="bookmark">{_text(report.heading)}</h1>',
        f'<p class="report-title">{_text(document.title)}</p>',
        f'<p class="subtitle">{_text(document.subtitle)}</p>',
    ]
    if report.note:
        parts.append(f'<p class="report-note">{_text(report.note)}</p>')
    if document.marks_changes:
        parts.append(f'<p class="key">{_text(document.wording.change_key)}</p>')
    parts.append(pdf._label_table(document.front_sheet))
    parts += [pdf._table(table) for table in document.tables]
    parts += [pdf._section(section) for section in document.sections]
    if document.signature:
        parts.append(
            f"<section><h2>{_text(document.wording.signature)}</h2>"
            f"{pdf._label_table(document.signature)}</section>"
        )
    return f'<div class="report">{"".join(parts)}</div>'


def _stylesheet(pack: PackDocument) -> str:
    """The report stylesheet, its footer the pack's and its page numbers the whole pack's."""
    pieces = []
    for part in pdf._PAGE_FIELDS.split(pack.wording.page_number):
        if part in ("{page}", "{pages}"):
            pieces.append(f"counter({part[1:-1]})")
        elif part:
            pieces.append(pdf._css_string(part))
    page_number = " ".join(pieces) or '""'
    return pdf.STYLESHEET.substitute(footer=pdf._css_string(pack.footer), page_number=page_number)


def _text(value: str) -> str:
    return html.escape(printable(value))


def pack_docx(pack: PackDocument) -> bytes:
    docx = new_document()
    _set_up(docx, pack)
    if pack.brief:
        _add_brief(docx, pack.brief)
    docx.add_heading(printable(pack.title), level=1)
    docx.add_paragraph(printable(pack.subtitle), style="Subtitle")
    word._add_label_table(docx, pack.cover)
    for section in pack.front:
        word._add_section(docx, section)
    for report in pack.reports:
        _add_report(docx, report)
    out = io.BytesIO()
    docx.save(out)
    return out.getvalue()


def _set_up(docx: Document, pack: PackDocument) -> None:
    section = docx.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Mm(20))
    word._set_fonts(docx, pack.wording.language)
    section.footer.paragraphs[0].text = printable(pack.footer)
    word._add_page_number(section.footer.add_paragraph(), pack.wording.page_number)
    properties = docx.core_properties
    properties.title = printable(pack.title)
    properties.subject = printable(pack.subtitle)
    properties.author = properties.comments = properties.last_modified_by = ""
    properties.language = pack.wording.language


def _add_brief(docx: Document, brief: PackBrief) -> None:
    """The brief, then a new page for the pack's own cover."""
    docx.add_heading(printable(brief.title), level=1)
    for section in brief.sections:
        word._add_section(docx, section)
    docx.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def _add_report(docx: Document, report: PackReport) -> None:
    """A new page, the report's heading (its entry in Word's navigation pane), then the
    report as its own copy lays it out."""
    document = report.document
    docx.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    docx.add_heading(printable(report.heading), level=1)
    docx.add_paragraph().add_run(printable(document.title)).bold = True
    docx.add_paragraph(printable(document.subtitle), style="Subtitle")
    if report.note:
        docx.add_paragraph().add_run(printable(report.note)).italic = True
    if document.marks_changes:
        docx.add_paragraph().add_run(printable(document.wording.change_key)).italic = True
    word._add_label_table(docx, document.front_sheet)
    for table in document.tables:
        word._add_table(docx, table)
    for section in document.sections:
        word._add_section(docx, section)
    if document.signature:
        docx.add_heading(printable(document.wording.signature), level=2)
        word._add_label_table(docx, document.signature)

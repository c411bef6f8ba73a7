"""The report as a PDF, drawn from HTML by WeasyPrint.

Every piece of text goes through `html.escape` (or, in the page footer, a CSS string escape):
what a user typed is always shown, never obeyed. WeasyPrint is given a URL fetcher that fetches
nothing, so no text can make the renderer read a file or call a server.
"""

from __future__ import annotations

import html
import re
from string import Template

from cpconf.documents.changes import DELETED, INSERTED, Segment
from cpconf.documents.model import (
    Paragraph,
    ReportDocument,
    Section,
    Table,
    display_lines,
    printable,
)

__all__ = ["report_html", "report_pdf", "tagged_pdf"]

# Tagged for screen readers (PDF/UA-1): headings, paragraphs, lists and tables are marked up
# in the file's structure tree, with the document's language and its title shown by viewers.
PDF_VARIANT = "pdf/ua-1"

_PAGE_FIELDS = re.compile(r"(\{pages?\})")
_SAFE_IN_CSS_STRING = re.compile(r"[A-Za-z0-9 ]")

# The fonts a PDF is drawn in. Liberation Sans (Arial's measurements) draws Latin text; after it
# come fallbacks for what it lacks, installed from Debian by the Makefile (`pdf-libs`): DejaVu
# Sans (fonts-dejavu-core) for symbols such as ✓ and for Arabic, Droid Sans Fallback
# (fonts-droid-fallback) for Chinese, Japanese and Korean. A character none of these has is drawn
# from any installed font that has it: Noto Color Emoji (fonts-noto-color-emoji) for emoji and
# the Noto families (fonts-noto-core) for Bengali, Gujarati, Gurmukhi, Devanagari, Tamil,
# Ethiopic and the other scripts they cover. Noto Color Emoji is deliberately not named here:
# named, it takes the digits (they are emoji too, as keycaps), and every date and phone number
# in a report, pack or letter was drawn in it.
FONT_FAMILY = (
    '"Liberation Sans", Arial, Helvetica, "DejaVu Sans", "Droid Sans Fallback", sans-serif'
)

STYLESHEET = Template(
    """
@page {
  size: A4;
  margin: 20mm 18mm 22mm;
  @bottom-left { content: $footer; font-size: 8.5pt; color: #505a5f; }
  @bottom-right { content: $page_number; font-size: 8.5pt; color: #505a5f; }
}
html { font-family: $font_family; font-size: 10.5pt;
       color: #0b0c0c; line-height: 1.35; }
h1 { font-size: 18pt; margin: 0 0 2mm; }
h2 { font-size: 12pt; margin: 0; padding: 2mm 3mm; background: #f3f2f1;
     border-bottom: 1px solid #0b0c0c; break-after: avoid; }
.subtitle { font-size: 12pt; margin: 0 0 5mm; }
.key { border: 2px solid #1d70b8; padding: 2mm 3mm; margin: 0 0 5mm; }
table { width: 100%; border-collapse: collapse; margin: 0 0 5mm; }
caption { text-align: left; font-weight: bold; padding: 0 0 1.5mm; }
th, td { border: 1px solid #0b0c0c; padding: 1.5mm 2mm; text-align: left; vertical-align: top; }
th { background: #f3f2f1; }
table.labels th { width: 35%; }
tr { break-inside: avoid; }
section { border: 1px solid #0b0c0c; margin: 0 0 5mm; }
section > table { width: auto; margin: 3mm; }
.question { font-style: italic; margin: 2mm 3mm; color: #505a5f; }
.answer { margin: 2mm 3mm 3mm; }
.answer p { margin: 0 0 2mm; }
.empty { font-style: italic; }
ins { color: #1d70b8; text-decoration: underline; }
del { color: #942514; text-decoration: line-through; }
.summary { border: 3px solid #1d70b8; padding: 1mm 4mm 2mm; margin: 0 0 6mm; }
.summary h2 { background: none; border: 0; padding: 1mm 0; font-size: 14pt; }
.summary p { font-size: 13pt; line-height: 1.5; margin: 0 0 2mm; }
""".replace("$font_family", FONT_FAMILY)
)

# Large print: 18pt and over throughout, footer included, with wider spacing between lines,
# paragraphs and sections (RNIB's clear print guidance asks for 16pt or more).
LARGE_PRINT_STYLESHEET = """
@page { margin: 18mm 15mm 32mm;
        @bottom-left { font-size: 18pt; width: 120mm; }
        @bottom-right { font-size: 18pt; width: 55mm; } }
html, .subtitle, .key, caption, th, td, .question, .answer, .summary p { font-size: 18pt; }
html { line-height: 1.6; letter-spacing: 0.01em; word-spacing: 0.08em; }
h1 { font-size: 30pt; margin: 0 0 5mm; }
h2, .summary h2 { font-size: 24pt; padding: 3mm; }
.answer p, .summary p { margin: 0 0 5mm; }
section { margin: 0 0 9mm; }
th, td { padding: 3mm; }
"""


def report_pdf(document: ReportDocument) -> bytes:
    return tagged_pdf(report_html(document))


def tagged_pdf(page: str) -> bytes:
    """The HTML page as a PDF tagged for screen readers; its language and title are the
    page's `lang` and `<title>`. WeasyPrint fetches nothing: no text can make it read a file
    or call a server."""
    # Imported here, not at the top: loading WeasyPrint (and Pango through it) takes most of
    # a second, and every process that starts Django (each command, each worker) would pay it
    # whether or not it ever draws a PDF.
    from weasyprint import HTML
    from weasyprint.urls import URLFetcher

    fetch_nothing = URLFetcher(allowed_protocols=frozenset())
    document = HTML(string=page, url_fetcher=fetch_nothing)
    return bytes(document.write_pdf(pdf_variant=PDF_VARIANT))


def report_html(document: ReportDocument) -> str:
    """The report as one HTML page, styled for print; also usable as a preview."""
    body = [
        f"<h1>{_text(document.title)}</h1>",
        f'<p class="subtitle">{_text(document.subtitle)}</p>',
    ]
    if document.summary:
        body.append(summary_html(document))
    if document.marks_changes:
        body.append(f'<p class="key">{_text(document.wording.change_key)}</p>')
    body.append(_label_table(document.front_sheet))
    body += [_table(table) for table in document.tables]
    body += [_section(section) for section in document.sections]
    if document.signature:
        body.append(
            f"<section><h2>{_text(document.wording.signature)}</h2>"
            f"{_label_table(document.signature)}</section>"
        )
    return (
        f'<!DOCTYPE html><html lang="{_text(document.wording.language)}"><head>'
        f'<meta charset="utf-8"><title>{_text(document.title)}</title>'
        f"<style>{_stylesheet(document)}</style></head>"
        f"<body>{''.join(body)}</body></html>"
    )


def summary_html(document: ReportDocument) -> str:
    """The easy-read summary, one idea a line, boxed before the report."""
    lines = "".join(f"<p>{_text(line)}</p>" for line in document.summary)
    return f'<section class="summary"><h2>{_text(document.summary_title)}</h2>{lines}</section>'


def _stylesheet(document: ReportDocument) -> str:
    pieces = []
    for part in _PAGE_FIELDS.split(document.wording.page_number):
        if part in ("{page}", "{pages}"):
            pieces.append(f"counter({part[1:-1]})")
        elif part:
            pieces.append(_css_string(part))
    page_number = " ".join(pieces) or '""'
    styles = STYLESHEET.substitute(footer=_css_string(document.footer), page_number=page_number)
    return styles + (LARGE_PRINT_STYLESHEET if document.large_print else "")


def _label_table(rows: tuple[tuple[str, str], ...]) -> str:
    cells = "".join(
        f'<tr><th scope="row">{_text(label)}</th><td>{_text(value)}</td></tr>'
        for label, value in rows
    )
    return f'<table class="labels"><tbody>{cells}</tbody></table>'


def _table(table: Table) -> str:
    headers = "".join(f'<th scope="col">{_text(header)}</th>' for header in table.headers)
    rows = "".join(
        "<tr>" + "".join(f"<td>{_text(value)}</td>" for value in row) + "</tr>"
        for row in table.rows
    )
    caption = f"<caption>{_text(table.caption)}</caption>" if table.caption else ""
    return f"<table>{caption}<thead><tr>{headers}</tr></thead><tbody>{rows}</tbody></table>"


def _section(section: Section) -> str:
    parts = [f"<h2>{_text(section.title)}</h2>"]
    if section.question:
        parts.append(f'<p class="question">{_lines(section.question)}</p>')
    answer = [f"<p>{_paragraph(paragraph)}</p>" for paragraph in section.paragraphs]
    answer += [_table(table) for table in section.tables]
    if not answer:
        answer = [f'<p class="empty">{_text(section.empty_text)}</p>']
    parts.append(f'<div class="answer">{"".join(answer)}</div>')
    return f"<section>{''.join(parts)}</section>"


def _paragraph(paragraph: Paragraph) -> str:
    return "".join(_segment(segment) for segment in paragraph.segments)


def _segment(segment: Segment) -> str:
    text = "<br>".join(html.escape(line) for line in display_lines(segment))
    if segment.change == INSERTED:
        return f"<ins>{text}</ins>"
    if segment.change == DELETED:
        return f"<del>{text}</del>"
    return text


def _text(value: str) -> str:
    return html.escape(printable(value))


def _lines(value: str) -> str:
    return "<br>".join(_text(line) for line in printable(value).split("\n"))


def _css_string(value: str) -> str:
    """A quoted CSS string showing `value` literally: anything but letters, digits and spaces
    becomes a hexadecimal escape, so no text can end the string or the rule."""
    escaped = "".join(
        char if _SAFE_IN_CSS_STRING.match(char) else f"\\{ord(char):x} "
        for char in printable(value).replace("\n", " ")
    )
    return f'"{escaped}"'

"""Minutes of a conference as Word and PDF, from plain data.

A pure core: nothing here imports Django. The Django side (`cpconf.outcomes.minutes_layout`) lays a
finalised conference record out as a `MinutesDocument`, one `MinutesPart` per agenda
section in agenda order, and calls `minutes_docx` or `minutes_pdf`. The look is the
report's (`pdf`, `word`): the same page, fonts, grey label cells and tables.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field

from docx import Document as new_document
from docx.document import Document
from docx.shared import Mm

from cpconf.documents import pdf, word
from cpconf.documents.model import Table, Wording, printable

__all__ = [
    "NOTHING_RECORDED",
    "Facts",
    "MinutesDocument",
    "MinutesPart",
    "Subheading",
    "Text",
    "minutes_docx",
    "minutes_html",
    "minutes_pdf",
]

NOTHING_RECORDED = "Nothing recorded"

EXTRA_STYLES = """
h3 { font-size: 11pt; margin: 3mm 3mm 1mm; break-after: avoid; }
section > table { width: calc(100% - 6mm); margin: 2mm 3mm 3mm; }
section > p { margin: 1mm 3mm 2mm; }
section > table.labels { width: calc(100% - 6mm); }
.said { font-weight: bold; }
"""


@dataclass(frozen=True)
class Subheading:
    text: str


@dataclass(frozen=True)
class Text:
    """A paragraph; `label` (who said it, or what the line is) is shown in bold before it."""

    text: str
    label: str = ""


@dataclass(frozen=True)
class Facts:
    """Label and value rows, like the front sheet."""

    rows: tuple[tuple[str, str], ...]


Block = Subheading | Text | Table | Facts


@dataclass(frozen=True)
class MinutesPart:
    """One agenda section of the minutes."""

    title: str
    blocks: tuple[Block, ...] = ()
    empty_text: str = NOTHING_RECORDED


@dataclass(frozen=True)
class MinutesDocument:
    title: str
    subtitle: str
    front_sheet: tuple[tuple[str, str], ...]
    parts: tuple[MinutesPart, ...]
    footer: str = ""
    wording: Wording = field(default_factory=Wording)


# --- Word ---------------------------------------------------------------------------------


def new_docx(title: str, subtitle: str, footer: str, wording: Wording) -> Document:
    """An A4 document set up as the report is: fonts, footer with page numbers, properties."""
    docx = new_document()
    section = docx.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Mm(20))
    word._set_fonts(docx, wording.language)
    docx.styles["Heading 3"].font.name = word.FONT
    section.footer.paragraphs[0].text = printable(footer)
    word._add_page_number(section.footer.add_paragraph(), wording.page_number)
    properties = docx.core_properties
    properties.title = printable(title)
    properties.subject = printable(subtitle)
    properties.author = properties.comments = properties.last_modified_by = ""
    properties.language = wording.language
    return docx


def docx_bytes(docx: Document) -> bytes:
    out = io.BytesIO()
    docx.save(out)
    return out.getvalue()


def minutes_docx(document: MinutesDocument) -> bytes:
    docx = new_docx(document.title, document.subtitle, document.footer, document.wording)
    docx.add_heading(printable(document.title), level=1)
    docx.add_paragraph(printable(document.subtitle), style="Subtitle")
    word._add_label_table(docx, document.front_sheet)
    for part in document.parts:
        docx.add_heading(printable(part.title), level=2)
        for block in part.blocks:
            _add_block(docx, block)
        if not part.blocks:
            docx.add_paragraph().add_run(printable(part.empty_text)).italic = True
    return docx_bytes(docx)


def _add_block(docx: Document, block: Block) -> None:
    if isinstance(block, Subheading):
        docx.add_heading(printable(block.text), level=3)
    elif isinstance(block, Text):
        paragraph = docx.add_paragraph()
        if block.label:
            paragraph.add_run(f"{printable(block.label)}: ").bold = True
        for number, line in enumerate(printable(block.text).split("\n")):
            run = paragraph.add_run()
            if number:
                run.add_break()
            run.add_text(line)
    elif isinstance(block, Table):
        word._add_table(docx, block)
    else:
        word._add_label_table(docx, block.rows)


# --- PDF ----------------------------------------------------------------------------------


def page_styles(footer: str, wording: Wording) -> str:
    pieces = []
    for piece in pdf._PAGE_FIELDS.split(wording.page_number):
        if piece in ("{page}", "{pages}"):
            pieces.append(f"counter({piece[1:-1]})")
        elif piece:
            pieces.append(pdf._css_string(piece))
    page_number = " ".join(pieces) or '""'
    styles = pdf.STYLESHEET.substitute(footer=pdf._css_string(footer), page_number=page_number)
    return styles + EXTRA_STYLES


def html_page(title: str, body: str, styles: str, wording: Wording) -> str:
    return (
        f'<!DOCTYPE html><html lang="{pdf._text(wording.language)}"><head>'
        f'<meta charset="utf-8"><title>{pdf._text(title)}</title>'
        f"<style>{styles}</style></head><body>{body}</body></html>"
    )


def pdf_bytes(page: str) -> bytes:
    """Tagged for screen readers; WeasyPrint fetches nothing (see `pdf.tagged_pdf`)."""
    return pdf.tagged_pdf(page)


def minutes_pdf(document: MinutesDocument) -> bytes:
    return pdf_bytes(minutes_html(document))


def minutes_html(document: MinutesDocument) -> str:
    """The minutes as one HTML page styled for print; also the page's preview."""
    body = [
        f"<h1>{pdf._text(document.title)}</h1>",
        f'<p class="subtitle">{pdf._text(document.subtitle)}</p>',
        pdf._label_table(document.front_sheet),
    ]
    for part in document.parts:
        blocks = [_block_html(block) for block in part.blocks] or [
            f'<p class="empty">{pdf._text(part.empty_text)}</p>'
        ]
        body.append(f"<section><h2>{pdf._text(part.title)}</h2>{''.join(blocks)}</section>")
    styles = page_styles(document.footer, document.wording)
    return html_page(document.title, "".join(body), styles, document.wording)


def _block_html(block: Block) -> str:
    if isinstance(block, Subheading):
        return f"<h3>{pdf._text(block.text)}</h3>"
    if isinstance(block, Text):
        label = f'<span class="said">{pdf._text(block.label)}:</span> ' if block.label else ""
        return f"<p>{label}{pdf._lines(block.text)}</p>"
    if isinstance(block, Table):
        return pdf._table(block)
    return pdf._label_table(block.rows)

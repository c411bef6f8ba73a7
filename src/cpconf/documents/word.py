"""The report as a Word (.docx) file, for authorities that file or edit reports in Word."""

from __future__ import annotations

import io
import re

from docx import Document as new_document
from docx.document import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor
from docx.table import Table as DocxTable
from docx.table import _Cell
from docx.text.paragraph import Paragraph as DocxParagraph

from cpconf.documents.changes import DELETED, INSERTED, Segment
from cpconf.documents.model import (
    Paragraph,
    ReportDocument,
    Section,
    Table,
    display_lines,
    printable,
)

__all__ = ["report_docx"]

# Arial is on every Word installation; LibreOffice on Debian substitutes the metric-compatible
# Liberation Sans.
FONT = "Arial"
TEXT_COLOUR = RGBColor.from_string("0B0C0C")
INSERTED_COLOUR = RGBColor.from_string("1D70B8")  # GOV.UK blue, 5.2:1 on white
DELETED_COLOUR = RGBColor.from_string("942514")  # GOV.UK dark red, 8:1 on white
LABEL_SHADING = "F3F2F1"  # the grey of the paper form's label cells
LABEL_WIDTH, VALUE_WIDTH = Mm(60), Mm(110)  # together the width between A4 margins of 20mm
STYLE_SIZES = {"Normal": 11, "Subtitle": 13, "Heading 1": 18, "Heading 2": 13, "Caption": 11}
# Large print: 18pt and over in every style the report uses, the footer's included, with wider
# spacing between lines and paragraphs.
LARGE_PRINT_SIZES = {
    "Normal": 18,
    "Subtitle": 20,
    "Heading 1": 30,
    "Heading 2": 24,
    "Caption": 18,
    "Footer": 18,
}
LARGE_PRINT_LINE_SPACING = 1.5
_PAGE_FIELDS = re.compile(r"(\{pages?\})")
_AFTER_SHADING = ("w:noWrap", "w:tcMar", "w:textDirection", "w:tcFitText", "w:vAlign", "w:hideMark")


def report_docx(document: ReportDocument) -> bytes:
    docx = new_document()
    _set_up(docx, document)
    docx.add_heading(printable(document.title), level=1)
    docx.add_paragraph(printable(document.subtitle), style="Subtitle")
    if document.summary:
        add_summary(docx, document)
    if document.marks_changes:
        _add_change_key(docx, document)
    _add_label_table(docx, document.front_sheet)
    for table in document.tables:
        _add_table(docx, table)
    for section in document.sections:
        _add_section(docx, section)
    if document.signature:
        docx.add_heading(printable(document.wording.signature), level=2)
        _add_label_table(docx, document.signature)
    out = io.BytesIO()
    docx.save(out)
    return out.getvalue()


def _set_up(docx: Document, document: ReportDocument) -> None:
    """A4 page, plain fonts, the footer, and file properties that name the report."""
    section = docx.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Mm(20))
    _set_fonts(docx, document.wording.language)
    if document.large_print:
        set_large_print(docx)
    footer = section.footer.paragraphs[0]
    footer.text = printable(document.footer)
    _add_page_number(section.footer.add_paragraph(), document.wording.page_number)
    properties = docx.core_properties
    properties.title = printable(document.title)
    properties.subject = printable(document.subtitle)
    properties.author = properties.comments = properties.last_modified_by = ""
    properties.language = document.wording.language


def _set_fonts(docx: Document, language: str) -> None:
    """Arial everywhere, dark text, and the language so spell-checkers pick the right one."""
    for name, size in STYLE_SIZES.items():
        style = docx.styles[name]
        style.font.size = Pt(size)
        style.font.color.rgb = TEXT_COLOUR
        style.font.name = FONT
        # The template's theme fonts would otherwise win over the named font.
        fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
        for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
            fonts.attrib.pop(qn(theme), None)
    docx.styles["Heading 2"].paragraph_format.space_before = Pt(18)
    docx.styles["Caption"].paragraph_format.space_before = Pt(12)
    run_properties = docx.styles["Normal"].element.get_or_add_rPr()
    lang = run_properties.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        run_properties.insert_element_before(lang, "w:eastAsianLayout", "w:specVanish", "w:oMath")
    lang.set(qn("w:val"), language)


def set_large_print(docx: Document) -> None:
    for name, size in LARGE_PRINT_SIZES.items():
        style = docx.styles[name]
        style.font.size = Pt(size)
        style.paragraph_format.line_spacing = LARGE_PRINT_LINE_SPACING
    docx.styles["Normal"].paragraph_format.space_after = Pt(12)
    docx.styles["Heading 2"].paragraph_format.space_before = Pt(30)


def add_summary(docx: Document, document: ReportDocument) -> None:
    """The easy-read summary before the report: a heading, then one idea a paragraph."""
    docx.add_heading(printable(document.summary_title), level=2)
    for line in document.summary:
        docx.add_paragraph(printable(line))


def _add_page_number(paragraph: DocxParagraph, pattern: str) -> None:
    """The page number wording, with Word's PAGE and NUMPAGES fields in place of the numbers."""
    paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    for part in _PAGE_FIELDS.split(pattern):
        if part in ("{page}", "{pages}"):
            field = OxmlElement("w:fldSimple")
            field.set(qn("w:instr"), "PAGE" if part == "{page}" else "NUMPAGES")
            placeholder = OxmlElement("w:r")
            text = OxmlElement("w:t")
            text.text = "1"
            placeholder.append(text)
            field.append(placeholder)
            paragraph._p.append(field)
        elif part:
            paragraph.add_run(printable(part))


def _add_change_key(docx: Document, document: ReportDocument) -> None:
    key = docx.add_paragraph()
    key.add_run(printable(document.wording.change_key)).italic = True


def _add_label_table(docx: Document, rows: tuple[tuple[str, str], ...]) -> None:
    """Label and value rows, the label cells shaded like the paper form."""
    table = docx.add_table(rows=0, cols=2)
    table.style = "Table Grid"
    for label, value in rows:
        cells = table.add_row().cells
        cells[0].text, cells[1].text = printable(label), printable(value)
        cells[0].width, cells[1].width = LABEL_WIDTH, VALUE_WIDTH
        _as_label(cells[0])


def _add_table(docx: Document, table: Table) -> None:
    docx.add_paragraph(printable(table.caption), style="Caption")
    grid = docx.add_table(rows=1, cols=max(len(table.headers), 1))
    grid.style = "Table Grid"
    for cell, header in zip(grid.rows[0].cells, table.headers, strict=False):
        cell.text = printable(header)
        _as_label(cell)
    _repeat_as_header(grid)
    for row in table.rows:
        for cell, value in zip(grid.add_row().cells, row, strict=False):
            cell.text = printable(value)


def _add_section(docx: Document, section: Section) -> None:
    docx.add_heading(printable(section.title), level=2)
    if section.question:
        docx.add_paragraph().add_run(printable(section.question)).italic = True
    for paragraph in section.paragraphs:
        _add_answer_paragraph(docx.add_paragraph(), paragraph)
    for table in section.tables:
        _add_table(docx, table)
    if not section.paragraphs and not section.tables:
        docx.add_paragraph().add_run(printable(section.empty_text)).italic = True


def _add_answer_paragraph(target: DocxParagraph, paragraph: Paragraph) -> None:
    for segment in paragraph.segments:
        _add_segment(target, segment)


def _add_segment(target: DocxParagraph, segment: Segment) -> None:
    """One run per line, underlined or struck through, and coloured, when the text changed."""
    for number, line in enumerate(display_lines(segment)):
        run = target.add_run()
        if number:
            run.add_break()
        run.add_text(line)
        if segment.change == INSERTED:
            run.font.underline = True
            run.font.color.rgb = INSERTED_COLOUR
        elif segment.change == DELETED:
            run.font.strike = True
            run.font.color.rgb = DELETED_COLOUR


def _as_label(cell: _Cell) -> None:
    """Bold text on the paper form's grey."""
    for run in cell.paragraphs[0].runs:
        run.bold = True
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), LABEL_SHADING)
    # Word rejects cell properties out of the schema's order.
    cell._tc.get_or_add_tcPr().insert_element_before(shading, *_AFTER_SHADING)


def _repeat_as_header(table: DocxTable) -> None:
    """Mark the first row as a header, repeated on each page and read as such by screen readers."""
    row_properties = table.rows[0]._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    row_properties.append(header)

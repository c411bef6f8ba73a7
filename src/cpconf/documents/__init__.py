"""Word and PDF files of a professional report, from plain data.

A pure core: nothing here imports Django. The Django side builds a `ReportDocument` (choosing
which sections the reader may see) and calls `report_docx` or `report_pdf`.
"""

from cpconf.documents.changes import DELETED, INSERTED, SAME, Segment, has_changes, word_changes
from cpconf.documents.model import (
    CHANGE_KEY,
    NOT_ANSWERED,
    PAGE_NUMBER,
    SIGNATURE,
    Paragraph,
    ReportDocument,
    Section,
    Table,
    Wording,
    split_paragraphs,
)
from cpconf.documents.pdf import report_html, report_pdf
from cpconf.documents.word import report_docx

__all__ = [
    "CHANGE_KEY",
    "DELETED",
    "INSERTED",
    "NOT_ANSWERED",
    "PAGE_NUMBER",
    "SAME",
    "SIGNATURE",
    "Paragraph",
    "ReportDocument",
    "Section",
    "Segment",
    "Table",
    "Wording",
    "has_changes",
    "report_docx",
    "report_html",
    "report_pdf",
    "split_paragraphs",
    "word_changes",
]

"""Word and PDF files of a professional report, from plain data.

A pure core: nothing here imports Django. The Django side builds a `ReportDocument` (choosing
which sections the reader may see) and calls `report_docx` or `report_pdf`.
"""

from cpconf.documents.changes import (
    DELETED,
    INSERTED,
    SAME,
    Segment,
    has_changes,
    whole_changes,
    word_changes,
)
from cpconf.documents.letter import (
    ChildOutcome,
    LetterAction,
    LetterDocument,
    LetterFacts,
    letter_docx,
    letter_html,
    letter_pdf,
    outcome_letter_content,
)
from cpconf.documents.minutes import (
    Facts,
    MinutesDocument,
    MinutesPart,
    Subheading,
    Text,
    minutes_docx,
    minutes_html,
    minutes_pdf,
)
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
from cpconf.documents.pack import PackDocument, PackReport, pack_docx, pack_html, pack_pdf
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
    "ChildOutcome",
    "Facts",
    "LetterAction",
    "LetterDocument",
    "LetterFacts",
    "MinutesDocument",
    "MinutesPart",
    "PackDocument",
    "PackReport",
    "Paragraph",
    "ReportDocument",
    "Section",
    "Segment",
    "Subheading",
    "Table",
    "Text",
    "Wording",
    "has_changes",
    "letter_docx",
    "letter_html",
    "letter_pdf",
    "minutes_docx",
    "minutes_html",
    "minutes_pdf",
    "outcome_letter_content",
    "pack_docx",
    "pack_html",
    "pack_pdf",
    "report_docx",
    "report_html",
    "report_pdf",
    "split_paragraphs",
    "whole_changes",
    "word_changes",
]

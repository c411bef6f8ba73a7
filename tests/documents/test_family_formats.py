"""Every PDF the system makes is tagged for screen readers (PDF/UA-1), with its language and
title; a family member's copy comes in the format they asked for: large print at 18pt and
over with wider spacing, and an easy-read summary before the report. Each is read back from
the file the reader gets."""

import io
from dataclasses import replace
from datetime import date

import pytest
from docx import Document
from docx.shared import Pt
from pypdf import PdfReader

from cpconf.documents import (
    MinutesDocument,
    PackDocument,
    PackReport,
    report_docx,
    report_pdf,
)
from cpconf.documents.letter import LetterDocument, letter_pdf, outcome_letter_content
from cpconf.documents.minutes import MinutesPart, Text, minutes_pdf
from cpconf.documents.pack import pack_pdf
from tests.documents.example_report import TITLE, example_report
from tests.documents.test_letter import facts

SUMMARY = (
    "This is a short version of the report from Elmfield Primary School.",
    "Elmfield Primary School thinks Lily needs a child protection plan.",
    "Lily is tired in lessons.",
)


def catalog(body: bytes) -> dict:
    return PdfReader(io.BytesIO(body)).trailer["/Root"]


def assert_tagged_for_screen_readers(body: bytes, title: str) -> None:
    """PDF/UA: marked content in a structure tree, the language, the title shown."""
    root = catalog(body)
    assert bool(root["/MarkInfo"]["/Marked"])
    assert "/StructTreeRoot" in root
    assert root["/StructTreeRoot"]["/K"]
    assert root["/Lang"] == "en-GB"
    assert bool(root["/ViewerPreferences"]["/DisplayDocTitle"])
    assert PdfReader(io.BytesIO(body)).metadata.title == title


def pdf_sizes(body: bytes) -> list[float]:
    """Each run of text's size in points, as drawn."""
    sizes: list[float] = []

    def visit(text, cm, tm, _font, size):
        if text.strip():
            sizes.append(round(size * cm[0] * tm[0], 1))

    for page in PdfReader(io.BytesIO(body)).pages:
        page.extract_text(visitor_text=visit)
    return sizes


def pdf_text(body: bytes) -> str:
    return " ".join(
        " ".join(page.extract_text() for page in PdfReader(io.BytesIO(body)).pages).split()
    )


def test_a_report_pdf_is_tagged_with_its_language_and_title():
    assert_tagged_for_screen_readers(report_pdf(example_report()), TITLE)


def test_the_pack_pdf_is_tagged():
    pack = PackDocument(
        title="Conference pack",
        subtitle="Family copy",
        cover=(("Family", "Hartwell"),),
        front=(),
        reports=(PackReport("Elmfield Primary School", example_report()),),
    )
    assert_tagged_for_screen_readers(pack_pdf(pack), "Conference pack")


def test_the_outcome_letter_pdf_is_tagged():
    content = outcome_letter_content(facts())
    body = letter_pdf(LetterDocument.from_content(content, footer="Northshire"))
    assert_tagged_for_screen_readers(body, content["title"])


def test_the_minutes_pdf_is_tagged():
    minutes = MinutesDocument(
        title="Minutes of the conference",
        subtitle=f"Held on {date(2026, 10, 6):%-d %B %Y}",
        front_sheet=(("Chair", "Fiona MacLeod"),),
        parts=(MinutesPart("Decision", (Text("Lily stays on a plan."),)),),
    )
    assert_tagged_for_screen_readers(minutes_pdf(minutes), "Minutes of the conference")


def test_large_print_draws_every_word_at_18_points_or_more():
    large = pdf_sizes(report_pdf(example_report(large_print=True)))
    usual = pdf_sizes(report_pdf(example_report()))

    assert min(large) >= 18
    assert min(usual) < 12


def test_large_print_word_files_are_18_points_with_wider_spacing():
    docx = Document(io.BytesIO(report_docx(example_report(large_print=True))))
    usual = Document(io.BytesIO(report_docx(example_report())))

    for name in ("Normal", "Subtitle", "Heading 1", "Heading 2", "Caption", "Footer"):
        assert docx.styles[name].font.size >= Pt(18), name
    assert docx.styles["Normal"].paragraph_format.line_spacing >= 1.5
    assert usual.styles["Normal"].font.size < Pt(18)


@pytest.mark.parametrize("extension", ["pdf", "docx"])
def test_the_easy_read_summary_comes_first_one_idea_a_line(extension):
    document = replace(example_report(), summary_title="The report in short", summary=SUMMARY)

    if extension == "pdf":
        text = pdf_text(report_pdf(document))
    else:
        paragraphs = [p.text for p in Document(io.BytesIO(report_docx(document))).paragraphs]
        for line in SUMMARY:
            assert line in paragraphs  # each idea its own paragraph
        text = " ".join(paragraphs)

    assert text.index("The report in short") < text.index(SUMMARY[0])
    assert text.index(SUMMARY[-1]) < text.index("What are you worried about?")


def test_no_summary_unless_asked_for():
    assert "The report in short" not in pdf_text(report_pdf(example_report()))

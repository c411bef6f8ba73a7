import io
import time

import pypdf
import pytest

from cpconf.documents import (
    CHANGE_KEY,
    Paragraph,
    Section,
    Wording,
    report_html,
    report_pdf,
)
from tests.documents.example_report import (
    ANSWERS,
    CHILDREN,
    FAMILY,
    FOOTER,
    SECTION_TITLES,
    TITLE,
    example_report,
)


def _words(text: str) -> str:
    """Text with every run of whitespace made one space, as lines wrap differently in a PDF."""
    return " ".join(text.split())


def _read(report) -> pypdf.PdfReader:
    return pypdf.PdfReader(io.BytesIO(report_pdf(report)))


def _page_texts(reader) -> list[str]:
    return [_words(page.extract_text()) for page in reader.pages]


def _outline_titles(outline) -> list[str]:
    titles = []
    for entry in outline:
        titles += _outline_titles(entry) if isinstance(entry, list) else [entry.title]
    return titles


@pytest.fixture(scope="module")
def review():
    return _read(example_report())


@pytest.fixture(scope="module")
def long_review():
    worries = tuple(
        Paragraph.plain(f"Worry {n}: Lily was late to school and had not eaten. " * 8)
        for n in range(40)
    )
    sections = (Section("2. What are you worried about?", paragraphs=worries),)
    return _read(example_report(sections=sections))


def test_every_section_title_and_answer_appears_in_order(review):
    text = " ".join(_page_texts(review))

    assert len(review.pages) >= 1
    positions = [text.index(_words(item)) for item in (TITLE, *SECTION_TITLES)]
    assert positions == sorted(positions)
    for answer in ANSWERS:
        assert _words(answer) in text


def test_the_children_and_family_members_are_listed(review):
    text = " ".join(_page_texts(review))

    for row in (*CHILDREN.rows, *FAMILY.rows):
        assert " ".join(row) in text


def test_every_page_carries_the_footer_and_its_page_number(long_review):
    pages = _page_texts(long_review)

    assert len(pages) > 1
    for number, text in enumerate(pages, start=1):
        assert _words(FOOTER) in text
        assert f"Page {number} of {len(pages)}" in text


def test_page_numbers_follow_the_wording_given():
    wording = Wording(page_number="Tudalen {page} o {pages}", language="cy")

    pages = _page_texts(_read(example_report(wording=wording)))

    assert f"Tudalen 1 o {len(pages)}" in pages[0]


def test_the_outline_lists_every_section_so_readers_can_jump_to_it(review):
    titles = _outline_titles(review.outline)

    assert titles[0] == TITLE
    assert [t for t in titles if t in SECTION_TITLES] == list(SECTION_TITLES)


def test_the_file_properties_name_the_report(review):
    assert review.metadata.title == TITLE


def test_the_key_to_change_marks_appears_only_when_changes_are_marked(review):
    plain = _read(example_report(marks_changes=False))

    assert _words(CHANGE_KEY) in " ".join(_page_texts(review))
    assert _words(CHANGE_KEY) not in " ".join(_page_texts(plain))


def test_inserted_and_deleted_text_are_marked_in_the_page():
    page = report_html(example_report())

    assert "<del>82</del><ins>91</ins>" in page
    assert "<ins>Since the last conference I have met Ms Hartwell every fortnight.</ins>" in page


def test_text_that_looks_like_markup_is_shown_not_obeyed():
    hostile = "<script>alert(1)</script> and <b>bold</b> and </p></section><h2>Fake</h2>"
    footer = 'Official" } @page { @bottom-left { content: "forged'
    report = example_report(
        sections=(
            Section("7. <i>Further</i> information", paragraphs=(Paragraph.plain(hostile),)),
        ),
        footer=footer,
    )

    reader = _read(report)

    text = " ".join(_page_texts(reader))
    assert _words(hostile) in text
    assert "7. <i>Further</i> information" in text
    assert _words(footer) in text
    assert "Fake" not in _outline_titles(reader.outline)


def test_a_report_renders_in_well_under_the_time_a_request_may_take():
    started = time.perf_counter()

    report_pdf(example_report())

    assert time.perf_counter() - started < 5

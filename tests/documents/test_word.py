import io

import docx
import pytest
from docx.shared import RGBColor

from cpconf.documents import CHANGE_KEY, NOT_ANSWERED, Paragraph, Section, report_docx
from tests.documents.example_report import (
    ANSWERS,
    CHILDREN,
    FAMILY,
    FOOTER,
    FRONT_SHEET,
    SECTION_TITLES,
    TITLE,
    example_report,
)


def _open(report) -> docx.document.Document:
    return docx.Document(io.BytesIO(report_docx(report)))


def _current_texts(document) -> list[str]:
    """Each body paragraph as it reads now: the struck-through (deleted) runs left out."""
    return [
        "".join(run.text for run in paragraph.runs if not run.font.strike)
        for paragraph in document.paragraphs
    ]


def _runs(document):
    return [run for paragraph in document.paragraphs for run in paragraph.runs]


@pytest.fixture(scope="module")
def review():
    return _open(example_report())


def test_every_section_title_and_answer_appears_in_order(review):
    texts = _current_texts(review)

    positions = [texts.index(text) for text in (*SECTION_TITLES, *ANSWERS)]
    titles, answers = positions[: len(SECTION_TITLES)], positions[len(SECTION_TITLES) :]
    assert titles == sorted(titles)
    assert answers == sorted(answers)
    assert titles[0] < answers[0]


def test_section_titles_are_headings_so_word_can_list_them_for_navigation(review):
    headings = [p.text for p in review.paragraphs if p.style.name == "Heading 2"]

    assert headings[: len(SECTION_TITLES)] == list(SECTION_TITLES)
    assert review.paragraphs[0].style.name == "Heading 1"
    assert review.paragraphs[0].text == TITLE


def test_a_question_left_empty_says_it_was_not_answered(review):
    texts = [p.text for p in review.paragraphs]

    after_section_seven = texts[texts.index(SECTION_TITLES[6]) + 1]
    assert after_section_seven == NOT_ANSWERED


def test_front_sheet_children_and_family_members_are_in_tables(review):
    cells = [[cell.text for cell in row.cells] for table in review.tables for row in table.rows]

    assert [list(row) for row in FRONT_SHEET] == cells[: len(FRONT_SHEET)]
    for table in (CHILDREN, FAMILY):
        assert list(table.headers) in cells
        assert all(list(row) in cells for row in table.rows)
    assert all(table.style.name == "Table Grid" for table in review.tables)


def test_inserted_text_is_underlined_and_coloured(review):
    inserted = [run for run in _runs(review) if run.font.underline]

    assert "91" in [run.text for run in inserted]
    assert "Since the last conference I have met Ms Hartwell every fortnight." in [
        run.text for run in inserted
    ]
    assert all(run.font.color.rgb not in (None, RGBColor(0, 0, 0)) for run in inserted)


def test_deleted_text_is_struck_through_and_coloured(review):
    deleted = [run for run in _runs(review) if run.font.strike]

    assert [run.text for run in deleted] == ["82"]
    assert deleted[0].font.color.rgb not in (None, RGBColor(0, 0, 0))


def test_unchanged_text_is_neither_underlined_nor_struck(review):
    unchanged = [run for run in _runs(review) if "breakfast for three days" in run.text]

    assert unchanged
    assert not any(run.font.underline or run.font.strike for run in unchanged)


def test_the_footer_is_on_the_page_and_the_title_in_the_file_properties(review):
    footer_texts = [p.text for p in review.sections[0].footer.paragraphs]

    assert FOOTER in footer_texts
    assert review.core_properties.title == TITLE


def test_the_key_to_change_marks_appears_only_when_changes_are_marked(review):
    plain = _open(example_report(marks_changes=False))

    assert CHANGE_KEY in [p.text for p in review.paragraphs]
    assert CHANGE_KEY not in [p.text for p in plain.paragraphs]


def test_text_that_looks_like_markup_or_carries_control_characters_is_kept_as_text():
    # A vertical tab is how Word marks a line break when text is pasted into a browser.
    hostile = Section(
        "7. Further information",
        paragraphs=(
            Paragraph.plain("<script>alert(1)</script> and <b>bold</b>"),
            Paragraph.plain("Pasted from Word:\x0bsecond line\x00"),
        ),
    )

    document = _open(example_report(sections=(hostile,)))

    texts = [p.text for p in document.paragraphs]
    assert "<script>alert(1)</script> and <b>bold</b>" in texts
    assert "Pasted from Word:\nsecond line" in texts

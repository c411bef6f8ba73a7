from cpconf.documents import (
    DELETED,
    INSERTED,
    NOT_ANSWERED,
    Paragraph,
    Section,
    Segment,
    split_paragraphs,
)


def test_typed_text_becomes_one_paragraph_per_blank_line():
    section = Section.from_text("3. What is going well?", "First point.\r\n\r\nSecond point.\n")

    assert [p.text for p in section.paragraphs] == ["First point.", "Second point."]


def test_a_single_line_break_stays_inside_its_paragraph():
    section = Section.from_text("7. Further information", "Line one\nline two\n \n\nNext")

    assert [p.text for p in section.paragraphs] == ["Line one\nline two", "Next"]


def test_an_answer_of_only_spaces_has_no_paragraphs_and_keeps_the_empty_wording():
    section = Section.from_text("8. What don't you know?", "  \n\n  ")

    assert section.paragraphs == ()
    assert section.empty_text == NOT_ANSWERED


def test_a_paragraph_added_in_a_review_is_its_own_paragraph_marked_inserted():
    section = Section.from_changes(
        "1. Summary", "Seen weekly.", "Seen weekly.\n\nNow also seen by the school nurse."
    )

    assert section.paragraphs == (
        Paragraph.plain("Seen weekly."),
        Paragraph((Segment("Now also seen by the school nurse.", INSERTED),)),
    )


def test_a_removed_paragraph_break_joins_the_paragraphs_and_shows_the_removal():
    paragraphs = split_paragraphs(
        [Segment("Seen weekly."), Segment("\n\n", DELETED), Segment(" Mum attends.")]
    )

    assert len(paragraphs) == 1
    assert paragraphs[0].text == "Seen weekly. Mum attends."


def test_the_paragraph_text_leaves_out_what_was_deleted():
    paragraph = Paragraph(
        (Segment("Attendance is "), Segment("82%", DELETED), Segment("91%", INSERTED))
    )

    assert paragraph.text == "Attendance is 91%"

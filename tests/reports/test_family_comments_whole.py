"""The family's comments are their own words: between versions (or against the previous
report) they are never marked word by word, which spliced two quotes into one misquote. A
changed comment shows the old words whole, struck through, and the new words whole."""

from cpconf.documents import DELETED, INSERTED, SAME, whole_changes
from cpconf.organisations.report_forms import report_form_named
from cpconf.reports import copies

OLD = "I don't agree that the house is unsafe."
NEW = "I agree the house was unsafe in May, but not now."


def sharing(comments: str, shared_with: str = "Dawn Hartwell, mother") -> dict:
    return {
        "shared": "yes",
        "shared_on": "2026-11-02",
        "method": "in_person",
        "language_support": "none",
        "shared_with": shared_with,
        "comments": comments,
        "not_shared_reason": "",
    }


def sharing_paragraphs(before: dict, after: dict) -> list:
    form = report_form_named("review")
    document = copies.report_document(
        form=form,
        content={"sharing": after},
        copy=copies.CONFERENCE_COPY,
        meeting=(),
        previous={"sharing": before},
    )
    title = next(s.title for s in form.sections if s.kind == "sharing")
    section = next(s for s in document.sections if s.title.endswith(title))
    return list(section.paragraphs)


def test_whole_changes_never_splices_two_quotes():
    assert [(s.text, s.change) for s in whole_changes(OLD, NEW)] == [
        (OLD, DELETED),
        (NEW, INSERTED),
    ]
    assert [(s.text, s.change) for s in whole_changes(OLD, OLD)] == [(OLD, SAME)]


def test_a_changed_comment_is_shown_old_whole_then_new_whole():
    paragraphs = sharing_paragraphs(sharing(OLD), sharing(NEW))

    comments = next(
        p for p in paragraphs if "The family's comments" in "".join(s.text for s in p.segments)
    )
    marked = [(s.text, s.change) for s in comments.segments if s.change != SAME]
    assert marked == [(OLD, DELETED), (NEW, INSERTED)]
    assert comments.text == f"The family's comments: {NEW}"


def test_an_unchanged_comment_carries_no_marks_while_the_rest_of_the_part_does():
    paragraphs = sharing_paragraphs(sharing(OLD), sharing(OLD, shared_with="Dawn Hartwell"))

    summary, comments = paragraphs
    assert any(s.change != SAME for s in summary.segments)
    assert all(s.change == SAME for s in comments.segments)
    assert comments.text == f"The family's comments: {OLD}"


def test_comments_first_given_are_shown_whole_as_new():
    paragraphs = sharing_paragraphs(sharing(""), sharing(NEW))

    comments = paragraphs[-1]
    assert [(s.text, s.change) for s in comments.segments if s.change != SAME] == [
        ("none given", DELETED),
        (NEW, INSERTED),
    ]

"""The letter's words from plain facts (no database): each decision said plainly, and the
drawn letter shows what was typed without obeying it."""

import io
from datetime import date

import pytest
from pypdf import PdfReader

from cpconf.conference_records.record_content import OUTCOMES
from cpconf.documents import (
    ChildOutcome,
    LetterDocument,
    LetterFacts,
    letter_html,
    letter_pdf,
    outcome_letter_content,
)
from cpconf.documents.letter import letter_text
from cpconf.quality import analyse


def facts(*children: ChildOutcome, **changes) -> LetterFacts:
    values = {
        "recipient": "Dawn Hartwell",
        "meeting_type": "Review child protection conference",
        "held_on": date(2026, 12, 1),
        "issued_on": date(2026, 12, 2),
        "chair_name": "Fiona MacLeod",
        "children": children,
        "chair_summary": "Meals are more regular now.",
        "contact": "the review unit on 01632 960 100",
        "appeal_by": date(2026, 12, 15),
        "appeal_within_working_days": 10,
        "next_review_on": date(2027, 6, 1),
    }
    return LetterFacts(**(values | changes))


@pytest.mark.parametrize("outcome", [key for key, _label in OUTCOMES])
def test_every_decision_is_said_plainly(outcome):
    child = ChildOutcome("Lily", outcome, ("neglect", "physical", "emotional", "sexual"))

    text = letter_text(outcome_letter_content(facts(child)))

    decided = text.split("What the meeting decided for Lily")[1]
    assert "Lily" in decided.splitlines()[1]
    assert analyse(text).to_dict()["reading"]["reading_age"] <= 11
    jargon = [f for f in analyse(text).to_dict()["findings"] if f["rule"] == "jargon"]
    assert jargon == []


def test_categories_are_named_only_with_a_plan():
    plan = letter_text(
        outcome_letter_content(facts(ChildOutcome("Lily", "plan_starts", ("sexual",))))
    )
    ended = letter_text(
        outcome_letter_content(facts(ChildOutcome("Lily", "ends_early_help", ("sexual",))))
    )

    assert "This is called sexual abuse." in plan
    assert "sexual" not in ended


def test_without_consensus_the_letter_says_the_chair_decided():
    text = letter_text(
        outcome_letter_content(facts(ChildOutcome("Lily", "plan_continues", consensus="no")))
    )

    assert "Not everyone agreed. So the chair made the decision." in text


WELSH = {"Why we are writing": "Pam rydyn ni'n ysgrifennu"}


def welsh(message: str) -> str:
    return WELSH.get(message, message)


def test_the_words_go_through_the_callers_translation():
    content = outcome_letter_content(facts(ChildOutcome("Lily", "plan_continues")), gettext=welsh)

    assert content["sections"][0]["heading"] == "Pam rydyn ni'n ysgrifennu"
    assert "Why we are writing" not in letter_text(content)


def test_typed_text_is_shown_never_obeyed():
    summary = "<script>alert(1)</script> & <b>bold</b>\x0b"
    content = outcome_letter_content(
        facts(ChildOutcome("Lily", "plan_continues"), chair_summary=summary)
    )
    document = LetterDocument.from_content(content, footer="OFFICIAL")

    page = letter_html(document)
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(letter_pdf(document))).pages)

    assert "<script>" not in page and "&lt;script&gt;" in page
    assert "<script>alert(1)</script>" in " ".join(text.split())


@pytest.mark.parametrize(
    ("label", "said"),
    [
        ("Review child protection conference", "the review child protection conference."),
        ("Safer Me Plus child protection review", "the Safer Me Plus child protection review."),
    ],
)
def test_the_meeting_is_named_as_a_sentence_would(label, said):
    text = letter_text(outcome_letter_content(facts(meeting_type=label)))

    assert f"We call this meeting {said}" in text

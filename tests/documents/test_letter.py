"""The outcome letter drawn from plain facts (no database), read back from the PDF and the
Word file as the family member would read it: dated, referenced and headed; every date to act
by still to come; the decision's own words for harm and category; large print and easy read
when the reader needs them."""

import io
import re
from datetime import date, timedelta

import pytest
from docx import Document
from docx.shared import Pt
from pypdf import PdfReader

from cpconf.documents.letter import (
    EASY_READ,
    ChildOutcome,
    LetterAction,
    LetterDocument,
    LetterFacts,
    LetterFormat,
    LetterHeading,
    letter_docx,
    letter_pdf,
    letter_text,
    long_date,
    outcome_letter_content,
)
from cpconf.quality import analyse

HELD_ON = date(2026, 10, 6)
ISSUED_ON = date(2026, 12, 16)
HEADING = LetterHeading(
    authority="Northshire Council",
    service="Quality Assurance Reviewing and Safeguarding Service",
    address=("Northshire Civic Centre", "Market Street", "Northshire", "NS1 4QA"),
    phone="01632 960 100",
    email="qarss@northshire.example",
)
LONG_DATE = re.compile(
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday) \d{1,2} "
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
    r" \d{4}"
)


def facts(*children: ChildOutcome, **changes) -> LetterFacts:
    values = {
        "recipient": "Kelly Ashdown",
        "meeting_type": "Review child protection conference",
        "held_on": HELD_ON,
        "issued_on": ISSUED_ON,
        "chair_name": "Fiona MacLeod",
        "children": children or (ChildOutcome("Lily", "plan_continues", ("neglect",)),),
        "chair_summary": "Meals are more regular now.",
        "contact": "the review unit on 01632 960 100",
        "appeal_by": date(2027, 1, 4),
        "appeal_within_working_days": 10,
        "case_reference": "NS-2026-0141",
        "heading": HEADING,
        "recipient_address": ("14 Alder Close", "Northshire", "NS2 5AB"),
    }
    return LetterFacts(**(values | changes))


def drawn(content: dict, extension: str) -> str:
    document = LetterDocument.from_content(content, footer="Northshire Council")
    if extension == "pdf":
        reader = PdfReader(io.BytesIO(letter_pdf(document)))
        text = "\n".join(page.extract_text() for page in reader.pages)
    else:
        text = "\n".join(p.text for p in Document(io.BytesIO(letter_docx(document))).paragraphs)
        cells = Document(io.BytesIO(letter_docx(document))).tables
        text += "\n" + "\n".join(c.text for t in cells for r in t.rows for c in r.cells)
    return " ".join(text.split())


def dates_in(text: str) -> list[date]:
    from datetime import datetime

    return [datetime.strptime(found, "%A %d %B %Y").date() for found in LONG_DATE.findall(text)]


@pytest.mark.parametrize("extension", ["pdf", "docx"])
def test_the_letter_is_dated_referenced_and_headed(extension):
    text = drawn(outcome_letter_content(facts()), extension)

    assert "Date Wednesday 16 December 2026" in text
    assert "Our reference NS-2026-0141" in text
    assert "Meeting date Tuesday 6 October 2026" in text
    for line in ("Northshire Council", HEADING.service, "Northshire Civic Centre", "NS1 4QA"):
        assert line in text
    assert "Phone: 01632 960 100" in text and "Email: qarss@northshire.example" in text
    assert "Kelly Ashdown 14 Alder Close Northshire NS2 5AB" in text
    assert "Dear Kelly Ashdown," in text
    assert text.find("Northshire Civic Centre") < text.find("Dear Kelly Ashdown,")


@pytest.mark.parametrize("extension", ["pdf", "docx"])
def test_no_date_to_act_by_is_before_the_letter(extension):
    """A conference held in October, its letter issued in December: the core group, an
    action's date and the child in need meeting have gone by; none is given as a deadline."""
    past, future = HELD_ON + timedelta(days=14), date(2027, 3, 1)
    actions = (
        LetterAction("Take Lily to school every day", "Mum", past, for_family=True),
        LetterAction("Take Lily to the dentist", "Mum", future, for_family=True),
    )
    letter = facts(
        ChildOutcome("Lily", "plan_continues", ("neglect",), "yes", "yes", actions=actions),
        core_group_on=past,
        child_in_need_meeting_on=past,
        next_review_on=future,
    )

    text = drawn(outcome_letter_content(letter), extension)

    assert sorted(d for d in dates_in(text) if d <= ISSUED_ON) == [HELD_ON] * 3 + [ISSUED_ON]
    assert "Please tell us by Monday 4 January 2027." in text
    assert "By Monday 1 March 2027." in text
    assert "The next review meeting will be on Monday 1 March 2027." in text
    assert "Your social worker will tell you when the core group meets." in text
    assert "Take Lily to school every day. Your social worker will agree a new date" in text


def test_a_letter_is_never_written_with_an_appeal_date_that_has_gone():
    with pytest.raises(ValueError, match="must be after the letter's date"):
        outcome_letter_content(facts(appeal_by=ISSUED_ON))


HARM_WORDS = [
    (
        ("yes", "yes", False),
        "The meeting decided that Lily has suffered significant harm. It also decided that "
        "Lily is likely to suffer significant harm.",
    ),
    (
        ("no", "yes", False),
        "The meeting decided that Lily is likely to suffer significant harm. This does not mean "
        "it has happened.",
    ),
    (
        ("", "yes", True),
        "Lily is not born yet. The meeting decided that Lily is likely to suffer significant "
        "harm after the birth.",
    ),
]


@pytest.mark.parametrize(("answers", "said"), HARM_WORDS)
def test_the_harm_is_said_as_the_decision_recorded_it(answers, said):
    suffered, likely, unborn = answers
    child = ChildOutcome("Lily", "plan_starts", ("physical",), suffered, likely, unborn=unborn)

    text = " ".join(letter_text(outcome_letter_content(facts(child))).split())

    assert said in text
    if suffered != "yes":
        assert "has suffered" not in text
        assert "Someone might hit, shake or hurt Lily. This is called physical abuse." in text
    else:
        assert "Someone has hit, shaken or hurt Lily. This is called physical abuse." in text
    assert "is being hurt" not in text
    assert "Significant harm is what the law calls harm that is bad enough" in text


CATEGORY_SAID = {
    "neglect": "might not get the care they need",
    "physical": "Someone might hit, shake or hurt Lily",
    "emotional": "The way Lily is treated might hurt their feelings badly",
    "sexual": "Someone might do sexual things to Lily",
}


@pytest.mark.parametrize("category", list(CATEGORY_SAID))
def test_each_category_is_said_in_plain_words_a_nine_year_old_could_read(category):
    child = ChildOutcome("Lily", "plan_starts", (category,), "no", "yes")

    text = letter_text(outcome_letter_content(facts(child)))
    worry = next(line for line in text.splitlines() if CATEGORY_SAID[category] in line)

    assert analyse(worry).to_dict()["reading"]["reading_age"] <= 10
    assert analyse(worry).to_dict()["findings"] == []


ENDINGS = {
    "ends_child_in_need": "Instead, Lily will have a child in need plan.",
    "ends_early_help": "Instead, your family can get support from people like the school",
    "ends_no_further_action": "Social workers do not need to do anything more.",
}


@pytest.mark.parametrize(("outcome", "said"), list(ENDINGS.items()))
def test_a_plan_that_ends_says_what_happens_next(outcome, said):
    child = ChildOutcome("Lily", outcome, (), "no", "no")

    text = letter_text(outcome_letter_content(facts(child)))

    assert said in text
    assert "Lily does not need a child protection plan any more." in text
    assert "called neglect" not in text


def test_the_whole_letter_reads_at_about_nine_with_the_legal_words_explained():
    children = (
        ChildOutcome("Lily", "plan_continues", ("neglect", "emotional"), "yes", "yes"),
        ChildOutcome("Mason", "ends_child_in_need", (), "no", "no", consensus="no"),
    )
    text = letter_text(outcome_letter_content(facts(*children, next_review_on=date(2027, 3, 1))))

    analysis = analyse(text, children=["Lily", "Mason"]).to_dict()

    assert analysis["reading"]["reading_age"] <= 10
    hard = {f["text"].lower() for f in analysis["findings"] if f["rule"] in ("jargon", "acronym")}
    # The law's own words stay, because they are what an appeal is about; each is explained.
    assert hard <= {"significant harm"}
    assert "Significant harm is what the law calls" in text


@pytest.mark.parametrize("extension", ["pdf", "docx"])
def test_a_reader_who_needs_another_language_is_told_in_english_at_the_top(extension):
    wanted = LetterFormat(language="Polish", interpreter=True)

    text = drawn(outcome_letter_content(facts(letter_format=wanted)), extension)

    notice = (
        "This letter is in English. We will arrange an interpreter to read it with you in Polish"
    )
    assert notice in text
    assert "contact us on 01632 960 100 or at qarss@northshire.example" in text
    assert text.find(notice) < text.find("Dear Kelly Ashdown,")


def test_english_readers_get_no_language_notice():
    assert outcome_letter_content(facts())["notice"] == []


@pytest.mark.parametrize("extension", ["pdf", "docx"])
def test_easy_read_puts_a_short_summary_first(extension):
    content = outcome_letter_content(
        facts(letter_format=LetterFormat(easy_read=True), next_review_on=date(2027, 3, 1))
    )

    summary = content["sections"][0]
    text = drawn(content, extension)

    assert summary["kind"] == EASY_READ
    assert summary["heading"] == "This letter in a few words"
    assert "Lily will stay on a child protection plan." in summary["paragraphs"]
    assert "Please tell us by Monday 4 January 2027." in summary["paragraphs"]
    assert analyse("\n".join(summary["paragraphs"])).to_dict()["reading"]["reading_age"] <= 9
    assert text.find("This letter in a few words") < text.find("Why we are writing")
    assert "This letter in a few words" not in letter_text(outcome_letter_content(facts()))


def _pdf_sizes(body: bytes) -> list[float]:
    """Each run of text's size in points, as drawn."""
    sizes: list[float] = []

    def visit(text, cm, tm, _font, size):
        if text.strip():
            sizes.append(round(size * cm[0] * tm[0], 1))

    for page in PdfReader(io.BytesIO(body)).pages:
        page.extract_text(visitor_text=visit)
    return sizes


def test_large_print_draws_every_word_at_16_points_or_more():
    content = outcome_letter_content(facts(letter_format=LetterFormat(large_print=True)))
    standard = outcome_letter_content(facts())

    large = _pdf_sizes(letter_pdf(LetterDocument.from_content(content, footer="Northshire")))
    usual = _pdf_sizes(letter_pdf(LetterDocument.from_content(standard, footer="Northshire")))

    assert min(large) >= 16
    assert min(usual) < 12
    docx = Document(io.BytesIO(letter_docx(LetterDocument.from_content(content))))
    assert docx.styles["Normal"].font.size >= Pt(16)
    assert docx.styles["Heading 2"].font.size >= Pt(16)


def test_a_letter_issued_before_letterheads_still_draws():
    old = {"title": "Outcome", "addressed_to": "To Dawn", "sections": [
        {"heading": "What we decided", "paragraphs": ["Lily still needs a plan."]}
    ]}  # fmt: skip

    text = drawn(old, "pdf")

    assert "To Dawn" in text and "Lily still needs a plan." in text


def test_long_dates_name_the_day():
    assert long_date(date(2026, 12, 16)) == "Wednesday 16 December 2026"


def test_after_a_first_conference_a_child_without_a_plan_never_had_one():
    child = ChildOutcome("Lily", "ends_early_help", (), "no", "no")

    text = letter_text(outcome_letter_content(facts(child, first_conference=True)))

    assert "Lily will not have a child protection plan." in text
    assert "any more" not in text
    assert "Instead, your family can get support from people like the school" in text

"""The minutes and the letter, downloaded and read back as a reader would see them."""

import io

import pytest
from django.urls import reverse
from docx import Document
from pypdf import PdfReader

from cpconf.conference_records.agenda import agenda_for_stage
from cpconf.outcomes.services import outcome_issue
from cpconf.quality import analyse
from tests.factories import ChildFactory, ConferenceFactory, FamilyFactory
from tests.outcomes.records import (
    ALL_CHILDREN_ACTION,
    CHAIR_SUMMARY,
    DISSENT,
    FAMILY_ACTION,
    LILY_ACTION,
    finalised_record,
    letter_to,
    review_content,
)
from tests.report_scene import RESTRICTED_TEXT, complete, start, submit

pytestmark = pytest.mark.django_db


def pdf_text(body: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(body)).pages)


def docx_text(body: bytes) -> str:
    """Paragraphs and table cells in document order."""
    document = Document(io.BytesIO(body))
    lines = []
    for block in document.element.body.iterchildren():
        if block.tag.endswith("}p"):
            lines.append("".join(t.text or "" for t in block.iter() if t.tag.endswith("}t")))
        elif block.tag.endswith("}tbl"):
            for cell in block.iter():
                if cell.tag.endswith("}tc"):
                    lines.append("".join(t.text or "" for t in cell.iter() if t.tag.endswith("}t")))
    return "\n".join(lines)


def as_one_line(text: str) -> str:
    return " ".join(text.split())


def download(client, user, name, *args):
    client.force_login(user)
    response = client.get(reverse(name, args=args))
    assert response.status_code == 200
    return response.content


@pytest.fixture
def issued(scene):
    report = complete(start(scene))
    submit(report)
    version = finalised_record(scene.conference)
    return letter_to(outcome_issue(record_version=version, actor=scene.chair), "Parent Account")


AGENDA_TITLES = [f"{s.number}. {s.title}" for s in agenda_for_stage("review").sections]


@pytest.mark.parametrize("extension", ["pdf", "docx"])
def test_minutes_follow_the_agenda_with_decisions_plan_and_scores(client, scene, issued, extension):
    body = download(
        client, scene.chair, "outcomes:minutes_download", scene.conference.pk, extension
    )
    text = as_one_line(pdf_text(body) if extension == "pdf" else docx_text(body))

    positions = [text.find(title) for title in AGENDA_TITLES]
    assert -1 not in positions, AGENDA_TITLES
    assert positions == sorted(positions)
    decisions = text[positions[6] : positions[7]]
    assert "Child protection plan continues" in decisions
    assert "Child protection plan ends: child in need plan" in decisions
    assert "Neglect" in decisions
    assert "No: the chair made the decision" in decisions
    assert as_one_line(CHAIR_SUMMARY) in decisions
    assert DISSENT in decisions
    plan = text[positions[4] : positions[5]]
    for action in (LILY_ACTION, FAMILY_ACTION, ALL_CHILDREN_ACTION):
        assert action in plan
    assert "In progress" in plan and "High" in plan
    scaling = text[positions[5] : positions[6]]
    assert "Priya Shah 4 7" in scaling and "Dawn Hartwell 8 9" in scaling
    assert "Version 1" in text
    assert RESTRICTED_TEXT not in text


def test_minutes_list_the_family_first_and_the_reports_received(client, scene, issued):
    text = as_one_line(
        docx_text(
            download(client, scene.unit, "outcomes:minutes_download", scene.conference.pk, "docx")
        )
    )

    present = text[text.find("Present") : text.find("Apologies")]
    assert present.find("Dawn Hartwell") < present.find("Priya Shah")
    assert "Dr Ellis" in text[text.find("Apologies") : text.find("Reports received")]
    assert "Alder Primary Submitted" in text
    discussion = text[text.find("4. Discussion") : text.find("4. What needs to happen")]
    assert discussion.find("Dawn Hartwell: I have a routine") < discussion.find("Sam Okafor")


@pytest.mark.parametrize("extension", ["pdf", "docx"])
def test_the_letter_tells_the_family_each_decision_in_plain_words(client, scene, issued, extension):
    body = download(client, scene.parent, "outcomes:letter_download", issued.pk, extension)
    text = pdf_text(body) if extension == "pdf" else docx_text(body)
    flat = as_one_line(text)

    assert "Lily will stay on a child protection plan." in flat
    assert "Noah does not need a child protection plan any more." in flat
    assert "Instead, Noah will have a child in need plan." in flat
    assert "Lily has not been getting the care they need" in flat
    assert "This is called neglect." in flat
    assert "Lily has suffered significant harm" in flat
    assert "Noah has not suffered significant harm" in flat
    assert f"Dawn Hartwell: {LILY_ACTION}" in flat
    assert f"Mum: {FAMILY_ACTION}" in flat
    assert "The next review meeting will be on" in flat
    assert "This is called an appeal." in flat
    assert RESTRICTED_TEXT not in flat


def test_the_letter_reads_at_a_childs_reading_age_without_jargon(issued):
    text = "\n".join(
        [issued.content["title"]]
        + [p for s in issued.content["sections"] for p in [s["heading"], *s["paragraphs"]]]
    )

    analysis = analyse(text, children=["Lily", "Noah"]).to_dict()

    assert analysis["reading"]["reading_age"] <= 10
    jargon = [f for f in analysis["findings"] if f["rule"] in ("jargon", "acronym")]
    # The law's test stays in its own words (an appeal is about it), explained where used.
    assert {f["text"].lower() for f in jargon} <= {"significant harm"}
    assert "Significant harm is what the law calls harm" in text


def test_each_childs_section_holds_only_their_actions(issued):
    sections = {s["heading"]: s["paragraphs"] for s in issued.content["sections"]}

    lily = " ".join(sections["What the meeting decided for Lily"])
    noah = " ".join(sections["What the meeting decided for Noah"])

    assert LILY_ACTION in lily and LILY_ACTION not in noah
    assert FAMILY_ACTION in noah and FAMILY_ACTION not in lily
    assert ALL_CHILDREN_ACTION in lily and ALL_CHILDREN_ACTION in noah
    asked = " ".join(sections["What we are asking you to do"])
    assert LILY_ACTION in asked and FAMILY_ACTION in asked and ALL_CHILDREN_ACTION not in asked


def test_the_letter_holds_only_its_own_familys_information(scene, issued):
    other = FamilyFactory(local_authority=scene.authority, name="Quenby")
    ChildFactory(family=other, given_name="Zara")
    ChildFactory(family=other, given_name="Omar")
    other_conference = ConferenceFactory(family=other, chair=scene.chair)
    (other_letter,) = outcome_issue(
        record_version=finalised_record(other_conference), actor=scene.chair
    )

    for name in ("Zara", "Omar", "Quenby"):
        assert name not in str(issued.content)
    headings = [s["heading"] for s in other_letter.content["sections"]]
    assert "What the meeting decided for Zara" in headings
    assert "What the meeting decided for Lily" not in headings
    assert "Parent Account" not in str(other_letter.content)
    assert other_letter.recipient is None  # nobody on its record: one letter to the family
    assert other_letter.content["addressed_to"] == "The parents and carers of Zara and Omar"
    assert RESTRICTED_TEXT not in str(issued.content)


def test_the_appeal_date_counts_working_days_from_the_policy(issued, scene):
    from cpconf.deadlines import calendar_for_policy, within_working_days_after
    from cpconf.documents.letter import long_date

    policy = scene.authority.policy
    due = within_working_days_after(
        issued.issued_at, policy.appeals.within_working_days, calendar_for_policy(policy)
    ).date()

    appeal = next(s for s in issued.content["sections"] if s["heading"] == "If you do not agree")
    assert any(long_date(due) in p for p in appeal["paragraphs"])
    assert any(policy.appeal_contact in p for p in appeal["paragraphs"])


def test_an_action_naming_a_parent_first_is_asked_of_the_family(scene):
    content = review_content(scene.conference)
    content["plan"]["actions"].append(
        {
            "action": "Dawn to cook a hot meal each day",
            "who": "Sam Okafor",
            "by_when": "",
            "priority": "high",
            "progress": "new",
            "carried_forward": False,
            "child_ids": [],
        }
    )
    letter = letter_to(
        outcome_issue(
            record_version=finalised_record(scene.conference, content), actor=scene.chair
        ),
        "Dawn Hartwell",
    )

    sections = {s["heading"]: s["paragraphs"] for s in letter.content["sections"]}
    assert (
        "Sam Okafor: Dawn to cook a hot meal each day." in sections["What we are asking you to do"]
    )

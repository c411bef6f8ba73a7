"""A subject access export holds everything held about the family, not only the case record
and the reports: what the family sent through the portal, the finalised conference records,
the minutes approvals and outcome letters, and the children's census details; and nothing of
another family's. Each new kind is flagged for review as `third_party` says."""

import datetime as dt
import io
import json
from dataclasses import dataclass

import pytest
from django.apps import apps
from django.db.models import Model
from django.utils import timezone
from pypdf import PdfReader

from cpconf.census.models import ChildCensusDetails
from cpconf.conference_records.models import RecordPart
from cpconf.dataprotection import export_coverage, services, subject_access
from cpconf.dataprotection.export_document import export_pdf
from cpconf.dataprotection.export_items import walk
from cpconf.dataprotection.models import LegalHold
from cpconf.families.models import ExternalReference, FamilyMember, FrontSheetVersion
from cpconf.outcomes.models import MinutesApproval, OutcomeLetter
from cpconf.packs.models import PackRelease
from cpconf.portal.models import (
    AccessNeeds,
    ChildView,
    ConferenceFeedback,
    ParentsReport,
    ReportComment,
    YoungPerson,
)
from cpconf.reports.models import ReportVersion
from tests.factories import ChildFactory, ConferenceFactory, FamilyFactory, FamilyMemberFactory
from tests.outcomes.records import CHAIR_SUMMARY, DISSENT, LILY_ACTION, finalised_record
from tests.report_scene import complete, start, submit

pytestmark = pytest.mark.django_db

OWN_COMMENT = "I do not agree that the kitchen was dirty on that visit."
DAWN_COMMENT = "Dawn's own words: the school never rang me about Lily."
PARENTS_REPORT = "Our safety plan: Nan collects Lily and Noah every Tuesday."
CHILD_WORDS = "Lily wants to keep her cat and see her nan at weekends."
DRAWING_NAME = "lily-drawing-of-home.png"
DRAWING_BYTES = b"\x89PNG\r\n\x1a\nDRAWING-BYTES-NEVER-EXPORTED"
FEEDBACK = "Send the reports a week earlier so we can read them properly."
LETTER_TO_PARENT = "Lily's plan continues: letter to Parent Account."
LETTER_TO_DAWN = "Lily's plan continues: letter to Dawn Hartwell."
UPN = "A123456789012"
OTHER = "OTHER-FAMILY-WORDS-3e1f"
NOTES = "Dawn asked who would be there. We went through the reports together."
MISSING_AUTHOR = "Dr Rowan Ellis"


@dataclass
class Held:
    scene: object
    parent: FamilyMember
    dawn: FamilyMember
    young_person: FamilyMember
    version: object


def letter(version, recipient, words):
    content = {
        "title": "The decision from the meeting",
        "addressed_to": recipient.full_name,
        "sections": [{"heading": "What we decided", "paragraphs": [words]}],
    }
    return OutcomeLetter.objects.create(
        record_version=version,
        recipient=recipient,
        issued_at=timezone.now(),
        issued_by=version.record.conference.chair,
        content=content,
        fingerprint="1" * 64,
    )


def sent_by_family(conference, member, report_version, marker=""):
    """Everything a family member can send through the portal, words marked."""
    ReportComment.objects.create(
        report=report_version.report,
        version=report_version,
        member=member,
        text=f"{marker}{OWN_COMMENT}",
    )
    ParentsReport.objects.create(
        conference=conference,
        member=member,
        kind="safety_plan",
        text=f"{marker}{PARENTS_REPORT}",
        sent_at=timezone.now(),
    )
    ChildView.objects.create(
        conference=conference,
        member=member,
        child=conference.family.children.order_by("pk").first(),
        text=f"{marker}{CHILD_WORDS}",
        file_name=f"{marker}{DRAWING_NAME}",
        file_type="image/png",
        file_data=DRAWING_BYTES,
        file_size=len(DRAWING_BYTES),
    )
    ConferenceFeedback.objects.create(
        conference=conference,
        member=member,
        understood="yes",
        listened_to="partly",
        reports_in_time="no",
        better=f"{marker}{FEEDBACK}",
    )
    AccessNeeds.objects.create(member=member, large_print=True, read_aloud=True)


def census_details(child, upn):
    return ChildCensusDetails.objects.create(
        child=child,
        la_child_id=f"CS-{child.pk}",
        upn=upn,
        gender="2",
        ethnicity="WBRI",
        disabilities=["HAND"],
        referral_date=dt.date(2025, 11, 3),
        referral_source="1B",
    )


def another_family(scene):
    """The same kinds of record for another family of the same authority, each marked."""
    family = FamilyFactory(local_authority=scene.authority, name="Other")
    child = ChildFactory(family=family)
    member = FamilyMemberFactory(family=family, full_name=f"{OTHER} Parent")
    conference = ConferenceFactory(family=family, chair=scene.chair)
    report = complete(start(scene, conference), words=OTHER)
    version = submit(report)
    sent_by_family(conference, member, version, marker=OTHER)
    record = finalised_record(conference, {"decisions": {"chair_summary": OTHER}})
    MinutesApproval.objects.create(
        record_version=record, approved_at=timezone.now(), approved_by=scene.chair
    )
    letter(record, member, OTHER)
    census_details(child, "Z999999999999")
    YoungPerson.objects.create(child=child, member=FamilyMemberFactory(family=family))


def the_rest_of_the_record(scene, version, lily):
    """One row of each other kind held for a family, so each listed model can be looked for."""
    FrontSheetVersion.objects.create(
        family=scene.family, number=1, content={"name": scene.family.name}, changes=[]
    )
    ExternalReference.objects.create(
        family=scene.family, kind="child", reference="CASE-LILY-1", child=lily
    )
    RecordPart.objects.create(record=version.record, key="plan", content={"actions": []})
    LegalHold.objects.create(
        family=scene.family,
        reason="Care proceedings",
        placed_by=scene.unit,
        placed_at=timezone.now(),
    )
    PackRelease.objects.create(
        conference=scene.conference,
        released_at=timezone.now(),
        missing=[{"agency": "Riverside Surgery", "author": MISSING_AUTHOR, "status": "draft"}],
    )


@pytest.fixture
def held(scene):
    report = complete(start(scene), words="Lily was late twice.")
    report_version = submit(report)
    parent = FamilyMember.objects.get(user=scene.parent)
    dawn = FamilyMember.objects.get(family=scene.family, full_name="Dawn Hartwell")
    sent_by_family(scene.conference, parent, report_version)
    ReportComment.objects.create(
        report=report, version=report_version, member=dawn, text=DAWN_COMMENT
    )
    lily = scene.children[0]
    young = FamilyMemberFactory(family=scene.family, full_name=lily.full_name)
    YoungPerson.objects.create(child=lily, member=young)
    census_details(lily, UPN)
    version = finalised_record(scene.conference)
    MinutesApproval.objects.create(
        record_version=version, approved_at=timezone.now(), approved_by=scene.chair
    )
    letter(version, parent, LETTER_TO_PARENT)
    letter(version, dawn, LETTER_TO_DAWN)
    the_rest_of_the_record(scene, version, lily)
    another_family(scene)
    return Held(scene, parent, dawn, young, version)


def every_item(export):
    return [entry for name in export["sections"] for entry in walk(export[name])]


def words_of(export) -> str:
    return json.dumps(export, ensure_ascii=False)


def one(export, section, source):
    (found,) = [e for e in export[section] if e["source"] == source]
    return found


def pdf_text(content: bytes) -> str:
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)
    return " ".join(text.split())


def test_a_family_export_holds_what_the_family_sent_flagged_as_the_adults_words(held):
    export = services.subject_access_for_family(held.scene.family)
    words = words_of(export)

    for said in (OWN_COMMENT, DAWN_COMMENT, PARENTS_REPORT, CHILD_WORDS, FEEDBACK, DRAWING_NAME):
        assert said in words
    assert "DRAWING-BYTES" not in words, "the file's name and type, never its bytes"
    (comment,) = [c for c in export["family_comments"] if c["data"]["text"] == DAWN_COMMENT]
    assert "Dawn Hartwell" in comment["third_party_reason"]
    (plan,) = export["parents_reports"]
    assert plan["third_party"] and "Parent Account" in plan["third_party_reason"]
    (view,) = export["child_views"]
    assert view["data"]["file_name"] == DRAWING_NAME
    assert view["data"]["file_type"] == "image/png"
    assert "file_data" not in view["data"]
    (feedback,) = export["feedback"]
    assert feedback["data"]["listened_to"] == "partly" and feedback["third_party"]
    (needs,) = export["access_needs"]
    assert needs["data"]["large_print"] is True
    assert "adult in the family: Parent Account" in needs["third_party_reason"]
    (young,) = export["young_people"]
    assert young["data"]["child_id"] == held.scene.children[0].pk


def test_a_family_export_holds_the_finalised_record_its_minutes_and_letters(held):
    export = services.subject_access_for_family(held.scene.family)
    words = words_of(export)

    for said in (CHAIR_SUMMARY, DISSENT, LILY_ACTION, NOTES, LETTER_TO_PARENT, LETTER_TO_DAWN):
        assert said in words
    (record,) = export["conference_records"]
    (version,) = record["versions"]
    assert version["source"] == f"conference_records.recordversion#{held.version.pk}"
    assert held.scene.chair.email in version["third_party_reason"]
    parts = {p["data"]["key"]: p for p in version["parts"]}
    assert DISSENT in parts["decisions"]["text"]
    assert "Dissenting views: Priya Shah, Alder Primary" in parts["decisions"]["third_party_reason"]
    assert "Dawn Hartwell" in parts["introductions"]["third_party_reason"]
    assert "Dr Ellis" in parts["introductions"]["third_party_reason"]
    assert NOTES in parts["family_meeting"]["text"]
    (approval,) = export["minutes_approvals"]
    assert held.scene.chair.email in approval["third_party_reason"]
    letters = {entry["data"]["recipient_id"]: entry for entry in export["outcome_letters"]}
    assert set(letters) == {held.parent.pk, held.dawn.pk}
    assert LETTER_TO_DAWN in letters[held.dawn.pk]["text"]
    assert "Addressed to Dawn Hartwell" in letters[held.dawn.pk]["third_party_reason"]
    assert letters[held.dawn.pk]["data"]["issued_at"]


def test_a_family_export_holds_the_childrens_census_details(held):
    export = services.subject_access_for_family(held.scene.family)

    (details,) = export["census_details"]
    assert details["data"]["upn"] == UPN
    assert details["data"]["ethnicity"] == "WBRI"
    assert details["data"]["disabilities"] == ["HAND"]
    assert details["data"]["referral_date"] == "2025-11-03"
    assert not details["third_party"], "the children are the family export's subjects"
    assert "census_details" in export["sections"]


def test_a_family_members_export_holds_what_they_sent_and_letters_to_them(held):
    export = services.subject_access_for_person(held.parent)

    comments = {c["data"]["text"]: c for c in export["family_comments"]}
    assert not comments[OWN_COMMENT]["third_party"], "their own words are theirs"
    assert "Dawn Hartwell" in comments[DAWN_COMMENT]["third_party_reason"]
    (plan,) = export["parents_reports"]
    assert plan["data"]["text"] == PARENTS_REPORT and not plan["third_party"]
    (view,) = export["child_views"]
    assert "Personal details of a child: Lily Hartwell" in view["third_party_reason"]
    (feedback,) = export["feedback"]
    assert not feedback["third_party"]
    (needs,) = export["access_needs"]
    assert not needs["third_party"]
    letters = {entry["data"]["recipient_id"]: entry for entry in export["outcome_letters"]}
    assert LETTER_TO_PARENT in letters[held.parent.pk]["text"]
    assert "Addressed to" not in letters[held.parent.pk]["third_party_reason"]
    assert "Addressed to Dawn Hartwell" in letters[held.dawn.pk]["third_party_reason"]
    (details,) = export["census_details"]
    assert "Personal details of a child" in details["third_party_reason"]


def test_a_young_persons_own_census_details_and_link_are_theirs(held):
    export = services.subject_access_for_person(held.young_person)

    (details,) = export["census_details"]
    assert not details["third_party"]
    (young,) = export["young_people"]
    assert not young["third_party"]


@pytest.mark.parametrize("who", ["family", "parent"])
def test_another_familys_items_never_appear(held, who):
    if who == "family":
        export = services.subject_access_for_family(held.scene.family)
    else:
        export = services.subject_access_for_person(held.parent)
    words = words_of(export)
    assert export["outcome_letters"] and export["census_details"]
    assert OTHER not in words
    assert "Z999999999999" not in words


def test_the_pdf_shows_each_new_kind_with_its_flag(held):
    export = services.subject_access_for_family(held.scene.family)
    text = pdf_text(export_pdf(export))

    for said in (DAWN_COMMENT, PARENTS_REPORT, CHILD_WORDS, DRAWING_NAME, LETTER_TO_DAWN, UPN):
        assert said in text, said
    assert DISSENT in text
    assert "Third-party information — review before release: Addressed to Dawn Hartwell" in text
    assert "DRAWING-BYTES" not in text
    for heading in ("Outcome letter", "Conference record", "Census details", "Feedback"):
        assert heading in text


# Models that hold nothing about the family beyond what the export already holds, with why.
# A model not here and not exported fails the test below.
def _family_models() -> set[str]:
    """Every model that holds a row for a family, a child, a family member, a conference or
    anything under them: found by following foreign keys out from the family."""
    held = {"families.family"}
    models = [m for m in apps.get_models() if m.__module__.startswith("cpconf.")]
    while True:
        more = {m._meta.label_lower for m in models if _points_at(m, held)} - held
        if not more:
            return held
        held |= more


def _points_at(model: type[Model], labels: set[str]) -> bool:
    return any(
        f.is_relation and f.related_model and f.related_model._meta.label_lower in labels
        for f in model._meta.concrete_fields
    )


def _exported_models() -> set[str]:
    from cpconf.dataprotection.registered_sections import registered_sections

    exported = set(export_coverage.EXPORTED_MODELS)
    for section in registered_sections():
        exported |= set(section.models)
    return exported


def test_every_model_holding_family_data_is_exported_or_left_out_with_a_reason():
    exported, left_out = _exported_models(), set(export_coverage.LEFT_OUT)

    assert not (exported & left_out)
    assert all(export_coverage.LEFT_OUT.values()), "each model left out says why"
    missing = _family_models() - exported - left_out
    assert not missing, f"held about a family but not in the subject access export: {missing}"


def test_every_model_said_to_be_exported_is_in_a_family_export(held):
    export = services.subject_access_for_family(held.scene.family)
    found = {entry["source"].split("#")[0] for entry in every_item(export)}

    missing = (_family_models() & _exported_models()) - found
    assert not missing, f"listed as exported, but not in the export: {missing}"
    (release,) = export["pack_releases"]
    assert MISSING_AUTHOR in release["third_party_reason"]


def test_the_census_app_registers_its_section_when_it_starts():
    from cpconf.dataprotection.registered_sections import registered_sections

    names = [section.name for section in registered_sections()]
    assert "census_details" in names
    (census,) = [s for s in registered_sections() if s.name == "census_details"]
    assert census.models == ("census.childcensusdetails",)


def test_the_old_sections_are_all_still_there(held):
    export = services.subject_access_for_family(held.scene.family)
    assert export["format"] == subject_access.EXPORT_FORMAT
    assert set(subject_access.SECTIONS) <= set(export["sections"])
    assert export["summary"]["items"] == len(every_item(export))
    version = ReportVersion.objects.filter(report__conference=held.scene.conference).first()
    assert version is not None

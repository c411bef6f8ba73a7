"""Subject access exports: everything held, each item sourced, third-party items flagged, in
JSON and in a PDF read back with pypdf; the command and its errors; the export audited."""

import io
import json

import pytest
from django.core.management import CommandError, call_command
from pypdf import PdfReader

from cpconf.audit.models import AuditEvent
from cpconf.dataprotection import command_arguments, services, third_party
from cpconf.dataprotection.export_document import THIRD_PARTY, export_pdf
from cpconf.dataprotection.export_items import walk
from cpconf.dataprotection.subject_access import SECTIONS
from cpconf.families.models import FamilyMember
from cpconf.reports.models import ReportVersion
from tests.report_scene import RESTRICTED_TEXT, complete, start, submit

pytestmark = pytest.mark.django_db

QUOTE = "Her teacher said “Lily was hungry again on Monday”."


def submitted(scene):
    report = complete(start(scene), words=QUOTE)
    submit(report)
    return report


def every_item(export):
    return [entry for name in SECTIONS for entry in walk(export[name])]


def by_source(export):
    return {entry["source"]: entry for entry in every_item(export)}


def pdf_text(content: bytes) -> str:
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)
    return " ".join(text.split())


def test_a_family_export_holds_everything_with_its_source(scene):
    report = submitted(scene)
    export = services.subject_access_for_family(scene.family)
    json.dumps(export)  # plain data, nothing else

    assert export["subject"]["kind"] == "family"
    assert export["subject"]["case_reference"] == scene.family.case_reference
    sources = by_source(export)
    assert f"families.family#{scene.family.pk}" in sources
    assert {f"families.child#{c.pk}" for c in scene.children} <= set(sources)
    assert f"conferences.conference#{scene.conference.pk}" in sources
    assert f"reports.professionalreport#{report.pk}" in sources
    (version,) = ReportVersion.objects.filter(report=report)
    assert f"reports.reportversion#{version.pk}:worries" in sources
    assert len(export["invitations"]) == 2
    (report_item,) = export["reports"]
    assert [v["data"]["number"] for v in report_item["versions"]] == [1]
    assert {p["data"]["key"] for p in report_item["working_copy"]} >= {"front_sheet", "worries"}
    assert export["audit_events"], "the report's events are filed under the family"
    assert {"occurred_at", "action", "object_type", "object_id"} <= set(
        export["audit_events"][0]["data"]
    )
    summary = export["summary"]
    assert summary["items"] == len(every_item(export))
    assert summary["third_party_items"] == sum(e["third_party"] for e in every_item(export))


def test_a_family_export_flags_what_comes_from_or_names_others(scene):
    report = submitted(scene)
    export = services.subject_access_for_family(scene.family)
    version = ReportVersion.objects.get(report=report)
    parts = {p["data"]["key"]: p for p in by_source(export).values() if "text" in p}
    version_parts = {
        p["data"]["key"]: p
        for p in export["reports"][0]["versions"][0]["parts"]
        if p["source"].startswith(f"reports.reportversion#{version.pk}:")
    }
    restricted = next(p for p in version_parts.values() if p["data"]["kind"] == "restricted")
    assert restricted["third_party"]
    assert "Restricted section" in restricted["third_party_reason"]
    assert RESTRICTED_TEXT in restricted["text"]  # held, so exported, and flagged
    assert "Priya Shah" in version_parts["front_sheet"]["third_party_reason"]
    assert "Lily was hungry again on Monday" in version_parts["worries"]["third_party_reason"]
    assert not version_parts["children"]["third_party"]
    assert parts["children"]["third_party"] is False

    for child in export["children"]:
        assert not child["third_party"]
    members = {m["data"]["full_name"]: m for m in export["family_members"]}
    assert "adult in the family: Dawn Hartwell" in members["Dawn Hartwell"]["third_party_reason"]
    conference = export["conferences"][0]
    assert scene.chair.email in conference["third_party_reason"]
    assert not export["family"][0]["third_party"]


def test_a_family_members_export_is_theirs_and_flags_everyone_else(scene):
    submitted(scene)
    member = FamilyMember.objects.get(user=scene.parent)
    export = services.subject_access_for_person(member)

    assert export["subject"]["kind"] == "family_member"
    own = next(m for m in export["family_members"] if m["data"]["id"] == member.pk)
    assert not own["third_party"]
    dawn = next(m for m in export["family_members"] if m["data"]["full_name"] == "Dawn Hartwell")
    assert "another family member: Dawn Hartwell" in dawn["third_party_reason"]
    assert all("Personal details of a child" in c["third_party_reason"] for c in export["children"])
    (account,) = export["account"]
    assert account["data"]["email"] == scene.parent.email
    assert "password" not in account["data"]
    assert export["role_assignments"][0]["data"]["role"] == "family_member"


def test_a_professionals_export_holds_their_work_and_flags_the_family(scene):
    report = submitted(scene)
    export = services.subject_access_for_person(scene.author)

    assert export["subject"]["kind"] == "user"
    assert export["account"][0]["data"]["job_title"] == "Designated safeguarding lead"
    (report_item,) = export["reports"]
    assert report_item["source"] == f"reports.professionalreport#{report.pk}"
    parts = {p["data"]["key"]: p for p in report_item["versions"][0]["parts"]}
    assert not parts["front_sheet"]["third_party"], "their own name is theirs"
    assert "About the Hartwell family" in parts["worries"]["third_party_reason"]
    (invitation,) = export["invitations"]
    assert "Hartwell" in invitation["third_party_reason"]
    own_actions = [e for e in export["audit_events"] if e["data"]["actor_id"] == scene.author.pk]
    assert own_actions
    assert all("Names the person who acted" not in e["third_party_reason"] for e in own_actions)
    assert export["family"] == [] and export["children"] == []


def test_the_pdf_shows_the_items_and_their_flags(scene):
    submitted(scene)
    export = services.subject_access_for_family(scene.family)
    text = pdf_text(export_pdf(export))
    assert text.startswith("Subject access export")
    assert "Third-party information — review before release: Restricted section" in text
    assert f"{THIRD_PARTY}: Names a professional (author): Priya Shah" in text
    assert RESTRICTED_TEXT in text
    assert "Lily Hartwell" in text
    assert f"families.family#{scene.family.pk}" in text
    assert f"Third-party items to review {export['summary']['third_party_items']}" in text


def test_reported_speech_is_found_in_sentences():
    found = third_party.reported_speech(
        "Home visit on Monday. The neighbour told us the children were out late. All well."
    )
    assert found == ["The neighbour told us the children were out late."]
    assert third_party.reported_speech("Attendance is 88%.") == []


def test_the_command_writes_json_and_pdf_and_audits_the_export(scene, tmp_path):
    submitted(scene)
    out = io.StringIO()
    call_command(
        "subject_access",
        "--family",
        scene.family.case_reference,
        "--out",
        str(tmp_path / "sar"),
        "--by",
        scene.unit.email,
        stdout=out,
    )
    (json_path,) = (tmp_path / "sar").glob("*.json")
    (pdf_path,) = (tmp_path / "sar").glob("*.pdf")
    assert json_path.stem == pdf_path.stem
    assert json_path.stem.startswith(f"subject-access-family-{scene.family.case_reference.lower()}")
    assert oct(json_path.stat().st_mode & 0o777) == "0o600"
    export = json.loads(json_path.read_text())
    assert export["subject"]["source"] == f"families.family#{scene.family.pk}"
    assert any(e["third_party"] for e in every_item(export))
    assert "review before release" in pdf_text(pdf_path.read_bytes())
    assert str(json_path) in out.getvalue()

    event = AuditEvent.objects.get(action=services.SUBJECT_ACCESS_EXPORT)
    assert (event.object_type, event.object_id) == ("families.family", str(scene.family.pk))
    assert event.actor_id == scene.unit.pk
    assert event.family_id == scene.family.pk


def test_the_command_exports_a_member_and_a_user(scene, tmp_path):
    member = FamilyMember.objects.get(user=scene.parent)
    call_command("subject_access", "--member", str(member.pk), "--out", str(tmp_path))
    call_command("subject_access", "--user", scene.author.email.upper(), "--out", str(tmp_path))
    names = sorted(path.name.rsplit("-", 1)[0] for path in tmp_path.glob("*.json"))
    assert names == [f"subject-access-member-{member.pk}", f"subject-access-user-{scene.author.pk}"]
    events = AuditEvent.objects.filter(action=services.SUBJECT_ACCESS_EXPORT)
    assert {e.object_type for e in events} == {"families.familymember", "accounts.user"}
    assert {e.actor_label for e in events} == {"cpconf subject_access (command line)"}


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--family", "NO-SUCH-REF"], "--family: there is no family with case reference"),
        (["--member", "999999"], "--member: there is no family member with ID '999999'"),
        (["--member", "seven"], "--member: there is no family member with ID 'seven'"),
        (["--user", "nobody@example.org"], "--user: there is no account with email address"),
        (
            ["--family", "X", "--authority", "atlantis"],
            "--authority: there is no local authority 'atlantis'",
        ),
    ],
)
def test_the_command_names_an_unknown_reference(scene, tmp_path, arguments, message):
    with pytest.raises(CommandError) as error:
        call_command("subject_access", *arguments, "--out", str(tmp_path))
    assert str(error.value).startswith(message)
    assert not list(tmp_path.iterdir())
    assert not AuditEvent.objects.filter(action=services.SUBJECT_ACCESS_EXPORT).exists()


def test_the_command_names_an_unknown_member_of_staff(scene, tmp_path):
    with pytest.raises(CommandError, match="--by: there is no account"):
        call_command(
            "subject_access",
            "--family",
            scene.family.case_reference,
            "--out",
            str(tmp_path),
            "--by",
            "ghost@example.org",
        )


def test_a_case_reference_used_twice_asks_for_the_authority(scene, tmp_path):
    from tests.factories import FamilyFactory, LocalAuthorityFactory

    elsewhere = LocalAuthorityFactory(policy_name="southvale")
    FamilyFactory(local_authority=elsewhere, case_reference=scene.family.case_reference)
    with pytest.raises(CommandError, match="used in more than one local authority"):
        call_command(
            "subject_access", "--family", scene.family.case_reference, "--out", str(tmp_path)
        )
    call_command(
        "subject_access",
        "--family",
        scene.family.case_reference,
        "--authority",
        scene.authority.slug,
        "--out",
        str(tmp_path),
    )
    assert command_arguments.FAMILY_IN_SEVERAL.startswith("--family:")

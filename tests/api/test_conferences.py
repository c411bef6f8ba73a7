"""Conferences, invitations and their reports through the API: the client's authority only,
filters checked, invitations made by the same service as the unit's page, report status per
invitation, submitted reports read as the family copy (the restricted section never leaves),
and decisions and plan from the finalised record."""

import datetime as dt

import pytest
from django.core import mail
from django.utils import timezone

from cpconf.api.errors import NOT_FOUND
from cpconf.api.serializers import NO_SUCH_AGENCY
from cpconf.api.views import NO_FINALISED_RECORD
from cpconf.audit.models import AuditEvent, Outcome
from cpconf.conference_records.models import ConferenceRecord, RecordStatus, RecordVersion
from cpconf.conferences.models import Invitation
from cpconf.conferences.services import ALREADY_INVITED, NOT_A_WRITER_HERE
from tests.factories import AgencyFactory, ConferenceFactory
from tests.report_scene import RESTRICTED_TEXT, complete, save, start, submit

pytestmark = pytest.mark.django_db


def test_conferences_are_listed_for_the_authority_and_filtered(api, scene):
    later = ConferenceFactory(
        family=scene.family, chair=scene.chair, starts_at=timezone.now() + dt.timedelta(days=60)
    )
    soon = timezone.localtime(scene.conference.starts_at).date()

    everything = api.http.get("/api/conferences/").json()
    by_family = api.http.get("/api/conferences/", {"family": scene.family.case_reference}).json()
    up_to = api.http.get("/api/conferences/", {"starts_to": soon.isoformat()}).json()

    assert [c["id"] for c in everything["results"]] == [scene.conference.pk, later.pk]
    assert by_family["count"] == 2
    assert [c["id"] for c in up_to["results"]] == [scene.conference.pk]
    first = everything["results"][0]
    assert first["family"] == scene.family.case_reference
    assert set(first["deadlines"]) == {"share_with_family_by", "submit_by"}


def test_a_bad_date_filter_is_named(api):
    response = api.http.get("/api/conferences/", {"starts_from": "31/12/2026"})

    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "starts_from"


def test_another_authority_conference_and_invitation_are_404(api):
    foreign = api.foreign_family.conferences.get()
    invitation = foreign.invitations.get()

    answers = [
        api.http.get(f"/api/conferences/{foreign.pk}/").status_code,
        api.http.get(f"/api/conferences/{foreign.pk}/invitations/").status_code,
        api.http.get(f"/api/conferences/{foreign.pk}/outcome/").status_code,
        api.http.get(f"/api/invitations/{invitation.pk}/").status_code,
        api.http.post(
            f"/api/conferences/{foreign.pk}/invitations/",
            {"agency": invitation.agency_id, "email": "new@example.org"},
            format="json",
        ).status_code,
    ]

    assert answers == [404] * 5
    assert api.http.get("/api/conferences/").json()["count"] == 1
    assert not AuditEvent.objects.filter(
        family_id=api.foreign_family.pk, outcome=Outcome.SUCCESS
    ).exists()


def test_ids_no_database_could_hold_are_404(api):
    assert api.http.get(f"/api/conferences/{2**70}/").status_code == 404


@pytest.mark.parametrize("path", ["/api/reports/abc/", "/api/nonexistent/", "/api/families/x/y/"])
def test_an_address_the_api_does_not_have_answers_in_json(api, path):
    answer = api.http.get(path)

    assert answer.status_code == 404
    assert answer["Content-Type"] == "application/json"
    assert answer.json() == {"errors": [{"field": None, "message": NOT_FOUND}]}


def test_a_page_the_site_does_not_have_is_still_the_404_page(client, scene):
    client.force_login(scene.unit)

    answer = client.get("/no-such-page/")

    assert answer.status_code == 404
    assert answer["Content-Type"].startswith("text/html")


def test_an_invitation_is_made_and_sent_like_the_unit_page(
    api, scene, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = api.http.post(
            f"/api/conferences/{scene.conference.pk}/invitations/",
            {"agency": scene.school.pk, "email": "New.Person@School.example"},
            format="json",
        )

    assert response.status_code == 201
    body = response.json()
    assert body["email"] == "new.person@school.example"
    assert body["report_status"]["status"] == "not_started"
    invitation = Invitation.objects.get(pk=body["id"])
    assert invitation.created_by == api.client.user
    assert [m.to for m in mail.outbox] == [["new.person@school.example"]]
    actions = set(
        AuditEvent.objects.filter(family_id=scene.family.pk).values_list("action", flat=True)
    )
    assert {"invitation_sent", "api_invitation_created"} <= actions


def test_invitation_errors_name_the_field_and_write_nothing(api, scene):
    foreign_agency = AgencyFactory(local_authority=api.foreign_family.local_authority)
    url = f"/api/conferences/{scene.conference.pk}/invitations/"
    count = Invitation.objects.count()

    wrong_agency = api.http.post(
        url, {"agency": foreign_agency.pk, "email": "a@b.example"}, format="json"
    )
    again = api.http.post(url, {"agency": scene.school.pk, "email": scene.author.email})
    not_a_writer = api.http.post(url, {"agency": scene.school.pk, "email": scene.parent.email})

    assert wrong_agency.json()["errors"] == [{"field": "agency", "message": NO_SUCH_AGENCY}]
    assert again.json()["errors"] == [
        {"field": "email", "message": ALREADY_INVITED.format(email=scene.author.email)}
    ]
    assert not_a_writer.json()["errors"] == [
        {"field": "email", "message": NOT_A_WRITER_HERE.format(email=scene.parent.email)}
    ]
    assert Invitation.objects.count() == count


def _statuses(api, scene):
    rows = api.http.get(f"/api/conferences/{scene.conference.pk}/invitations/").json()
    return {row["email"]: row["report_status"] for row in rows}


def test_report_status_per_invitation(api, scene):
    draft = start(scene)
    assert _statuses(api, scene)[scene.author.email]["status"] == "draft"

    submit(complete(draft))

    statuses = _statuses(api, scene)
    mine = statuses[scene.author.email]
    assert mine["status"] == "submitted"
    assert mine["report"] == draft.pk and mine["submitted_at"]
    assert statuses[scene.colleague.email] == {
        "status": "not_started",
        "overdue": False,
        "submitted_at": None,
        "report": None,
    }


def test_a_submitted_report_is_the_family_copy_without_the_restricted_section(api, scene):
    report = complete(start(scene))
    submit(report)

    response = api.http.get(f"/api/reports/{report.pk}/")

    assert response.status_code == 200
    body = response.json()
    assert body["copy"] == "family" and body["version"] == 1
    assert {p["kind"] for p in body["parts"]} >= {"front_sheet", "children", "text"}
    assert "restricted" not in {p["kind"] for p in body["parts"]}
    assert RESTRICTED_TEXT not in response.content.decode()
    assert AuditEvent.objects.filter(action="api_report_viewed", object_id=str(report.pk)).exists()


def test_the_api_family_copy_holds_no_reason_kept_from_not_sharing(api, scene):
    report = complete(start(scene))
    sharing = report.sections.get(key="sharing").content
    # Typed into "why not shared", then "Yes, shared" chosen: the page kept the words.
    save(report, "sharing", {**sharing, "not_shared_reason": "STAFF-ONLY-NOT-SHARED-REASON"})
    submit(report)

    response = api.http.get(f"/api/reports/{report.pk}/")

    assert response.status_code == 200
    assert "STAFF-ONLY-NOT-SHARED-REASON" not in response.content.decode()
    sharing_part = next(p for p in response.json()["parts"] if p["kind"] == "sharing")
    assert "not_shared_reason" not in sharing_part["content"]
    assert sharing_part["content"]["shared_with"] == "Dawn Hartwell, mother"


def test_a_draft_report_is_not_found(api, scene):
    report = complete(start(scene))

    assert api.http.get(f"/api/reports/{report.pk}/").status_code == 404


def _finalise(scene, content, number=1):
    record, _ = ConferenceRecord.objects.get_or_create(conference=scene.conference)
    record.status, record.finalised_at = RecordStatus.FINALISED, timezone.now()
    record.save()
    return RecordVersion.objects.create(
        record=record,
        number=number,
        content=content,
        fingerprint="0" * 64,
        finalised_by=scene.chair,
        finalised_at=timezone.now(),
        correction_reason="" if number == 1 else "Spelling of a name",
    )


RECORD = {
    "decisions": {
        "children": [
            {
                "child_id": 1,
                "name": "Lily Hartwell",
                "suffered_harm": "yes",
                "likely_to_suffer": "yes",
                "outcome": "plan_continues",
                "categories": ["neglect"],
                "professional_views": "All agreed.",
                "consensus": "yes",
            }
        ],
        "chair_summary": "The plan continues under neglect.",
        "dissent": [],
    },
    "plan": {
        "actions": [
            {
                "action": "Weekly home visits",
                "who": "Social worker",
                "by_when": "2027-01-15",
                "priority": "high",
                "progress": "new",
                "carried_forward": False,
                "child_ids": [1],
            }
        ]
    },
    "future_dates": {"core_group_members": ["School"], "next_review_on": "2027-03-01"},
    "discussion": {"entries": [{"heading": "new_worries", "text": "Minutes stay inside."}]},
}


def test_decisions_and_plan_come_from_the_latest_finalised_record(api, scene):
    url = f"/api/conferences/{scene.conference.pk}/outcome/"
    assert api.http.get(url).json()["errors"][0]["message"] == NO_FINALISED_RECORD

    _finalise(scene, {"decisions": {"children": []}})
    _finalise(scene, RECORD, number=2)

    body = api.http.get(url).json()
    assert body["version"] == 2
    assert body["decisions"]["children"][0]["outcome"] == "plan_continues"
    assert body["decisions"]["children"][0]["categories"] == ["neglect"]
    assert body["plan"][0]["action"] == "Weekly home visits"
    assert body["future_dates"]["next_review_on"] == "2027-03-01"
    assert body["future_dates"]["core_group_on"] == ""
    assert "Minutes stay inside" not in str(body)
    assert AuditEvent.objects.filter(action="api_outcome_viewed").count() == 2


def test_no_response_carries_restricted_text(api, scene):
    """The canary: every read endpoint, with a submitted report holding restricted text."""
    report = complete(start(scene))
    submit(report)
    invitation = scene.conference.invitations.first()
    urls = [
        "/api/families/",
        f"/api/families/{scene.family.case_reference}/",
        "/api/agencies/",
        "/api/conferences/",
        f"/api/conferences/{scene.conference.pk}/",
        f"/api/conferences/{scene.conference.pk}/invitations/",
        f"/api/conferences/{scene.conference.pk}/outcome/",
        f"/api/invitations/{invitation.pk}/",
        f"/api/reports/{report.pk}/",
        "/api/openapi.json",
    ]

    leaks = [u for u in urls if RESTRICTED_TEXT in api.http.get(u).content.decode()]

    assert not leaks


def test_no_one_is_invited_through_the_api_to_a_finalised_conference(api, scene):
    from cpconf.conferences.models import ConferenceStatus

    scene.conference.status = ConferenceStatus.FINALISED
    scene.conference.save()
    url = f"/api/conferences/{scene.conference.pk}/invitations/"

    answer = api.http.post(url, {"agency": scene.school.pk, "email": "new@alder.example"})

    assert answer.status_code == 400
    assert answer.json()["errors"][0]["field"] == "conference"

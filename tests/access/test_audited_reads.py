"""Every read of a family's record, and every refusal, is in the audit trail."""

import pytest
from django.urls import reverse

from cpconf.audit.models import AuditEvent, Outcome
from tests.page_reading import page_html
from tests.report_scene import complete, start, submit

pytestmark = pytest.mark.django_db


def events(action: str, **filters):
    return AuditEvent.objects.filter(action=action, **filters)


def test_opening_a_family_record_is_recorded_under_the_family(client, scene):
    client.force_login(scene.unit)

    client.get(reverse("families:detail", args=[scene.family.pk]))

    event = events("family_viewed").get()
    assert (event.actor, event.outcome, event.family_id) == (
        scene.unit,
        Outcome.SUCCESS,
        scene.family.pk,
    )
    assert event.local_authority_id == scene.authority.pk


def test_a_refused_family_record_is_recorded_as_refused_under_that_family(client, scene):
    client.force_login(scene.colleague)
    scene.conference.invitations.filter(invitee=scene.colleague).delete()

    response = client.get(reverse("families:detail", args=[scene.family.pk]))

    assert response.status_code == 404
    event = events("family_viewed").get()
    assert (event.outcome, event.family_id, event.actor) == (
        Outcome.REFUSED,
        scene.family.pk,
        scene.colleague,
    )


def test_a_record_that_does_not_exist_is_refused_the_same_way(client, scene):
    client.force_login(scene.unit)

    response = client.get(reverse("conferences:detail", args=[999999]))

    assert response.status_code == 404
    assert events("conference_viewed", outcome=Outcome.REFUSED, family_id=None).count() == 1


def test_reading_and_downloading_a_report_are_recorded(client, scene):
    report = complete(start(scene))
    submit(report)
    client.force_login(scene.chair)

    client.get(reverse("reports:version", args=[report.pk, 1]))
    client.get(reverse("reports:download", args=[report.pk, "conference", "pdf"]))

    assert events("report_version_viewed", actor=scene.chair, object_id=str(report.pk)).exists()
    download = events("report_conference_copy_downloaded").get()
    assert (download.actor, download.outcome, download.family_id) == (
        scene.chair,
        Outcome.SUCCESS,
        scene.family.pk,
    )


def test_a_refused_conference_copy_is_recorded_as_refused(client, scene):
    from django.utils import timezone

    report = complete(start(scene))
    submit(report)
    scene.conference.pack_released_at = timezone.now()
    scene.conference.save()
    client.force_login(scene.colleague)

    response = client.get(reverse("reports:download", args=[report.pk, "conference", "docx"]))

    assert response.status_code == 404
    assert events("report_conference_copy_downloaded", outcome=Outcome.REFUSED).count() == 1


def test_the_chair_sees_who_has_looked_at_a_report_and_the_author_does_not(client, scene):
    report = complete(start(scene))
    submit(report)
    client.force_login(scene.unit)
    client.get(reverse("reports:version", args=[report.pk, 1]))

    client.force_login(scene.chair)
    page = page_html(client.get(reverse("reports:version", args=[report.pk, 1])))
    assert "Who has looked at this report" in page
    assert scene.unit.email in page or str(scene.unit) in page

    client.force_login(scene.author)
    page = page_html(client.get(reverse("reports:version", args=[report.pk, 1])))
    assert "Who has looked at this report" not in page


def trail_of(response):
    """(action, outcome) of every event the request wrote, in order, found by its id."""
    return list(
        AuditEvent.objects.filter(request_id=response["X-Request-ID"])
        .order_by("sequence")
        .values_list("action", "outcome")
    )


def test_a_professional_refused_the_reports_board_is_recorded_as_refused_not_viewed(client, scene):
    client.force_login(scene.author)

    response = client.get(reverse("conferences:board", args=[scene.conference.pk]))

    assert response.status_code == 404
    assert trail_of(response) == [("reports_board_viewed", Outcome.REFUSED)]
    refusal = events("reports_board_viewed").get()
    assert (refusal.actor, refusal.family_id) == (scene.author, scene.family.pk)


def test_the_chair_opening_the_reports_board_is_recorded_once_as_a_read(client, scene):
    client.force_login(scene.chair)

    response = client.get(reverse("conferences:board", args=[scene.conference.pk]))

    assert response.status_code == 200
    assert trail_of(response) == [("reports_board_viewed", Outcome.SUCCESS)]


def test_a_page_the_user_may_see_but_not_use_is_one_refusal(client, scene):
    """The chair sees the conference, but only the unit moves it."""
    client.force_login(scene.chair)

    response = client.get(reverse("conferences:reschedule", args=[scene.conference.pk]))

    assert response.status_code == 404
    assert trail_of(response) == [("conference_viewed", Outcome.REFUSED)]


def test_someone_else_answering_an_invitation_is_refused_under_the_invitation(client, scene):
    invitation = scene.conference.invitations.get(invitee=scene.author)
    client.force_login(scene.colleague)

    response = client.get(
        reverse("conferences:attendance", args=[scene.conference.pk, invitation.pk])
    )

    assert response.status_code == 404
    refusal = events("attendance_viewed").get()
    assert (refusal.outcome, refusal.object_id, refusal.family_id) == (
        Outcome.REFUSED,
        str(invitation.pk),
        scene.family.pk,
    )


def test_a_refused_conference_copy_is_not_also_a_read_of_the_report(client, scene):
    from django.utils import timezone

    report = complete(start(scene))
    submit(report)
    scene.conference.pack_released_at = timezone.now()
    scene.conference.save()
    client.force_login(scene.colleague)

    response = client.get(reverse("reports:download", args=[report.pk, "conference", "pdf"]))

    assert response.status_code == 404
    assert trail_of(response) == [("report_conference_copy_downloaded", Outcome.REFUSED)]


def test_a_version_that_is_not_there_is_refused_not_read(client, scene):
    report = complete(start(scene))
    client.force_login(scene.author)

    response = client.get(reverse("reports:version", args=[report.pk, 1]))

    assert response.status_code == 404
    assert trail_of(response) == [("report_version_viewed", Outcome.REFUSED)]


def test_someone_not_an_auditor_asking_for_the_audit_trail_is_recorded_as_refused(client, scene):
    client.force_login(scene.unit)

    response = client.get(reverse("audit:search"))

    assert response.status_code == 404
    refusal = events("audit_searched").get()
    assert (refusal.outcome, refusal.actor, refusal.local_authority_id) == (
        Outcome.REFUSED,
        scene.unit,
        scene.authority.pk,
    )

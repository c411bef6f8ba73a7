"""A conference whose record is finalised, or which was cancelled, keeps its reports as the
meeting had them: no report is signed or amended for it any more, so its pack is never
rebuilt with words the meeting did not see and its family's pages do not change under it."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from cpconf.audit.models import AuditEvent
from cpconf.conferences.models import ConferenceStatus
from cpconf.reports import services
from cpconf.reports.models import ReportStatus
from cpconf.reports.views import CONFERENCE_CLOSED
from tests.report_scene import complete, share_again, signature_from_page, start, submit

pytestmark = pytest.mark.django_db


def _closed(scene, status: str = ConferenceStatus.FINALISED) -> None:
    scene.conference.status = status
    scene.conference.save()


def test_a_draft_is_not_signed_once_the_conference_record_is_finalised(client, scene):
    report = complete(start(scene))
    client.force_login(scene.author)
    signature = signature_from_page(client, report)
    _closed(scene)

    response = client.post(reverse("reports:check", args=[report.pk]), signature, follow=True)

    assert not report.versions.exists()
    report.refresh_from_db()
    assert report.status != ReportStatus.SUBMITTED
    assert not AuditEvent.objects.filter(action="report_submitted").exists()
    page = response.content.decode()
    assert CONFERENCE_CLOSED.replace("'", "&#x27;") in page
    assert response.redirect_chain[-1][0] == reverse("reports:task_list", args=[report.pk])
    assert "can no longer be signed or amended" in page


@pytest.mark.parametrize("status", [ConferenceStatus.FINALISED, ConferenceStatus.CANCELLED])
def test_the_service_signs_nothing_for_a_closed_conference(scene, status):
    report = complete(start(scene))
    _closed(scene, status)

    with pytest.raises(services.ConferenceClosed):
        submit(report)

    assert not report.versions.exists()


def test_a_submitted_report_is_not_amended_once_the_record_is_finalised(client, scene):
    report = complete(start(scene))
    submit(report)
    _closed(scene)
    client.force_login(scene.author)

    page = client.get(reverse("reports:task_list", args=[report.pk])).content.decode()
    response = client.post(
        reverse("reports:amend", args=[report.pk]), {"reason": "Add what I heard later"}
    )

    assert reverse("reports:amend", args=[report.pk]) not in page
    assert response.status_code == 302
    report.refresh_from_db()
    assert not report.is_being_amended
    assert not AuditEvent.objects.filter(action="report_amendment_started").exists()
    with pytest.raises(services.ConferenceClosed):
        services.report_amend(report=report, reason="Another try", actor=scene.author)
    report.refresh_from_db()
    assert report.amendment_reason == ""


def test_an_amendment_opened_before_the_record_was_finalised_is_not_signed_after(scene):
    report = complete(start(scene))
    submit(report)
    services.report_amend(report=report, reason="Wrong date of visit", actor=scene.author)
    share_again(report)
    _closed(scene)

    with pytest.raises(services.ConferenceClosed):
        submit(report)

    assert [v.number for v in report.versions.order_by("number")] == [1]


def test_a_late_report_before_the_record_is_finalised_is_still_signed(scene):
    scene.conference.status = ConferenceStatus.IN_PROGRESS
    scene.conference.save()
    report = complete(start(scene))

    version = submit(report)

    assert version.number == 1


def test_the_check_page_of_a_closed_conference_offers_no_signature(client, scene):
    scene.conference.starts_at = timezone.now() - dt.timedelta(days=1)  # and overdue
    scene.conference.save()
    report = complete(start(scene))
    _closed(scene)
    client.force_login(scene.author)

    page = client.get(reverse("reports:check", args=[report.pk])).content.decode()

    assert "can no longer be signed or amended" in page
    assert "You can still submit it" not in page
    assert 'name="signed_name"' not in page

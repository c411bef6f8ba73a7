"""One press, one thing: "Sign and submit" or "Start the amendment" pressed many times at
once (double clicks, several tabs, a retrying proxy) makes one version or one amendment. Every
other press is told it was already done; none ends in a server error.

The presses are real requests in threads, each with its own database connection, so on
PostgreSQL they truly run at the same moment and meet at the report's row lock."""

import pytest
from django.test import Client
from django.urls import reverse

from cpconf.audit.models import AuditEvent
from cpconf.reports import services
from cpconf.reports.models import ReportVersion
from cpconf.reports.views import ALREADY_AMENDING, ALREADY_SUBMITTED
from tests.report_scene import complete, share_again, signature_from_page, start, submit
from tests.reports.concurrency import PRESSES, failures, press_at_once

pytestmark = pytest.mark.django_db(transaction=True)


def _signature(scene, report) -> dict[str, str]:
    """The form as the author's check page sends it (every press comes from the same page)."""
    client = Client()
    client.force_login(scene.author)
    return signature_from_page(client, report)


def _told_already(results, message: str) -> int:
    return sum(message in r.content.decode() for r in results)


def test_signing_many_times_at_once_makes_one_version(scene):
    report = complete(start(scene))
    url = reverse("reports:check", args=[report.pk])
    signature = _signature(scene, report)

    results = press_at_once(scene.author, lambda client: client.post(url, signature, follow=True))

    assert failures(results) == []
    assert [r.status_code for r in results] == [200] * PRESSES
    assert ReportVersion.objects.filter(report=report).count() == 1
    assert AuditEvent.objects.filter(action="report_submitted").count() == 1
    assert AuditEvent.objects.filter(action="report_amendment_submitted").count() == 0
    assert _told_already(results, ALREADY_SUBMITTED) == PRESSES - 1
    assert all("Report submitted" in r.content.decode() for r in results)


def test_amending_many_times_at_once_starts_one_amendment(scene):
    report = complete(start(scene))
    submit(report)
    url = reverse("reports:amend", args=[report.pk])
    reasons = iter(f"Reason number {n}" for n in range(PRESSES))

    results = press_at_once(
        scene.author, lambda client: client.post(url, {"reason": next(reasons)}, follow=True)
    )

    assert failures(results) == []
    assert [r.status_code for r in results] == [200] * PRESSES
    assert AuditEvent.objects.filter(action="report_amendment_started").count() == 1
    assert _told_already(results, ALREADY_AMENDING) == PRESSES - 1
    report.refresh_from_db()
    assert report.is_being_amended
    assert report.amendment_reason in {f"Reason number {n}" for n in range(PRESSES)}
    share_again(report)
    second = submit(report)
    assert [v.number for v in report.versions.order_by("number")] == [1, 2]
    assert second.amendment_reason == report.amendment_reason


def test_signing_an_amendment_many_times_at_once_makes_one_more_version(scene):
    report = complete(start(scene))
    submit(report)
    services.report_amend(report=report, reason="Wrong date of visit", actor=scene.author)
    share_again(report)
    url = reverse("reports:check", args=[report.pk])
    signature = _signature(scene, report)

    results = press_at_once(scene.author, lambda client: client.post(url, signature, follow=True))

    assert failures(results) == []
    assert [v.number for v in ReportVersion.objects.filter(report=report)] == [1, 2]
    assert AuditEvent.objects.filter(action="report_amendment_submitted").count() == 1
    assert _told_already(results, ALREADY_SUBMITTED) == PRESSES - 1


@pytest.mark.django_db
def test_a_second_amendment_while_one_is_open_is_refused_and_changes_nothing(scene):
    report = complete(start(scene))
    submit(report)
    services.report_amend(report=report, reason="Wrong date of visit", actor=scene.author)
    stale = type(report).objects.get(pk=report.pk)

    with pytest.raises(services.ReportAlreadyBeingAmended):
        services.report_amend(report=stale, reason="Another reason", actor=scene.author)

    report.refresh_from_db()
    assert report.amendment_reason == "Wrong date of visit"
    assert AuditEvent.objects.filter(action="report_amendment_started").count() == 1

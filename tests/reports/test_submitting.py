"""Signing and submitting: a frozen version with a SHA-256 fingerprint; late is recorded;
amendments make new versions, and any two versions can be compared."""

import datetime as dt
import hashlib
import json

import pytest
from django.db import DatabaseError, IntegrityError, connection, transaction
from django.urls import reverse
from django.utils import timezone

from cpconf.audit.models import AuditEvent
from cpconf.reports import selectors, services
from cpconf.reports.models import ReportStatus, ReportVersion
from tests.report_scene import (
    complete,
    save,
    share_again,
    signature_from_page,
    start,
    submit,
)

pytestmark = pytest.mark.django_db


def test_signing_in_the_browser_submits_a_fingerprinted_version(client, scene):
    report = complete(start(scene))
    client.force_login(scene.author)
    check = client.get(reverse("reports:check", args=[report.pk])).content.decode()
    assert "Check your answers before you sign" in check
    assert "Lily and Noah" in check

    response = client.post(
        reverse("reports:check", args=[report.pk]), signature_from_page(client, report)
    )

    version = report.versions.get()
    assert response.url == reverse("reports:submitted", args=[report.pk, 1])
    canonical = json.dumps(
        version.content, sort_keys=True, separators=(",", ":"), ensure_ascii=False
    )
    assert version.fingerprint == hashlib.sha256(canonical.encode()).hexdigest()
    assert version.content["parts"]["worries"]["text"].startswith("What are you worried about?")
    assert (version.signed_name, version.signed_role) == (
        "Priya Shah",
        "Designated safeguarding lead",
    )
    assert version.late is False
    report.refresh_from_db()
    assert report.status == ReportStatus.SUBMITTED
    assert report.submitted_at == version.signed_at
    assert AuditEvent.objects.filter(action="report_submitted", object_id=str(version.pk)).exists()
    confirmation = client.get(response.url).content.decode()
    assert version.fingerprint[:16] in confirmation


def test_a_report_after_the_deadline_is_accepted_and_recorded_as_late(scene):
    # Northshire: an initial conference's reports are due 2 working days before it.
    scene.conference.starts_at = timezone.now() + dt.timedelta(hours=20)
    scene.conference.save()
    report = complete(start(scene))

    version = submit(report)

    report.refresh_from_db()
    assert version.late is True
    assert report.submitted_late is True


def test_a_submitted_report_is_not_edited_in_place(client, scene):
    report = complete(start(scene))
    submit(report)
    client.force_login(scene.author)
    section = report.sections.get(key="worries")

    response = client.post(
        reverse("reports:part", args=[report.pk, "worries"]),
        {"revision": section.revision, "text": "Changed after submission"},
    )

    assert response.status_code == 409  # nothing saved; what was typed is shown again
    assert report.sections.get(key="worries").content == section.content
    with pytest.raises(services.ReportNotEditable):
        save(report, "worries", {"text": "Changed by a script"})


def test_a_version_cannot_be_changed_by_the_model_or_the_database(scene):
    report = complete(start(scene))
    version = submit(report)

    version.signed_name = "Someone else"
    with pytest.raises(ValueError):
        version.save()
    with pytest.raises((IntegrityError, DatabaseError)), transaction.atomic():
        ReportVersion.objects.filter(pk=version.pk).update(signed_name="Someone else")
    with pytest.raises(ValueError):
        version.delete()
    with pytest.raises((IntegrityError, DatabaseError)), transaction.atomic():
        report.delete()  # the versions protect their report
    if connection.vendor == "postgresql":
        with pytest.raises((IntegrityError, DatabaseError)), transaction.atomic():
            ReportVersion.objects.filter(pk=version.pk).delete()
    version.refresh_from_db()
    assert version.signed_name == "Priya Shah"


def test_the_fingerprint_changes_when_and_only_when_the_content_changes(scene):
    report = complete(start(scene))
    first = submit(report)

    services.report_amend(report=report, reason="Signed again, nothing changed", actor=scene.author)
    share_again(report)
    unchanged = submit(report)
    services.report_amend(report=report, reason="Added the missed appointment", actor=scene.author)
    share_again(report)
    save(report, "worries", {"text": first.content["parts"]["worries"]["text"] + " Missed 3 May."})
    changed = submit(report)
    services.report_amend(report=report, reason="Took it back out", actor=scene.author)
    share_again(report)
    save(report, "worries", first.content["parts"]["worries"])
    restored = submit(report)

    assert [v.number for v in report.versions.all()] == [1, 2, 3, 4]
    assert unchanged.fingerprint == first.fingerprint
    assert changed.fingerprint != first.fingerprint
    assert restored.fingerprint == first.fingerprint


def test_an_amendment_needs_a_reason_and_keeps_the_earlier_version(client, scene):
    report = complete(start(scene))
    first = submit(report)
    client.force_login(scene.author)

    refused = client.post(reverse("reports:amend", args=[report.pk]), {"reason": ""})
    assert refused.status_code == 400
    assert "Enter why you are amending the report" in refused.content.decode()

    client.post(reverse("reports:amend", args=[report.pk]), {"reason": "Wrong date of visit"})
    section = report.sections.get(key="worries")
    client.post(
        reverse("reports:part", args=[report.pk, "worries"]),
        {
            "revision": section.revision,
            "text": "Lily was seen on 4 May, not 3 May.",
            "completed": "yes",
        },
    )
    share_again(report)
    second = submit(report)

    first.refresh_from_db()
    assert first.content["parts"]["worries"]["text"].startswith("What are you worried about?")
    assert second.amendment_reason == "Wrong date of visit"
    assert second.content["parts"]["worries"]["text"] == "Lily was seen on 4 May, not 3 May."
    report.refresh_from_db()
    assert report.status == ReportStatus.SUBMITTED and not report.is_being_amended


def test_while_amending_others_still_read_the_submitted_version(client, scene):
    report = complete(start(scene))
    submit(report)
    services.report_amend(report=report, reason="Update", actor=scene.author)
    save(report, "worries", {"text": "Unsigned new words"})
    client.force_login(scene.chair)

    page = client.get(reverse("reports:version", args=[report.pk, 1])).content.decode()

    assert "Lily and Noah" in page
    assert "Unsigned new words" not in page


def test_any_two_versions_are_compared_with_insertions_and_deletions_marked(client, scene):
    report = complete(start(scene))
    submit(report)
    services.report_amend(report=report, reason="Correction", actor=scene.author)
    share_again(report)
    save(report, "going_well", {"text": "Noah is settled and happy at nursery."})
    submit(report)
    client.force_login(scene.chair)

    page = client.get(
        reverse("reports:compare", args=[report.pk]) + "?from=1&to=2"
    ).content.decode()

    assert "Changes from version 1 to version 2" in page
    assert "<ins>" in page and "<del>" in page
    assert "Reason for the amendment: Correction" in page
    assert (
        client.get(reverse("reports:compare", args=[report.pk]) + "?from=1&to=9").status_code == 404
    )


def test_a_signature_covers_only_the_words_its_check_page_showed(client, scene):
    report = complete(start(scene))
    client.force_login(scene.author)
    signature = signature_from_page(client, report, signed_name="Priya K Shah")
    # Meanwhile the author changes a section in another tab.
    save(report, "worries", {"text": "Saved in another tab after the check page opened."})

    response = client.post(reverse("reports:check", args=[report.pk]), signature)

    assert response.status_code == 400
    assert not report.versions.exists()
    report.refresh_from_db()
    assert report.status != ReportStatus.SUBMITTED
    assert not AuditEvent.objects.filter(action="report_submitted").exists()
    page = response.content.decode()
    assert "changed after this page opened" in page
    assert 'value="Priya K Shah"' in page  # what was typed is kept
    assert "Saved in another tab after the check page opened." in page  # the words now
    assert 'name="confirm" type="checkbox" value="on" checked' not in page  # confirm again
    # Signed again from the page as it is now, the version holds the new words.
    again = client.post(
        reverse("reports:check", args=[report.pk]), signature_from_page(client, report)
    )
    assert again.status_code == 302
    version = report.versions.get()
    assert version.content["parts"]["worries"]["text"] == (
        "Saved in another tab after the check page opened."
    )


def test_a_signature_sent_without_what_its_page_showed_signs_nothing(client, scene):
    report = complete(start(scene))
    client.force_login(scene.author)
    signature = signature_from_page(client, report)
    del signature["shown"]

    response = client.post(reverse("reports:check", args=[report.pk]), signature)

    assert response.status_code == 400
    assert not report.versions.exists()


def test_the_service_signs_nothing_that_changed_since_it_was_shown(scene):
    report = complete(start(scene))
    shown = selectors.fingerprint_to_sign(report)
    save(report, "worries", {"text": "A later save."})

    with pytest.raises(services.ReportChangedSinceShown):
        services.report_submit(
            report=report,
            signed_name="Priya Shah",
            signed_role="DSL",
            actor=scene.author,
            as_shown=shown,
        )

    assert not report.versions.exists()
    version = services.report_submit(
        report=report,
        signed_name="Priya Shah",
        signed_role="DSL",
        actor=scene.author,
        as_shown=selectors.fingerprint_to_sign(report),
    )
    assert version.fingerprint == selectors.fingerprint_to_sign(report)

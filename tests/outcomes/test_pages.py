"""The chair's outcome page: check the letter and the minutes, issue them, and the downloads
each reader may take."""

import pytest
from django.urls import reverse

from cpconf.audit.models import AuditEvent
from cpconf.outcomes.models import OutcomeLetter
from cpconf.outcomes.services import outcome_issue
from cpconf.outcomes.views import RECORD_CHANGED
from tests.outcomes.records import corrected, finalised_record, letter_to

pytestmark = pytest.mark.django_db


def page(client, user, conference):
    client.force_login(user)
    return client.get(reverse("outcomes:outcome", args=[conference.pk]))


def test_before_finalisation_the_page_says_there_is_nothing_to_issue(client, scene):
    response = page(client, scene.chair, scene.conference)

    assert response.status_code == 200
    assert "not finalised yet" in response.content.decode()
    assert "Issue the minutes and letter" not in response.content.decode()


def test_the_chair_checks_the_letter_and_minutes_then_issues_them(client, scene):
    version = finalised_record(scene.conference)

    before = page(client, scene.chair, scene.conference).content.decode()

    assert "Check the letters to the family" in before
    assert "The letter to Dawn Hartwell" in before and "The letter to Parent Account" in before
    assert "Lily will stay on a child protection plan." in before
    # The law's words the letter itself explains are not put to the chair as hard words.
    assert "“significant harm”" not in before.lower()
    assert "6. Decisions" in before and "govuk-warning-text" in before
    assert "Issue the minutes and letter" in before

    response = client.post(
        reverse("outcomes:issue", args=[scene.conference.pk]), {"version": "1"}, follow=True
    )

    letters = OutcomeLetter.objects.filter(record_version=version)
    text = response.content.decode()
    assert "govuk-panel--confirmation" in text and "Minutes and letter issued" in text
    assert "Issue the minutes and letter" not in text
    assert len(letters) == 2
    for letter in letters:
        assert reverse("outcomes:letter_download", args=[letter.pk, "pdf"]) in text
        assert f"Outcome letter to {letter.addressed_to} (PDF)" in text


def test_a_newer_version_since_the_page_was_opened_is_not_issued_unseen(client, scene):
    corrected(finalised_record(scene.conference), "The review date was wrong.")
    client.force_login(scene.chair)

    response = client.post(
        reverse("outcomes:issue", args=[scene.conference.pk]), {"version": "1"}, follow=True
    )

    assert RECORD_CHANGED in response.content.decode()
    assert not OutcomeLetter.objects.exists()


def test_the_family_reads_its_letter_once_issued_and_the_download_is_audited(client, scene):
    letters = outcome_issue(record_version=finalised_record(scene.conference), actor=scene.chair)
    letter = letter_to(letters, "Parent Account")
    client.force_login(scene.parent)

    response = client.get(reverse("outcomes:letter_download", args=[letter.pk, "docx"]))

    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    assert "-to-Parent-Account.docx" in response["Content-Disposition"]
    event = AuditEvent.objects.get(action="outcome_letter_docx_downloaded")
    assert event.actor_id == scene.parent.pk and event.family_id == scene.family.pk
    assert AuditEvent.objects.filter(action="outcome_letter_viewed").exists()


def test_invited_professionals_read_the_minutes_only_once_issued(client, scene):
    version = finalised_record(scene.conference)
    client.force_login(scene.author)
    url = reverse("outcomes:minutes_download", args=[scene.conference.pk, "docx"])

    assert client.get(url).status_code == 404
    assert AuditEvent.objects.filter(
        action="minutes_docx_downloaded", outcome="refused", actor_id=scene.author.pk
    ).exists()

    outcome_issue(record_version=version, actor=scene.chair)

    assert client.get(url).status_code == 200


def test_earlier_versions_minutes_stay_readable_by_number(client, scene):
    first = finalised_record(scene.conference)
    outcome_issue(record_version=first, actor=scene.chair)
    corrected(first, "A date was wrong.")
    client.force_login(scene.author)
    url = reverse("outcomes:minutes_download", args=[scene.conference.pk, "docx"])

    assert client.get(url + "?version=1").status_code == 200
    # Version 2 is not issued yet: the chair and the unit read it, the invitees do not.
    assert client.get(url + "?version=2").status_code == 404
    client.force_login(scene.chair)
    assert client.get(url + "?version=2").status_code == 200


def test_the_family_never_reads_the_minutes(client, scene):
    outcome_issue(record_version=finalised_record(scene.conference), actor=scene.chair)
    client.force_login(scene.parent)

    response = client.get(reverse("outcomes:minutes_download", args=[scene.conference.pk, "pdf"]))

    assert response.status_code == 404

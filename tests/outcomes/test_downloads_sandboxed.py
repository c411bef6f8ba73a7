"""The outcome letter the family downloads from their letter's page (and the minutes staff
download) is a file to save, sent like every file the family pages hand out: as an
attachment the browser may not second-guess, and with a content security policy that runs
and fetches nothing if the file is opened in a tab anyway."""

import pytest
from django.urls import reverse

from cpconf.outcomes.services import outcome_issue
from tests.outcomes.records import finalised_record, letter_to

pytestmark = pytest.mark.django_db

SANDBOX = "sandbox; default-src 'none'"


def _is_a_sandboxed_file(response) -> None:
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == SANDBOX


@pytest.mark.parametrize("extension", ["pdf", "docx"])
def test_the_familys_letter_download_is_sandboxed(client, scene, extension):
    letters = outcome_issue(record_version=finalised_record(scene.conference), actor=scene.chair)
    letter = letter_to(letters, "Parent Account")
    client.force_login(scene.parent)

    response = client.get(reverse("outcomes:letter_download", args=[letter.pk, extension]))

    _is_a_sandboxed_file(response)


@pytest.mark.parametrize("extension", ["pdf", "docx"])
def test_the_minutes_download_is_sandboxed_too(client, scene, extension):
    version = finalised_record(scene.conference)
    outcome_issue(record_version=version, actor=scene.chair)
    client.force_login(scene.chair)

    response = client.get(
        reverse("outcomes:minutes_download", args=[scene.conference.pk, extension])
    )

    _is_a_sandboxed_file(response)


def test_the_letters_page_itself_keeps_the_pages_policy(client, scene):
    letters = outcome_issue(record_version=finalised_record(scene.conference), actor=scene.chair)
    letter = letter_to(letters, "Parent Account")
    client.force_login(scene.parent)

    page = client.get(reverse("portal:letter", args=[letter.pk]))

    assert page.status_code == 200
    assert "sandbox" not in page["Content-Security-Policy"]
    assert reverse("outcomes:letter_download", args=[letter.pk, "pdf"]) in page.content.decode()

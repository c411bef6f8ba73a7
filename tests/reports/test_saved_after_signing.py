"""Words typed into a section in one tab while the report is signed in another are never
lost: nothing is saved into a signed report, and the author is shown what they typed and why
it was not saved (an autosave is told so in words the page shows)."""

import pytest
from django.urls import reverse

from cpconf.reports.views import SUBMITTED_WHILE_EDITING
from tests.report_scene import complete, start, submit

pytestmark = pytest.mark.django_db

TYPED = "Typed in the first tab after the report was signed in the second."


def _post_after_signing(client, scene, **extra):
    report = complete(start(scene))
    section = report.sections.get(key="worries")
    revision = section.revision  # the first tab opened the section
    submit(report)  # the second tab signed
    client.force_login(scene.author)
    url = reverse("reports:part", args=[report.pk, "worries"])
    return report, client.post(url, {"revision": revision, "text": TYPED}, **extra)


def test_a_save_after_signing_keeps_what_was_typed_and_saves_nothing(client, scene):
    report, response = _post_after_signing(client, scene)

    assert response.status_code == 409
    page = response.content.decode()
    assert TYPED in page
    assert SUBMITTED_WHILE_EDITING in page
    assert report.sections.get(key="worries").content["text"] != TYPED
    assert [v.number for v in report.versions.all()] == [1]


def test_an_autosave_after_signing_is_told_in_words_and_saves_nothing(client, scene):
    report, response = _post_after_signing(client, scene, HTTP_X_CPCONF_AUTOSAVE="1")

    assert response.status_code == 409
    assert response.json() == {
        "saved": False,
        "not_editable": True,
        "message": SUBMITTED_WHILE_EDITING,
    }
    assert report.sections.get(key="worries").content["text"] != TYPED

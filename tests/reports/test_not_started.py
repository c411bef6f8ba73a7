"""A report invited but not started has no working copy yet (the demo has such reports, and
so does anyone who follows a link before pressing "Start your report"). Its author's pages
open all the same: the working copy is started for them."""

import pytest
from django.urls import reverse

from cpconf.reports.models import ProfessionalReport, ReportStatus
from tests.factories import ProfessionalReportFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def not_started(scene) -> ProfessionalReport:
    return ProfessionalReportFactory(
        conference=scene.conference,
        author=scene.author,
        agency=scene.school,
        status=ReportStatus.NOT_STARTED,
    )


@pytest.mark.parametrize("key", ["worries", "restricted", "front_sheet"])
def test_a_section_page_of_a_report_not_started_opens(client, scene, not_started, key):
    client.force_login(scene.author)

    response = client.get(reverse("reports:part", args=[not_started.pk, key]))

    assert response.status_code == 200
    assert not_started.sections.filter(key=key).exists()
    not_started.refresh_from_db()
    assert not_started.status == ReportStatus.DRAFT
    assert not_started.form_key == "initial"


def test_saving_a_section_of_a_report_not_started_keeps_the_words(client, scene, not_started):
    client.force_login(scene.author)

    response = client.post(
        reverse("reports:part", args=[not_started.pk, "worries"]),
        {"revision": 0, "text": "Lily has missed nine days this term."},
    )

    assert response.status_code == 302
    assert not_started.sections.get(key="worries").content == {
        "text": "Lily has missed nine days this term."
    }


@pytest.mark.parametrize("page", ["reports:task_list", "reports:check"])
def test_the_task_list_and_check_page_of_a_report_not_started_open(
    client, scene, not_started, page
):
    client.force_login(scene.author)

    response = client.get(reverse(page, args=[not_started.pk]))

    assert response.status_code == 200
    assert not_started.sections.exists()


def test_someone_else_still_gets_no_working_copy_started(client, scene, not_started):
    client.force_login(scene.colleague)

    response = client.get(reverse("reports:part", args=[not_started.pk, "worries"]))

    assert response.status_code == 404
    assert not not_started.sections.exists()

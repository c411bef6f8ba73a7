"""A part marked completed while answers are missing is refused with the message beside each
field still to answer, and the error summary links to it (the GOV.UK pattern), not only a
message at the top of the page."""

import pytest

from cpconf.named_errors import named
from cpconf.reports.forms import COMPLETE_FIRST
from cpconf.reports.models import SectionState
from tests.report_scene import start
from tests.reports.part_posts import assessment_rows, part_url, rows_post, summary_links

pytestmark = pytest.mark.django_db


def inline_error(page: str, field_id: str) -> str:
    """The error message shown with the field itself."""
    marker = f'id="{field_id}-error"'
    assert marker in page, f"no error beside {field_id}"
    return page.split(marker, 1)[1].split("</p>", 1)[0]


def test_an_empty_text_section_shows_the_error_beside_the_answer(client, scene):
    report = start(scene)
    client.force_login(scene.author)

    response = client.post(
        part_url(report, "worries"), {"revision": 0, "text": "", "completed": "yes"}
    )

    assert response.status_code == 400
    page = response.content.decode()
    assert summary_links(page) == [("id_text", COMPLETE_FIRST)]
    assert COMPLETE_FIRST in inline_error(page, "id_text")
    assert report.sections.get(key="worries").state == SectionState.NOT_STARTED


def test_only_the_missing_detail_is_marked(client, scene):
    report = start(scene)
    client.force_login(scene.author)

    response = client.post(
        part_url(report, "front_sheet"),
        {
            "revision": 0,
            "name": "Priya Shah",
            "role": "",
            "workplace": "Alder Primary",
            "email": "priya.shah@example.gov.uk",
            "completed": "yes",
        },
    )

    assert response.status_code == 400
    page = response.content.decode()
    assert summary_links(page) == [("id_role", COMPLETE_FIRST)]
    assert COMPLETE_FIRST in inline_error(page, "id_role")
    assert 'value="priya.shah@example.gov.uk"' in page


def test_a_child_without_a_score_is_named_beside_the_score(client, scene):
    report = start(scene)
    rows = assessment_rows(report)
    rows[1]["scaling"] = ""
    client.force_login(scene.author)

    response = client.post(
        part_url(report, "assessment"), rows_post("assessment", rows, completed="yes")
    )

    assert response.status_code == 400
    page = response.content.decode()
    message = named("Noah Hartwell", COMPLETE_FIRST)
    assert summary_links(page) == [("id_assessment-1-scaling", message)]
    assert message in inline_error(page, "id_assessment-1-scaling")

"""Given a browser with JavaScript turned off, when a professional signs in and writes,
shares and submits a review report from their previous one, then every step works as it does
with JavaScript — the pages only ever enhance — and each page passes axe-core."""

import re

import pytest

from cpconf.reports.models import ProfessionalReport, ReportStatus
from tests.browser.accessibility import check_page_without_javascript as check_page
from tests.browser.conftest import sign_in_through_pages
from tests.browser.test_reports import (
    answer_every_part,
    confirm_carried_sections,
    download_every_copy,
    sign_and_submit,
)
from tests.report_scene import PASSWORD, RESTRICTED_TEXT, complete, review_conference, start, submit

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def page_without_javascript(chromium):
    context = chromium.new_context(
        locale="en-GB", timezone_id="Europe/London", java_script_enabled=False
    )
    yield context.new_page()
    context.close()


def test_a_review_report_is_written_shared_and_submitted_without_javascript(
    live_server, page_without_javascript, scene
):
    page = page_without_javascript
    submit(complete(start(scene)))
    review = review_conference(scene)
    sign_in_through_pages(page, live_server.url, scene.author, PASSWORD)
    page.wait_for_url(f"{live_server.url}/")

    page.get_by_role("button", name=re.compile("Start your report")).click()
    page.wait_for_url(re.compile(r"/reports/\d+/$"))
    report = ProfessionalReport.objects.get(author=scene.author, conference=review)
    check_page(page, "no-js", "task list")
    answer_every_part(page, report)
    check_page(page, "no-js", "task list answered")
    confirm_carried_sections(page, report)
    sign_and_submit(page)
    check_page(page, "no-js", "submitted")

    report.refresh_from_db()
    assert report.status == ReportStatus.SUBMITTED
    sharing = report.versions.get().content["parts"]["sharing"]
    assert sharing["shared"] == "yes"
    assert sharing["comments"] == "I want the school to ring me first."
    page.get_by_role("link", name="View the submitted report").click()
    copies = download_every_copy(page)
    assert RESTRICTED_TEXT not in " ".join(copies["family pdf"].split())

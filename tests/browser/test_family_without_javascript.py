"""Given a parent whose browser has JavaScript turned off (an old phone, a locked-down library
computer), when they sign in with the emailed code, read the school's report, comment on it,
send their own report and read and download the outcome letter, then every step works with
the browser's own links and forms, the family copy never holds the restricted section, and
each page passes axe-core."""

import datetime as dt

import pytest
from django.utils import timezone

from cpconf.conference_records.models import RecordVersion
from cpconf.conferences.models import Stage
from cpconf.outcomes.services import outcome_issue
from cpconf.portal.models import ParentsReport, ReportComment
from tests.browser.accessibility import check_page_without_javascript as check_page
from tests.browser.conftest import sign_in_through_pages
from tests.browser.test_journey import a_past_initial_conference, download
from tests.browser.test_reports import pdf_text
from tests.factories import ConferenceFactory
from tests.report_scene import PASSWORD, RESTRICTED_TEXT

pytestmark = pytest.mark.django_db(transaction=True)

NO_JS = "family no-js"


@pytest.fixture
def page_without_javascript(chromium):
    context = chromium.new_context(
        locale="en-GB", timezone_id="Europe/London", java_script_enabled=False
    )
    yield context.new_page()
    context.close()


def test_a_parent_reads_comments_and_reads_the_letter_without_javascript(
    live_server, page_without_javascript, scene
):
    page = page_without_javascript
    a_past_initial_conference(scene)
    conference = scene.conference
    version = RecordVersion.objects.get(record__conference=conference)
    (letter,) = [  # each parent gets their own letter: this one is the signed-in parent's
        sent
        for sent in outcome_issue(record_version=version, actor=scene.chair)
        if sent.recipient and sent.recipient.user_id == scene.parent.pk
    ]
    report = conference.reports.get()
    review = ConferenceFactory(  # views are sent before a meeting: the review coming up
        family=scene.family,
        chair=scene.chair,
        meeting_type="review",
        stage=Stage.REVIEW,
        previous=conference,
        starts_at=timezone.now() + dt.timedelta(days=30),
    )
    site = live_server.url

    sign_in_through_pages(page, site, scene.parent, PASSWORD)
    page.goto(f"{site}/family/")
    check_page(page, NO_JS, "home")
    page.locator(f"a[href='/family/meetings/{conference.pk}/']").first.click()
    page.wait_for_url(f"{site}/family/meetings/{conference.pk}/")
    check_page(page, NO_JS, "meeting")

    page.get_by_role("link", name="Report from Alder Primary").click()
    page.wait_for_url(f"{site}/family/reports/{report.pk}/")
    check_page(page, NO_JS, "report")
    assert "Lily and Noah" in page.locator("main").inner_text()
    assert "14 Alder Close" not in page.content()
    page.locator("textarea[name=text]").fill("Noah's asthma is better since October.")
    page.get_by_role("button", name="Send my comments").click()
    page.get_by_text("Thank you. We have sent your comments to the writer.").wait_for()
    check_page(page, NO_JS, "commented")
    assert ReportComment.objects.get(report=report).text == (
        "Noah's asthma is better since October."
    )

    page.get_by_role("link", name="Back to the meeting").click()
    # The meeting has happened: its page no longer offers to send views for it.
    assert page.get_by_role("link", name="Send our views").count() == 0
    page.goto(f"{site}/family/meetings/{review.pk}/")
    page.get_by_role("link", name="Send our views").click()
    page.get_by_label("Our safety plan").check()
    page.get_by_label("Your report or safety plan").fill("My sister collects Lily on Fridays.")
    page.get_by_role("button", name="Send to the chair").click()
    page.get_by_text("Thank you. We have sent your report to the chair.").wait_for()
    check_page(page, NO_JS, "sent our views")
    assert ParentsReport.objects.get(conference=review).kind == "safety_plan"

    page.goto(f"{site}/family/meetings/{conference.pk}/")
    page.get_by_role("link", name="Read the letter and the plan").click()
    page.wait_for_url(f"{site}/family/letters/{letter.pk}/")
    check_page(page, NO_JS, "letter")
    text = " ".join(pdf_text(download(page, "Download the letter as a PDF")).split())
    assert "Lily" in text and "neglect" in text
    assert " ".join(RESTRICTED_TEXT.split()) not in text

"""A professional writes reports in a real browser: an initial report from nothing to
submitted, a review from the previous report to submitted, both copies downloaded in both
formats; the draft saves itself; two tabs saving the same section meet a conflict page."""

import io
import re

import pytest
from django.utils import timezone
from docx import Document
from pypdf import PdfReader

from cpconf.reports import selectors
from cpconf.reports.models import ProfessionalReport, ReportStatus
from tests.browser.conftest import sign_in_through_pages
from tests.report_scene import (
    PASSWORD,
    RESTRICTED_TEXT,
    complete,
    review_conference,
    start,
    submit,
)

pytestmark = pytest.mark.django_db(transaction=True)


def sign_in(page, live_server, user):
    sign_in_through_pages(page, live_server.url, user, PASSWORD)
    page.wait_for_url(f"{live_server.url}/")


def mark_completed_and_save(page):
    page.get_by_label("Yes, I've completed this section").check()
    page.get_by_role("button", name="Save and return to your report").click()
    page.wait_for_url(re.compile(r"/reports/\d+/$"))


def answer_every_part(page, report):
    """Open each part from the task list and answer it as an author would."""
    form = selectors.form_of(report)
    today = timezone.localdate()
    for part_title in ("Your details", "The children", "Family members"):
        page.get_by_role("link", name=part_title).click()
        mark_completed_and_save(page)
    for section in form.sections:
        page.get_by_role("link", name=section.title, exact=True).click()
        match section.kind:
            case "text":
                page.locator("textarea[name=text]").fill(f"{section.title}: Lily is doing well.")
            case "restricted":
                page.locator("textarea[name=text]").fill(RESTRICTED_TEXT)
                page.locator("textarea[name=reason]").fill("Risk to the informant.")
            case "assessment":
                for index in range(2):
                    page.locator(f"input[name=assessment-{index}-scaling]").fill("6")
                    page.locator(f"input[name=assessment-{index}-recommendation]").first.check()
                    page.locator(f"textarea[name=assessment-{index}-reason]").fill("Progress.")
            case "sharing":  # today: a report is not shared before it was started
                page.locator("input[name=shared][value=yes]").check()
                page.locator("input[name=shared_on_day]").fill(str(today.day))
                page.locator("input[name=shared_on_month]").fill(str(today.month))
                page.locator("input[name=shared_on_year]").fill(str(today.year))
                page.get_by_label("In person").check()
                page.get_by_label("Who was it shared with?").fill("Dawn Hartwell, mother")
                page.get_by_label("The family's comments, word for word").fill(
                    "I want the school to ring me first."
                )
            case "chronology":  # today: events are those since the last conference
                page.locator("input[name=chronology-0-date_day]").fill(str(today.day))
                page.locator("input[name=chronology-0-date_month]").fill(str(today.month))
                page.locator("input[name=chronology-0-date_year]").fill(str(today.year))
                page.locator("textarea[name=chronology-0-event]").fill("Home visit")
                page.locator("input[name=chronology-0-source]").fill("Own observation")
            case "factors":
                page.locator("input[name=factors-0-factor]").fill("School attendance")
                page.locator("input[name=factors-0-kind][value=risk]").check()
                page.locator("input[name=factors-0-change][value=diminished]").check()
                page.locator("input[name=factors-0-how_much]").fill("77% to 90%")
                page.locator("textarea[name=factors-0-evidence]").fill("Registers")
        mark_completed_and_save(page)


def confirm_carried_sections(page, report) -> None:
    """Each section carried forward and not changed, confirmed "Reviewed — no change" on its
    own page, as the author must before signing (the task list tags them "Needs review")."""
    site = page.url.split("/reports/")[0]
    for waiting in selectors.unreviewed_sections(report):
        page.goto(f"{site}/reports/{report.pk}/parts/{waiting.key}/")
        page.get_by_role("button", name="Reviewed — no change").click()
        page.wait_for_url(f"{site}/reports/{report.pk}/")
    assert not selectors.unreviewed_sections(report)


def sign_and_submit(page):
    page.get_by_role("link", name="Check your answers and sign").click()
    page.get_by_label("Your full name").fill("Priya Shah")
    page.get_by_label("Your role").fill("Designated safeguarding lead")
    page.get_by_label(re.compile("I confirm this report is accurate")).check()
    page.get_by_role("button", name="Sign and submit").click()
    page.get_by_role("heading", name="Report submitted").wait_for()


def download(page, link_name) -> bytes:
    with page.expect_download() as info:
        page.get_by_role("link", name=link_name).click()
    with open(info.value.path(), "rb") as file:
        return file.read()


def docx_text(content: bytes) -> str:
    document = Document(io.BytesIO(content))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


def pdf_text(content: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


def download_every_copy(page) -> dict[str, str]:
    return {
        "conference pdf": pdf_text(download(page, "Conference copy (PDF)")),
        "conference docx": docx_text(download(page, "Conference copy (Word)")),
        "family pdf": pdf_text(download(page, "Family copy, without the restricted section (PDF)")),
        "family docx": docx_text(
            download(page, "Family copy, without the restricted section (Word)")
        ),
    }


def test_an_initial_report_from_nothing_to_submitted_and_downloaded(live_server, page, scene):
    sign_in(page, live_server, scene.author)
    page.get_by_role("button", name=re.compile("Start your report")).click()
    page.wait_for_url(re.compile(r"/reports/\d+/$"))
    report = ProfessionalReport.objects.get(author=scene.author)

    answer_every_part(page, report)
    sign_and_submit(page)

    report.refresh_from_db()
    assert report.status == ReportStatus.SUBMITTED
    page.get_by_role("link", name="View the submitted report").click()
    copies = download_every_copy(page)
    for name, text in copies.items():
        flat = " ".join(text.split())
        assert "Lily is doing well" in flat, name
        assert (RESTRICTED_TEXT in flat) == name.startswith("conference"), name


def test_a_review_report_from_the_previous_one_to_submitted(live_server, page, scene):
    previous = complete(start(scene))
    submit(previous)
    review_conference(scene)
    sign_in(page, live_server, scene.author)

    page.get_by_role("button", name=re.compile("Start your report")).click()
    page.wait_for_url(re.compile(r"/reports/\d+/$"))
    report = ProfessionalReport.objects.get(author=scene.author, form_key="review")
    assert report.previous_report == previous
    worries_title = selectors.form_of(report).section("worries").title
    page.get_by_role("link", name=worries_title, exact=True).click()
    worries = page.locator("textarea[name=text]")
    assert "Lily and Noah" in worries.input_value()  # carried over from the last report
    worries.fill(worries.input_value().replace("Lily and Noah", "Noah") + " Lily is now safe.")
    mark_completed_and_save(page)
    answer_every_part(page, report)
    confirm_carried_sections(page, report)
    sign_and_submit(page)

    page.get_by_role("link", name="View the submitted report").click()
    assert page.locator(".cpconf-report ins").count() > 0
    assert page.locator(".cpconf-report del").count() > 0
    underline = page.evaluate(
        "getComputedStyle(document.querySelector('.cpconf-report ins')).textDecorationLine"
    )
    strike = page.evaluate(
        "getComputedStyle(document.querySelector('.cpconf-report del')).textDecorationLine"
    )
    assert (underline, strike) == ("underline", "line-through")
    copies = download_every_copy(page)
    assert all(worries_title in text for text in copies.values())


def test_the_draft_saves_itself_while_the_author_types(live_server, page, scene):
    report = start(scene)
    sign_in(page, live_server, scene.author)
    page.goto(f"{live_server.url}/reports/{report.pk}/parts/worries/")

    page.locator("textarea[name=text]").fill("Lily arrived without a coat on Monday.")
    page.get_by_text(re.compile("Draft saved at")).wait_for(timeout=15000)

    assert report.sections.get(key="worries").content == {
        "text": "Lily arrived without a coat on Monday."
    }


def test_two_tabs_saving_the_same_section_meet_a_conflict_page(live_server, page, scene):
    report = start(scene)
    sign_in(page, live_server, scene.author)
    url = f"{live_server.url}/reports/{report.pk}/parts/going_well/"
    other_tab = page.context.new_page()
    page.goto(url)
    other_tab.goto(url)

    page.locator("textarea[name=text]").fill("First tab's words.")
    page.get_by_role("button", name="Save and return to your report").click()
    page.wait_for_url(re.compile(r"/reports/\d+/$"))
    other_tab.locator("textarea[name=text]").fill("Second tab's words.")
    other_tab.get_by_role("button", name="Save and return to your report").click()

    other_tab.get_by_text("This section was saved somewhere else after you opened it").wait_for()
    assert other_tab.locator("#saved-version").inner_text() == "First tab's words."
    assert other_tab.locator("#your-version").inner_text() == "Second tab's words."
    assert report.sections.get(key="going_well").content == {"text": "First tab's words."}
    other_tab.get_by_role("button", name="Save my version").click()
    other_tab.wait_for_url(re.compile(r"/reports/\d+/$"))
    assert report.sections.get(key="going_well").content == {"text": "Second tab's words."}

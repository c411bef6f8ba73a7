"""Given the chair in a real browser, when they run the record section by section, check it,
meet the refusal, finalise and book the next review, then axe-core finds no WCAG 2.2 A or AA
violation on any of those pages (error states included), and every step works with the
browser's own form submission: no JavaScript is needed."""

import re

import pytest

from cpconf.conference_records import record_content as parts
from cpconf.conference_records import services
from tests.browser.accessibility import check_page
from tests.browser.conftest import chromium, page, sign_in_through_pages  # noqa: F401
from tests.conference_records.builders import (
    complete_content,
    held,
    next_review_day,
    quorate,
    write_all,
)
from tests.conference_records.pages import started
from tests.report_scene import PASSWORD

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_chair_runs_the_record_in_the_browser(live_server, page, scene):  # noqa: F811
    held(scene.conference)
    records = f"{live_server.url}/records/{scene.conference.pk}"
    sign_in_through_pages(page, live_server.url, scene.chair, PASSWORD)
    page.goto(f"{records}/")
    check_page(page, "record", "overview before starting")
    page.get_by_role("button", name="Start the record").click()
    page.wait_for_url(f"{records}/")
    check_page(page, "record", "overview")

    page.goto(f"{records}/{parts.INTRODUCTIONS}/")
    check_page(page, "record", "introductions")
    page.get_by_role("button", name="Save and go to the next section").click()
    page.wait_for_url(f"{records}/{parts.WHY_HERE}/")
    for key in parts.PART_KEYS:
        page.goto(f"{records}/{key}/")
        check_page(page, "record", key)

    page.goto(f"{records}/{parts.SCALING}/")
    page.locator("input[name=scores-0-score]").fill("99")
    page.get_by_role("button", name="Save and return to the agenda").click()
    page.locator(".govuk-error-summary").wait_for()
    check_page(page, "record", "scaling with an error")
    assert page.locator("input[name=scores-0-score]").input_value() == "99"

    page.goto(f"{records}/check/")
    check_page(page, "record", "check")  # with the warning that no social care is present
    page.get_by_role("button", name="Finalise the record").click()
    page.locator(".govuk-error-summary").wait_for()
    check_page(page, "record", "finalise refused")
    page.locator(".govuk-error-summary a").first.click()
    page.wait_for_url(re.compile(rf"{records}/{parts.DECISIONS}/#id_children-0-outcome"))


def test_the_finalised_record_pages_are_accessible(live_server, page, scene):  # noqa: F811
    held(scene.conference)
    quorate(scene.conference)
    record = started(scene)
    children = services.children_of(scene.conference)
    write_all(record, complete_content(children, next_review_day(scene.conference)), scene.chair)
    records = f"{live_server.url}/records/{scene.conference.pk}"
    sign_in_through_pages(page, live_server.url, scene.chair, PASSWORD)
    page.goto(f"{records}/check/")
    page.get_by_role("button", name="Finalise the record").click()
    page.wait_for_url(f"{records}/versions/1/")
    check_page(page, "finalised", "version")
    page.goto(f"{records}/versions/")
    check_page(page, "finalised", "versions")
    page.goto(f"{records}/next-review/")
    check_page(page, "finalised", "book the next review")
    page.goto(f"{records}/correct/")
    page.get_by_role("button", name="Start the correction").click()
    page.locator(".govuk-error-summary").wait_for()
    check_page(page, "finalised", "correct with an error")

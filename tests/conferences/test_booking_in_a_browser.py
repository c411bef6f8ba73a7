"""Given the unit in a real browser booking a conference that draws a warning, when they press
"Book anyway" without ticking, then change the date after ticking, then each time the page
says what is wrong in its error summary, books nothing, keeps what they typed, and passes
axe-core's WCAG 2.2 A and AA checks; once they tick for the warnings shown, it books."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from cpconf.conferences.forms import CONFIRM_WARNINGS, WARNINGS_CHANGED
from cpconf.conferences.models import Conference
from tests.browser.accessibility import check_page
from tests.browser.conftest import chromium, page, sign_in_through_pages  # noqa: F401
from tests.conferences.booking_pages import (
    next_weekday,
    working_day,
)
from tests.factories import ConferenceFactory
from tests.report_scene import PASSWORD

pytestmark = pytest.mark.django_db(transaction=True)
LONDON = ZoneInfo("Europe/London")


def _fill_date(browser_page, name: str, day: dt.date) -> None:
    browser_page.locator(f"input[name={name}_day]").fill(str(day.day))
    browser_page.locator(f"input[name={name}_month]").fill(str(day.month))
    browser_page.locator(f"input[name={name}_year]").fill(str(day.year))


def _press(browser_page, name: str) -> None:
    with browser_page.expect_navigation():
        browser_page.get_by_role("button", name=name).click()


def test_the_tick_counts_for_the_warnings_shown_in_the_browser(live_server, page, scene):  # noqa: F811
    weekday = working_day(scene)
    ConferenceFactory(
        family__local_authority=scene.authority,
        chair=scene.chair,
        starts_at=dt.datetime(weekday.year, weekday.month, weekday.day, 10, 30, tzinfo=LONDON),
    )
    saturday = next_weekday(5, weeks=1)
    sign_in_through_pages(page, live_server.url, scene.unit, PASSWORD)
    page.goto(f"{live_server.url}/conferences/book/{scene.family.pk}/")
    page.get_by_label("Initial child protection conference", exact=True).check()
    _fill_date(page, "strategy_discussion", timezone.localdate())
    page.locator("select[name=chair]").select_option(str(scene.chair.pk))
    _fill_date(page, "meeting_date", weekday)
    page.get_by_label("Start time").fill("10:00")
    page.get_by_label("Place").fill("Civic Centre, Room 4")

    _press(page, "Book the conference")
    assert "already chairs a conference at 10:30" in page.locator(".cpconf-warnings").inner_text()
    check_page(page, "unit", "book with warnings")

    _press(page, "Book anyway")
    summary = page.locator(".govuk-error-summary")
    assert summary.inner_text().splitlines()[-1] == CONFIRM_WARNINGS
    summary.get_by_role("link").click()
    assert page.evaluate("document.activeElement.name") == "confirm_warnings"
    check_page(page, "unit", "book warnings not ticked")

    page.get_by_label("I have read the warnings and want to go ahead").check()
    _fill_date(page, "meeting_date", saturday)
    _press(page, "Book anyway")
    assert page.locator(".govuk-error-summary").inner_text().splitlines()[-1] == WARNINGS_CHANGED
    assert "is a weekend" in page.locator(".cpconf-warnings").inner_text()
    assert page.locator("input[name=meeting_date_day]").input_value() == str(saturday.day)
    assert page.get_by_label("Place").input_value() == "Civic Centre, Room 4"
    assert not Conference.objects.filter(family=scene.family).exclude(pk=scene.conference.pk)
    check_page(page, "unit", "book warnings changed")

    page.get_by_label("I have read the warnings and want to go ahead").check()
    _press(page, "Book anyway")
    page.get_by_text("Conference booked. Now invite the professionals.").wait_for()
    booked = Conference.objects.filter(family=scene.family).exclude(pk=scene.conference.pk).get()
    assert booked.starts_at.astimezone(LONDON).date() == saturday

"""Given each kind of staff user in a real browser, when they go through the pages they use to
book, write, share and submit, then axe-core finds no WCAG 2.2 A or AA violation on any of
them — error states included, since a page with an error summary is where people most need
it to work — and a screenshot of each page is kept as a test artefact."""

import re

import pytest

from tests.browser.accessibility import axe_violations, check_page
from tests.browser.conftest import sign_in_through_pages
from tests.report_scene import PASSWORD, complete, start, submit

pytestmark = pytest.mark.django_db(transaction=True)


def sign_in(page, live_server, user):
    sign_in_through_pages(page, live_server.url, user, PASSWORD)
    page.wait_for_url(f"{live_server.url}/")


def test_the_sign_in_pages_are_accessible(live_server, page, scene):
    page.goto(f"{live_server.url}/account/sign-in/")
    check_page(page, "sign-in", "empty")
    page.get_by_label("Email address").fill(scene.author.email)
    page.get_by_label("Password").fill("not the password")
    page.get_by_role("button", name="Sign in").click()
    page.get_by_role("alert").wait_for()
    check_page(page, "sign-in", "wrong password")


def test_the_authors_pages_are_accessible(live_server, page, scene):
    report = start(scene)
    sign_in(page, live_server, scene.author)
    check_page(page, "author", "home")
    page.goto(f"{live_server.url}/reports/{report.pk}/")
    check_page(page, "author", "task list")
    for key in ("front_sheet", "children", "family_members", "worries", "sharing", "assessment"):
        page.goto(f"{live_server.url}/reports/{report.pk}/parts/{key}/")
        check_page(page, "author", key)
    page.goto(f"{live_server.url}/reports/{report.pk}/parts/assessment/")
    page.locator("input[name=assessment-0-scaling]").fill("99")
    page.get_by_role("button", name=re.compile("Save")).first.click()
    page.locator(".govuk-error-summary").wait_for()
    check_page(page, "author", "assessment with an error")
    complete(report)
    page.goto(f"{live_server.url}/reports/{report.pk}/check/")
    check_page(page, "author", "check answers")
    submit(report)
    page.goto(f"{live_server.url}/reports/{report.pk}/versions/1/")
    check_page(page, "author", "submitted version")


def test_the_units_pages_are_accessible(live_server, page, scene):
    submit(complete(start(scene)))
    sign_in(page, live_server, scene.unit)
    check_page(page, "unit", "home")
    conference = scene.conference
    for step, path in (
        ("family", f"/families/{scene.family.pk}/"),
        ("conference", f"/conferences/{conference.pk}/"),
        ("book", f"/conferences/book/{scene.family.pk}/"),
        ("move", f"/conferences/{conference.pk}/move/"),
        ("invite", f"/conferences/{conference.pk}/invite/"),
        ("board", f"/conferences/{conference.pk}/reports-received/"),
    ):
        page.goto(f"{live_server.url}{path}")
        check_page(page, "unit", step)
    page.goto(f"{live_server.url}/conferences/book/{scene.family.pk}/")
    page.get_by_role("button", name=re.compile("Book")).first.click()
    page.locator(".govuk-error-summary").wait_for()
    check_page(page, "unit", "book with errors")


def test_the_check_finds_a_violation_when_there_is_one(page):
    page.set_content(
        '<html lang="en"><head><title>Broken</title></head>'
        '<body><main><img src="x.png"><input type="text"></main></body></html>'
    )

    found = {violation["id"] for violation in axe_violations(page)}

    assert {"image-alt", "label"} <= found

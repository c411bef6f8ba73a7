"""Given a family whose initial conference is over, with its record finalised, when the unit,
the chair and a parent open the pages around a conference that the journey
(test_journey.py) does not pass through — the pack, the chronology, the record's versions,
its correction, booking the next review, scaling over time, inviting a family member, and the
family pages for their views, their needs (and large print afterwards) and feedback — then
axe-core finds no WCAG 2.2 A or AA violation on any of them, error states included, and a
screenshot of each is kept."""

import datetime as dt
import re

import pytest
from django.utils import timezone

from cpconf.conferences.models import Stage
from cpconf.packs.models import ConferencePack
from tests.browser.accessibility import check_page
from tests.browser.conftest import sign_in_through_pages
from tests.browser.test_journey import a_past_initial_conference, download
from tests.browser.test_reports import pdf_text
from tests.factories import ConferenceFactory
from tests.report_scene import PASSWORD, RESTRICTED_TEXT

pytestmark = pytest.mark.django_db(transaction=True)


def sign_in(page, live_server, user) -> None:
    sign_in_through_pages(page, live_server.url, user, PASSWORD)


def submit_empty(page, button: str) -> None:
    """Send a form as it stands and wait for the page that names what is missing."""
    page.get_by_role("button", name=button).click()
    page.locator(".govuk-error-summary").wait_for()


def test_the_units_pack_and_family_invitation_pages_are_accessible(live_server, page, scene):
    a_past_initial_conference(scene)
    conference = scene.conference
    conference.pack_released_at = None
    conference.save(update_fields=["pack_released_at"])
    sign_in(page, live_server, scene.unit)

    page.goto(f"{live_server.url}/packs/{conference.pk}/")
    check_page(page, "unit pages", "pack before release")
    if page.get_by_label("Release the pack without the missing reports").count():
        page.get_by_label("Release the pack without the missing reports").check()
    page.get_by_role("button", name="Release the pack").click()
    page.get_by_text(re.compile("The pack is released")).wait_for()
    check_page(page, "unit pages", "pack released")
    assert ConferencePack.objects.filter(conference=conference).count() == 2

    page.goto(f"{live_server.url}/family/invite/{scene.family.pk}/")
    check_page(page, "unit pages", "invite a family member")
    submit_empty(page, "Send the invitation")
    check_page(page, "unit pages", "invite a family member with errors")


def test_the_chairs_pages_around_the_record_are_accessible(live_server, page, scene):
    a_past_initial_conference(scene)
    conference = scene.conference
    site = live_server.url
    sign_in(page, live_server, scene.chair)

    for step, path in (
        ("pack", f"/packs/{conference.pk}/"),
        ("chronology", f"/packs/{conference.pk}/chronology/"),
        ("scaling over time", f"/preparation/children/{scene.children[0].pk}/scaling/"),
        ("record versions", f"/records/{conference.pk}/versions/"),
        ("letter preview", f"/outcomes/{conference.pk}/"),
        ("book the next review", f"/records/{conference.pk}/next-review/"),
        ("correct the record", f"/records/{conference.pk}/correct/"),
    ):
        page.goto(f"{site}{path}")
        check_page(page, "chair pages", step)

    submit_empty(page, "Start the correction")
    check_page(page, "chair pages", "correct the record with an error")
    page.get_by_label(re.compile("why", re.IGNORECASE)).fill("Noah's date of birth was wrong.")
    page.get_by_role("button", name="Start the correction").click()
    page.wait_for_url(lambda url: not url.endswith("/correct/"))
    check_page(page, "chair pages", "record being corrected")


def test_the_family_pages_off_the_journey_are_accessible(live_server, page, scene):
    a_past_initial_conference(scene)
    conference = scene.conference
    report = scene.conference.reports.get()
    site = live_server.url
    sign_in(page, live_server, scene.parent)

    page.goto(f"{site}/family/meetings/{conference.pk}/")
    check_page(page, "family pages", "a past meeting")
    page.goto(f"{site}/family/reports/{report.pk}/")
    submit_empty(page, "Send my comments")
    check_page(page, "family pages", "comment with an error")

    page.goto(f"{site}/family/meetings/{conference.pk}/our-views/")
    check_page(page, "family pages", "our views after the meeting")
    review = ConferenceFactory(  # views are sent before a meeting: the review coming up
        family=scene.family,
        chair=scene.chair,
        meeting_type="review",
        stage=Stage.REVIEW,
        previous=conference,
        starts_at=timezone.now() + dt.timedelta(days=30),
    )
    page.goto(f"{site}/family/meetings/{review.pk}/our-views/")
    check_page(page, "family pages", "our views")
    submit_empty(page, "Send to the chair")
    check_page(page, "family pages", "our views with an error")

    page.goto(f"{site}/family/what-we-need/")
    check_page(page, "family pages", "what I need")
    page.get_by_label("Which language are you most comfortable with?").fill("English")
    page.locator("input[name=needs_interpreter][value=no]").check()
    page.get_by_label("Large print").check()
    page.get_by_role("button", name="Save").click()
    page.get_by_text("Thank you. We have saved what you need.").wait_for()
    assert page.locator(".cpconf-portal--large").count() == 1
    check_page(page, "family pages", "home in large print")

    everything = " ".join(pdf_text(download(page, "Download everything (PDF)")).split())
    assert "Lily and Noah" in everything  # the shared report's words
    assert " ".join(RESTRICTED_TEXT.split()) not in everything

    page.goto(f"{site}/family/meetings/{conference.pk}/feedback/")
    check_page(page, "family pages", "feedback")
    submit_empty(page, "Send my feedback")
    check_page(page, "family pages", "feedback with errors")

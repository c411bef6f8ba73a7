"""The issue's journey in a real browser: a demo parent signs in (password, then the code
emailed to them), reads a shared report, comments on it, sends their own report and reads the
outcome letter. Every page is checked with axe-core (WCAG 2.2 AA)."""

import re

import pytest

from cpconf.accounts.models import User
from cpconf.demo.data import DEMO_PASSWORD
from cpconf.demo.seeding import seed_demo
from cpconf.portal import selectors
from cpconf.portal.models import ParentsReport, ReportComment
from tests.browser.accessibility import check_page
from tests.browser.conftest import chromium, page, sign_in_through_pages  # noqa: F401
from tests.portal.factories import issued_letter
from tests.worlds import FAST_HASHER

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_demo_parent_reads_comments_sends_and_reads_the_letter(live_server, page, settings):  # noqa: F811
    settings.PASSWORD_HASHERS = FAST_HASHER
    seed_demo()
    kelly = User.objects.get(email="kelly.ashdown@northshire.example")
    member = selectors.member_for(kelly)
    shared = selectors.shared_reports_for(member)[0]
    initial = shared.report.conference
    letter = selectors.letter_for(member, initial) or issued_letter(initial)
    review = selectors.upcoming_and_past(member)[0][0]
    name = "demo-parent"

    sign_in_through_pages(page, live_server.url, kelly, DEMO_PASSWORD)
    page.get_by_role("link", name=re.compile("Go to your family pages")).click()
    check_page(page, name, "home")
    page.goto(f"{live_server.url}/family/meetings/{initial.pk}/")
    check_page(page, name, "past meeting")
    # Kelly asked for reports read aloud: listening comes first, reading is beside it.
    agency = shared.report.agency.name
    page.get_by_role("link", name=f"Listen to the report from {agency}").click()
    check_page(page, name, "listening page")
    page.get_by_role("link", name="Back to the report").click()
    check_page(page, name, "report")
    page.get_by_label("Your comments on this report").fill("I want to add: Lily has a new friend.")
    page.get_by_role("button", name="Send my comments").click()
    page.get_by_text("We have sent your comments to the writer").wait_for()
    page.goto(f"{live_server.url}/family/meetings/{review.pk}/our-views/")
    check_page(page, name, "our views")
    page.get_by_label("Our safety plan").check()
    page.get_by_label("Your report or safety plan").fill("Mum will collect the children.")
    page.get_by_role("button", name="Send to the chair").click()
    page.get_by_text("We have sent your report to the chair").wait_for()
    page.goto(f"{live_server.url}/family/letters/{letter.pk}/")
    page.get_by_role("heading", name="How to appeal or complain").wait_for()
    check_page(page, name, "letter")
    page.goto(f"{live_server.url}/family/what-we-need/")
    check_page(page, name, "access needs")

    assert ReportComment.objects.filter(text="I want to add: Lily has a new friend.").exists()
    assert ParentsReport.objects.get(member=member, kind="safety_plan").conference == review


def _amend_and_sign(report, *, shared_again: bool) -> None:
    from cpconf.reports import services as report_services
    from tests.report_scene import save, share_again, submit

    report_services.report_amend(report=report, reason="Wrong date of visit", actor=report.author)
    if shared_again:
        share_again(report)
    else:
        save(report, "sharing", {"shared": "no", "not_shared_reason": "Mother is away"})
    submit(report)


def test_comments_typed_while_the_report_changed_come_back_on_accessible_pages(
    live_server,
    page,  # noqa: F811
    scene,
):
    from tests.report_scene import PASSWORD, complete, start, submit

    report = complete(start(scene))
    submit(report)
    words = "The boiler was fixed on 3 March."
    url = f"{live_server.url}/family/reports/{report.pk}/"
    name = "comment-not-sent"
    sign_in_through_pages(page, live_server.url, scene.parent, PASSWORD)

    page.goto(url)
    page.get_by_label("Your comments on this report").fill(words)
    _amend_and_sign(report, shared_again=True)
    page.get_by_role("button", name="Send my comments").click()
    page.get_by_text("Read the new version on this page").first.wait_for()
    check_page(page, name, "newer version shared")
    assert page.get_by_label("Your comments on this report").input_value() == words

    _amend_and_sign(report, shared_again=False)
    page.get_by_role("button", name="Send my comments").click()
    page.get_by_role("heading", name="Your comments have not been sent").wait_for()
    check_page(page, name, "new version not shared")
    assert page.get_by_label("Your comments on this report").input_value() == words
    assert not ReportComment.objects.exists()


def test_views_sent_too_late_and_feedback_sent_twice_are_answered_on_accessible_pages(
    live_server,
    page,  # noqa: F811
    scene,
):
    import datetime as dt

    from django.utils import timezone

    from cpconf.families.models import FamilyMember
    from cpconf.portal.models import ConferenceFeedback
    from cpconf.portal.services import feedback_send
    from tests.report_scene import PASSWORD

    conference = scene.conference
    name = "too-late-and-twice"
    sign_in_through_pages(page, live_server.url, scene.parent, PASSWORD)

    page.goto(f"{live_server.url}/family/meetings/{conference.pk}/our-views/")
    page.get_by_label("Our safety plan").check()
    page.get_by_label("Your report or safety plan").fill("Mum will collect the children.")
    conference.starts_at = timezone.now() - dt.timedelta(hours=1)  # it started meanwhile
    conference.save(update_fields=["starts_at"])
    page.get_by_role("button", name="Send to the chair").click()
    page.get_by_role("heading", name="What you wrote").wait_for()
    check_page(page, name, "our views after the meeting started")
    assert page.get_by_label("What you wrote").input_value() == "Mum will collect the children."

    page.goto(f"{live_server.url}/family/meetings/{conference.pk}/feedback/")
    page.get_by_role("group", name="Did you understand why the meeting was held?").get_by_label(
        "Yes"
    ).check()
    page.get_by_role("group", name="Did you feel people listened to you?").get_by_label(
        "Yes"
    ).check()
    page.get_by_role("group", name="Did you get the reports in time to read them?").get_by_label(
        "Yes"
    ).check()
    member = FamilyMember.objects.get(user=scene.parent)
    answers = {"understood": "no", "listened_to": "no", "reports_in_time": "no", "better": ""}
    feedback_send(member=member, conference=conference, **answers)  # from another tab
    page.get_by_role("button", name="Send my feedback").click()
    page.get_by_text("You have already sent feedback for this meeting").wait_for()
    check_page(page, name, "feedback sent twice")
    assert ConferenceFeedback.objects.get().understood == "no"

"""An initial conference in a real browser: its own agenda, not the review's.

Given a family whose first conference is an initial one, with two children and a baby not yet
born, when the chair starts the record, reads "Why are we here" and the decisions page,
finalises the record and issues the minutes and letter, then every page asks the initial
conference's questions — no danger statement "agreed at the last conference", no plan to
continue, each child either becoming subject to a plan or not, and for the baby only whether
harm is likely — and the parent reads a letter that says a plan starts. axe-core finds no
WCAG 2.2 A or AA violation on the pages visited.
"""

import datetime as dt
import re

import pytest
from django.utils import timezone

from cpconf.conference_records import services
from cpconf.families.models import Child
from cpconf.outcomes.models import OutcomeLetter
from tests.browser.accessibility import check_page
from tests.browser.conftest import sign_in_through_pages
from tests.conference_records.builders import complete_content, held, next_review_day, quorate
from tests.report_scene import PASSWORD

pytestmark = pytest.mark.django_db(transaction=True)

BABY = "Rose"


def the_baby_on_the_way(scene) -> Child:
    return Child.objects.create(
        family=scene.family,
        given_name=BABY,
        family_name=scene.children[0].family_name,
        expected_due_date=timezone.localdate() + dt.timedelta(days=60),
    )


def test_the_chair_runs_an_initial_conference_and_the_parent_reads_a_plan_starts(
    live_server, chromium, scene
):
    assert scene.conference.stage == "initial"
    baby = the_baby_on_the_way(scene)
    held(scene.conference)
    quorate(scene.conference)
    records = f"{live_server.url}/records/{scene.conference.pk}"

    context = chromium.new_context(locale="en-GB", timezone_id="Europe/London")
    page = context.new_page()
    sign_in_through_pages(page, live_server.url, scene.chair, PASSWORD)
    page.goto(f"{records}/")
    assert "Initial child protection conference" in page.content()
    page.get_by_role("button", name="Start the record").click()
    page.wait_for_url(f"{records}/")

    # Why are we here: the conference writes the danger statement; nothing was agreed before.
    page.goto(f"{records}/why_here/")
    why_here = page.locator("main").inner_text()
    assert "Danger statement" in why_here
    assert "last conference" not in why_here
    check_page(page, "initial", "why are we here")

    # The decisions: whether each child becomes subject to a plan; the baby, only "likely".
    page.goto(f"{records}/decisions/")
    decisions = page.locator("main").inner_text()
    assert "Becomes subject to a child protection plan" in decisions
    assert "continues" not in decisions
    born = len(scene.children)
    assert decisions.count("Has the child suffered significant harm?") == born
    assert decisions.count("Is the baby likely to suffer significant harm?") == 1
    check_page(page, "initial", "decisions with an unborn baby")

    # The chair's answers (each page's own tests fill them in the browser), then finalising
    # and issuing through the pages.
    record = scene.conference.record
    children = services.children_of(scene.conference)
    assert (baby.pk, baby.full_name) in [(pk, name) for pk, name in children]
    content = complete_content(children, next_review_day(scene.conference))
    content["decisions"]["chair_summary"] = "A plan starts for Lily, Noah and Rose."
    for key, part_content in content.items():
        part = record.parts.get(key=key)
        services.part_save(
            record=record, key=key, content=part_content, revision=part.revision, actor=scene.chair
        )
    page.goto(f"{records}/check/")
    page.get_by_role("button", name="Finalise the record").click()
    page.wait_for_url(f"{records}/versions/1/")
    version = page.locator("main").inner_text()
    assert "Is the baby likely to suffer significant harm?" in version or BABY in version
    page.goto(f"{live_server.url}/outcomes/{scene.conference.pk}/")
    page.get_by_role("button", name="Issue the minutes and letter").click()
    page.wait_for_url(re.compile(r"/outcomes/\d+/"))
    context.close()

    letter = OutcomeLetter.objects.filter(
        record_version__record__conference=scene.conference, recipient__user=scene.parent
    ).first() or OutcomeLetter.objects.get(
        record_version__record__conference=scene.conference, recipient=None
    )
    parent_context = chromium.new_context(locale="en-GB", timezone_id="Europe/London")
    parent_page = parent_context.new_page()
    sign_in_through_pages(parent_page, live_server.url, scene.parent, PASSWORD)
    parent_page.goto(f"{live_server.url}/family/letters/{letter.pk}/")
    read = " ".join(parent_page.locator("main").inner_text().split())
    assert "We call this meeting the initial child protection conference" in read
    assert f"{BABY} will have a child protection plan. {BABY} is not born yet." in read
    assert "likely to suffer significant harm after the birth" in read
    assert "continue" not in read.lower()
    check_page(parent_page, "initial", "the parent's letter")
    parent_context.close()

"""The whole journey of a review conference in a real browser, through the real pages.

Given a family whose initial conference is over — the school's report submitted and shared,
the chair's record finalised — when the unit books the review and invites the school, the
school writes its review report from the last one, shares it and submits it, a parent reads
the family copy in the family pages, comments and sends their own report, the chair
prepares, runs the record section by section, finalises it and issues the outcome letter,
and the parent reads the letter and downloads it, then every step works as each person
would do it, what the family reads never holds the restricted section, the parent's words
reach the report's sharing record exactly as typed, and axe-core finds no WCAG 2.2 A or AA
violation on any page visited.
"""

import datetime as dt
import re
from collections.abc import Iterator
from contextlib import ExitStack
from datetime import date

import pytest
from django.core import mail
from django.utils import timezone

from cpconf.conference_records import record_content as parts
from cpconf.conference_records import services as records
from cpconf.conference_records.models import ConferenceRecord, RecordStatus
from cpconf.conferences.models import Conference
from cpconf.deadlines.meetings import calendar_for_policy
from cpconf.outcomes import services as outcome_services
from cpconf.outcomes.models import OutcomeLetter
from cpconf.portal.models import ReportComment
from cpconf.reports import selectors as report_selectors
from cpconf.reports.models import ProfessionalReport, ReportStatus
from tests.browser.accessibility import check_page
from tests.browser.conftest import sign_in_through_pages
from tests.browser.test_reports import mark_completed_and_save, pdf_text, sign_and_submit
from tests.report_scene import (
    PASSWORD,
    RESTRICTED_TEXT,
    answers_for,
    complete,
    confirm_unchanged,
    save,
    start,
    submit,
)

pytestmark = pytest.mark.django_db(transaction=True)

JOURNEY = "journey"
DANGER = "Professionals are worried that Lily and Noah are left without a sober adult at night."
GOALS = "Everyone wants Lily and Noah cared for by a sober adult every evening and morning."
LAST_ACTION = "Dawn to go to the recovery group every week"
# Typed by the parent in the family pages: more than one line, an apostrophe, a quotation.
PARENT_COMMENT = (
    "I don't agree that the house was untidy on 3 November.\n"
    'Lily told the teacher "Mum was at the group", which is true.'
)
PARENTS_REPORT = "Things are better at home. I want Lily to stay at Alder Primary."
WORKING_WELL = "I go to the group every Tuesday."
NEW_ACTION = "Arrange a school nurse visit for Noah's asthma"
CHAIR_SUMMARY = "The plan continues for Lily and Noah; the recovery group is going well."
PLACE = "Northshire Civic Centre, Room 4"
NEW_WORRY = "Lily is now safe at home in the mornings."
FAMILY_SAID = "Dawn said she wants the school to ring her first."


# --- the past: the initial conference, its report and its finalised record (services) ---


def initial_record_content(children: list[tuple[int, str]], next_review: date) -> dict:
    """What the chair recorded at the initial conference: a plan for each child."""
    content = parts.empty_content(children)
    content[parts.INTRODUCTIONS]["participants"] = [
        {"name": "Dawn Hartwell", "role": "Mother", "agency": "", "kind": "parent",
         "attendance": "present"},
        {"name": "Priya Shah", "role": "Designated safeguarding lead", "agency": "Alder Primary",
         "kind": "professional", "attendance": "present"},
    ]  # fmt: skip
    content[parts.WHY_HERE].update(danger_statement=DANGER, safety_goals=GOALS)
    content[parts.PLAN]["actions"] = [
        {"action": LAST_ACTION, "who": "Dawn Hartwell", "by_when": next_review.isoformat(),
         "priority": "high", "progress": "new", "carried_forward": False, "child_ids": []},
    ]  # fmt: skip
    content[parts.SCALING]["scores"] = [
        {"participant": "Priya Shah", "child_id": child_id, "score": 3}
        for child_id, _name in children
    ]
    for row in content[parts.DECISIONS]["children"]:
        row.update(
            suffered_harm="yes",
            likely_to_suffer="yes",
            outcome=parts.PLAN_STARTS,
            categories=["neglect"],
            consensus="yes",
        )
    content[parts.DECISIONS]["chair_summary"] = "A plan starts for Lily and Noah."
    content[parts.FUTURE_DATES].update(
        core_group_members=["Dawn Hartwell", "Priya Shah"],
        next_review_on=next_review.isoformat(),
        feedback_forms_sent=True,
        appeal_explained=True,
    )
    return content


def review_day(conference: Conference) -> date:
    """A working day about three weeks ahead: inside the statutory first-review timescale of
    an initial conference held seven weeks ago, and after every report deadline."""
    calendar = calendar_for_policy(conference.family.local_authority.policy)
    return calendar.working_days_after(timezone.localdate(), 15)


def a_past_initial_conference(scene) -> date:
    """The scene's conference, seven weeks ago, with the school's report submitted (shared
    with the family) and the chair's record finalised. Returns the review's day."""
    submit(complete(start(scene)))
    initial = scene.conference
    initial.starts_at = timezone.now() - dt.timedelta(days=49)
    initial.pack_released_at = initial.starts_at - dt.timedelta(days=3)
    initial.save()
    day = review_day(initial)
    record = records.record_start(conference=initial, actor=scene.chair)
    content = initial_record_content(records.children_of(initial), day)
    for key in parts.PART_KEYS:
        part = record.parts.get(key=key)
        records.part_save(
            record=record, key=key, content=content[key], revision=part.revision, actor=scene.chair
        )
    records.record_finalise(record=record, actor=scene.chair)
    return day


# --- the review report ---


def record_sharing(page) -> None:
    shared_on = timezone.localdate()  # the report was started today: not shared before it
    page.locator("input[name=shared][value=yes]").check()
    fill_date(page, "shared_on", shared_on)
    page.get_by_label("In person").check()
    page.get_by_label("Who was it shared with?").fill("Dawn Hartwell, mother")
    page.get_by_label("The family's comments, word for word").fill(FAMILY_SAID)


def answer_the_rest(report: ProfessionalReport, pages_answered: tuple[str, ...]) -> None:
    answers = answers_for(report)
    for key in ("children", "family_members"):
        answers[key] = report.sections.get(key=key).content
    for key, content in answers.items():
        if key not in pages_answered:
            save(report, key, content)


# --- people in their own browsers ---


@pytest.fixture
def browsers(chromium) -> Iterator[ExitStack]:
    with ExitStack() as stack:
        yield stack


def signed_in(chromium, browsers: ExitStack, live_server, user):
    """A browser of their own (its own cookies) for one person, signed in."""
    context = chromium.new_context(locale="en-GB", timezone_id="Europe/London")
    browsers.callback(context.close)
    page = context.new_page()
    sign_in_through_pages(page, live_server.url, user, PASSWORD)
    return page


def fill_date(page, name: str, day: date) -> None:
    page.locator(f"input[name={name}_day]").fill(str(day.day))
    page.locator(f"input[name={name}_month]").fill(str(day.month))
    page.locator(f"input[name={name}_year]").fill(str(day.year))


SAVE_AND_NEXT = re.compile("Save and (go to the next section|check the record)")


def save_and_next(page) -> None:
    with page.expect_navigation():
        page.get_by_role("button", name=SAVE_AND_NEXT).click()
    errors = page.locator(".govuk-error-summary")
    assert not errors.count(), errors.inner_text()


def download(page, link_name: str) -> bytes:
    with page.expect_download() as info:
        page.get_by_role("link", name=link_name).click()
    with open(info.value.path(), "rb") as file:
        return file.read()


def flat(text: str) -> str:
    return " ".join(text.split())


# --- the journey ---


def test_a_review_conference_from_booking_to_the_letter_the_family_reads(
    live_server, page, chromium, browsers, scene
):
    # Given a family whose initial conference has a finalised record
    day = a_past_initial_conference(scene)
    initial = scene.conference
    site = live_server.url

    # When the unit books the review conference
    unit = page
    sign_in_through_pages(unit, site, scene.unit, PASSWORD)
    unit.goto(f"{site}/families/{scene.family.pk}/")
    check_page(unit, JOURNEY, "unit family")
    unit.get_by_role("link", name="Book a conference").click()
    unit.wait_for_url(f"{site}/conferences/book/{scene.family.pk}/")
    check_page(unit, JOURNEY, "unit book")
    unit.get_by_label("Review child protection conference").check()
    unit.locator("select[name=previous]").select_option(str(initial.pk))
    unit.locator("select[name=chair]").select_option(str(scene.chair.pk))
    fill_date(unit, "meeting_date", day)
    unit.get_by_label("Start time").fill("10:00")
    unit.get_by_label("Place").fill(PLACE)
    unit.get_by_role("button", name="Book the conference").click()
    unit.get_by_text("Conference booked. Now invite the professionals.").wait_for()
    review = Conference.objects.get(previous=initial)
    assert (review.meeting_type, review.chair, review.place) == ("review", scene.chair, PLACE)
    assert timezone.localtime(review.starts_at).date() == day
    check_page(unit, JOURNEY, "unit conference booked")

    # and invites the school's safeguarding lead
    unit.get_by_role("link", name="Invite a professional").click()
    unit.wait_for_url(f"{site}/conferences/{review.pk}/invite/")
    check_page(unit, JOURNEY, "unit invite")
    unit.locator("select[name=agency]").select_option(str(scene.school.pk))
    unit.get_by_label("Email address").fill(scene.author.email)
    unit.get_by_role("button", name="Send the invitation").click()
    unit.wait_for_url(f"{site}/conferences/{review.pk}/reports-received/")
    assert review.invitations.get().invitee == scene.author
    check_page(unit, JOURNEY, "unit reports received")

    # When the professional writes the review report from their previous one
    author = signed_in(chromium, browsers, live_server, scene.author)
    check_page(author, JOURNEY, "author home")
    author.get_by_role("button", name=re.compile("Start your report")).click()
    author.wait_for_url(re.compile(r"/reports/\d+/$"))
    report = ProfessionalReport.objects.get(conference=review, author=scene.author)
    assert report.previous_report.conference == initial
    check_page(author, JOURNEY, "author task list")
    form = report_selectors.form_of(report)
    # and changes what worries them now, starting from what they wrote last time
    author.get_by_role("link", name=form.section("worries").title, exact=True).click()
    author.wait_for_url(f"{site}/reports/{report.pk}/parts/worries/")
    worries = author.locator("textarea[name=text]")
    assert "Lily and Noah" in worries.input_value()
    check_page(author, JOURNEY, "author worries carried over")
    worries.fill(worries.input_value().replace("Lily and Noah", "Noah") + " " + NEW_WORRY)
    mark_completed_and_save(author)
    # and records that they shared it with the family, and what the family said
    author.get_by_role("link", name=form.section("sharing").title, exact=True).click()
    record_sharing(author)
    check_page(author, JOURNEY, "author sharing recorded")
    mark_completed_and_save(author)
    # (every other part through the services: test_reports.py answers each one's page)
    answer_the_rest(report, pages_answered=("worries", "sharing", "needs_to_happen"))
    # and confirms that what needs to happen has not changed since last time
    author.goto(f"{site}/reports/{report.pk}/parts/needs_to_happen/")
    author.get_by_role("button", name="Reviewed — no change").click()
    author.wait_for_url(f"{site}/reports/{report.pk}/")
    assert "Reviewed — no change" in author.locator("#task-needs_to_happen-status").inner_text()
    # (and every other section carried forward, through the services)
    confirm_unchanged(report)
    author.reload()
    # and signs and submits it
    sign_and_submit(author)
    check_page(author, JOURNEY, "author submitted")
    report.refresh_from_db()
    assert report.status == ReportStatus.SUBMITTED
    submitted = report.versions.get().content["parts"]
    assert RESTRICTED_TEXT in str(submitted)  # the conference copy has it; the family's must not
    sharing = submitted["sharing"]
    assert (sharing["shared"], sharing["comments"]) == ("yes", FAMILY_SAID)

    # When a parent signs in to the family pages with the code emailed to them
    parent = signed_in(chromium, browsers, live_server, scene.parent)
    parent.goto(f"{site}/family/")
    check_page(parent, JOURNEY, "parent home")
    parent.locator(f"a[href='/family/meetings/{review.pk}/']").first.click()
    parent.wait_for_url(f"{site}/family/meetings/{review.pk}/")
    check_page(parent, JOURNEY, "parent review meeting")
    # and reads the school's report
    parent.get_by_role("link", name="Report from Alder Primary").click()
    parent.wait_for_url(f"{site}/family/reports/{report.pk}/")
    check_page(parent, JOURNEY, "parent reads the report")
    reading = flat(parent.locator("main").inner_text())
    # Then it is the family copy: the worries are there, the restricted section is not
    assert NEW_WORRY in reading
    assert flat(RESTRICTED_TEXT) not in reading
    assert "14 Alder Close" not in parent.content()
    # When they comment on it
    parent.locator("textarea[name=text]").fill(PARENT_COMMENT)
    parent.get_by_role("button", name="Send my comments").click()
    parent.get_by_text("Thank you. We have sent your comments to the writer.").wait_for()
    check_page(parent, JOURNEY, "parent commented")
    # Then their words are kept exactly as typed (a browser sends a new line as CR LF),
    # against the version they read
    comment = ReportComment.objects.get(report=report)
    assert comment.text.replace("\r\n", "\n") == PARENT_COMMENT
    assert comment.version == report.versions.get()
    # and the author is told by email, without the words
    told = [m for m in mail.outbox if m.to == [scene.author.email] and "commented" in m.subject]
    assert len(told) == 1 and "untidy" not in told[0].body
    # When the parent sends their own report for the meeting
    parent.get_by_role("link", name="Back to the meeting").click()
    parent.get_by_role("link", name="Send our views").click()
    parent.wait_for_url(f"{site}/family/meetings/{review.pk}/our-views/")
    check_page(parent, JOURNEY, "parent our views")
    parent.get_by_label("Our own report").check()
    parent.get_by_label("Your report or safety plan").fill(PARENTS_REPORT)
    parent.get_by_role("button", name="Send to the chair").click()
    parent.get_by_text("Thank you. We have sent your report to the chair.").wait_for()
    check_page(parent, JOURNEY, "parent sent their report")

    # When the chair prepares for the conference
    chair = signed_in(chromium, browsers, live_server, scene.chair)
    chair.goto(f"{site}/conferences/{review.pk}/")
    check_page(chair, JOURNEY, "chair conference")
    chair.get_by_role("link", name="Prepare for the conference").click()
    chair.wait_for_url(f"{site}/preparation/{review.pk}/")
    check_page(chair, JOURNEY, "chair preparation")
    # Then beside the school's report are the family's words: those the author recorded
    # when sharing it, then the parent's own comment, word for word
    comments = chair.locator(f"#report-{report.pk} [data-family-comment]")
    assert comments.all_inner_texts() == [FAMILY_SAID, PARENT_COMMENT]
    # and in the report's sharing record, as the author and the chair read it
    chair.goto(f"{site}/reports/{report.pk}/versions/1/")
    check_page(chair, JOURNEY, "chair reads the report")
    family_comments = chair.locator(".cpconf-family-comments .cpconf-preserve")
    assert family_comments.inner_text() == PARENT_COMMENT

    # and reads, with the reports received, the parent's own report
    chair.goto(f"{site}/preparation/{review.pk}/")
    chair.get_by_role("link", name="See the reports received").click()
    chair.wait_for_url(f"{site}/conferences/{review.pk}/reports-received/")
    check_page(chair, JOURNEY, "chair reports received")
    assert PARENTS_REPORT in chair.locator("main").inner_text()
    # and reads the chronology merged from the reports
    chair.goto(f"{site}/packs/{review.pk}/chronology/")
    check_page(chair, JOURNEY, "chair chronology")
    assert "Home visit" in chair.locator("main").inner_text()

    # When the day of the meeting comes (the meeting is moved to this morning, rather than
    # the clock on), and the chair starts the record, which carries the last plan forward
    review.starts_at = max(
        timezone.now() - dt.timedelta(hours=2),
        timezone.localtime().replace(hour=0, minute=0, second=0, microsecond=0),
    )
    review.save(update_fields=["starts_at"])
    records_url = f"{site}/records/{review.pk}"
    chair.goto(f"{records_url}/")
    with chair.expect_navigation():
        chair.get_by_role("button", name="Start the record").click()
    check_page(chair, JOURNEY, "chair record overview")
    # and notes the meeting with the family before the professionals came in
    chair.get_by_role("link", name="1. Meeting with the family").click()
    chair.wait_for_url(f"{records_url}/{parts.FAMILY_MEETING}/")
    check_page(chair, JOURNEY, "chair meeting with the family")
    chair.locator("input[name=held][value=yes]").check()
    chair.locator("textarea[name=attended]").fill("Dawn Hartwell")
    save_and_next(chair)
    # and records who is here
    assert chair.url == f"{records_url}/{parts.INTRODUCTIONS}/"
    names = chair.locator("input[name$=-name]")
    assert names.nth(0).input_value() == "Dawn Hartwell"
    check_page(chair, JOURNEY, "chair introductions")
    save_and_next(chair)
    assert chair.url == f"{records_url}/{parts.WHY_HERE}/"
    assert chair.locator("textarea[name=danger_statement]").input_value() == DANGER
    check_page(chair, JOURNEY, "chair why here")
    save_and_next(chair)
    # and what the mother said was working well
    assert chair.url == f"{records_url}/{parts.DISCUSSION}/"
    check_page(chair, JOURNEY, "chair discussion")
    chair.locator("select[name=working_well-0-speaker]").select_option("Dawn Hartwell")
    chair.locator("textarea[name=working_well-0-text]").fill(WORKING_WELL)
    save_and_next(chair)
    # and a new action beside the one carried forward
    assert chair.url == f"{records_url}/{parts.PLAN}/"
    assert chair.locator("textarea[name=actions-0-action]").input_value() == LAST_ACTION
    check_page(chair, JOURNEY, "chair plan")
    chair.locator("select[name=actions-0-progress]").select_option("in_progress")
    chair.locator("textarea[name=actions-1-action]").fill(NEW_ACTION)
    chair.locator("input[name=actions-1-who]").fill("School nurse")
    fill_date(chair, "actions-1-by_when", day + dt.timedelta(days=14))
    chair.locator("input[name=actions-1-priority][value=medium]").check()
    save_and_next(chair)
    # and everyone's scores for each child
    assert chair.url == f"{records_url}/{parts.SCALING}/"
    check_page(chair, JOURNEY, "chair scaling")
    scores = chair.locator("input[name$=-score]")
    assert scores.count() == 3 * 2  # the parents and the school, for each child
    for index in range(scores.count()):
        scores.nth(index).fill(str(5 + index % 3))
    save_and_next(chair)
    # and the decision for each child, with the category of the plan
    assert chair.url == f"{records_url}/{parts.DECISIONS}/"
    check_page(chair, JOURNEY, "chair decisions")
    for index in range(2):
        row = f"children-{index}"
        chair.locator(f"input[name={row}-suffered_harm][value=yes]").check()
        chair.locator(f"input[name={row}-likely_to_suffer][value=yes]").check()
        chair.locator(f"input[name={row}-consensus][value=yes]").check()
        chair.locator(f"input[name={row}-outcome][value={parts.PLAN_CONTINUES}]").check()
        chair.locator(f"input[name={row}-categories][value=neglect]").check()
    chair.locator("input[name=children-1-categories][value=emotional]").check()
    chair.locator("textarea[name=chair_summary]").fill(CHAIR_SUMMARY)
    save_and_next(chair)
    # and the future dates
    assert chair.url == f"{records_url}/{parts.FUTURE_DATES}/"
    check_page(chair, JOURNEY, "chair future dates")
    due = records.future_dates_due(review)
    next_review, core_group = due["next_review_by"], due["core_group_by"]
    fill_date(chair, "core_group_on", core_group)
    fill_date(chair, "next_review_on", next_review)
    save_and_next(chair)
    # and checks and finalises the record
    assert chair.url == f"{records_url}/check/"
    check_page(chair, JOURNEY, "chair check the record")
    # nobody from children's social care came: the chair reads the quorum warning first
    chair.get_by_label("I have read the warnings and want to finalise the record").check()
    chair.get_by_role("button", name="Finalise the record").click()
    chair.wait_for_url(f"{records_url}/versions/1/")
    check_page(chair, JOURNEY, "chair record finalised")
    record = ConferenceRecord.objects.get(conference=review)
    assert record.status == RecordStatus.FINALISED
    final = record.versions.get().content
    assert final[parts.FAMILY_MEETING]["attended"] == ["Dawn Hartwell"]
    assert final[parts.DISCUSSION]["entries"][0]["text"] == WORKING_WELL
    assert [a["action"] for a in final[parts.PLAN]["actions"]] == [LAST_ACTION, NEW_ACTION]
    assert final[parts.PLAN]["actions"][0]["carried_forward"] is True
    assert len(final[parts.SCALING]["scores"]) == 6
    assert [d["categories"] for d in final[parts.DECISIONS]["children"]] == [
        ["neglect"],
        ["neglect", "emotional"],
    ]
    assert final[parts.FUTURE_DATES]["next_review_on"] == next_review.isoformat()

    # When the chair checks the letter and issues it
    chair.goto(f"{site}/outcomes/{review.pk}/")
    check_page(chair, JOURNEY, "chair letter preview")
    chair.get_by_role("button", name="Issue the minutes and letter").click()
    chair.get_by_role("heading", name="Minutes and letter issued").wait_for()
    check_page(chair, JOURNEY, "chair letter issued")
    letter = OutcomeLetter.objects.get(
        record_version__record=record, recipient__user=scene.parent
    )  # each parent gets their own letter
    notices = [m for m in mail.outbox if m.to == [scene.parent.email]]
    assert notices[-1].subject == outcome_services.FAMILY_NOTICE_SUBJECT

    # Then the parent finds the letter on the meeting's page, reads it and downloads it
    parent.goto(f"{site}/family/meetings/{review.pk}/")
    parent.get_by_role("link", name="Read the letter and the plan").click()
    parent.wait_for_url(f"{site}/family/letters/{letter.pk}/")
    check_page(parent, JOURNEY, "parent reads the letter")
    on_screen = flat(parent.locator("main").inner_text())
    assert NEW_ACTION in on_screen
    assert "How to appeal or complain" in on_screen
    letter_pdf = flat(pdf_text(download(parent, "Download the letter as a PDF")))
    assert NEW_ACTION in letter_pdf
    assert "Lily" in letter_pdf and "Noah" in letter_pdf
    assert flat(RESTRICTED_TEXT) not in letter_pdf

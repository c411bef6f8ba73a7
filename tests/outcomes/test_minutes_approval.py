"""Minutes are approved apart from the decision letter: the letter is due within one working
day of the meeting and the minutes within the policy's working days (`[after_the_meeting]`,
checked at start-up); the chair and the unit see both due dates and which is overdue, and
approving the minutes is its own action. Issuing the letter works as it always has."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from django.utils import timezone

from cpconf.audit.models import AuditEvent
from cpconf.conferences.models import Conference
from cpconf.outcomes.due_dates import outcome_due_dates
from cpconf.outcomes.models import MinutesApproval, OutcomeLetter
from cpconf.outcomes.services import (
    MINUTES_NOT_ALLOWED,
    MINUTES_NOT_LATEST,
    OutcomeError,
    minutes_approve,
    outcome_issue,
)
from cpconf.policy import PolicyError, load_policies, load_policy
from tests.outcomes.records import corrected, finalised_record
from tests.policy.test_policy_files import GOOD, SHIPPED, write

pytestmark = pytest.mark.django_db
LONDON = ZoneInfo("Europe/London")


def held_on(conference, when: dt.datetime) -> None:
    Conference.objects.filter(pk=conference.pk).update(starts_at=when)
    conference.refresh_from_db()


# The policy key, checked when the policies load


def test_the_shipped_policies_give_the_letter_a_day_and_the_minutes_their_own_days():
    policies = load_policies([SHIPPED])

    northshire, southvale = policies["northshire"], policies["southvale"]
    assert northshire.after_the_meeting.letter_within_working_days == 1
    assert southvale.after_the_meeting.letter_within_working_days == 1
    assert northshire.after_the_meeting.minutes_within_working_days == 15
    assert southvale.after_the_meeting.minutes_within_working_days == 20


def test_left_out_the_letter_is_due_in_1_working_day_and_the_minutes_in_20(tmp_path):
    policy = load_policy(write(tmp_path, GOOD.format(name="testshire")))

    assert policy.after_the_meeting.letter_within_working_days == 1
    assert policy.after_the_meeting.minutes_within_working_days == 20


@pytest.mark.parametrize(
    ("table", "key", "problem"),
    [
        (
            "minutes_within_working_days = 0",
            "after_the_meeting.minutes_within_working_days",
            "1 or more",
        ),
        (
            'letter_within_working_days = "one"',
            "after_the_meeting.letter_within_working_days",
            "1 or more",
        ),
        ("minutes_within_days = 10", "after_the_meeting.minutes_within_days", "did you mean"),
    ],
)
def test_a_bad_after_the_meeting_table_names_the_key(tmp_path, table, key, problem):
    text = GOOD.format(name="testshire") + f"\n[after_the_meeting]\n{table}\n"

    with pytest.raises(PolicyError) as error:
        load_policy(write(tmp_path, text))

    assert error.value.key == key
    assert problem in error.value.problem


# Due dates


def test_the_letter_is_due_the_next_working_day_and_the_minutes_in_the_policys_days(scene):
    held_on(scene.conference, dt.datetime(2026, 12, 2, 10, 0, tzinfo=LONDON))  # a Wednesday

    due = outcome_due_dates(scene.conference)

    assert due.letter_due == dt.datetime(2026, 12, 3, 17, 0, tzinfo=LONDON)
    # Northshire: 15 working days.
    assert due.minutes_due == dt.datetime(2026, 12, 23, 17, 0, tzinfo=LONDON)


def test_the_letter_after_a_christmas_eve_conference_is_due_after_the_bank_holidays(scene):
    held_on(scene.conference, dt.datetime(2026, 12, 24, 10, 0, tzinfo=LONDON))

    due = outcome_due_dates(scene.conference)

    assert due.letter_due.date() == dt.date(2026, 12, 29)


def test_each_is_overdue_only_past_its_own_date_and_until_it_is_done(scene):
    held_on(scene.conference, dt.datetime(2026, 12, 2, 10, 0, tzinfo=LONDON))
    version = finalised_record(scene.conference)
    between = dt.datetime(2026, 12, 10, 9, 0, tzinfo=LONDON)
    after_both = dt.datetime(2027, 1, 4, 9, 0, tzinfo=LONDON)

    due = outcome_due_dates(scene.conference, now=between)
    assert (due.letter_overdue, due.minutes_overdue) == (True, False)
    assert outcome_due_dates(scene.conference, now=after_both).minutes_overdue

    outcome_issue(record_version=version, actor=scene.chair, notify=False)
    due = outcome_due_dates(scene.conference, now=after_both)
    assert (due.letter_overdue, due.minutes_overdue) == (False, True)

    minutes_approve(record_version=version, actor=scene.chair)
    due = outcome_due_dates(scene.conference, now=after_both)
    assert (due.letter_overdue, due.minutes_overdue) == (False, False)


# Approving the minutes, its own action


def test_approving_the_minutes_issues_no_letter_and_issuing_the_letter_approves_nothing(scene):
    version = finalised_record(scene.conference)

    approval, approved_now = minutes_approve(record_version=version, actor=scene.chair)

    assert approved_now and approval.approved_by == scene.chair
    assert not OutcomeLetter.objects.exists()
    assert AuditEvent.objects.filter(action="minutes_approved").count() == 1

    second = finalised_record(scene.conference.previous)
    outcome_issue(record_version=second, actor=scene.chair, notify=False)
    assert not MinutesApproval.objects.filter(record_version=second).exists()


def test_approving_twice_approves_once(scene):
    version = finalised_record(scene.conference)
    first, _ = minutes_approve(record_version=version, actor=scene.chair)

    again, approved_now = minutes_approve(record_version=version, actor=scene.unit)

    assert (again, approved_now) == (first, False)
    assert MinutesApproval.objects.count() == 1
    assert AuditEvent.objects.filter(action="minutes_approved").count() == 1


@pytest.mark.parametrize("who", ["author", "parent"])
def test_only_the_chair_or_the_unit_approves_the_minutes(scene, who):
    version = finalised_record(scene.conference)

    with pytest.raises(OutcomeError, match=MINUTES_NOT_ALLOWED):
        minutes_approve(record_version=version, actor=getattr(scene, who))
    assert not MinutesApproval.objects.exists()


def test_only_the_latest_version_is_approved(scene):
    first = finalised_record(scene.conference)
    corrected(first, "Spelling of a name")

    with pytest.raises(OutcomeError, match=MINUTES_NOT_LATEST.format(number=2)):
        minutes_approve(record_version=first, actor=scene.chair)


def test_invited_professionals_read_approved_minutes_before_any_letter(client, scene):
    version = finalised_record(scene.conference)
    client.force_login(scene.author)
    url = reverse("outcomes:minutes_download", args=[scene.conference.pk, "docx"])
    assert client.get(url).status_code == 404

    minutes_approve(record_version=version, actor=scene.chair)

    assert client.get(url).status_code == 200


# The page


def test_the_page_shows_both_due_dates_and_which_is_overdue(client, scene):
    held_on(scene.conference, dt.datetime(2026, 12, 2, 10, 0, tzinfo=LONDON))
    version = finalised_record(scene.conference)
    outcome_issue(record_version=version, actor=scene.chair, notify=False)
    client.force_login(scene.unit)

    page = client.get(reverse("outcomes:outcome", args=[scene.conference.pk])).content.decode()

    dates = page.split('id="outcome-due-dates"', 1)[1].split("</dl>", 1)[0]
    letter_row, minutes_row = dates.split('id="minutes-due"', 1)
    assert "Thursday 3 December 2026, 17:00" in letter_row and "Issued" in letter_row
    assert "Wednesday 23 December 2026, 17:00" in minutes_row
    # The page is read after both dates (the clock is the real one: December 2026 is past
    # only once the test runs then), so the minutes show as overdue once their date passed.
    assert ("Overdue" in minutes_row) == outcome_due_dates(scene.conference).minutes_overdue
    assert "Overdue" not in letter_row


def test_the_chair_approves_the_minutes_from_the_page(client, scene):
    version = finalised_record(scene.conference)
    client.force_login(scene.chair)
    url = reverse("outcomes:approve_minutes", args=[scene.conference.pk])

    response = client.post(url, {"version": version.number})

    assert response.status_code == 302
    assert MinutesApproval.objects.get().record_version == version
    page = client.get(response["Location"]).content.decode()
    assert 'id="minutes-approved"' in page
    assert url not in page
    assert not OutcomeLetter.objects.exists()


def test_a_newer_version_since_the_page_was_opened_is_not_approved_unseen(client, scene):
    first = finalised_record(scene.conference)
    corrected(first, "Spelling of a name")
    client.force_login(scene.chair)

    client.post(
        reverse("outcomes:approve_minutes", args=[scene.conference.pk]), {"version": first.number}
    )

    assert not MinutesApproval.objects.exists()


def test_nobody_else_reaches_the_approval(client, scene):
    finalised_record(scene.conference)
    for someone in (scene.author, scene.parent):
        client.force_login(someone)
        response = client.post(
            reverse("outcomes:approve_minutes", args=[scene.conference.pk]), {"version": 1}
        )
        assert response.status_code == 404
    assert not MinutesApproval.objects.exists()


def test_the_page_tags_each_overdue_until_it_is_done(client, scene):
    held_on(scene.conference, timezone.now() - dt.timedelta(days=60))
    version = finalised_record(scene.conference)
    client.force_login(scene.chair)
    url = reverse("outcomes:outcome", args=[scene.conference.pk])

    def rows() -> tuple[str, str]:
        page = client.get(url).content.decode()
        dates = page.split('id="outcome-due-dates"', 1)[1].split("</dl>", 1)[0]
        letter_row, minutes_row = dates.split('id="minutes-due"', 1)
        return letter_row, minutes_row

    assert all("Overdue" in row for row in rows())
    minutes_approve(record_version=version, actor=scene.chair)
    letter_row, minutes_row = rows()
    assert "Overdue" in letter_row and "Overdue" not in minutes_row and "Approved" in minutes_row

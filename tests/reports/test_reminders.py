"""Reminders: sent once, to the right people, at the right time (the clock is passed in).

The conference is a Northshire initial conference on Wednesday 10 March 2027 at 10:00:
reports are shared by the end of Sunday 7 March (3 calendar days before) and submitted by
Monday 8 March at 17:00 (2 working days before). Reminders go 2 working days before each
deadline's date: from Thursday 4 March for both."""

import datetime as dt
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.core.management import call_command

from cpconf.conferences.models import Reminder
from cpconf.reports.reminders import send_due_reminders
from tests.report_scene import complete, save, start, submit

pytestmark = pytest.mark.django_db
LONDON = ZoneInfo("Europe/London")


def at(day: int, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime(2027, 3, day, hour, minute, tzinfo=LONDON)


@pytest.fixture
def march(scene):
    scene.conference.starts_at = at(10, 10)
    scene.conference.save()
    return scene


def sent() -> list[tuple[str, str]]:
    return sorted((message.to[0], message.subject.split(":")[0]) for message in mail.outbox)


def test_nothing_is_sent_before_the_reminding_day(march):
    assert send_due_reminders(now=at(3, 23, 59)) == 0
    assert mail.outbox == []


def test_each_invitee_is_reminded_of_each_deadline_once(march):
    assert send_due_reminders(now=at(4, 9)) == 4
    assert sent() == sorted(
        [
            (march.author.email, "Reminder"),
            (march.author.email, "Reminder"),
            (march.colleague.email, "Reminder"),
            (march.colleague.email, "Reminder"),
        ]
    )
    subjects = {m.subject for m in mail.outbox if m.to == [march.author.email]}
    assert subjects == {
        f"Reminder: share your report with the family ({march.family.case_reference})",
        f"Reminder: submit your report ({march.family.case_reference})",
    }

    assert send_due_reminders(now=at(4, 9, 15)) == 0
    assert send_due_reminders(now=at(5, 9)) == 0
    assert len(mail.outbox) == 4
    assert Reminder.objects.count() == 4


def test_who_has_shared_is_not_reminded_to_share_and_who_has_submitted_hears_nothing(march):
    report = start(march)
    save(
        report,
        "sharing",
        {
            "shared": "yes",
            "shared_on": "2027-03-01",
            "method": "in_person",
            "shared_with": "Dawn Hartwell",
            "comments": "",
            "language_support": "none",
            "not_shared_reason": "",
        },
    )
    colleague_report = complete(start(march, author=march.colleague))
    submit(colleague_report, now=at(1, 9))

    send_due_reminders(now=at(4, 9))

    assert [(m.to[0], m.subject.split(" (")[0]) for m in mail.outbox] == [
        (march.author.email, "Reminder: submit your report")
    ]


def test_the_unit_hears_once_when_a_report_becomes_late(march):
    send_due_reminders(now=at(4, 9))
    mail.outbox.clear()

    assert send_due_reminders(now=at(8, 16, 59)) == 0
    assert send_due_reminders(now=at(8, 17, 1)) == 2
    assert {m.to[0] for m in mail.outbox} == {march.unit.email}
    assert all(m.subject.startswith("Late report:") for m in mail.outbox)
    assert send_due_reminders(now=at(9, 9)) == 0


def test_moving_the_conference_brings_new_reminders_for_the_new_deadlines(march):
    send_due_reminders(now=at(4, 9))
    march.conference.starts_at = at(24, 10)
    march.conference.save()

    assert send_due_reminders(now=at(10, 9)) == 0  # too early for the new dates
    assert send_due_reminders(now=at(18, 9)) == 4


def test_the_job_runs_from_the_queue_and_from_the_command(march, monkeypatch):
    from cpconf.reports import reminders

    monkeypatch.setattr(reminders.timezone, "now", lambda: at(4, 9))
    out = StringIO()

    call_command("send_reminders", stdout=out)  # the test queue runs jobs as they are queued

    assert "Queued the reminders job" in out.getvalue()
    assert len(mail.outbox) == 4
    call_command("send_reminders", "--now", stdout=out)
    assert "Sent 0 reminders." in out.getvalue()

"""The unit's home lists each conference until it has been held and its letter issued: a
conference still to come, one held whose record is not finalised, one finalised whose letter
is not issued (or whose correction's letter is not), but not one finished, nor one cancelled."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from cpconf.conference_records import services as records
from cpconf.conferences.models import ConferenceStatus
from cpconf.home.selectors import home_page_for
from cpconf.outcomes.due_dates import outcome_due_dates
from cpconf.outcomes.services import outcome_issue
from tests.conference_records.builders import finalised
from tests.factories import ConferenceFactory, InvitationFactory

pytestmark = pytest.mark.django_db


def a_conference(scene, days_from_now: int, **fields):
    return ConferenceFactory(
        family=scene.family,
        chair=scene.chair,
        starts_at=timezone.now() + dt.timedelta(days=days_from_now),
        **fields,
    )


@pytest.fixture
def every_state(scene):
    """One conference in each state, all the unit's."""
    coming = scene.conference  # in three weeks
    held_not_finalised = a_conference(scene, -1)
    finalised_no_letter = a_conference(scene, -2)
    finalised(finalised_no_letter, scene.chair)
    finished = a_conference(scene, -3)
    outcome_issue(record_version=finalised(finished, scene.chair), actor=scene.chair, notify=False)
    corrected = a_conference(scene, -4)
    first = finalised(corrected, scene.chair)
    outcome_issue(record_version=first, actor=scene.chair, notify=False)
    record = first.record
    records.record_correct(record=record, reason="A date was wrong.", actor=scene.chair)
    records.record_finalise(record=record, actor=scene.chair)
    cancelled = a_conference(scene, -5, status=ConferenceStatus.CANCELLED)
    return {
        "coming": coming,
        "held_not_finalised": held_not_finalised,
        "finalised_no_letter": finalised_no_letter,
        "finished": finished,
        "corrected": corrected,
        "cancelled": cancelled,
    }


def test_the_unit_sees_each_conference_until_it_is_held_and_its_letter_issued(scene, every_state):
    page = home_page_for(scene.unit)

    upcoming = [item.conference for item in page.unit_conferences]
    held = [item.conference for item in page.unit_held_conferences]

    assert upcoming == [every_state["coming"]]
    assert set(held) == {
        every_state["held_not_finalised"],
        every_state["finalised_no_letter"],
        every_state["corrected"],
    }
    assert every_state["finished"] not in upcoming + held
    assert every_state["cancelled"] not in upcoming + held


def test_the_home_page_says_what_is_left_to_do_for_each_held_conference(client, scene, every_state):
    client.force_login(scene.unit)

    page = client.get(reverse("home:home")).content.decode()

    assert "Upcoming conferences" in page
    assert "Held conferences still to finish" in page
    record_url = reverse("conference_records:overview", args=[every_state["held_not_finalised"].pk])
    letter_url = reverse("outcomes:outcome", args=[every_state["finalised_no_letter"].pk])
    correction_url = reverse("outcomes:outcome", args=[every_state["corrected"].pk])
    assert f'href="{record_url}"' in page
    assert f'href="{letter_url}"' in page and f'href="{correction_url}"' in page
    assert "Finalise the record" in page
    assert "Issue the minutes and letter" in page
    finished = reverse("conferences:board", args=[every_state["finished"].pk])
    assert f'href="{finished}"' not in page


def test_a_held_conference_with_reports_outstanding_stays_on_the_board(scene):
    # The meeting happened this morning; the record is finalised; the reports that never came
    # still count, and the letter is still to go.
    conference = a_conference(scene, -1)
    InvitationFactory(conference=conference, invitee=scene.author, agency=scene.school)
    finalised(conference, scene.chair)

    page = home_page_for(scene.unit)

    (item,) = [i for i in page.unit_held_conferences if i.conference == conference]
    assert item.conference.status == ConferenceStatus.FINALISED
    assert (item.invited, item.outstanding) == (1, 1)


def held_row(page: str, conference) -> str:
    """The held list's row of one conference, as the unit reads it."""
    board = reverse("conferences:board", args=[conference.pk])
    start = page.index(f'href="{board}"')
    return page[start : page.index("</tr>", start)]


def test_each_held_conference_says_when_its_letter_and_minutes_are_due(client, scene):
    # Held five weeks ago, the record finalised, nothing issued: both are past their time.
    late = a_conference(scene, -35)
    finalised(late, scene.chair)
    # Held an hour ago: the letter is due by the next working day, the minutes later still.
    recent = ConferenceFactory(
        family=scene.family, chair=scene.chair, starts_at=timezone.now() - dt.timedelta(hours=1)
    )
    client.force_login(scene.unit)

    page = client.get(reverse("home:home")).content.decode()

    late_due, recent_due = outcome_due_dates(late), outcome_due_dates(recent)
    late_row, recent_row = held_row(page, late), held_row(page, recent)
    assert f"Letter due {late_due.letter_due:%-d %B %Y, %H:%M}" in late_row
    assert f"Minutes due {late_due.minutes_due:%-d %B %Y, %H:%M}" in late_row
    assert late_row.count("Overdue") == 2
    assert f"Letter due {recent_due.letter_due:%-d %B %Y, %H:%M}" in recent_row
    assert "Overdue" not in recent_row


def test_a_correction_waiting_for_its_letter_is_not_late_once_the_first_was_issued(
    client, scene, every_state
):
    client.force_login(scene.unit)

    page = client.get(reverse("home:home")).content.decode()

    corrected = held_row(page, every_state["corrected"])
    assert "Letter first issued" in corrected
    assert "Letter due" not in corrected
    assert "Overdue" not in held_row(page, every_state["corrected"]).split("Minutes")[0]

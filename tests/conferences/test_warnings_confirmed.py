"""Given the booking or move page has shown warnings, the unit's tick "I have read the warnings
and want to go ahead" counts for those warnings only: answers changed afterwards that draw
other warnings are shown them and asked again, with nothing booked or moved and what was typed
kept; "Book anyway" pressed without the tick says so in the error summary."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from django.utils import timezone

from cpconf.conferences.forms import CONFIRM_WARNINGS, WARNINGS_CHANGED
from cpconf.conferences.models import Conference
from tests.conferences.booking_pages import (
    booking,
    going_ahead,
    moving,
    next_weekday,
    summary,
    summary_links,
    warnings,
    warnings_shown,
    working_day,
)
from tests.factories import ConferenceFactory

pytestmark = pytest.mark.django_db
LONDON = ZoneInfo("Europe/London")


def _weekend_warning(day: dt.date) -> str:
    return f"{day:%A} {day.day} {day:%B %Y} is a weekend."


@pytest.fixture
def clash_day(scene):
    """A working day on which the scene's chair already chairs another family's conference at
    10:30, so booking them for 10:00 that day draws a warning."""
    day = working_day(scene)
    ConferenceFactory(
        family__local_authority=scene.authority,
        chair=scene.chair,
        starts_at=dt.datetime(day.year, day.month, day.day, 10, 30, tzinfo=LONDON),
    )
    return day


def _booked(scene) -> list[Conference]:
    return list(Conference.objects.filter(family=scene.family).exclude(pk=scene.conference.pk))


# --- refusals ---


def test_a_tick_for_a_chair_clash_does_not_book_a_saturday_nobody_was_warned_of(
    client, scene, clash_day
):
    client.force_login(scene.unit)
    url = reverse("conferences:book", args=[scene.family.pk])
    first = client.post(url, booking(scene, clash_day)).content.decode()
    assert "already chairs a conference at 10:30" in warnings(first)[0]
    saturday = next_weekday(5, weeks=1)

    response = client.post(url, booking(scene, saturday, place="Room 9") | going_ahead(first))

    page = response.content.decode()
    assert response.status_code == 400
    assert _booked(scene) == []
    assert warnings(page) == [_weekend_warning(saturday)]
    assert summary(page) == [WARNINGS_CHANGED]
    assert 'value="Room 9"' in page
    assert f'name="meeting_date_day" type="text" inputmode="numeric" value="{saturday.day}"' in page


def test_a_tick_posted_without_the_page_having_shown_warnings_books_nothing(client, scene):
    client.force_login(scene.unit)
    saturday = next_weekday(5, weeks=1)

    response = client.post(
        reverse("conferences:book", args=[scene.family.pk]),
        booking(scene, saturday, confirm_warnings="yes"),
    )

    assert response.status_code == 400
    assert _booked(scene) == []
    assert warnings(response.content.decode()) == [_weekend_warning(saturday)]


def test_book_anyway_without_the_tick_is_named_in_the_error_summary(client, scene):
    client.force_login(scene.unit)
    url = reverse("conferences:book", args=[scene.family.pk])
    saturday = next_weekday(5, weeks=1)
    first = client.post(url, booking(scene, saturday)).content.decode()

    response = client.post(url, booking(scene, saturday, warnings_shown=warnings_shown(first)))

    page = response.content.decode()
    assert response.status_code == 400
    assert _booked(scene) == []
    assert summary(page) == [CONFIRM_WARNINGS]
    [target] = summary_links(page)
    assert f'id="{target}" name="confirm_warnings" type="checkbox"' in page
    assert f'aria-describedby="{target}-error"' in page
    assert warnings(page) == [_weekend_warning(saturday)]


def test_a_tick_for_a_chair_clash_does_not_move_the_conference_to_a_saturday(
    client, scene, clash_day
):
    client.force_login(scene.unit)
    url = reverse("conferences:reschedule", args=[scene.conference.pk])
    before = scene.conference.starts_at
    first = client.post(url, moving(clash_day, starts_time="10:00")).content.decode()
    assert "already chairs a conference at 10:30" in warnings(first)[0]
    saturday = next_weekday(5, weeks=1)

    response = client.post(url, moving(saturday, place="Room 9") | going_ahead(first))

    page = response.content.decode()
    assert response.status_code == 400
    scene.conference.refresh_from_db()
    assert scene.conference.starts_at == before
    assert warnings(page) == [_weekend_warning(saturday)]
    assert summary(page) == [WARNINGS_CHANGED]
    assert 'value="Room 9"' in page


def test_move_anyway_without_the_tick_is_named_in_the_error_summary(client, scene):
    client.force_login(scene.unit)
    url = reverse("conferences:reschedule", args=[scene.conference.pk])
    saturday = next_weekday(5, weeks=1)
    first = client.post(url, moving(saturday)).content.decode()

    response = client.post(url, moving(saturday, warnings_shown=warnings_shown(first)))

    assert response.status_code == 400
    assert summary(response.content.decode()) == [CONFIRM_WARNINGS]
    scene.conference.refresh_from_db()
    assert timezone.localtime(scene.conference.starts_at).date() != saturday


# --- going ahead ---


def test_the_tick_books_when_the_warnings_are_the_ones_shown(client, scene, clash_day):
    client.force_login(scene.unit)
    url = reverse("conferences:book", args=[scene.family.pk])
    first = client.post(url, booking(scene, clash_day)).content.decode()

    response = client.post(url, booking(scene, clash_day) | going_ahead(first))

    [conference] = _booked(scene)
    assert response.url == reverse("conferences:detail", args=[conference.pk])
    assert timezone.localtime(conference.starts_at).date() == clash_day


def test_the_tick_moves_when_the_warnings_are_the_ones_shown(client, scene):
    client.force_login(scene.unit)
    url = reverse("conferences:reschedule", args=[scene.conference.pk])
    saturday = next_weekday(5, weeks=1)
    first = client.post(url, moving(saturday)).content.decode()

    response = client.post(url, moving(saturday) | going_ahead(first))

    assert response.status_code == 302
    scene.conference.refresh_from_db()
    assert timezone.localtime(scene.conference.starts_at).date() == saturday


def test_answers_changed_to_draw_no_warning_book_without_a_tick(client, scene):
    client.force_login(scene.unit)
    url = reverse("conferences:book", args=[scene.family.pk])
    first = client.post(url, booking(scene, next_weekday(5, weeks=1))).content.decode()
    weekday = working_day(scene)

    response = client.post(url, booking(scene, weekday, warnings_shown=warnings_shown(first)))

    assert response.status_code == 302
    [conference] = _booked(scene)
    assert timezone.localtime(conference.starts_at).date() == weekday

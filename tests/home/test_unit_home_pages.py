"""The unit's home at an authority's scale: each list a page at a time (GOV.UK pagination),
each conference's board counted by the database exactly as the board counts it, and the same
number of queries for a page of two conferences as for a page of twenty."""

import datetime as dt

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from cpconf.home.selectors import HELD_PAGE, UNIT_PAGE_SIZE, UPCOMING_PAGE, home_page_for
from cpconf.reports import received
from tests.factories import ConferenceFactory, FamilyFactory, InvitationFactory
from tests.report_scene import complete, save, start, submit

pytestmark = pytest.mark.django_db


def conferences(scene, how_many: int, *, days_from_now: int) -> list:
    """`how_many` conferences of new families in the scene's authority, a day apart."""
    made = []
    step = 1 if days_from_now > 0 else -1
    for index in range(how_many):
        family = FamilyFactory(
            local_authority=scene.authority, name=f"Family{days_from_now}{index}"
        )
        made.append(
            ConferenceFactory(
                family=family,
                chair=scene.chair,
                starts_at=timezone.now() + dt.timedelta(days=days_from_now + step * index),
            )
        )
    return made


def test_each_conferences_counts_are_those_its_board_shows(scene):
    # The author's report submitted, the colleague's shared with the family but still a
    # draft, and someone invited by email who has no account yet.
    submit(complete(start(scene)))
    draft = complete(start(scene, author=scene.colleague))
    save(draft, "sharing", {"shared": "yes", "shared_on": timezone.localdate().isoformat()})
    InvitationFactory(conference=scene.conference, invitee=None, email="new@example.org")

    (item,) = home_page_for(scene.unit).unit_conferences
    on_the_board = received.summarise(scene.conference)

    counted = (item.invited, item.outstanding, item.overdue, item.not_shared)
    assert counted == (3, 2, 0, 1)
    assert counted == (
        on_the_board.invited,
        on_the_board.outstanding,
        on_the_board.overdue,
        on_the_board.not_shared,
    )
    assert item.deadlines == on_the_board.deadlines
    assert item.statutory_due == on_the_board.statutory_due


def test_upcoming_conferences_come_a_page_at_a_time_soonest_first(scene):
    more = conferences(scene, UNIT_PAGE_SIZE + 4, days_from_now=1)
    every = sorted([scene.conference, *more], key=lambda c: (c.starts_at, c.pk))

    first = home_page_for(scene.unit)
    second = home_page_for(scene.unit, {UPCOMING_PAGE: "2"})
    beyond = home_page_for(scene.unit, {UPCOMING_PAGE: "99"})

    assert [item.conference for item in first.unit_conferences] == every[:UNIT_PAGE_SIZE]
    assert [item.conference for item in second.unit_conferences] == every[UNIT_PAGE_SIZE:]
    assert [item.conference for item in beyond.unit_conferences] == every[UNIT_PAGE_SIZE:]
    assert first.unit_conferences_page.paginator.count == len(every)


def test_held_conferences_have_their_own_pages(scene):
    held = conferences(scene, UNIT_PAGE_SIZE + 1, days_from_now=-1)
    oldest_first = sorted(held, key=lambda c: (c.starts_at, c.pk))

    page = home_page_for(scene.unit, {HELD_PAGE: "2", UPCOMING_PAGE: "1"})

    assert [item.conference for item in page.unit_held_conferences] == oldest_first[-1:]
    assert [item.conference for item in page.unit_conferences] == [scene.conference]


def test_the_page_links_to_the_next_page_and_keeps_the_other_lists_page(client, scene):
    conferences(scene, UNIT_PAGE_SIZE + 1, days_from_now=1)
    conferences(scene, UNIT_PAGE_SIZE + 1, days_from_now=-1)
    client.force_login(scene.unit)

    page = client.get(reverse("home:home"), {HELD_PAGE: "2"}).content.decode()

    assert page.count('class="govuk-pagination"') == 2
    assert 'href="?held=2&amp;upcoming=2" rel="next"' in page
    assert 'href="?held=1" rel="prev"' in page


def test_a_held_conference_shows_only_its_counts(scene):
    """The held list shows invited and outstanding: no deadline is worked out for it."""
    (conference,) = conferences(scene, 1, days_from_now=-2)
    InvitationFactory(conference=conference, invitee=scene.author, agency=scene.school)

    (item,) = home_page_for(scene.unit).unit_held_conferences

    assert (item.invited, item.outstanding) == (1, 1)
    assert "deadlines" not in vars(item)


def queries_of(user, url: str) -> int:
    client = Client()
    client.force_login(user)
    assert client.get(url).status_code == 200  # warms the per-process caches
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def with_invitees(scene, conference, how_many: int) -> None:
    from tests.performance.test_query_counts import invited_author

    for index in range(how_many):
        invited_author(scene, conference, index + 1000 * conference.pk)


def test_the_units_home_asks_as_many_queries_for_twenty_conferences_as_for_two(scene):
    url = reverse("home:home")
    for conference in [
        *conferences(scene, 1, days_from_now=3),
        *conferences(scene, 1, days_from_now=-3),
    ]:
        with_invitees(scene, conference, 2)
    two = queries_of(scene.unit, url)
    for conference in [
        *conferences(scene, 9, days_from_now=5),
        *conferences(scene, 9, days_from_now=-5),
    ]:
        with_invitees(scene, conference, 3)

    twenty = queries_of(scene.unit, url)

    assert twenty == two


def test_the_board_asks_as_many_queries_for_twenty_reports_as_for_two(scene):
    url = reverse("conferences:board", args=[scene.conference.pk])
    start(scene)
    two = queries_of(scene.chair, url)
    with_invitees(scene, scene.conference, 18)

    twenty = queries_of(scene.chair, url)

    assert twenty == two


def test_a_list_longer_than_its_count_says_so(client, scene, monkeypatch):
    monkeypatch.setattr("cpconf.home.selectors.COUNTED_CONFERENCES", UNIT_PAGE_SIZE)
    conferences(scene, 2 * UNIT_PAGE_SIZE + 3, days_from_now=-1)
    client.force_login(scene.unit)

    page = client.get(reverse("home:home")).content.decode()
    beyond = home_page_for(scene.unit, {HELD_PAGE: "2"})

    assert f"More than {UNIT_PAGE_SIZE} held conferences are still to finish" in page
    assert "conferences are booked" not in page
    # The page after the count holds a whole page, not the one conference counted past it.
    assert len(beyond.unit_held_conferences) == UNIT_PAGE_SIZE

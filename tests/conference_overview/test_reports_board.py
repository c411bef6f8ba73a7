"""The reports-received board page: the unit and the chair see each invitee's report, its
sharing and the days left; nobody else finds the page; the unit's home links to it."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from cpconf.conference_overview.views import days_left

pytestmark = pytest.mark.django_db


def test_days_left_round_up_and_go_negative_once_passed():
    now = dt.datetime(2026, 12, 1, 12, 0, tzinfo=dt.UTC)

    assert days_left(now + dt.timedelta(hours=1), now) == 1
    assert days_left(now + dt.timedelta(days=2, hours=1), now) == 3
    assert days_left(now - dt.timedelta(hours=1), now) == -1


def test_the_board_page_for_the_unit_and_the_chair_only(client, scene):
    url = reverse("conferences:board", args=[scene.conference.pk])
    for user in (scene.unit, scene.chair):
        client.force_login(user)
        page = client.get(url).content.decode()
        assert "Reports received" in page
        assert scene.author.email in page or str(scene.author) in page
        assert 'data-module="moj-sortable-table"' in page
    for user in (scene.author, scene.parent):
        client.force_login(user)
        assert client.get(url).status_code == 404


def test_invitees_see_their_deadlines_and_the_unit_its_overview_on_the_home_page(client, scene):
    from cpconf.conferences.scheduling import deadlines_for

    deadlines = deadlines_for(scene.conference)
    client.force_login(scene.author)
    page = client.get(reverse("home:home")).content.decode()
    submit_by = timezone.localtime(deadlines.submit_by)
    assert f"{submit_by.day} {submit_by:%b}, {submit_by:%H:%M}" in page

    client.force_login(scene.unit)
    page = client.get(reverse("home:home")).content.decode()
    assert reverse("conferences:board", args=[scene.conference.pk]) in page
    assert "2 of 2" in page  # both reports outstanding

"""Given the conference page, when each person opens it, then it offers the way into each
part of the conference that person may use, and no other."""

import pytest
from django.urls import reverse
from django.utils import timezone

pytestmark = pytest.mark.django_db

LINKS = {
    "record": ("conference_records:overview", "Run the conference"),
    "pack": ("packs:detail", "Conference pack"),
    "preparation": ("preparation:prepare", "Prepare for the conference"),
    "outcome": ("outcomes:outcome", "Minutes and outcome letter"),
}


def links_on_the_page(client, user, conference) -> set[str]:
    client.force_login(user)
    page = client.get(reverse("conferences:detail", args=[conference.pk])).content.decode()
    return {
        name
        for name, (url_name, _label) in LINKS.items()
        if reverse(url_name, args=[conference.pk]) in page
    }


@pytest.mark.parametrize("who", ["chair", "unit"])
def test_the_chair_and_the_unit_get_every_part(client, scene, who):
    assert links_on_the_page(client, getattr(scene, who), scene.conference) == set(LINKS)


def test_an_invited_professional_gets_the_pack_once_it_is_released(client, scene):
    assert links_on_the_page(client, scene.author, scene.conference) == set()
    scene.conference.pack_released_at = timezone.now()
    scene.conference.save()

    assert links_on_the_page(client, scene.author, scene.conference) == {"pack"}


def test_the_conference_page_and_the_homes_give_the_time_on_the_24_hour_clock(client, scene):
    starts = timezone.localtime(scene.conference.starts_at)
    client.force_login(scene.chair)

    page = client.get(reverse("conferences:detail", args=[scene.conference.pk])).content.decode()
    home = client.get(reverse("home:home")).content.decode()

    for shown in (page, home):
        assert f"{starts:%H:%M}" in shown
        assert "a.m." not in shown and "p.m." not in shown

"""The family's own report and the child's views are for the chair to bring to the meeting:
once it has started nothing more is taken, the page says why in plain words and keeps what
was typed, and the meeting's page no longer offers to send them. What was sent before stays
on the page to read."""

import pytest
from django.urls import reverse
from django.utils import timezone

from cpconf.portal.forms import CHOOSE_CHILD, HIDDEN_CHARACTER, MEETING_STARTED
from cpconf.portal.models import ChildView, ParentsReport
from cpconf.portal.services import MeetingHasStarted, child_view_add, parents_report_send
from tests.factories import ChildFactory
from tests.portal.conftest import page_text, past

pytestmark = pytest.mark.django_db

WORDS = "We have kept every appointment since the last meeting."


def send_report(client, conference, text=WORDS):
    return client.post(
        reverse("portal:our_views", args=[conference.pk]),
        {"which": "report", "report-kind": "report", "report-text": text},
    )


def send_views(client, conference, child="", text="Lily wants to stay at her school."):
    return client.post(
        reverse("portal:our_views", args=[conference.pk]),
        {"which": "child", "child-child": child, "child-text": text},
    )


def test_a_report_sent_after_the_meeting_is_refused_and_the_words_kept(client, portal):
    conference = past(portal.scene.conference)
    client.force_login(portal.scene.parent)

    response = send_report(client, conference)

    assert response.status_code == 400
    page = page_text(response)
    assert str(MEETING_STARTED) in page
    assert WORDS in page
    assert "We have sent your report to the chair" not in page
    assert not ParentsReport.objects.exists()


def test_a_childs_views_sent_after_the_meeting_are_refused_and_kept(client, portal):
    conference = past(portal.scene.conference)
    client.force_login(portal.scene.parent)

    response = send_views(client, conference)

    assert response.status_code == 400
    page = page_text(response)
    assert str(MEETING_STARTED) in page
    assert "Lily wants to stay at her school." in page
    assert not ChildView.objects.exists()


def test_a_meeting_under_way_takes_nothing_more(client, portal):
    conference = portal.scene.conference
    conference.starts_at = timezone.now()
    conference.save(update_fields=["starts_at"])
    client.force_login(portal.scene.parent)

    response = send_report(client, conference)

    assert response.status_code == 400
    assert not ParentsReport.objects.exists()


def test_after_the_meeting_the_page_shows_what_was_sent_and_no_form(client, portal):
    conference = portal.scene.conference
    client.force_login(portal.scene.parent)
    send_report(client, conference)
    past(conference)

    page = page_text(client.get(reverse("portal:our_views", args=[conference.pk])))

    assert WORDS in page
    assert "This meeting has already happened" in page
    assert "Send to the chair" not in page
    assert "Send my child&#x27;s views" not in page and "Send my child's views" not in page


def test_the_meeting_page_offers_our_views_only_before_the_meeting(client, portal):
    conference = portal.scene.conference
    url = reverse("portal:conference", args=[conference.pk])
    client.force_login(portal.scene.parent)

    before = page_text(client.get(url))
    past(conference)
    after = page_text(client.get(url))

    assert "Send our views" in before
    assert "Send our views" not in after
    assert "you cannot send your views for it any more" in after


def test_the_services_refuse_once_the_meeting_has_started(portal):
    conference = past(portal.scene.conference)

    with pytest.raises(MeetingHasStarted):
        parents_report_send(member=portal.member, conference=conference, kind="report", text=WORDS)
    with pytest.raises(MeetingHasStarted):
        child_view_add(
            member=portal.member, conference=conference, child=None, text=WORDS, upload=None
        )
    assert not ParentsReport.objects.exists() and not ChildView.objects.exists()


def test_another_familys_child_is_refused_in_plain_words(client, portal):
    stranger = ChildFactory(family=portal.other_conference.family, given_name="Zebedee")
    client.force_login(portal.scene.parent)

    response = send_views(client, portal.scene.conference, child=str(stranger.pk))

    assert response.status_code == 400
    page = page_text(response)
    assert str(CHOOSE_CHILD) in page
    assert "Select a valid choice" not in page
    assert stranger.given_name not in page
    assert not ChildView.objects.exists()


def test_a_hidden_character_in_the_familys_report_is_refused_in_plain_words(client, portal):
    client.force_login(portal.scene.parent)

    response = send_report(client, portal.scene.conference, text="We agree\x00 with the plan.")

    assert response.status_code == 400
    page = page_text(response)
    assert str(HIDDEN_CHARACTER) in page
    assert "Null characters" not in page
    assert not ParentsReport.objects.exists()

"""The outcome letter and plan once issued, the right to appeal, and feedback afterwards."""

import pytest
from django.urls import NoReverseMatch, reverse

from cpconf.audit.models import AuditEvent
from cpconf.portal.forms import CHOOSE_ANSWER, FEEDBACK_ALREADY_SENT
from cpconf.portal.models import ConferenceFeedback
from cpconf.portal.services import FeedbackAlreadySent, MeetingNotHeldYet, feedback_send
from tests.portal.conftest import page_text, past
from tests.portal.factories import issued_letter

pytestmark = pytest.mark.django_db


def test_the_letter_shows_the_decision_the_plan_and_how_to_appeal(client, portal):
    letter = issued_letter(past(portal.scene.conference))
    client.force_login(portal.scene.parent)

    meeting = page_text(client.get(reverse("portal:conference", args=[portal.scene.conference.pk])))
    response = client.get(reverse("portal:letter", args=[letter.pk]))

    text = page_text(response)
    assert reverse("portal:letter", args=[letter.pk]) in meeting
    assert "Lily and Noah still need a plan." in text
    assert "School will check in with Lily every week." in text
    assert "How to appeal or complain" in text
    assert "10 working days" in text
    assert "qarss@northshire.example" in text
    event = AuditEvent.objects.filter(action="portal_letter_viewed").latest("sequence")
    assert (event.family_id, event.object_id) == (portal.scene.family.pk, str(letter.pk))


def test_the_letter_links_to_its_download_once_that_exists(client, portal):
    letter = issued_letter(past(portal.scene.conference))
    client.force_login(portal.scene.parent)

    text = page_text(client.get(reverse("portal:letter", args=[letter.pk])))

    try:
        url = reverse("outcomes:letter_download", args=[letter.pk, "pdf"])
    except NoReverseMatch:
        assert "Download the letter" not in text
    else:
        assert url in text


def test_another_familys_letter_is_not_found(client, portal):
    letter = issued_letter(past(portal.other_conference))
    client.force_login(portal.scene.parent)

    assert client.get(reverse("portal:letter", args=[letter.pk])).status_code == 404


def test_feedback_after_the_meeting_is_kept_once(client, portal):
    conference = past(portal.scene.conference)
    client.force_login(portal.scene.parent)
    url = reverse("portal:feedback", args=[conference.pk])
    answers = {
        "understood": "yes",
        "listened_to": "partly",
        "reports_in_time": "no",
        "better": "Send reports sooner.",
    }

    first = client.post(url, answers)
    second = client.post(url, answers | {"better": "Again"})

    assert first.status_code == 302
    assert second.status_code == 200
    assert str(FEEDBACK_ALREADY_SENT) in page_text(second)
    feedback = ConferenceFeedback.objects.get()
    assert (feedback.listened_to, feedback.better) == ("partly", "Send reports sooner.")
    assert AuditEvent.objects.filter(action="portal_feedback_sent").count() == 1


def test_feedback_missing_an_answer_names_it_and_keeps_the_rest(client, portal):
    conference = past(portal.scene.conference)
    client.force_login(portal.scene.parent)

    response = client.post(
        reverse("portal:feedback", args=[conference.pk]),
        {"understood": "yes", "better": "Kind chair."},
    )

    text = page_text(response)
    assert response.status_code == 400
    assert str(CHOOSE_ANSWER) in text
    assert "Kind chair." in text
    assert not ConferenceFeedback.objects.exists()


def test_no_feedback_before_the_meeting(client, portal):
    client.force_login(portal.scene.parent)

    response = client.post(
        reverse("portal:feedback", args=[portal.scene.conference.pk]),
        {"understood": "yes", "listened_to": "yes", "reports_in_time": "yes"},
    )

    assert response.status_code == 200
    assert not ConferenceFeedback.objects.exists()


ANSWERS = {"understood": "yes", "listened_to": "yes", "reports_in_time": "yes", "better": ""}


def test_feedback_sent_again_is_refused_by_the_service_not_the_database(portal):
    conference = past(portal.scene.conference)
    feedback_send(member=portal.member, conference=conference, **ANSWERS)

    with pytest.raises(FeedbackAlreadySent):
        feedback_send(member=portal.member, conference=conference, **ANSWERS)

    assert ConferenceFeedback.objects.count() == 1


def test_feedback_before_the_meeting_is_refused_by_the_service(portal):
    with pytest.raises(MeetingNotHeldYet):
        feedback_send(member=portal.member, conference=portal.scene.conference, **ANSWERS)

    assert not ConferenceFeedback.objects.exists()


def test_a_hidden_character_in_feedback_is_refused_in_plain_words(client, portal):
    conference = past(portal.scene.conference)
    client.force_login(portal.scene.parent)

    response = client.post(
        reverse("portal:feedback", args=[conference.pk]), ANSWERS | {"better": "More\x00 time"}
    )

    assert response.status_code == 400
    assert "Null characters" not in page_text(response)
    assert not ConferenceFeedback.objects.exists()

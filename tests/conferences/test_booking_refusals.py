"""Given the unit books a conference, when an answer cannot be right, then it is refused with a
message naming the field, nothing is booked and what was typed is kept: an initial conference
(of any initial type the policy has) needs its strategy discussion's date, a chair or previous
conference must come from the page's own list, and the family cannot have two conferences at
the same moment."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from django.utils import timezone

from cpconf.accounts.models import Role
from cpconf.conferences import services
from cpconf.conferences.forms import (
    CHAIR_FROM_LIST,
    ENTER_STRATEGY_DISCUSSION,
    MEETING_TYPE_FROM_LIST,
    PREVIOUS_FROM_LIST,
)
from cpconf.conferences.models import Conference, ConferenceStatus
from tests.conferences.booking_pages import (
    booking,
    moving,
    summary,
    summary_links,
    working_day,
)
from tests.factories import ConferenceFactory, FamilyFactory, user_with_role

pytestmark = pytest.mark.django_db
LONDON = ZoneInfo("Europe/London")

NO_STRATEGY_DISCUSSION = {
    "strategy_discussion_day": "",
    "strategy_discussion_month": "",
    "strategy_discussion_year": "",
}


def _post(client, scene, answers):
    client.force_login(scene.unit)
    return client.post(reverse("conferences:book", args=[scene.family.pk]), answers)


def _booked(scene) -> int:
    return Conference.objects.filter(family=scene.family).exclude(pk=scene.conference.pk).count()


@pytest.mark.parametrize("meeting_type", ["initial", "safer_me_plus_initial"])
def test_an_initial_conference_without_its_strategy_discussion_is_refused(
    client, scene, meeting_type
):
    day = working_day(scene)

    response = _post(
        client, scene, booking(scene, day, meeting_type=meeting_type) | NO_STRATEGY_DISCUSSION
    )

    page = response.content.decode()
    assert response.status_code == 400
    assert summary(page) == [ENTER_STRATEGY_DISCUSSION.format(days=15)]
    assert summary_links(page) == ["id_strategy_discussion_day"]
    assert 'value="Civic Centre, Room 4"' in page
    assert _booked(scene) == 0


def test_a_review_needs_no_strategy_discussion(client, scene):
    day = working_day(scene, weeks=4)

    response = _post(
        client,
        scene,
        booking(scene, day, meeting_type="review", previous=scene.conference.pk)
        | NO_STRATEGY_DISCUSSION,
    )

    assert response.status_code == 302
    assert _booked(scene) == 1


def test_a_chair_who_is_not_a_chair_here_is_refused_by_name(client, scene):
    response = _post(client, scene, booking(scene, working_day(scene), chair=scene.unit.pk))

    assert summary(response.content.decode()) == [CHAIR_FROM_LIST]
    assert _booked(scene) == 0


def test_a_chair_of_another_authority_is_refused_by_name(client, scene):
    elsewhere = user_with_role(Role.CHAIR, FamilyFactory().local_authority)

    response = _post(client, scene, booking(scene, working_day(scene), chair=elsewhere.pk))

    assert summary(response.content.decode()) == [CHAIR_FROM_LIST]


@pytest.mark.parametrize("whose", ["another family's here", "another authority's"])
def test_a_previous_conference_not_of_this_family_is_refused_by_name(client, scene, whose):
    if whose == "another family's here":
        other = ConferenceFactory(family__local_authority=scene.authority)
    else:
        other = ConferenceFactory()
    answers = booking(scene, working_day(scene, weeks=4), meeting_type="review", previous=other.pk)

    response = _post(client, scene, answers)

    assert summary(response.content.decode()) == [PREVIOUS_FROM_LIST]
    assert _booked(scene) == 0


def test_a_type_of_conference_the_policy_does_not_have_is_refused_by_name(client, scene):
    response = _post(client, scene, booking(scene, working_day(scene), meeting_type="x"))

    assert summary(response.content.decode()) == [MEETING_TYPE_FROM_LIST]


def test_a_second_conference_for_the_family_at_the_same_moment_is_refused(client, scene):
    day = working_day(scene)
    _post(client, scene, booking(scene, day))
    [booked] = Conference.objects.filter(family=scene.family).exclude(pk=scene.conference.pk)

    response = _post(client, scene, booking(scene, day, place="Room 9"))

    page = response.content.decode()
    assert response.status_code == 400
    assert summary(page) == [services.already_booked_message(booked)]
    assert 'value="Room 9"' in page
    assert _booked(scene) == 1


def test_the_service_refuses_a_second_conference_for_the_family_at_the_same_moment(scene):
    starts_at = scene.conference.starts_at

    with pytest.raises(services.ConferenceAlreadyBooked) as refused:
        services.conference_book(
            family=scene.family,
            meeting_type="initial",
            starts_at=starts_at,
            chair=scene.chair,
            place="Civic Centre",
            strategy_discussion_on=timezone.localdate(),
            booked_by=scene.unit,
        )

    assert refused.value.conference == scene.conference
    assert Conference.objects.filter(family=scene.family).count() == 1


def test_a_cancelled_conference_does_not_hold_its_time(scene):
    scene.conference.status = ConferenceStatus.CANCELLED
    scene.conference.save()

    booked = services.conference_book(
        family=scene.family,
        meeting_type="initial",
        starts_at=scene.conference.starts_at,
        chair=scene.chair,
        place="Civic Centre",
        strategy_discussion_on=timezone.localdate() - dt.timedelta(days=1),
        booked_by=scene.unit,
    )

    assert booked.starts_at == scene.conference.starts_at


def test_moving_onto_the_familys_other_conference_is_refused(client, scene):
    day = working_day(scene, weeks=4)
    other = ConferenceFactory(
        family=scene.family,
        chair=scene.chair,
        starts_at=dt.datetime(day.year, day.month, day.day, 13, 30, tzinfo=LONDON),
    )
    before = scene.conference.starts_at
    client.force_login(scene.unit)

    response = client.post(
        reverse("conferences:reschedule", args=[scene.conference.pk]),
        moving(day),
    )

    assert response.status_code == 400
    assert summary(response.content.decode()) == [services.already_booked_message(other)]
    scene.conference.refresh_from_db()
    assert scene.conference.starts_at == before

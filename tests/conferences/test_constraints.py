"""The database itself refuses conferences that break the journey's rules."""

import pytest
from django.db import IntegrityError, transaction

from cpconf.conferences.models import Stage
from tests.factories import ConferenceFactory, FamilyFactory, InvitationFactory

pytestmark = pytest.mark.django_db


def test_a_review_without_a_previous_conference_is_refused():
    with pytest.raises(IntegrityError), transaction.atomic():
        ConferenceFactory(meeting_type="review", stage=Stage.REVIEW, previous=None)


def test_a_review_following_the_same_familys_conference_is_accepted():
    initial = ConferenceFactory()
    review = ConferenceFactory(
        family=initial.family, meeting_type="review", stage=Stage.REVIEW, previous=initial
    )
    assert review.previous == initial


def test_a_review_following_another_familys_conference_is_refused():
    other_familys = ConferenceFactory()
    family = FamilyFactory(local_authority=other_familys.family.local_authority)
    with pytest.raises(IntegrityError), transaction.atomic():
        ConferenceFactory(
            family=family, meeting_type="review", stage=Stage.REVIEW, previous=other_familys
        )


def test_moving_a_review_to_another_family_is_refused():
    initial = ConferenceFactory()
    review = ConferenceFactory(
        family=initial.family, meeting_type="review", stage=Stage.REVIEW, previous=initial
    )
    review.family = FamilyFactory(local_authority=initial.family.local_authority)
    with pytest.raises(IntegrityError), transaction.atomic():
        review.save()


def test_a_conference_with_neither_place_nor_link_is_refused():
    with pytest.raises(IntegrityError), transaction.atomic():
        ConferenceFactory(place="", virtual_link="")


def test_the_same_person_cannot_be_invited_twice():
    invitation = InvitationFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        InvitationFactory(
            conference=invitation.conference, invitee=invitation.invitee, email=invitation.email
        )

"""Given the unit invites someone to a conference, when the invitation cannot be right, then it
is refused with a message naming the field and nothing is sent: someone already invited, an
existing account invited for an agency they do not work for, an agency not on the list, or a
conference whose record is finalised or which is cancelled (whose board would otherwise show a
report outstanding, and soon overdue, for a meeting already held)."""

import pytest
from django.core import mail
from django.urls import reverse

from cpconf.accounts.models import Role
from cpconf.conferences import services
from cpconf.conferences.forms import AGENCY_FROM_LIST, ATTENDANCE_FROM_LIST
from cpconf.conferences.models import ConferenceStatus, Invitation
from cpconf.organisations.models import AgencyKind
from tests.conferences.booking_pages import summary
from tests.factories import AgencyFactory, user_with_role

pytestmark = pytest.mark.django_db


@pytest.fixture
def social_worker(scene):
    """Joanne Pritchard, a social worker at the authority's Children's Social Care."""
    social_care = AgencyFactory(
        local_authority=scene.authority,
        name="Children's Social Care",
        kind=AgencyKind.SOCIAL_CARE,
    )
    return user_with_role(
        Role.SOCIAL_WORKER,
        scene.authority,
        agency=social_care,
        email="joanne.pritchard@northshire.example",
        first_name="Joanne",
        last_name="Pritchard",
    )


def _invite(client, scene, conference=None, **answers):
    client.force_login(scene.unit)
    conference = conference or scene.conference
    return client.post(reverse("conferences:invite", args=[conference.pk]), answers)


def _invited(conference) -> set[str]:
    return set(conference.invitations.values_list("email", flat=True))


# --- the agency must be the invitee's own ---


def test_an_existing_social_worker_invited_for_a_school_is_refused_naming_the_agency(
    client, scene, social_worker
):
    before = _invited(scene.conference)

    response = _invite(client, scene, agency=scene.school.pk, email=social_worker.email)

    assert response.status_code == 400
    assert summary(response.content.decode()) == [
        services.AGENCY_NOT_THEIRS.format(
            email=social_worker.email, theirs="Children's Social Care", chosen="Alder Primary"
        )
    ]
    assert _invited(scene.conference) == before
    assert not mail.outbox


def test_an_existing_social_worker_invited_for_their_own_agency_is_invited(
    client, scene, social_worker
):
    agency = social_worker.role_assignments.get().agency

    response = _invite(client, scene, agency=agency.pk, email=social_worker.email)

    assert response.status_code == 302
    assert scene.conference.invitations.get(email=social_worker.email).invitee == social_worker


def test_the_service_refuses_an_agency_the_invitee_does_not_work_for(scene, social_worker):
    with pytest.raises(services.InvitationRefused) as refused:
        services.invitation_add(
            conference=scene.conference,
            agency=scene.school,
            email=social_worker.email,
            invitee=social_worker,
            actor=scene.unit,
        )

    assert [field for field, _message in refused.value.problems] == ["agency"]


def test_an_agency_not_on_the_list_is_refused_by_name(client, scene):
    elsewhere = AgencyFactory()

    response = _invite(client, scene, agency=elsewhere.pk, email="someone@school.example")

    assert summary(response.content.decode()) == [AGENCY_FROM_LIST]


# --- one invitation per person ---


def test_inviting_someone_already_invited_is_refused_and_not_a_server_error(scene):
    with pytest.raises(services.InvitationRefused) as refused:
        services.invitation_add(
            conference=scene.conference,
            agency=scene.school,
            email=scene.author.email.upper(),
            invitee=scene.author,
            actor=scene.unit,
        )

    assert refused.value.problems == [
        ("email", services.ALREADY_INVITED.format(email=scene.author.email))
    ]
    assert Invitation.objects.filter(email=scene.author.email).count() == 1


# --- only while the conference is open ---


@pytest.mark.parametrize(
    ("status", "message"),
    [
        (ConferenceStatus.FINALISED, services.FINALISED_NO_INVITATIONS),
        (ConferenceStatus.CANCELLED, services.CANCELLED_NO_INVITATIONS),
    ],
)
def test_nobody_is_invited_to_a_finalised_or_cancelled_conference(client, scene, status, message):
    scene.conference.status = status
    scene.conference.save()
    before = _invited(scene.conference)
    newcomer = user_with_role(Role.PROFESSIONAL, scene.authority)
    agency = newcomer.role_assignments.get().agency

    posted = _invite(client, scene, agency=agency.pk, email=newcomer.email)
    board = client.get(posted.url).content.decode()
    page = client.get(reverse("conferences:invite", args=[scene.conference.pk]))

    assert posted.url == reverse("conferences:board", args=[scene.conference.pk])
    assert message in board
    assert reverse("conferences:invite", args=[scene.conference.pk]) not in board
    assert page.status_code == 302
    assert _invited(scene.conference) == before
    assert not mail.outbox


@pytest.mark.parametrize("status", [ConferenceStatus.FINALISED, ConferenceStatus.CANCELLED])
def test_the_service_invites_nobody_to_a_finalised_or_cancelled_conference(scene, status):
    scene.conference.status = status
    scene.conference.save()

    with pytest.raises(services.InvitationsClosed):
        services.invitation_add(
            conference=scene.conference,
            agency=scene.school,
            email="new.person@school.example",
            actor=scene.unit,
        )

    assert not scene.conference.invitations.filter(email="new.person@school.example").exists()


def test_the_conference_page_offers_no_invitation_once_the_record_is_finalised(client, scene):
    scene.conference.status = ConferenceStatus.FINALISED
    scene.conference.save()
    client.force_login(scene.unit)

    page = client.get(reverse("conferences:detail", args=[scene.conference.pk])).content.decode()

    assert reverse("conferences:invite", args=[scene.conference.pk]) not in page


# --- attendance ---


def test_an_attendance_not_on_the_list_is_refused_by_name(client, scene):
    invitation = scene.conference.invitations.get(invitee=scene.author)
    client.force_login(scene.unit)

    response = client.post(
        reverse("conferences:attendance", args=[scene.conference.pk, invitation.pk]),
        {"attendance": "maybe"},
    )

    assert summary(response.content.decode()) == [ATTENDANCE_FROM_LIST]


def test_a_disabled_account_is_not_invited(client, scene, social_worker):
    social_worker.is_active = False
    social_worker.save()
    agency = social_worker.role_assignments.get().agency
    before = _invited(scene.conference)

    response = _invite(client, scene, agency=agency.pk, email=social_worker.email)

    assert response.status_code == 400
    message = services.ACCOUNT_DISABLED.format(email=social_worker.email)
    assert message.replace("'", "&#x27;") in response.content.decode()
    assert _invited(scene.conference) == before
    assert not mail.outbox

"""The unit sets up its authority's staff: lists them with their roles and agency, invites
someone new (a one-time link to set up their account), changes their roles here, disables
and re-enables an account, and resets a lost second factor with a reason. It sees and
changes only roles in its own authority, and can never leave the authority without a unit
administrator."""

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from cpconf.accounts.invitations import needs_set_up
from cpconf.accounts.models import Role, RoleAssignment, User, UserSession
from cpconf.audit.models import Outcome
from cpconf.organisations import forms
from cpconf.organisations.models import SecondFactorReset
from cpconf.organisations.staff_accounts import LAST_UNIT_ADMINISTRATOR, WORKS_FOR_ANOTHER_AUTHORITY
from cpconf.organisations.views.staff import (
    ACCOUNT_DISABLED,
    ACCOUNT_ENABLED,
    ROLES_CHANGED,
    SECOND_FACTOR_RESET,
    STAFF_INVITED,
)
from tests.factories import AgencyFactory, user_with_role
from tests.organisations.setting_up import (
    error_summary,
    last_event,
    page_text,
    two_authorities,
    url,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def la():
    return two_authorities()


@pytest.fixture
def unit(client, la):
    client.force_login(la.unit)
    return la.unit


@pytest.fixture
def school(la):
    return AgencyFactory(local_authority=la.north, name="Brookfield Primary School")


def signed_in(user: User) -> Client:
    """Another browser, signed in as `user` (so they hold a session that can be ended)."""
    browser = Client()
    browser.force_login(user)
    return browser


def roles_here(user: User, authority) -> dict[str, object]:
    return {
        a.role: a.agency
        for a in RoleAssignment.objects.filter(user=user, local_authority=authority)
    }


# Listing


def test_the_unit_lists_its_staff_with_roles_and_agency_and_only_its_own(client, la, unit, school):
    user_with_role(
        Role.PROFESSIONAL, la.north, agency=school, first_name="Rachel", last_name="Whitmore"
    )
    both = user_with_role(Role.CHAIR, la.north, first_name="Fiona", last_name="MacLeod")
    RoleAssignment.objects.create(user=both, local_authority=la.south, role=Role.AUDITOR)
    user_with_role(Role.FAMILY_MEMBER, la.north, first_name="Kelly", last_name="Ashdown")
    user_with_role(Role.CHAIR, la.south, first_name="Owen", last_name="Prescott")

    response = client.get(url("staff", la.north))

    text = page_text(response)
    assert response.status_code == 200
    assert "Rachel Whitmore" in text and "Professional Brookfield Primary School" in text
    assert "Fiona MacLeod" in text
    assert "Auditor" not in text  # her role in the other authority
    assert "Kelly Ashdown" not in text  # family members are not staff
    assert "Owen Prescott" not in text
    assert last_event("staff_listed").local_authority_id == la.north.pk


# Inviting


def invitation(**changes: object) -> dict[str, object]:
    return {
        "email": "Gemma.Hartley@North.example",
        "first_name": "Gemma",
        "last_name": "Hartley",
        "job_title": "Health visitor",
        "roles": [Role.PROFESSIONAL],
        "agency": "",
    } | changes


def test_inviting_a_professional_checks_the_answers_then_sends_a_set_up_link(
    client, la, unit, school, django_capture_on_commit_callbacks
):
    typed = client.post(url("staff_invite", la.north), invitation(agency=school.pk))
    check = client.get(url("staff_invite_check", la.north))
    with django_capture_on_commit_callbacks(execute=True):
        created = client.post(url("staff_invite_check", la.north))

    assert (typed.status_code, typed.url) == (302, url("staff_invite_check", la.north))
    check_text = page_text(check)
    assert "Check the details before you invite them" in check_text
    assert "gemma.hartley@north.example" in check_text
    assert "Professional" in check_text and "Brookfield Primary School" in check_text
    assert created.status_code == 302
    person = User.objects.get(email="gemma.hartley@north.example")
    assert (person.first_name, person.last_name, person.job_title) == (
        "Gemma",
        "Hartley",
        "Health visitor",
    )
    assert needs_set_up(person)
    assert roles_here(person, la.north) == {Role.PROFESSIONAL: school}
    assert str(STAFF_INVITED) % {"email": person.email} in page_text(client.get(created.url))
    [email] = mail.outbox
    assert email.to == [person.email]
    assert "/account/set-up/" in email.body and "authenticator app" in email.body
    event = last_event("staff_invited")
    assert (event.actor, event.object_id, event.local_authority_id) == (
        unit,
        str(person.pk),
        la.north.pk,
    )


def test_a_chair_unit_administrator_or_auditor_needs_no_agency(client, la, unit):
    roles = [Role.CHAIR, Role.UNIT_ADMINISTRATOR, Role.AUDITOR]
    client.post(url("staff_invite", la.north), invitation(roles=roles))
    client.post(url("staff_invite_check", la.north))

    person = User.objects.get(email="gemma.hartley@north.example")
    assert roles_here(person, la.north) == dict.fromkeys(roles)


@pytest.mark.parametrize("role", [Role.PROFESSIONAL, Role.SOCIAL_WORKER])
def test_a_professional_or_social_worker_needs_an_agency(client, la, unit, school, role):
    response = client.post(url("staff_invite", la.north), invitation(roles=[role, Role.CHAIR]))

    assert response.status_code == 400
    assert str(forms.AGENCY_NEEDED) in error_summary(response)
    assert 'value="Gemma"' in response.content.decode()  # what was typed is kept
    assert not User.objects.filter(email="gemma.hartley@north.example").exists()


def test_someone_needs_at_least_one_role(client, la, unit):
    response = client.post(url("staff_invite", la.north), invitation(roles=[]))

    assert response.status_code == 400
    assert str(forms.CHOOSE_A_ROLE) in error_summary(response)


def test_an_email_address_with_an_account_is_not_invited_again(client, la, unit):
    user_with_role(Role.CHAIR, la.south, email="gemma.hartley@north.example")

    response = client.post(url("staff_invite", la.north), invitation(roles=[Role.CHAIR]))

    assert response.status_code == 400
    assert str(forms.ACCOUNT_EXISTS) in error_summary(response)


def test_the_check_page_with_nothing_typed_goes_back_to_the_form(client, la, unit):
    response = client.post(url("staff_invite_check", la.north))

    assert (response.status_code, response.url) == (302, url("staff_invite", la.north))
    assert not mail.outbox


def test_a_retired_agency_is_refused_when_posted(client, la, unit):
    retired = AgencyFactory(local_authority=la.north, retired_at="2026-01-01T00:00Z")

    response = client.post(url("staff_invite", la.north), invitation(agency=retired.pk))

    assert response.status_code == 400
    assert str(forms.CHOOSE_AN_AGENCY_OFFERED) in error_summary(response)


# Changing roles


def test_the_unit_changes_someones_roles_here_and_nowhere_else(client, la, unit, school):
    person = user_with_role(Role.PROFESSIONAL, la.north, agency=school)
    RoleAssignment.objects.create(user=person, local_authority=la.north, role=Role.FAMILY_MEMBER)
    RoleAssignment.objects.create(user=person, local_authority=la.south, role=Role.CHAIR)
    police = AgencyFactory(local_authority=la.north, name="Northshire Police")

    page = client.get(url("staff_roles", la.north, person.pk))
    response = client.post(
        url("staff_roles", la.north, person.pk),
        {"roles": [Role.SOCIAL_WORKER, Role.CHAIR], "agency": police.pk},
    )

    assert page.status_code == 200
    assert response.status_code == 302
    assert roles_here(person, la.north) == {
        Role.SOCIAL_WORKER: police,
        Role.CHAIR: None,
        Role.FAMILY_MEMBER: None,  # not a staff role: left alone
    }
    assert roles_here(person, la.south) == {Role.CHAIR: None}
    assert str(ROLES_CHANGED) in page_text(client.get(response.url))
    event = last_event("staff_roles_changed")
    assert (event.object_id, event.local_authority_id) == (str(person.pk), la.north.pk)


def test_changing_roles_keeps_a_retired_agency_someone_already_has(client, la, unit):
    retired = AgencyFactory(
        local_authority=la.north, name="Old Surgery", retired_at="2026-01-01T00:00Z"
    )
    person = user_with_role(Role.PROFESSIONAL, la.north, agency=retired)

    response = client.post(
        url("staff_roles", la.north, person.pk),
        {"roles": [Role.PROFESSIONAL, Role.CHAIR], "agency": retired.pk},
    )

    assert response.status_code == 302
    assert roles_here(person, la.north) == {Role.PROFESSIONAL: retired, Role.CHAIR: None}


def test_a_professional_role_given_without_an_agency_is_refused(client, la, unit):
    person = user_with_role(Role.CHAIR, la.north)

    response = client.post(url("staff_roles", la.north, person.pk), {"roles": [Role.PROFESSIONAL]})

    assert response.status_code == 400
    assert str(forms.AGENCY_NEEDED) in error_summary(response)
    assert roles_here(person, la.north) == {Role.CHAIR: None}


def test_the_unit_cannot_remove_its_own_last_unit_administrator_role(client, la, unit):
    response = client.post(url("staff_roles", la.north, unit.pk), {"roles": [Role.CHAIR]})

    assert response.status_code == 400
    assert str(LAST_UNIT_ADMINISTRATOR) in error_summary(response)
    assert roles_here(unit, la.north) == {Role.UNIT_ADMINISTRATOR: None}


def test_with_another_unit_administrator_the_role_can_be_given_up(client, la, unit):
    user_with_role(Role.UNIT_ADMINISTRATOR, la.north)

    response = client.post(url("staff_roles", la.north, unit.pk), {"roles": [Role.CHAIR]})

    assert response.status_code == 302
    assert roles_here(unit, la.north) == {Role.CHAIR: None}


# Disabling and enabling


def test_disabling_an_account_ends_its_sessions_everywhere_and_enabling_restores_it(
    client, la, unit, school
):
    person = user_with_role(Role.PROFESSIONAL, la.north, agency=school)
    their_browser = signed_in(person)
    assert UserSession.objects.filter(user=person).exists()

    confirm = client.get(url("staff_disable", la.north, person.pk))
    disabled = client.post(url("staff_disable", la.north, person.pk))

    person.refresh_from_db()
    assert confirm.status_code == 200
    assert "signed out" in page_text(confirm)
    assert disabled.status_code == 302
    assert not person.is_active
    assert not UserSession.objects.filter(user=person).exists()
    assert their_browser.get(reverse("home:home")).status_code == 302
    assert str(ACCOUNT_DISABLED) % {"name": person.get_full_name()} in page_text(
        client.get(disabled.url)
    )
    event = last_event("account_disabled")
    assert (event.actor, event.object_id, event.outcome) == (unit, str(person.pk), Outcome.SUCCESS)
    assert "Disabled" in page_text(client.get(url("staff", la.north)))

    enabled = client.post(url("staff_enable", la.north, person.pk))

    person.refresh_from_db()
    assert enabled.status_code == 302
    assert person.is_active
    assert roles_here(person, la.north) == {Role.PROFESSIONAL: school}
    assert str(ACCOUNT_ENABLED) % {"name": person.get_full_name()} in page_text(
        client.get(enabled.url)
    )
    assert last_event("account_enabled").object_id == str(person.pk)


def test_the_last_unit_administrator_cannot_disable_their_own_account(client, la, unit):
    response = client.post(url("staff_disable", la.north, unit.pk))

    unit.refresh_from_db()
    assert response.status_code == 400
    assert str(LAST_UNIT_ADMINISTRATOR) in error_summary(response)
    assert unit.is_active
    assert not last_event("account_disabled")


def test_the_last_unit_administrator_cannot_be_disabled_by_a_disabled_colleagues_return(
    client, la, unit
):
    """A disabled unit administrator does not count: the authority still has only one."""
    colleague = user_with_role(Role.UNIT_ADMINISTRATOR, la.north, is_active=False)

    response = client.post(url("staff_disable", la.north, unit.pk))

    assert response.status_code == 400
    unit.refresh_from_db()
    colleague.refresh_from_db()
    assert unit.is_active and not colleague.is_active


def test_an_account_used_in_another_authority_is_not_disabled_from_here(client, la, unit):
    person = user_with_role(Role.CHAIR, la.north)
    RoleAssignment.objects.create(user=person, local_authority=la.south, role=Role.CHAIR)

    response = client.post(url("staff_disable", la.north, person.pk))

    person.refresh_from_db()
    assert response.status_code == 400
    assert str(WORKS_FOR_ANOTHER_AUTHORITY) in error_summary(response)
    assert person.is_active


# Resetting the second factor


def test_resetting_a_second_factor_needs_a_reason(client, la, unit):
    person = user_with_role(Role.CHAIR, la.north)
    TOTPDevice.objects.create(user=person, name="Authenticator app", confirmed=True)

    response = client.post(url("staff_second_factor_reset", la.north, person.pk), {"reason": ""})

    assert response.status_code == 400
    assert str(forms.ENTER_RESET_REASON) in error_summary(response)
    assert TOTPDevice.objects.filter(user=person).exists()


def test_resetting_a_second_factor_forgets_the_app_and_signs_them_out(client, la, unit):
    person = user_with_role(Role.CHAIR, la.north)
    TOTPDevice.objects.create(user=person, name="Authenticator app", confirmed=True)
    signed_in(person)

    confirm = client.get(url("staff_second_factor_reset", la.north, person.pk))
    response = client.post(
        url("staff_second_factor_reset", la.north, person.pk),
        {"reason": "Lost phone; identity checked by phone call to her manager"},
    )

    assert confirm.status_code == 200
    assert response.status_code == 302
    assert not TOTPDevice.objects.filter(user=person).exists()
    assert not UserSession.objects.filter(user=person).exists()
    reset = SecondFactorReset.objects.get(user=person)
    assert (reset.local_authority, reset.created_by, reset.reason) == (
        la.north,
        unit,
        "Lost phone; identity checked by phone call to her manager",
    )
    assert str(SECOND_FACTOR_RESET) % {"name": person.get_full_name()} in page_text(
        client.get(response.url)
    )
    assert "Lost phone; identity checked" in page_text(client.get(response.url))
    event = last_event("authenticator_reset")
    assert (event.actor, event.object_id, event.local_authority_id) == (
        unit,
        str(person.pk),
        la.north.pk,
    )


# Who may: the unit of the person's own authority, and nobody else.


def test_the_unit_of_another_authority_cannot_see_or_change_this_authoritys_staff(client, la):
    person = user_with_role(Role.CHAIR, la.north)
    TOTPDevice.objects.create(user=person, name="Authenticator app", confirmed=True)
    client.force_login(la.south_unit)

    pages = [
        client.get(url("staff", la.north)),
        client.get(url("staff_member", la.north, person.pk)),
        # Its own authority's address with someone who holds no role there.
        client.get(url("staff_member", la.south, person.pk)),
        client.post(url("staff_roles", la.south, person.pk), {"roles": [Role.AUDITOR]}),
        client.post(url("staff_disable", la.south, person.pk)),
        client.post(url("staff_second_factor_reset", la.south, person.pk), {"reason": "Mine"}),
    ]

    person.refresh_from_db()
    assert [page.status_code for page in pages] == [404] * 6
    assert person.is_active
    assert roles_here(person, la.north) == {Role.CHAIR: None}
    assert roles_here(person, la.south) == {}
    assert TOTPDevice.objects.filter(user=person).exists()
    assert last_event("staff_member_viewed").outcome == Outcome.REFUSED


def test_family_members_are_not_staff_to_be_changed(client, la, unit):
    parent = user_with_role(Role.FAMILY_MEMBER, la.north)

    response = client.get(url("staff_member", la.north, parent.pk))

    assert response.status_code == 404


@pytest.mark.parametrize(
    "role", [Role.PROFESSIONAL, Role.SOCIAL_WORKER, Role.CHAIR, Role.AUDITOR, Role.FAMILY_MEMBER]
)
def test_nobody_but_the_unit_sets_up_staff(client, la, role):
    client.force_login(user_with_role(role, la.north))

    listing = client.get(url("staff", la.north))
    inviting = client.post(url("staff_invite", la.north), invitation(roles=[Role.CHAIR]))
    disabling = client.post(url("staff_disable", la.north, la.unit.pk))

    assert (listing.status_code, inviting.status_code, disabling.status_code) == (404, 404, 404)
    assert not User.objects.filter(email="gemma.hartley@north.example").exists()
    la.unit.refresh_from_db()
    assert la.unit.is_active


# The unit's home page


def test_the_units_home_page_links_to_setting_up_its_authority(client, la, unit):
    text = page_text(client.get(reverse("home:home")))
    html = client.get(reverse("home:home")).content.decode()

    assert "Set up your authority" in text
    assert url("agencies", la.north) in html and url("staff", la.north) in html
    assert url("agencies", la.south) not in html


def test_other_roles_have_no_set_up_links(client, la):
    client.force_login(user_with_role(Role.CHAIR, la.north))

    assert "Set up your authority" not in page_text(client.get(reverse("home:home")))


def test_a_disabled_accounts_set_up_link_leads_nowhere(client, la, unit, school):
    from urllib.parse import urlparse

    from cpconf.accounts.invitations import account_set_up_link
    from cpconf.accounts.services import account_disable

    person = User.objects.create_user(email="new.person@north.example", password=None)
    link = urlparse(account_set_up_link(person)).path
    account_disable(user=person, actor=unit)
    anyone = Client()

    opened = anyone.get(link, follow=True)
    chosen = anyone.post(
        opened.redirect_chain[-1][0] if opened.redirect_chain else link,
        {"new_password1": "a-long-new-password-2026", "new_password2": "a-long-new-password-2026"},
    )

    person.refresh_from_db()
    assert not person.has_usable_password()
    assert "Your account is set up" not in page_text(chosen)

"""Signing in: every role reaches its own home page; mistakes are explained and audited."""

import pytest
from django.urls import reverse

from cpconf.accounts.forms import EMAIL_REQUIRED, SIGN_IN_INVALID
from cpconf.accounts.models import Role
from cpconf.audit.models import AuditEvent, Outcome
from tests.accounts.signing_in import (
    enter_code,
    second_factor_code,
    sign_in_fully,
    sign_in_with_password,
)
from tests.factories import LocalAuthorityFactory, user_with_role

pytestmark = pytest.mark.django_db

PASSWORD = "correct-horse-battery"

HOME_HEADING_FOR_ROLE = {
    Role.PROFESSIONAL: "Your conference reports",
    Role.SOCIAL_WORKER: "Families allocated to you",
    Role.UNIT_ADMINISTRATOR: "Upcoming conferences",
    Role.CHAIR: "Conferences you are chairing",
    Role.FAMILY_MEMBER: "Your family's meetings",
    Role.AUDITOR: "Latest activity",
}


@pytest.mark.parametrize("role", list(Role))
def test_each_role_signs_in_and_sees_its_home_page(client, role):
    user = user_with_role(role, LocalAuthorityFactory(), password=PASSWORD)

    client.post(reverse("accounts:sign_in"), {"username": user.email.upper(), "password": PASSWORD})
    response = enter_code(client, user, second_factor_code(client, user), follow=True)

    assert response.redirect_chain[-1][0] == reverse("home:home")
    page = response.content.decode()
    assert HOME_HEADING_FOR_ROLE[role] in page
    other_headings = set(HOME_HEADING_FOR_ROLE.values()) - {HOME_HEADING_FOR_ROLE[role]}
    if role != Role.SOCIAL_WORKER:  # a social worker also writes reports
        assert not [heading for heading in other_headings if heading in page]
    assert AuditEvent.objects.filter(actor=user, action="sign_in", outcome=Outcome.SUCCESS).exists()


def test_a_wrong_password_is_explained_keeps_the_email_and_is_audited(client):
    user = user_with_role(Role.CHAIR, LocalAuthorityFactory(), password=PASSWORD)

    response = client.post(
        reverse("accounts:sign_in"), {"username": user.email, "password": "not-the-password"}
    )

    page = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in page
    assert str(SIGN_IN_INVALID) in page
    assert f'value="{user.email}"' in page
    assert "not-the-password" not in page
    assert "_auth_user_id" not in client.session
    failure = AuditEvent.objects.get(action="sign_in", outcome=Outcome.FAILED)
    assert failure.actor_label == user.email
    assert failure.actor is None


def test_an_empty_form_names_each_missing_field(client):
    response = client.post(reverse("accounts:sign_in"), {"username": "", "password": ""})
    page = response.content.decode()
    assert str(EMAIL_REQUIRED) in page
    assert 'href="#id_username"' in page
    assert 'href="#id_password"' in page


def test_the_session_id_changes_at_sign_in_and_again_after_the_code(client):
    user = user_with_role(Role.CHAIR, LocalAuthorityFactory(), password=PASSWORD)
    client.get(reverse("accounts:sign_in"))
    session = client.session
    session["anonymous"] = "visit"
    session.save()
    before = session.session_key

    sign_in_with_password(client, user, PASSWORD)
    after_password = client.session.session_key
    enter_code(client, user, second_factor_code(client, user))

    assert len({before, after_password, client.session.session_key}) == 3
    assert client.get(reverse("home:home")).status_code == 200


def test_pages_need_sign_in(client):
    response = client.get(reverse("home:home"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:sign_in"))


def test_signing_out_ends_the_session(client):
    user = user_with_role(Role.CHAIR, LocalAuthorityFactory(), password=PASSWORD)
    sign_in_fully(client, user, PASSWORD)
    assert client.get(reverse("home:home")).status_code == 200
    client.post(reverse("accounts:sign_out"))
    assert client.get(reverse("home:home")).status_code == 302
    assert AuditEvent.objects.filter(actor=user, action="sign_out").exists()


def test_a_disabled_account_cannot_sign_in(client):
    user = user_with_role(Role.CHAIR, LocalAuthorityFactory(), password=PASSWORD, is_active=False)
    response = client.post(
        reverse("accounts:sign_in"), {"username": user.email, "password": PASSWORD}
    )
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session


def test_the_layout_has_a_skip_link_phase_banner_and_service_name(client):
    page = client.get(reverse("accounts:sign_in")).content.decode()
    assert 'class="govuk-skip-link"' in page
    assert 'href="#main-content"' in page
    assert "govuk-phase-banner" in page
    assert "CP Conference" in page
    assert "govuk-footer" in page

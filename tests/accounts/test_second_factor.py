"""The second step of signing in: staff set up and use an authenticator app, family members get
a code by email; each code works once, and nothing else opens until a code has passed."""

import base64

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from cpconf.accounts.forms import (
    APP_CODE_REQUIRED,
    APP_CODE_WRONG,
    CODE_FORMAT,
    EMAIL_CODE_REQUIRED,
    EMAIL_CODE_WRONG,
)
from cpconf.accounts.models import EmailCodeDevice, Role
from cpconf.accounts.second_factor import authenticator_key_text
from cpconf.audit.models import AuditEvent, Outcome
from tests.accounts.signing_in import (
    app_code,
    emailed_code,
    enter_code,
    sign_in_fully,
    sign_in_with_password,
    unused_app_code,
)
from tests.factories import FamilyFactory, LocalAuthorityFactory, user_with_role

pytestmark = pytest.mark.django_db

PASSWORD = "correct-horse-battery"
STAFF_ROLES = [role for role in Role if role != Role.FAMILY_MEMBER]


def staff(role=Role.CHAIR):
    return user_with_role(role, LocalAuthorityFactory(), password=PASSWORD)


def family_member():
    return user_with_role(Role.FAMILY_MEMBER, LocalAuthorityFactory(), password=PASSWORD)


def set_up_authenticator(client, user) -> TOTPDevice:
    sign_in_fully(client, user, PASSWORD)
    client.post(reverse("accounts:sign_out"))
    return TOTPDevice.objects.get(user=user, confirmed=True)


@pytest.mark.parametrize("role", STAFF_ROLES)
def test_after_the_password_staff_must_set_up_an_authenticator_app(client, role):
    user = staff(role)

    response = sign_in_with_password(client, user, PASSWORD)

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:second_factor"))
    assert client.get(response["Location"])["Location"].startswith(
        reverse("accounts:authenticator_set_up")
    )
    home = client.get(reverse("home:home"))
    assert home.status_code == 302
    assert home["Location"].startswith(reverse("accounts:second_factor"))


def test_the_set_up_page_shows_the_key_as_text_and_a_qr_code_image(client):
    user = staff()
    sign_in_with_password(client, user, PASSWORD)

    page = client.get(reverse("accounts:authenticator_set_up")).content.decode()

    device = TOTPDevice.objects.get(user=user, confirmed=False)
    key = authenticator_key_text(device)
    assert key in page
    assert base64.b32decode(key.replace(" ", "")) == device.bin_key
    assert 'src="data:image/svg+xml;base64,' in page
    assert "<script" not in page.split("</main>")[0]
    # The same key on every visit until it is confirmed.
    assert key in client.get(reverse("accounts:authenticator_set_up")).content.decode()
    assert TOTPDevice.objects.filter(user=user).count() == 1


def test_the_qr_code_holds_the_set_up_link_for_the_app(client):
    user = staff()
    sign_in_with_password(client, user, PASSWORD)
    page = client.get(reverse("accounts:authenticator_set_up")).content.decode()
    svg = base64.b64decode(page.split('src="data:image/svg+xml;base64,')[1].split('"')[0])

    assert svg.startswith(b"<svg") or b"<svg" in svg[:200]
    device = TOTPDevice.objects.get(user=user)
    assert "issuer=CP%20Conference" in device.config_url


def test_a_code_from_the_app_confirms_it_and_opens_the_service(client):
    user = staff()
    sign_in_with_password(client, user, PASSWORD, next=reverse("home:home") + "?from=test")
    client.get(reverse("accounts:authenticator_set_up"))
    device = TOTPDevice.objects.get(user=user)

    response = client.post(
        reverse("accounts:authenticator_set_up"),
        {"code": app_code(device), "next": reverse("home:home") + "?from=test"},
    )

    assert response["Location"] == reverse("home:home") + "?from=test"
    device.refresh_from_db()
    assert device.confirmed
    assert client.get(reverse("home:home")).status_code == 200
    assert AuditEvent.objects.filter(actor=user, action="authenticator_set_up").exists()
    assert AuditEvent.objects.filter(actor=user, action="sign_in", outcome=Outcome.SUCCESS)


def test_next_time_staff_are_asked_for_a_code_not_to_set_up_again(client):
    user = staff()
    set_up_authenticator(client, user)

    response = sign_in_with_password(client, user, PASSWORD)
    page = client.get(response["Location"])

    assert page.status_code == 200
    assert "Enter the code from your authenticator app" in page.content.decode()
    assert client.get(reverse("accounts:authenticator_set_up"))["Location"].startswith(
        reverse("accounts:second_factor")
    )


def test_a_code_works_only_once(client):
    user = staff()
    device = set_up_authenticator(client, user)
    sign_in_with_password(client, user, PASSWORD)
    code = unused_app_code(device)
    assert enter_code(client, user, code).status_code == 302
    client.post(reverse("accounts:sign_out"))

    sign_in_with_password(client, user, PASSWORD)
    response = enter_code(client, user, code)

    assert response.status_code == 200
    assert str(APP_CODE_WRONG) in response.content.decode()
    assert client.get(reverse("home:home"))["Location"].startswith(
        reverse("accounts:second_factor")
    )
    assert AuditEvent.objects.filter(actor=user, action="sign_in_code", outcome=Outcome.FAILED)


def test_the_code_used_to_set_up_the_app_cannot_sign_in_again(client):
    user = staff()
    sign_in_with_password(client, user, PASSWORD)
    client.get(reverse("accounts:authenticator_set_up"))
    code = app_code(TOTPDevice.objects.get(user=user))
    enter_code(client, user, code)
    client.post(reverse("accounts:sign_out"))

    sign_in_with_password(client, user, PASSWORD)

    assert str(APP_CODE_WRONG) in enter_code(client, user, code).content.decode()


@pytest.mark.parametrize(
    ("typed", "message"),
    [("", APP_CODE_REQUIRED), ("12345", CODE_FORMAT), ("12a456", CODE_FORMAT)],
)
def test_a_missing_or_malformed_code_is_explained(client, typed, message):
    user = staff()
    set_up_authenticator(client, user)
    sign_in_with_password(client, user, PASSWORD)

    response = client.post(reverse("accounts:second_factor"), {"code": typed})

    page = response.content.decode()
    assert "There is a problem" in page
    assert str(message) in page
    assert 'href="#id_code"' in page
    assert page.count("<title>Error:") == 1


def test_spaces_typed_between_the_digits_are_ignored(client):
    user = staff()
    device = set_up_authenticator(client, user)
    sign_in_with_password(client, user, PASSWORD)
    code = unused_app_code(device)

    response = enter_code(client, user, f"{code[:3]} {code[3:]}")

    assert response["Location"] == reverse("home:home")


def test_a_family_member_is_emailed_a_six_digit_code_that_signs_them_in(client):
    user = family_member()
    FamilyFactory()

    response = sign_in_with_password(client, user, PASSWORD)

    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [user.email]
    assert "sign-in code" in mail.outbox[0].subject
    assert "10 minutes" in mail.outbox[0].body
    page = client.get(response["Location"]).content.decode()
    assert "Check your email" in page
    assert user.email in page
    assert not TOTPDevice.objects.filter(user=user).exists()
    response = enter_code(client, user, emailed_code(user))
    assert response["Location"] == reverse("home:home")
    assert client.get(reverse("home:home")).status_code == 200


def test_an_emailed_code_is_stored_only_as_a_keyed_hash(client):
    user = family_member()
    sign_in_with_password(client, user, PASSWORD)

    device = EmailCodeDevice.objects.get(user=user)

    assert emailed_code(user) not in device.code_hash
    assert len(device.code_hash) == 64


def test_an_emailed_code_works_once(client):
    user = family_member()
    sign_in_fully(client, user, PASSWORD)
    code = emailed_code(user)
    client.post(reverse("accounts:sign_out"))
    mail.outbox.clear()

    sign_in_with_password(client, user, PASSWORD)
    client.post(reverse("accounts:email_code_send"))  # too soon: no second email
    response = enter_code(client, user, code)

    if code != emailed_code(user):  # one chance in a million that the new code is the same
        assert str(EMAIL_CODE_WRONG) in response.content.decode()


def test_an_emailed_code_runs_out_after_ten_minutes(client, clock):
    user = family_member()
    sign_in_with_password(client, user, PASSWORD)
    code = emailed_code(user)

    clock.advance(minutes=10, seconds=1)
    client.get(reverse("accounts:second_factor"))  # not idle: stays signed in
    response = enter_code(client, user, code)

    assert response.status_code == 200
    assert str(EMAIL_CODE_WRONG) in response.content.decode()


def test_a_code_nine_minutes_old_still_works(client, clock):
    user = family_member()
    sign_in_with_password(client, user, PASSWORD)

    clock.advance(minutes=9)

    assert enter_code(client, user, emailed_code(user))["Location"] == reverse("home:home")


def test_a_family_member_can_ask_for_a_new_code_and_only_the_newest_works(client, clock):
    user = family_member()
    sign_in_with_password(client, user, PASSWORD)
    first = emailed_code(user)

    clock.advance(seconds=31)
    response = client.post(reverse("accounts:email_code_send"), follow=True)

    assert len(mail.outbox) == 2
    assert "We have sent you a new code" in response.content.decode()
    newest = emailed_code(user)
    if first != newest:
        assert str(EMAIL_CODE_WRONG) in enter_code(client, user, first).content.decode()
        clock.advance(seconds=2)  # after a wrong code, a short wait
    assert enter_code(client, user, newest)["Location"] == reverse("home:home")


def test_an_empty_emailed_code_is_explained_in_the_words_of_the_email(client):
    user = family_member()
    sign_in_with_password(client, user, PASSWORD)

    response = client.post(reverse("accounts:second_factor"), {"code": ""})

    assert str(EMAIL_CODE_REQUIRED) in response.content.decode()


@pytest.mark.parametrize("role", [Role.CHAIR, Role.FAMILY_MEMBER])
def test_before_the_code_only_the_code_pages_and_sign_out_open(client, role):
    user = user_with_role(role, LocalAuthorityFactory(), password=PASSWORD)
    family = FamilyFactory()
    sign_in_with_password(client, user, PASSWORD)

    for url in (
        reverse("home:home"),
        reverse("families:detail", args=[family.pk]),
        reverse("reports:task_list", args=[1]),
        "/no-such-page-at-all/",
    ):
        response = client.get(url)
        assert response.status_code in (302, 404), url
        if response.status_code == 302:
            assert response["Location"].startswith(reverse("accounts:second_factor")), url
    assert client.get(reverse("accounts:second_factor")).status_code in (200, 302)
    assert client.post(reverse("accounts:sign_out")).status_code == 302
    assert "_auth_user_id" not in client.session


def test_the_page_asked_for_is_reached_after_the_code(client):
    user = staff()
    set_up_authenticator(client, user)
    family_url = reverse("families:detail", args=[FamilyFactory().pk])

    first = client.get(family_url)
    signed_in = client.post(first["Location"], {"username": user.email, "password": PASSWORD})
    to_code = client.get(signed_in["Location"])  # the code page, still knowing where to go
    device = TOTPDevice.objects.get(user=user)
    response = client.post(
        signed_in["Location"], {"code": unused_app_code(device), "next": family_url}
    )

    assert to_code.status_code == 200
    assert f'value="{family_url}"' in to_code.content.decode()
    assert response["Location"] == family_url


def test_a_next_address_on_another_site_is_not_followed(client):
    user = staff()
    device = set_up_authenticator(client, user)
    sign_in_with_password(client, user, PASSWORD)

    response = client.post(
        reverse("accounts:second_factor"),
        {"code": unused_app_code(device), "next": "https://evil.example/"},
    )

    assert response["Location"] == reverse("home:home")


def test_a_signed_in_person_visiting_the_code_pages_goes_on_to_the_service(client):
    user = staff()
    sign_in_fully(client, user, PASSWORD)

    assert client.get(reverse("accounts:second_factor"))["Location"] == reverse("home:home")
    assert client.get(reverse("accounts:authenticator_set_up"))["Location"].startswith(
        reverse("accounts:second_factor")
    )


def test_force_login_in_tests_counts_as_signed_in_with_both_factors(client):
    """By design (cpconf.accounts.backends): page tests need not act out the second factor."""
    client.force_login(staff())

    assert client.get(reverse("home:home")).status_code == 200


def test_the_code_pages_need_the_password_first(client):
    for name in ("accounts:second_factor", "accounts:authenticator_set_up"):
        response = client.get(reverse(name))
        assert response["Location"].startswith(reverse("accounts:sign_in")), name
    assert client.post(reverse("accounts:email_code_send"))["Location"].startswith(
        reverse("accounts:sign_in")
    )


def test_a_lost_app_is_reset_by_command_and_set_up_again_at_the_next_sign_in(client):
    from io import StringIO

    from django.core.management import call_command

    user = staff()
    set_up_authenticator(client, user)
    elsewhere = Client()
    elsewhere.force_login(user)

    out = StringIO()
    call_command("reset_authenticator", user.email.upper(), stdout=out)

    assert "Removed 1 authenticator app(s)" in out.getvalue()
    assert not TOTPDevice.objects.filter(user=user).exists()
    assert elsewhere.get(reverse("home:home"))["Location"].startswith(reverse("accounts:sign_in"))
    assert AuditEvent.objects.filter(action="authenticator_reset", object_id=str(user.pk))
    sign_in_with_password(client, user, PASSWORD)
    assert client.get(reverse("accounts:second_factor"))["Location"].startswith(
        reverse("accounts:authenticator_set_up")
    )

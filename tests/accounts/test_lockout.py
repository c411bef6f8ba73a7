"""Given 10 wrong passwords or codes for one account within 5 minutes, from any IP address,
then the account is locked for 15 minutes: the sign-in page says so and for how long, the
right password is refused, and the lock and each refusal are audited."""

import pytest
from django.test import Client
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from cpconf.accounts.forms import SIGN_IN_INVALID
from cpconf.accounts.models import AccountLock, Role, SignInFailure
from cpconf.audit.models import AuditEvent, Outcome
from tests.accounts.signing_in import (
    enter_code,
    sign_in_fully,
    sign_in_with_password,
    unused_app_code,
)
from tests.factories import LocalAuthorityFactory, user_with_role

pytestmark = pytest.mark.django_db

PASSWORD = "correct-horse-battery"
LOCKED_15 = "Your account is locked after too many wrong passwords. Try again in 15 minutes."


@pytest.fixture
def user():
    return user_with_role(Role.CHAIR, LocalAuthorityFactory(), password=PASSWORD)


def wrong_password(client, email: str, ip: str = "192.0.2.1"):
    return client.post(
        reverse("accounts:sign_in"),
        {"username": email, "password": "not-the-password"},
        REMOTE_ADDR=ip,
    )


def password_signs_in(client, user) -> bool:
    response = sign_in_with_password(client, user, PASSWORD)
    return response.status_code == 302 and "_auth_user_id" in client.session


def test_nine_wrong_passwords_do_not_lock(client, clock, user):
    for _attempt in range(9):
        wrong_password(client, user.email)
        clock.advance(seconds=10)

    assert password_signs_in(client, user)
    assert not AccountLock.objects.exists()


def test_the_tenth_wrong_password_within_five_minutes_locks_from_any_ip(client, clock, user):
    for attempt in range(9):
        response = wrong_password(client, user.email, ip=f"192.0.2.{attempt + 1}")
        assert str(SIGN_IN_INVALID) in response.content.decode()
        clock.advance(seconds=33)  # 9 times 33 s: the tenth comes 297 s after the first

    response = wrong_password(client, user.email, ip="198.51.100.7")

    page = response.content.decode()
    assert LOCKED_15 in page
    assert "There is a problem" in page
    assert str(SIGN_IN_INVALID) not in page
    lock = AccountLock.objects.get(email=user.email)
    assert (lock.locked_until - lock.locked_at).total_seconds() == 15 * 60
    event = AuditEvent.objects.get(action="account_locked")
    assert event.actor == user
    assert event.ip_address == "198.51.100.7"


def test_failures_spread_over_more_than_five_minutes_do_not_lock(client, clock, user):
    for _attempt in range(12):
        wrong_password(client, user.email)
        clock.advance(seconds=35)  # any ten span 315 s

    assert not AccountLock.objects.exists()
    assert password_signs_in(client, user)


def lock(client, clock, email: str) -> None:
    for _attempt in range(10):
        wrong_password(client, email)
        clock.advance(seconds=1)


def test_the_right_password_is_refused_while_locked_and_each_refusal_is_audited(
    client, clock, user
):
    lock(client, clock, user.email)
    clock.advance(minutes=5)

    response = sign_in_with_password(client, user, PASSWORD)

    assert response.status_code == 200
    assert "_auth_user_id" not in client.session
    assert "Your account is locked after too many wrong passwords. Try again in 10 minutes." in (
        response.content.decode()
    )
    refusal = AuditEvent.objects.get(action="sign_in", outcome=Outcome.REFUSED)
    assert refusal.actor == user
    assert refusal.actor_label == user.email


def test_refusals_while_locked_do_not_extend_the_lock(client, clock, user):
    lock(client, clock, user.email)
    locked_until = AccountLock.objects.get().locked_until

    for _attempt in range(12):
        wrong_password(client, user.email)

    assert AccountLock.objects.get().locked_until == locked_until
    assert AuditEvent.objects.filter(action="sign_in", outcome=Outcome.REFUSED).count() == 12


def test_the_lock_ends_after_fifteen_minutes(client, clock, user):
    lock(client, clock, user.email)

    clock.advance(minutes=14, seconds=50)
    assert not password_signs_in(client, user)
    clock.advance(seconds=11)
    assert password_signs_in(client, user)


def test_after_the_lock_the_count_starts_again(client, clock, user):
    lock(client, clock, user.email)
    clock.advance(minutes=16)

    for _attempt in range(9):
        wrong_password(client, user.email)

    assert password_signs_in(client, user)


def test_an_unknown_email_gets_the_same_answers_as_a_real_one(client, clock, user):
    unknown = "nobody-here@testshire.example"

    first_real = wrong_password(client, user.email).content.decode()
    first_unknown = wrong_password(client, unknown).content.decode()
    lock(client, clock, unknown)
    locked_unknown = wrong_password(client, unknown).content.decode()

    assert str(SIGN_IN_INVALID) in first_real
    assert str(SIGN_IN_INVALID) in first_unknown
    assert "Your account is locked after too many wrong passwords." in locked_unknown
    assert AuditEvent.objects.filter(action="account_locked", actor_label=unknown).exists()


def test_another_account_is_not_locked(client, clock, user):
    other = user_with_role(Role.CHAIR, LocalAuthorityFactory(), password=PASSWORD)
    lock(client, clock, user.email)

    assert password_signs_in(client, other)


def test_addresses_are_counted_whatever_their_case(client, clock, user):
    for attempt in range(10):
        wrong_password(client, user.email.upper() if attempt % 2 else user.email)

    assert AccountLock.objects.filter(email=user.email).exists()


def test_old_failures_are_not_kept(client, clock, user):
    wrong_password(client, user.email)
    clock.advance(minutes=6)

    wrong_password(client, "someone-else@testshire.example")

    assert list(SignInFailure.objects.values_list("email", flat=True)) == [
        "someone-else@testshire.example"
    ]


def test_ten_wrong_codes_lock_the_account_and_end_the_session(client, clock, user):
    sign_in_fully(client, user, PASSWORD)
    client.post(reverse("accounts:sign_out"))
    sign_in_with_password(client, user, PASSWORD)

    for _attempt in range(9):
        response = enter_code(client, user, "000000")
        assert response.status_code == 200
        clock.advance(seconds=20)
    response = enter_code(client, user, "000000")

    assert "Your account is locked after too many wrong codes. Try again in 15 minutes." in (
        response.content.decode()
    )
    assert "_auth_user_id" not in client.session
    assert client.get(reverse("home:home"))["Location"].startswith(reverse("accounts:sign_in"))
    assert AccountLock.objects.get(email=user.email).reason == "code"
    assert AuditEvent.objects.filter(action="account_locked", actor=user).exists()
    assert not password_signs_in(client, user)


def test_wrong_passwords_and_wrong_codes_count_together(client, clock, user):
    for _attempt in range(5):
        wrong_password(client, user.email)
    sign_in_fully(client, user, PASSWORD)
    client.post(reverse("accounts:sign_out"))
    sign_in_with_password(client, user, PASSWORD)
    for _attempt in range(5):
        response = enter_code(client, user, "000000")

    assert "Your account is locked after too many wrong codes." in response.content.decode()


def test_a_code_is_refused_once_the_account_is_locked_elsewhere(client, clock, user):
    sign_in_fully(client, user, PASSWORD)
    client.post(reverse("accounts:sign_out"))
    sign_in_with_password(client, user, PASSWORD)
    device = TOTPDevice.objects.get(user=user)

    lock(Client(), clock, user.email)
    response = enter_code(client, user, unused_app_code(device))

    assert "Your account is locked" in response.content.decode()
    assert "_auth_user_id" not in client.session

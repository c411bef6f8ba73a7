"""Given 40 wrong passwords for one email address sent at the same moment, each from its own
browser and database connection, then at most 10 passwords are checked: the rest are refused
as locked before any password is looked at, and so is the right password afterwards. An
address with no account behaves the same way.

The requests run in threads on PostgreSQL, where they truly meet at the address's gate row.
SQLite's in-memory test database refuses a second writer outright ("database table is
locked") instead of making it wait, so the threads run on PostgreSQL only; the same rule is
checked on both databases by holding attempts "in flight" by hand: counted, not yet answered.
"""

import threading

import pytest
from django.contrib.auth.backends import ModelBackend
from django.db import connection
from django.test import Client
from django.urls import reverse

from cpconf.accounts.forms import SIGN_IN_INVALID
from cpconf.accounts.lockout import (
    ACCOUNT_LOCKED_PASSWORDS,
    sign_in_attempt_claim,
    sign_in_attempt_failed,
    sign_in_attempt_passed,
)
from cpconf.accounts.models import AccountLock, FailureKind, Role, SignInFailure
from cpconf.audit.models import AuditEvent
from tests.factories import LocalAuthorityFactory, user_with_role

PASSWORD = "correct-horse-battery"
NO_ACCOUNT = "nobody-here@testshire.example"
ATTEMPTS = 40
LOCKED_15 = str(ACCOUNT_LOCKED_PASSWORDS) % {"wait": "15 minutes"}


@pytest.fixture
def postgres():
    if connection.vendor != "postgresql":
        pytest.skip("requests at the same moment need PostgreSQL: see the module docstring")


class CountingBackend:
    """Wraps Django's ModelBackend.authenticate, the only place a password is checked (for
    an address with no account it runs the hasher once too, so the time gives nothing away)."""

    def __init__(self, monkeypatch) -> None:
        self.calls = 0
        self._lock = threading.Lock()
        real = ModelBackend.authenticate

        def counted(backend, request, username=None, password=None, **kwargs):
            with self._lock:
                self.calls += 1
            return real(backend, request, username=username, password=password, **kwargs)

        monkeypatch.setattr(ModelBackend, "authenticate", counted)


def post_at_once(email: str, password: str, count: int) -> list[str]:
    """`count` sign-ins for `email`, released together, each on its own connection; the
    pages they get back."""
    start = threading.Barrier(count)
    pages: list[str] = []
    errors: list[BaseException] = []

    def attempt(number: int) -> None:
        try:
            start.wait(timeout=60)
            response = Client().post(
                reverse("accounts:sign_in"),
                {"username": email, "password": password},
                REMOTE_ADDR=f"192.0.2.{number + 1}",
            )
            pages.append(response.content.decode())
        except BaseException as error:  # reported by the assert below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=attempt, args=(n,)) for n in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert errors == []
    return pages


@pytest.fixture
def user():
    return user_with_role(Role.CHAIR, LocalAuthorityFactory(), password=PASSWORD)


@pytest.mark.parametrize("has_account", [True, False], ids=["account", "no_account"])
@pytest.mark.usefixtures("postgres")
@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_forty_wrong_passwords_at_once_check_at_most_ten(monkeypatch, user, has_account):
    email = user.email if has_account else NO_ACCOUNT
    backend = CountingBackend(monkeypatch)

    pages = post_at_once(email, "not-the-password", ATTEMPTS)

    assert backend.calls <= 10
    wrong = [page for page in pages if str(SIGN_IN_INVALID) in page]
    locked = [page for page in pages if LOCKED_15 in page]
    assert len(wrong) + len(locked) == ATTEMPTS
    assert len(locked) >= ATTEMPTS - 10
    assert AccountLock.objects.filter(email=email).exists()
    assert AuditEvent.objects.filter(action="account_locked", actor_label=email).count() == 1


@pytest.mark.usefixtures("postgres")
@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_the_right_password_is_refused_after_a_burst_of_wrong_ones(monkeypatch, user):
    post_at_once(user.email, "not-the-password", ATTEMPTS)
    backend = CountingBackend(monkeypatch)

    client = Client()
    response = client.post(
        reverse("accounts:sign_in"), {"username": user.email, "password": PASSWORD}
    )

    assert LOCKED_15 in response.content.decode()
    assert "_auth_user_id" not in client.session
    assert backend.calls == 0


@pytest.mark.usefixtures("postgres")
@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_nine_wrong_passwords_at_once_do_not_lock(user):
    pages = post_at_once(user.email, "not-the-password", 9)

    client = Client()
    response = client.post(
        reverse("accounts:sign_in"), {"username": user.email, "password": PASSWORD}
    )

    assert all(str(SIGN_IN_INVALID) in page for page in pages)
    assert response.status_code == 302
    assert "_auth_user_id" in client.session
    assert not AccountLock.objects.exists()


# The same rule with attempts held in flight by hand, on both databases.


def claim(email: str):
    return sign_in_attempt_claim(email=email, kind=FailureKind.PASSWORD, request=None)


@pytest.mark.django_db
@pytest.mark.parametrize("email", ["chair@testshire.example", NO_ACCOUNT])
def test_ten_attempts_still_being_checked_take_the_whole_limit(email):
    user_with_role(Role.CHAIR, LocalAuthorityFactory(), email="chair@testshire.example")
    in_flight = [claim(email) for _attempt in range(10)]

    eleventh = claim(email)

    assert [attempt.lock for attempt in in_flight] == [None] * 10
    assert eleventh.lock is not None and eleventh.failure_id is None
    assert claim(email).lock == eleventh.lock
    assert AuditEvent.objects.filter(action="account_locked", actor_label=email).count() == 1
    answers = [sign_in_attempt_failed(attempt=a, request=None) for a in in_flight]
    assert answers == [eleventh.lock] * 10
    assert AccountLock.objects.get(email=email).locked_until == eleventh.lock.locked_until
    assert AuditEvent.objects.filter(action="account_locked", actor_label=email).count() == 1


@pytest.mark.django_db
def test_a_right_password_found_after_the_address_locked_is_refused():
    in_flight = [claim(NO_ACCOUNT) for _attempt in range(10)]
    lock = claim(NO_ACCOUNT).lock

    assert sign_in_attempt_passed(attempt=in_flight[0], request=None) == lock


@pytest.mark.django_db
def test_a_right_password_is_no_failure():
    for _attempt in range(9):
        sign_in_attempt_failed(attempt=claim(NO_ACCOUNT), request=None)

    assert sign_in_attempt_passed(attempt=claim(NO_ACCOUNT), request=None) is None
    assert SignInFailure.objects.filter(email=NO_ACCOUNT).count() == 9
    assert claim(NO_ACCOUNT).lock is None

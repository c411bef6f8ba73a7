"""Failed sign-ins in the auditor's search: an account's under its authority; an address with
no account under the one authority whose people sign in at that domain, once per burst, so
that no one can fill an authority's trail by trying an address over and over."""

import csv
import io

import pytest
from django.test import Client
from django.urls import reverse

from cpconf.accounts.models import Role
from cpconf.audit.models import AuditEvent, Outcome
from tests.factories import LocalAuthorityFactory, user_with_role

pytestmark = pytest.mark.django_db

PASSWORD = "correct-horse-battery"


@pytest.fixture
def north():
    return LocalAuthorityFactory()


@pytest.fixture
def south():
    return LocalAuthorityFactory()


@pytest.fixture
def auditors(north, south):
    """Each authority's auditor, and people who sign in at each authority's domain; family
    members of both use the same public email provider."""
    user_with_role(Role.CHAIR, north, email="anthony.greaves@north.example")
    user_with_role(Role.CHAIR, south, email="owen.prescott@south.example")
    user_with_role(Role.FAMILY_MEMBER, north, email="kelly@mail.example")
    user_with_role(Role.FAMILY_MEMBER, south, email="jason@mail.example")
    return {
        "north": user_with_role(Role.AUDITOR, north, email="kevin.doyle@north.example"),
        "south": user_with_role(Role.AUDITOR, south, email="sam.hale@south.example"),
    }


def wrong_password(email: str):
    return Client().post(
        reverse("accounts:sign_in"), {"username": email, "password": "not-the-password"}
    )


def found_by(auditor, email: str) -> list[tuple[str, str]]:
    """(action, outcome) of each event the auditor's export finds for the address, oldest
    first."""
    client = Client()
    client.force_login(auditor)
    response = client.get(reverse("audit:export"), {"user": email})
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = csv.DictReader(io.StringIO(text))
    return [(row["action"], row["outcome"]) for row in rows if row["actor_label"] == email]


FAILED = ("sign_in", Outcome.FAILED)
LOCKED = ("account_locked", Outcome.REFUSED)


def test_a_wrong_password_for_an_account_is_found_by_its_authoritys_auditor(auditors):
    wrong_password("anthony.greaves@north.example")

    assert found_by(auditors["north"], "anthony.greaves@north.example") == [FAILED]
    assert found_by(auditors["south"], "anthony.greaves@north.example") == []


def test_a_wrong_password_for_an_unknown_address_is_found_by_its_domains_auditor(auditors):
    wrong_password("a.greaves@north.example")

    assert found_by(auditors["north"], "a.greaves@north.example") == [FAILED]
    assert found_by(auditors["south"], "a.greaves@north.example") == []


def test_an_unknown_address_at_a_domain_two_authorities_use_is_shown_to_neither(auditors):
    wrong_password("nobody@mail.example")

    assert found_by(auditors["north"], "nobody@mail.example") == []
    assert found_by(auditors["south"], "nobody@mail.example") == []
    failure = AuditEvent.objects.get(actor_label="nobody@mail.example")
    assert (failure.outcome, failure.local_authority_id) == (Outcome.FAILED, None)


def test_trying_an_unknown_address_over_and_over_shows_the_first_failure_and_the_lock(
    auditors, clock
):
    for _attempt in range(25):
        wrong_password("guess@north.example")
        clock.advance(seconds=5)

    assert found_by(auditors["north"], "guess@north.example") == [FAILED, LOCKED]
    in_trail = AuditEvent.objects.filter(actor_label="guess@north.example")
    assert in_trail.filter(action="sign_in", outcome=Outcome.FAILED).count() == 10
    assert in_trail.filter(action="sign_in", outcome=Outcome.REFUSED).count() == 15


def test_after_a_quiet_window_the_next_failure_is_shown_again(auditors, clock):
    wrong_password("guess@north.example")
    clock.advance(minutes=4)
    wrong_password("guess@north.example")
    clock.advance(minutes=5, seconds=1)

    wrong_password("guess@north.example")

    assert found_by(auditors["north"], "guess@north.example") == [FAILED, FAILED]


def test_ten_wrong_passwords_for_an_account_are_all_shown_with_the_lock(auditors):
    for _attempt in range(12):
        wrong_password("owen.prescott@south.example")

    found = found_by(auditors["south"], "owen.prescott@south.example")

    assert found.count(FAILED) == 10
    assert found.count(LOCKED) == 1
    assert found.count(("sign_in", Outcome.REFUSED)) == 2

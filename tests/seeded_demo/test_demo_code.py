"""`cpconf demo_code EMAIL`: demo staff have a confirmed authenticator app with a published key
derived from their email address; the command prints the code to type now."""

import base64
import hashlib
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from cpconf.accounts.models import Role, User
from cpconf.demo import data
from cpconf.demo.authenticator import code_to_type_now, demo_key_base32
from cpconf.demo.management.commands.demo_code import REFUSED_IN_PRODUCTION
from cpconf.demo.seeding import seed_demo, uses_authenticator
from tests.worlds import FAST_HASHER

pytestmark = pytest.mark.django_db

CHAIR = "anthony.greaves@northshire.example"
PARENT = "kelly.ashdown@northshire.example"


@pytest.fixture
def seeded(demo_seeded_once, settings):
    """The demo, seeded once for this module (tests/conftest.py); passwords were hashed
    quickly, and checking them needs the same hasher."""
    settings.PASSWORD_HASHERS = FAST_HASHER


def demo_code(*args: str) -> str:
    out = StringIO()
    call_command("demo_code", *args, stdout=out)
    return out.getvalue().strip()


def sign_in(client, email: str, code: str):
    client.post(reverse("accounts:sign_in"), {"username": email, "password": data.DEMO_PASSWORD})
    return client.post(reverse("accounts:second_factor"), {"code": code})


def test_every_demo_staff_user_has_a_confirmed_app_and_families_have_none(seeded):
    for person in data.USERS:
        devices = TOTPDevice.objects.filter(user__email=person.email, confirmed=True)
        assert devices.count() == (1 if uses_authenticator(person) else 0), person.email
    assert not uses_authenticator(next(p for p in data.USERS if p.email == PARENT))


def test_the_demo_key_is_derived_from_the_email_and_stable_across_runs(seeded):
    device = TOTPDevice.objects.get(user__email=CHAIR)
    expected = hashlib.sha256(f"{CHAIR}cpconf-demo".encode()).digest()[:20]

    seed_demo()

    assert device.bin_key == expected
    assert TOTPDevice.objects.get(user__email=CHAIR).key == device.key
    assert demo_code(CHAIR, "--key") == base64.b32encode(expected).decode().rstrip("=")
    assert demo_key_base32(CHAIR) == demo_code(CHAIR, "--key")


def test_the_printed_code_signs_a_demo_chair_in(client, seeded):
    code = demo_code(CHAIR)

    assert len(code) == 6 and code.isdigit()
    assert sign_in(client, CHAIR, code)["Location"] == reverse("home:home")


def test_just_after_a_code_is_used_the_command_prints_the_next_one(client, seeded):
    sign_in(client, CHAIR, demo_code(CHAIR))
    client.post(reverse("accounts:sign_out"))

    assert sign_in(client, CHAIR, demo_code(CHAIR))["Location"] == reverse("home:home")


def test_for_a_family_member_it_prints_a_new_code_in_place_of_the_emailed_one(client, seeded):
    client.post(reverse("accounts:sign_in"), {"username": PARENT, "password": data.DEMO_PASSWORD})

    code = demo_code(PARENT)

    assert client.post(reverse("accounts:second_factor"), {"code": code})["Location"] == (
        reverse("home:home")
    )


def test_code_to_type_now_moves_on_from_a_used_step(seeded):
    device = TOTPDevice.objects.get(user__email=CHAIR)
    at = 1_800_000_000.0
    next_step_code = code_to_type_now(device, at=at + 30)

    device.last_t = int(at) // 30  # this step's code has just been used

    assert code_to_type_now(device, at=at) == next_step_code


def test_an_unknown_address_or_a_user_without_a_demo_app_is_explained(seeded):
    with pytest.raises(CommandError, match="There is no user with the email address"):
        demo_code("nobody@northshire.example")
    User.objects.create_user("new.person@northshire.example", "a-long-enough-secret")
    with pytest.raises(CommandError, match="has no demo authenticator app"):
        demo_code("new.person@northshire.example")


def test_demo_codes_are_refused_in_production(seeded, settings):
    settings.CPCONF_ENV = "production"

    with pytest.raises(CommandError, match=REFUSED_IN_PRODUCTION):
        demo_code(CHAIR)


def test_the_printed_table_says_how_to_get_a_code(settings):
    settings.PASSWORD_HASHERS = FAST_HASHER
    out = StringIO()
    call_command("seed_demo", stdout=out)
    printed = out.getvalue()

    assert "Code after the password" in printed
    assert "cpconf demo_code EMAIL" in printed
    chair_line = next(line for line in printed.splitlines() if line.startswith(CHAIR))
    parent_line = next(line for line in printed.splitlines() if line.startswith(PARENT))
    assert chair_line.endswith("authenticator app")
    assert parent_line.endswith("email")
    assert str(Role.FAMILY_MEMBER.label) in parent_line

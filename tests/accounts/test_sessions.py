"""Sessions end after 15 minutes idle and 12 hours in all; signing out, or disabling the
account, ends every session the person holds, on every device."""

import pytest
from django.contrib.sessions.models import Session
from django.test import Client
from django.urls import reverse

from cpconf.accounts.middleware import SESSION_ENDED_IDLE, SESSION_ENDED_TOO_LONG
from cpconf.accounts.models import Role, UserSession
from cpconf.accounts.services import account_disable
from cpconf.audit.models import AuditEvent
from tests.accounts.signing_in import sign_in_fully
from tests.factories import LocalAuthorityFactory, user_with_role

pytestmark = pytest.mark.django_db

PASSWORD = "correct-horse-battery"
IDLE_MESSAGE = str(SESSION_ENDED_IDLE) % {"wait": "15 minutes"}
TOO_LONG_MESSAGE = str(SESSION_ENDED_TOO_LONG) % {"wait": "12 hours"}


@pytest.fixture
def user():
    return user_with_role(Role.PROFESSIONAL, LocalAuthorityFactory(), password=PASSWORD)


def signed_in(client, user) -> Client:
    sign_in_fully(client, user, PASSWORD)
    assert client.get(reverse("home:home")).status_code == 200
    return client


def is_signed_in(client) -> bool:
    return client.get(reverse("home:home")).status_code == 200


def test_fourteen_idle_minutes_keep_the_session(client, clock, user):
    signed_in(client, user)

    for _visit in range(4):
        clock.advance(minutes=14)
        assert is_signed_in(client)


def test_a_page_every_fifty_seconds_keeps_the_session_for_twenty_minutes(client, clock, user):
    signed_in(client, user)

    for _visit in range(24):
        clock.advance(seconds=50)
        assert is_signed_in(client)


def test_within_a_minute_of_the_last_note_a_page_writes_nothing_to_the_session(client, clock, user):
    signed_in(client, user)
    stored = Session.objects.get(session_key=client.session.session_key).session_data

    clock.advance(seconds=59)
    assert is_signed_in(client)
    assert Session.objects.get(session_key=client.session.session_key).session_data == stored

    clock.advance(seconds=2)
    assert is_signed_in(client)
    assert Session.objects.get(session_key=client.session.session_key).session_data != stored


def test_the_idle_limit_counts_from_the_last_note_so_it_ends_early_never_late(client, clock, user):
    signed_in(client, user)
    clock.advance(seconds=59)  # a page within the minute: not noted
    assert is_signed_in(client)

    clock.advance(minutes=14, seconds=2)  # 15 min 1 s after the note, 14 min 2 s after the page

    assert not is_signed_in(client)


def test_fifteen_idle_minutes_end_it_and_the_sign_in_page_says_why(client, clock, user):
    signed_in(client, user)

    clock.advance(minutes=15, seconds=1)
    response = client.get(reverse("home:home"), follow=True)

    assert response.redirect_chain[-1][0].startswith(reverse("accounts:sign_in"))
    assert IDLE_MESSAGE in response.content.decode()
    assert AuditEvent.objects.filter(actor=user, action="session_expired").count() == 1
    assert not UserSession.objects.filter(user=user).exists()
    assert not is_signed_in(client)


def test_back_hours_later_the_sign_in_page_still_says_why(client, clock, user):
    signed_in(client, user)

    clock.advance(hours=3)
    response = client.get(reverse("home:home"), follow=True)

    assert IDLE_MESSAGE in response.content.decode()


def test_back_the_next_day_the_sign_in_page_gives_the_twelve_hour_limit(client, clock, user):
    signed_in(client, user)

    clock.advance(hours=13)
    response = client.get(reverse("home:home"), follow=True)

    page = response.content.decode()
    assert TOO_LONG_MESSAGE in page
    assert IDLE_MESSAGE not in page


def test_the_reason_is_given_once(client, clock, user):
    signed_in(client, user)
    clock.advance(minutes=20)
    client.get(reverse("home:home"), follow=True)

    page = client.get(reverse("accounts:sign_in")).content.decode()

    assert IDLE_MESSAGE not in page
    assert AuditEvent.objects.filter(actor=user, action="session_expired").count() == 1


def test_a_session_ended_by_signing_out_elsewhere_gives_no_idle_reason(clock, user):
    laptop, phone = Client(), Client()
    signed_in(laptop, user)
    signed_in(phone, user)
    laptop.post(reverse("accounts:sign_out"))

    clock.advance(minutes=20)
    page = phone.get(reverse("home:home"), follow=True).content.decode()

    assert IDLE_MESSAGE not in page
    assert TOO_LONG_MESSAGE not in page


def test_the_middleware_ends_an_idle_session_even_if_the_store_would_keep_it(
    client, clock, settings, user
):
    """The session store forgets a session at the idle limit too; this checks the rule
    itself, which does not depend on the store."""
    settings.SESSION_COOKIE_AGE = 7 * 24 * 60 * 60
    signed_in(client, user)

    clock.advance(minutes=16)
    response = client.get(reverse("home:home"), follow=True)

    assert IDLE_MESSAGE in response.content.decode()
    assert AuditEvent.objects.filter(actor=user, action="session_expired").exists()
    assert not UserSession.objects.filter(user=user).exists()


def test_twelve_hours_after_sign_in_the_session_ends_however_busy(client, clock, user):
    signed_in(client, user)

    for _visit in range(59):  # a page every 12 minutes, to 11 h 48 min
        clock.advance(minutes=12)
        assert is_signed_in(client)
    clock.advance(minutes=12, seconds=1)
    response = client.get(reverse("home:home"), follow=True)

    assert TOO_LONG_MESSAGE in response.content.decode()
    assert not is_signed_in(client)


def test_the_limits_come_from_settings(client, clock, settings, user):
    settings.SESSION_IDLE_SECONDS = 60
    signed_in(client, user)

    clock.advance(seconds=61)

    assert not is_signed_in(client)


def test_a_session_with_no_sign_in_time_is_ended(client, user):
    signed_in(client, user)
    session = client.session
    del session["cpconf_signed_in_at"]
    session.save()

    assert not is_signed_in(client)


def test_signing_out_ends_every_session_of_that_person(user):
    laptop, phone, colleague_laptop = Client(), Client(), Client()
    signed_in(laptop, user)
    signed_in(phone, user)
    colleague = user_with_role(Role.CHAIR, LocalAuthorityFactory(), password=PASSWORD)
    signed_in(colleague_laptop, colleague)

    laptop.post(reverse("accounts:sign_out"))

    assert not is_signed_in(phone)
    assert not is_signed_in(laptop)
    assert is_signed_in(colleague_laptop)
    assert not UserSession.objects.filter(user=user).exists()


def test_signing_out_before_the_code_ends_every_session_too(user):
    laptop, phone = Client(), Client()
    signed_in(laptop, user)
    phone.post(reverse("accounts:sign_in"), {"username": user.email, "password": PASSWORD})

    phone.post(reverse("accounts:sign_out"))

    assert not is_signed_in(laptop)


def test_disabling_an_account_anywhere_ends_its_sessions(user):
    laptop, phone = Client(), Client()
    signed_in(laptop, user)
    signed_in(phone, user)
    sessions_before = Session.objects.count()

    user.is_active = False
    user.save()

    assert Session.objects.count() == sessions_before - 2
    assert not is_signed_in(laptop)
    assert not is_signed_in(phone)


def test_the_disable_service_audits_who_did_it(user):
    laptop = signed_in(Client(), user)
    administrator = user_with_role(Role.UNIT_ADMINISTRATOR, LocalAuthorityFactory())

    account_disable(user=user, actor=administrator)

    assert not is_signed_in(laptop)
    event = AuditEvent.objects.get(action="account_disabled")
    assert event.actor == administrator
    assert event.object_id == str(user.pk)


def test_each_sign_in_is_recorded_against_its_session(client, user):
    signed_in(client, user)

    session = UserSession.objects.get(user=user)

    assert session.session_key == client.session.session_key


def test_sessions_of_force_login_can_be_ended_too(user):
    other = Client()
    other.force_login(user)
    assert is_signed_in(other)

    user.is_active = False
    user.save()

    assert not is_signed_in(other)


def test_the_session_cookie_is_http_only_and_lasts_until_the_browser_closes(client, user):
    sign_in_fully(client, user, PASSWORD)

    cookie = client.cookies["sessionid"]

    assert cookie["httponly"]
    assert cookie["samesite"] == "Lax"
    assert not cookie["max-age"]

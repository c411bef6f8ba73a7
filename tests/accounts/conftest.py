from datetime import datetime, timedelta

import pytest
from django.utils import timezone

from tests.worlds import FAST_HASHER


class Clock:
    """A clock the tests move by hand; everything reading `timezone.now()` sees it."""

    def __init__(self, start: datetime) -> None:
        self.now = start

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


@pytest.fixture
def clock(monkeypatch) -> Clock:
    """Starts at the real time, so authenticator codes (which read the system clock) agree."""
    clock = Clock(timezone.now())
    monkeypatch.setattr(timezone, "now", lambda: clock.now)
    return clock


@pytest.fixture(autouse=True)
def _quick_password_hashing(settings):
    """Argon2 takes a tenth of a second a password: these tests sign in hundreds of times.
    tests/accounts/test_passwords.py checks the real hasher."""
    settings.PASSWORD_HASHERS = FAST_HASHER

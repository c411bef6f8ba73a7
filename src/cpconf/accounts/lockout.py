"""Counting sign-in attempts for an email address and locking it: 10 wrong passwords or codes
within 5 minutes lock it for 15 (the numbers are settings).

An attempt is counted *before* its password or code is checked, and counts as wrong until it
is found to be right. The count and the claim are made one attempt at a time for each
address, under the lock of that address's `SignInGate` row, so however many attempts arrive
together no more than the limit are ever checked within the window: the rest are refused as
locked without their password being looked at. On SQLite the same holds because every
transaction takes the database's write lock when it begins (settings: IMMEDIATE).

Addresses with no account are counted and locked the same way, so the answers never show
whether an account exists.
"""

import math
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from cpconf.accounts.models import AccountLock, FailureKind, SignInFailure, SignInGate
from cpconf.accounts.selectors import account_lock_current, sign_in_authority_id, user_for_email
from cpconf.audit.models import Outcome
from cpconf.audit.services import audit_record

ACCOUNT_LOCKED_PASSWORDS = _(
    "Your account is locked after too many wrong passwords. Try again in %(wait)s."
)
ACCOUNT_LOCKED_CODES = _(
    "Your account is locked after too many wrong codes. Try again in %(wait)s."
)


def account_locked_message(lock: AccountLock) -> str:
    seconds_left = (lock.locked_until - timezone.now()).total_seconds()
    minutes = max(1, math.ceil(seconds_left / 60))
    wait = ngettext("%(count)d minute", "%(count)d minutes", minutes) % {"count": minutes}
    message = ACCOUNT_LOCKED_CODES if lock.reason == FailureKind.CODE else ACCOUNT_LOCKED_PASSWORDS
    return str(message) % {"wait": wait}


@dataclass(frozen=True)
class SignInAttempt:
    """One password or code for an address: counted (`failure_id`) or refused (`lock`)."""

    email: str
    kind: str
    failure_id: int | None = None
    lock: AccountLock | None = None
    first_in_window: bool = False


def sign_in_attempt_claim(*, email: str, kind: str, request: HttpRequest | None) -> SignInAttempt:
    """Count an attempt before its password or code is checked; refuse it if the address is
    locked, or if the limit is already taken by failures and attempts still being checked
    (the address then locks). Only a counted attempt may be checked."""
    email = email.lower()
    now = timezone.now()
    _forget_what_no_longer_counts(now)
    with transaction.atomic():
        _hold_gate(email, now)
        lock = account_lock_current(email=email)
        if lock is None:
            recent = _failures_in_window(email, now).count()
            if recent < settings.CPCONF_SIGN_IN_MAX_FAILURES:
                failure = SignInFailure.objects.create(email=email, kind=kind, occurred_at=now)
                return SignInAttempt(email, kind, failure.pk, first_in_window=recent == 0)
            lock = _lock(email=email, kind=kind, now=now, request=request)
        _refusal_audit(email=email, request=request)
    return SignInAttempt(email, kind, lock=lock)


def sign_in_attempt_failed(
    *, attempt: SignInAttempt, request: HttpRequest | None
) -> AccountLock | None:
    """The password or code was wrong: it stays counted, and the attempt that reaches the
    limit locks the address. Returns the lock the address is under, if any."""
    now = timezone.now()
    with transaction.atomic():
        _hold_gate(attempt.email, now)
        lock = account_lock_current(email=attempt.email)
        reached = _failures_in_window(attempt.email, now).count()
        if lock is None and reached >= settings.CPCONF_SIGN_IN_MAX_FAILURES:
            lock = _lock(email=attempt.email, kind=attempt.kind, now=now, request=request)
        _failure_audit(attempt, request)
    return lock


def sign_in_attempt_passed(
    *, attempt: SignInAttempt, request: HttpRequest | None
) -> AccountLock | None:
    """The password or code was right, so it was no failure. Returns the lock if the address
    locked while it was being checked: the sign-in is refused all the same."""
    if attempt.failure_id is not None:
        SignInFailure.objects.filter(pk=attempt.failure_id).delete()
    lock = account_lock_current(email=attempt.email)
    if lock is not None:
        _refusal_audit(email=attempt.email, request=request)
    return lock


def _refusal_audit(*, email: str, request: HttpRequest | None) -> None:
    """A sign-in refused because the address is locked, even if the password was right:
    under the account's authority, as its user.

    For an address with no account the refusal is kept without an authority: refusals come
    one a request for as long as someone keeps trying, and must not bury an authority's
    trail (its auditors have already seen the first failure and the lock).
    """
    user = user_for_email(email)
    audit_record(
        action="sign_in",
        actor=user,
        actor_label=email.lower(),
        request=request,
        outcome=Outcome.REFUSED,
    )


def _hold_gate(email: str, now: datetime) -> None:
    """Lock the address's gate row until the transaction ends (an UPDATE locks the row it
    changes); make the row first if there is none, or if it was just cleared away."""
    while not SignInGate.objects.filter(email=email).update(last_used_at=now):
        SignInGate.objects.bulk_create(
            [SignInGate(email=email, last_used_at=now)], ignore_conflicts=True
        )


def _forget_what_no_longer_counts(now: datetime) -> None:
    """Failures too old to count, locks that have ended and gates unused for the window are
    not kept: they are personal data with no further use. Each is one statement of its own,
    holding no gate, so it can never wait in a circle with an attempt."""
    window_start = now - timedelta(seconds=settings.CPCONF_SIGN_IN_FAILURE_WINDOW_SECONDS)
    SignInFailure.objects.filter(occurred_at__lte=window_start).delete()
    AccountLock.objects.filter(locked_until__lte=now).delete()
    SignInGate.objects.filter(last_used_at__lte=window_start).delete()


def _failures_in_window(email: str, now: datetime) -> QuerySet[SignInFailure]:
    window_start = now - timedelta(seconds=settings.CPCONF_SIGN_IN_FAILURE_WINDOW_SECONDS)
    return SignInFailure.objects.filter(email=email, occurred_at__gt=window_start)


def _lock(*, email: str, kind: str, now: datetime, request: HttpRequest | None) -> AccountLock:
    """Lock the address (the gate is held); the count starts again when the lock ends."""
    lock, _created = AccountLock.objects.update_or_create(
        email=email,
        defaults={
            "reason": kind,
            "locked_at": now,
            "locked_until": now + timedelta(seconds=settings.CPCONF_ACCOUNT_LOCK_SECONDS),
        },
    )
    _failures_in_window(email, now).delete()
    audit_record(
        action="account_locked",
        actor=user_for_email(email),
        actor_label=email,
        request=request,
        outcome=Outcome.REFUSED,
        local_authority_id=sign_in_authority_id(email=email),
    )
    return lock


def _failure_audit(attempt: SignInAttempt, request: HttpRequest | None) -> None:
    """A wrong code is the signed-in user's own. A wrong password is recorded against the
    address as typed (whoever typed it), under the address's authority. For an address with
    no account, only the first failure after a quiet window is put under that authority: an
    auditor sees that someone tried the address (and, if it comes to it, the lock), and no
    one can fill an authority's trail by trying one address over and over."""
    if attempt.kind == FailureKind.CODE:
        user = user_for_email(attempt.email)
        audit_record(action="sign_in_code", actor=user, request=request, outcome=Outcome.FAILED)
        return
    has_account = user_for_email(attempt.email) is not None
    filed_under = (
        sign_in_authority_id(email=attempt.email)
        if has_account or attempt.first_in_window
        else None
    )
    audit_record(
        action="sign_in",
        actor=None,
        actor_label=attempt.email,
        request=request,
        outcome=Outcome.FAILED,
        local_authority_id=filed_under,
    )

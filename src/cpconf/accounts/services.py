"""Sign-in safety: counting failed attempts and locking accounts, and the sessions each person
holds — started at sign-in, ended one at a time when they run out, or all at once."""

import math
from datetime import timedelta
from importlib import import_module

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.contrib.sessions.backends.base import SessionBase
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django_otp.plugins.otp_totp.models import TOTPDevice

from cpconf.accounts.models import AccountLock, FailureKind, SignInFailure, User, UserSession
from cpconf.accounts.selectors import user_for_email
from cpconf.audit.models import Outcome
from cpconf.audit.services import audit_record

SIGNED_IN_AT_KEY = "cpconf_signed_in_at"
LAST_SEEN_AT_KEY = "cpconf_last_seen_at"
IDLE = "idle"
TOO_LONG = "too_long"


def account_locked_message(lock: AccountLock) -> str:
    seconds_left = (lock.locked_until - timezone.now()).total_seconds()
    minutes = max(1, math.ceil(seconds_left / 60))
    wait = ngettext("%(count)d minute", "%(count)d minutes", minutes) % {"count": minutes}
    if lock.reason == FailureKind.CODE:
        return _("Your account is locked after too many wrong codes. Try again in %(wait)s.") % {
            "wait": wait
        }
    return _("Your account is locked after too many wrong passwords. Try again in %(wait)s.") % {
        "wait": wait
    }


def sign_in_failure_record(
    *, email: str, kind: str, request: HttpRequest | None
) -> AccountLock | None:
    """Count a wrong password or code for an email address; lock it at the limit.

    Counted per address, whatever the IP address, and the same way for addresses with no
    account, so that the answer never shows whether an account exists.
    """
    email = email.lower()
    now = timezone.now()
    window_start = now - timedelta(seconds=settings.CPCONF_SIGN_IN_FAILURE_WINDOW_SECONDS)
    with transaction.atomic():
        # Failures too old to count, and locks that have ended, are not kept: they are
        # personal data with no further use.
        SignInFailure.objects.filter(occurred_at__lte=window_start).delete()
        AccountLock.objects.filter(locked_until__lte=now).delete()
        SignInFailure.objects.create(email=email, kind=kind, occurred_at=now)
        recent = SignInFailure.objects.filter(email=email, occurred_at__gt=window_start)
        if recent.count() < settings.CPCONF_SIGN_IN_MAX_FAILURES:
            return None
        lock, _created = AccountLock.objects.update_or_create(
            email=email,
            defaults={
                "reason": kind,
                "locked_at": now,
                "locked_until": now + timedelta(seconds=settings.CPCONF_ACCOUNT_LOCK_SECONDS),
            },
        )
        recent.delete()
        audit_record(
            action="account_locked",
            actor=user_for_email(email),
            actor_label=email,
            request=request,
            outcome=Outcome.REFUSED,
        )
    return lock


def sign_in_refusal_record(*, email: str, request: HttpRequest | None) -> None:
    """A sign-in refused because the account is locked, even if the password was right."""
    audit_record(
        action="sign_in",
        actor=user_for_email(email),
        actor_label=email.lower(),
        request=request,
        outcome=Outcome.REFUSED,
    )


def user_session_start(*, request: HttpRequest, user: User) -> None:
    """Note when this session signed in, and whose it is, so it can be ended later."""
    session = request.session
    if session.session_key is None:
        session.save()
    now = timezone.now()
    session[SIGNED_IN_AT_KEY] = session[LAST_SEEN_AT_KEY] = now.timestamp()
    too_old = now - timedelta(seconds=settings.SESSION_MAX_SECONDS)
    UserSession.objects.filter(user=user, signed_in_at__lt=too_old).delete()
    UserSession.objects.update_or_create(
        session_key=session.session_key, defaults={"user": user, "signed_in_at": now}
    )


def session_rotate(*, request: HttpRequest) -> None:
    """A new session id once the second factor passes, keeping what the session holds."""
    old_key = request.session.session_key
    request.session.cycle_key()
    UserSession.objects.filter(session_key=old_key).update(session_key=request.session.session_key)


def session_expiry_reason(session: SessionBase) -> str | None:
    """Why a signed-in session has run out, or None while it may go on."""
    now = timezone.now().timestamp()
    signed_in_at = session.get(SIGNED_IN_AT_KEY)
    if signed_in_at is None or now - signed_in_at >= settings.SESSION_MAX_SECONDS:
        return TOO_LONG
    last_seen_at = session.get(LAST_SEEN_AT_KEY, signed_in_at)
    if now - last_seen_at >= settings.SESSION_IDLE_SECONDS:
        return IDLE
    return None


def session_seen(session: SessionBase) -> None:
    session[LAST_SEEN_AT_KEY] = timezone.now().timestamp()


def session_end(*, request: HttpRequest, action: str = "") -> None:
    """End this session only (it ran out, or the account locked during sign-in)."""
    user = request.user
    if action and isinstance(user, User):
        audit_record(action=action, actor=user, request=request)
    UserSession.objects.filter(session_key=request.session.session_key).delete()
    request.session.flush()
    request.user = AnonymousUser()


def user_sessions_end(*, user: User) -> int:
    """End every session the user holds, on every device; returns how many there were."""
    store = import_module(settings.SESSION_ENGINE).SessionStore
    keys = list(UserSession.objects.filter(user=user).values_list("session_key", flat=True))
    for key in keys:
        store(session_key=key).delete()
    UserSession.objects.filter(session_key__in=keys).delete()
    return len(keys)


def account_disable(*, user: User, actor: User | None, request: HttpRequest | None = None) -> None:
    """Disable an account; saving it inactive ends its sessions (see signals)."""
    with transaction.atomic():
        user.is_active = False
        user.save(update_fields=["is_active"])
        audit_record(action="account_disabled", actor=actor, obj=user, request=request)


def authenticator_reset(*, user: User, actor_label: str) -> int:
    """Forget a person's authenticator app (lost or replaced phone) and end their sessions:
    at their next sign-in they set up an app again. Returns how many apps were removed."""
    with transaction.atomic():
        removed, _by_model = TOTPDevice.objects.filter(user=user).delete()
        user_sessions_end(user=user)
        audit_record(action="authenticator_reset", actor=None, actor_label=actor_label, obj=user)
    return removed

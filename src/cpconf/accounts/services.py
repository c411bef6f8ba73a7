"""The sessions each person holds: started at sign-in, ended one at a time when they run out,
or all at once. (Counting failed attempts and locking addresses: cpconf.accounts.lockout.)"""

from datetime import timedelta
from importlib import import_module

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.contrib.sessions.backends.base import SessionBase
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from cpconf.accounts.models import User, UserSession
from cpconf.audit.services import audit_record

SIGNED_IN_AT_KEY = "cpconf_signed_in_at"
LAST_SEEN_AT_KEY = "cpconf_last_seen_at"
IDLE = "idle"
TOO_LONG = "too_long"


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
    """Note this request as the session's latest activity, at most once every
    SESSION_SEEN_EVERY_SECONDS: each note writes the session to the store, and writing it on
    every request cost every page a database write. The idle limit counts from the last note,
    so a session can end up to that many seconds early, never late."""
    now = timezone.now().timestamp()
    last_seen_at = session.get(LAST_SEEN_AT_KEY, session.get(SIGNED_IN_AT_KEY, 0))
    if now - last_seen_at >= settings.SESSION_SEEN_EVERY_SECONDS:
        session[LAST_SEEN_AT_KEY] = now


def session_end(*, request: HttpRequest, action: str = "") -> None:
    """End this session only (it ran out, or the account locked during sign-in)."""
    user = request.user
    if action and isinstance(user, User):
        audit_record(action=action, actor=user, request=request)
    UserSession.objects.filter(session_key=request.session.session_key).delete()
    request.session.flush()
    request.user = AnonymousUser()


def session_forgotten_end(*, request: HttpRequest) -> str | None:
    """Why the signed-in session this browser names has ended, when it ended unseen.

    The session store forgets a session SESSION_IDLE_SECONDS after its last request, so a
    person back after that arrives signed out, before SessionLifetimeMiddleware could say
    why. The browser still sends the old session id, and that id still names the person's
    UserSession (ending a session any other way removes it): it ran out, by idling or by
    passing SESSION_MAX_SECONDS since sign-in. Ends it, once; None if there is no such session.
    """
    sent_key = request.COOKIES.get(settings.SESSION_COOKIE_NAME)
    if not sent_key:
        return None
    signed_in = UserSession.objects.select_related("user").filter(session_key=sent_key).first()
    if signed_in is None:
        return None
    deleted, _by_model = UserSession.objects.filter(pk=signed_in.pk).delete()
    if not deleted:
        return None  # another request from the same browser has just told them
    audit_record(action="session_expired", actor=signed_in.user, request=request)
    signed_in_for = timezone.now() - signed_in.signed_in_at
    return TOO_LONG if signed_in_for.total_seconds() >= settings.SESSION_MAX_SECONDS else IDLE


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

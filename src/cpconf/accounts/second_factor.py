"""The second step of signing in, after the password.

Staff enter a code from an authenticator app (TOTP through django-otp; each code works once,
because the device remembers the time step of the last one it accepted). The first time,
they set the app up from a QR code or the key written out. Family members get a 6-digit code
by email instead (`EmailCodeDevice`). Until a code passes, the session is signed in but
may reach only these pages and sign-out (`SecondFactorRequiredMiddleware`).

Every wrong code counts towards the same lock as wrong passwords.
"""

import base64
import enum
from datetime import timedelta

import qrcode
import qrcode.image.svg
from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY
from django.core.mail import send_mail
from django.db import transaction
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _
from django_otp import login as otp_login
from django_otp.models import Device
from django_otp.plugins.otp_totp.models import TOTPDevice

from cpconf.accounts.backends import signed_in_by_test_client
from cpconf.accounts.lockout import (
    sign_in_attempt_claim,
    sign_in_attempt_failed,
    sign_in_attempt_passed,
)
from cpconf.accounts.models import EmailCodeDevice, FailureKind, User
from cpconf.accounts.selectors import uses_emailed_codes
from cpconf.accounts.services import session_end, session_rotate
from cpconf.audit.services import audit_record

AUTHENTICATOR_NAME = "Authenticator app"
EMAIL_DEVICE_NAME = "Email"


class CodeCheck(enum.Enum):
    PASSED = "passed"
    WRONG = "wrong"
    TOO_SOON = "too_soon"
    LOCKED = "locked"


def second_factor_passed(request: HttpRequest) -> bool:
    user = request.user
    if not user.is_authenticated:
        return False
    if signed_in_by_test_client(request.session.get(BACKEND_SESSION_KEY)):
        return True
    is_verified = getattr(user, "is_verified", None)
    return bool(is_verified and is_verified())


def authenticator_for(user: User) -> TOTPDevice | None:
    return TOTPDevice.objects.devices_for_user(user, confirmed=True).first()


def authenticator_for_set_up(user: User) -> TOTPDevice:
    """The app not yet confirmed: the same one on each visit, so the QR code stays put."""
    device = TOTPDevice.objects.devices_for_user(user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=AUTHENTICATOR_NAME, confirmed=False)
    return device


def authenticator_key_text(device: TOTPDevice) -> str:
    """The secret as an app asks for it (base32), in groups of four to copy without slips."""
    key = base64.b32encode(device.bin_key).decode("ascii").rstrip("=")
    return " ".join(key[start : start + 4] for start in range(0, len(key), 4))


def authenticator_qr_code(device: TOTPDevice) -> str:
    """The set-up link as an SVG QR code in a data: URL (the CSP allows data: images)."""
    image = qrcode.make(device.config_url, image_factory=qrcode.image.svg.SvgPathFillImage)
    svg = image.to_string(encoding="unicode")
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode("ascii")


def email_device_for(user: User) -> EmailCodeDevice:
    device = EmailCodeDevice.objects.devices_for_user(user, confirmed=True).first()
    if device is None:
        device = EmailCodeDevice.objects.create(user=user, name=EMAIL_DEVICE_NAME)
    return device


def email_code_resend_wait(device: EmailCodeDevice) -> int:
    """Seconds before another code may be sent (a few, so that a double click sends one)."""
    if device.sent_at is None:
        return 0
    ready_at = device.sent_at + timedelta(seconds=settings.CPCONF_EMAIL_CODE_RESEND_SECONDS)
    return max(0, int((ready_at - timezone.now()).total_seconds()))


def email_code_send(*, user: User, request: HttpRequest | None) -> EmailCodeDevice:
    """Email the user a new sign-in code; any earlier code stops working."""
    device = email_device_for(user)
    code = device.issue_code()
    minutes = settings.CPCONF_EMAIL_CODE_SECONDS // 60
    body = render_to_string(
        "accounts/email/sign_in_code.txt",
        {"code": code, "minutes": minutes, "service_name": settings.CPCONF_SERVICE_NAME},
    )
    send_mail(
        _("Your sign-in code for %(service)s") % {"service": settings.CPCONF_SERVICE_NAME},
        body,
        None,
        [user.email],
    )
    audit_record(action="sign_in_code_sent", actor=user, request=request)
    return device


def second_factor_begin(*, request: HttpRequest, user: User) -> None:
    """Just after the password: family members are sent their code straight away."""
    if uses_emailed_codes(user):
        email_code_send(user=user, request=request)


def second_factor_check(*, request: HttpRequest, device: Device, code: str) -> CodeCheck:
    """Check a code from the signed-in (but not yet verified) user's device.

    The code is counted towards the lock before it is checked, as a password is. A code that
    passes confirms a new app and completes sign-in with a fresh session id; a wrong one, or
    one tried too soon after a wrong one, stays counted.
    """
    user = request.user
    assert isinstance(user, User)  # noqa: S101  (the middleware lets no one else here)
    attempt = sign_in_attempt_claim(email=user.email, kind=FailureKind.CODE, request=request)
    if attempt.lock is not None:
        session_end(request=request)
        return CodeCheck.LOCKED
    with transaction.atomic():
        locked_device = type(device).objects.select_for_update().get(pk=device.pk)
        allowed, _details = locked_device.verify_is_allowed()
        passed = allowed and locked_device.verify_token(code)
        if passed and not locked_device.confirmed:
            locked_device.confirmed = True
            locked_device.save(update_fields=["confirmed"])
            audit_record(action="authenticator_set_up", actor=user, request=request)
    if passed:
        if sign_in_attempt_passed(attempt=attempt, request=request) is not None:
            session_end(request=request)
            return CodeCheck.LOCKED
        otp_login(request, locked_device)
        session_rotate(request=request)
        audit_record(action="sign_in", actor=user, request=request)
        return CodeCheck.PASSED
    if sign_in_attempt_failed(attempt=attempt, request=request) is not None:
        session_end(request=request)
        return CodeCheck.LOCKED
    return CodeCheck.WRONG if allowed else CodeCheck.TOO_SOON

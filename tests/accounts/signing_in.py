"""Signing in through the pages as a person does: password, then the second factor."""

import re
import time

from django.core import mail
from django.urls import reverse
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from cpconf.accounts.models import User
from cpconf.accounts.selectors import uses_emailed_codes


def app_code(device: TOTPDevice, *, steps_ahead: int = 0) -> str:
    """The code an authenticator app with this device's key shows (`steps_ahead` later)."""
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time() + steps_ahead * device.step
    return f"{totp.token():06d}"


def unused_app_code(device: TOTPDevice) -> str:
    """The newest code the device has not yet accepted (the next one if this one was used)."""
    device.refresh_from_db()
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    return app_code(device, steps_ahead=max(0, device.last_t + 1 - totp.t()))


def emailed_code(user: User) -> str:
    """The code in the newest email sent to the user."""
    message = [m for m in mail.outbox if user.email in m.to][-1]
    return re.search(r"\b(\d{6})\b", message.body).group(1)


def sign_in_with_password(client, user: User, password: str, **extra):
    return client.post(
        reverse("accounts:sign_in"), {"username": user.email, "password": password, **extra}
    )


def second_factor_code(client, user: User) -> str:
    """What the user would type: from the email, or from the app (set up on first sign-in)."""
    if uses_emailed_codes(user):
        return emailed_code(user)
    device = TOTPDevice.objects.filter(user=user).first()
    if device is None:
        client.get(reverse("accounts:authenticator_set_up"))
        device = TOTPDevice.objects.get(user=user)
    return unused_app_code(device)


def enter_code(client, user: User, code: str, **kwargs):
    confirmed = TOTPDevice.objects.filter(user=user, confirmed=True).exists()
    page = (
        "accounts:authenticator_set_up"
        if not confirmed and not uses_emailed_codes(user)
        else "accounts:second_factor"
    )
    return client.post(reverse(page), {"code": code}, **kwargs)


def sign_in_fully(client, user: User, password: str, **kwargs):
    sign_in_with_password(client, user, password)
    return enter_code(client, user, second_factor_code(client, user), **kwargs)

"""Demo staff sign in with an authenticator app too, with a key anyone can work out.

Each demo user's key is the first 20 bytes of SHA-256 over their email address and
"cpconf-demo", so it is the same on every run and every machine, and published like the demo
password: `cpconf demo_code EMAIL` prints the code to type now, and `--key` the key to add to
an app. Never on a live system: seed_demo and demo_code refuse CPCONF_ENV=production.
"""

import base64
import hashlib
import time

from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

DEMO_KEY_SALT = "cpconf-demo"
DEMO_AUTHENTICATOR_NAME = "Demo authenticator app"


def demo_key_bytes(email: str) -> bytes:
    return hashlib.sha256(f"{email.lower()}{DEMO_KEY_SALT}".encode()).digest()[:20]


def demo_key_hex(email: str) -> str:
    """The key as TOTPDevice stores it."""
    return demo_key_bytes(email).hex()


def demo_key_base32(email: str) -> str:
    """The key as an authenticator app asks for it."""
    return base64.b32encode(demo_key_bytes(email)).decode("ascii").rstrip("=")


def code_to_type_now(device: TOTPDevice, at: float | None = None) -> str:
    """The code the device accepts now: the current one, or if that was just used, the next
    (the device allows one step either side, and never a step it has already accepted)."""
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time() if at is None else at
    current = totp.t()
    wanted = max(current, device.last_t + 1)
    totp.time = totp.time + (wanted - current) * device.step
    return f"{totp.token():0{device.digits}d}"

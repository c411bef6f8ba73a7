"""The bench authority's sign-in details, shared by the generator and the load client.

Every bench account has the same password and an authenticator key anyone can work out (the
first 20 bytes of SHA-256 over the email address and a salt, as the demo's are), so the load
client signs in through the real sign-in pages: password, then the code an authenticator app
would show now. Pure Python, no Django: the load client never imports the app.
"""

import hashlib
import hmac
import struct
import time

BENCH_PASSWORD = "bench-password-2026"  # noqa: S105  (a published bench password, like the demo's)
KEY_SALT = "cpconf-bench"
STEP_SECONDS = 30
DIGITS = 6


def key_bytes(email: str) -> bytes:
    return hashlib.sha256(f"{email.lower()}{KEY_SALT}".encode()).digest()[:20]


def key_hex(email: str) -> str:
    """The key as django-otp's TOTPDevice stores it."""
    return key_bytes(email).hex()


def code_now(email: str, at: float | None = None) -> str:
    """RFC 6238 (HMAC-SHA1, 30-second steps, 6 digits), as TOTPDevice checks it."""
    counter = int((time.time() if at is None else at) // STEP_SECONDS)
    digest = hmac.new(key_bytes(email), struct.pack(">Q", counter), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    value = struct.unpack(">I", digest[offset : offset + 4])[0] & 0x7FFFFFFF
    return f"{value % 10**DIGITS:0{DIGITS}d}"

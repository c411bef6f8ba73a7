"""Real-browser tests: Playwright drives Debian's Chromium against Django's live server.

Playwright's own browser download is not used (it cannot be fetched here, and a system
browser is what councils run); CHROMIUM_PATH says where it is. By default that is Debian's
Chromium headless shell (package chromium-headless-shell): the same engine built to run
without a screen, as Playwright runs headless Chromium itself, at about a third less CPU than
the full browser; CHROMIUM_PATH=/usr/bin/chromium runs the tests in the full browser.
"""

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

CHROMIUM_PATH = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium-headless-shell")
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="module")
def chromium() -> Iterator[object]:
    """One browser per test module.

    Playwright's sync API keeps an event loop running in the test thread while the browser is
    open, and Django's async guard would refuse the tests' own database calls beside it; the
    guard is lifted for exactly that span, and never outside browser tests.
    """
    from playwright.sync_api import sync_playwright

    with pytest.MonkeyPatch.context() as patch, sync_playwright() as playwright:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM_PATH, headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture
def page(chromium, request) -> Iterator[object]:
    context = chromium.new_context(locale="en-GB", timezone_id="Europe/London")
    page = context.new_page()
    yield page
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{request.node.name}.png"), full_page=True)
    context.close()


def sign_in_through_pages(page, base_url: str, user, password: str) -> None:
    """Sign in as a person does: the password, then the second step — setting up the
    authenticator app from the key the page shows, a code from the app already set up, or the
    code emailed to a family member. Ends on the page the sign-in leads to."""
    import base64
    import re
    import time

    from django.core import mail
    from django_otp.oath import TOTP
    from django_otp.plugins.otp_totp.models import TOTPDevice

    page.goto(f"{base_url}/account/sign-in/")
    page.get_by_label("Email address").fill(user.email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(re.compile(r"/account/sign-in/(authenticator|code)/"))
    if "/authenticator/" in page.url:
        key = page.locator("#authenticator-key").inner_text().replace(" ", "")
        code = f"{TOTP(base64.b32decode(key + '=' * (-len(key) % 8))).token():06d}"
    elif page.get_by_role("heading", name="Check your email").is_visible():
        message = [m for m in mail.outbox if user.email in m.to][-1]
        code = re.search(r"\b(\d{6})\b", message.body).group(1)
    else:
        device = TOTPDevice.objects.get(user=user, confirmed=True)
        totp = TOTP(device.bin_key, drift=device.drift)
        totp.time = time.time() + max(0, device.last_t + 1 - totp.t()) * device.step
        code = f"{totp.token():06d}"
    page.get_by_label("Code").fill(code)
    page.get_by_role("button", name="Continue").click()
    page.wait_for_url(lambda url: "/account/sign-in/" not in url)

"""Given a user of each role, when they sign in through a real browser — password, then the
code from an authenticator app (set up on the first sign-in) or from an email — then they land
on their own home page; a wrong password is explained and the email they typed is kept; and
no page breaks the content security policy."""

import pytest

from cpconf.accounts.models import Role
from tests.accounts.test_sign_in import HOME_HEADING_FOR_ROLE
from tests.browser.conftest import sign_in_through_pages
from tests.factories import LocalAuthorityFactory, user_with_role

pytestmark = pytest.mark.django_db(transaction=True)

PASSWORD = "correct-horse-battery"


def watch_for_policy_violations(page) -> list[str]:
    violations: list[str] = []
    page.on(
        "console",
        lambda message: (
            violations.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    return violations


@pytest.mark.parametrize("role", [Role.PROFESSIONAL, Role.CHAIR, Role.FAMILY_MEMBER])
def test_signing_in_in_a_browser_reaches_the_home_page(live_server, page, role):
    user = user_with_role(role, LocalAuthorityFactory(), password=PASSWORD)
    violations = watch_for_policy_violations(page)

    page.goto(f"{live_server.url}/")
    assert "/account/sign-in/" in page.url
    sign_in_through_pages(page, live_server.url, user, PASSWORD)

    page.wait_for_url(f"{live_server.url}/")
    assert page.get_by_role("heading", name=HOME_HEADING_FOR_ROLE[role]).is_visible()
    # The design system's styles and scripts load from the app itself.
    assert page.evaluate("document.body.classList.contains('govuk-frontend-supported')")
    font = page.evaluate("getComputedStyle(document.querySelector('h1')).fontFamily")
    assert "arial" in font.lower()
    assert violations == []


def test_setting_up_the_app_shows_a_qr_code_the_policy_allows(live_server, page):
    user = user_with_role(Role.CHAIR, LocalAuthorityFactory(), password=PASSWORD)
    violations = watch_for_policy_violations(page)

    page.goto(f"{live_server.url}/account/sign-in/")
    page.get_by_label("Email address").fill(user.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/account/sign-in/authenticator/**")

    qr_code = page.get_by_role("img", name="QR code to add CP Conference to your authenticator app")
    assert qr_code.evaluate("image => image.complete && image.naturalWidth > 0")
    assert len(page.locator("#authenticator-key").inner_text().replace(" ", "")) == 32
    page.get_by_role("button", name="Continue").click()
    assert page.locator(".govuk-error-summary").is_visible()
    assert "Enter the 6-digit code from your authenticator app" in page.content()
    assert violations == []


def test_the_second_sign_in_asks_for_a_code_from_the_app(live_server, page):
    user = user_with_role(Role.UNIT_ADMINISTRATOR, LocalAuthorityFactory(), password=PASSWORD)
    sign_in_through_pages(page, live_server.url, user, PASSWORD)
    page.get_by_role("button", name="Sign out").click()
    page.wait_for_url("**/account/sign-in/**")

    sign_in_through_pages(page, live_server.url, user, PASSWORD)

    assert page.url == f"{live_server.url}/"
    assert page.get_by_role("heading", name=HOME_HEADING_FOR_ROLE[Role.UNIT_ADMINISTRATOR])


def test_a_wrong_password_shows_the_error_summary_and_keeps_the_email(live_server, page):
    user = user_with_role(Role.CHAIR, LocalAuthorityFactory(), password=PASSWORD)

    page.goto(f"{live_server.url}/account/sign-in/")
    page.get_by_label("Email address").fill(user.email)
    page.get_by_label("Password").fill("wrong-password-here")
    page.get_by_role("button", name="Sign in").click()

    summary = page.locator(".govuk-error-summary")
    assert summary.is_visible()
    assert page.evaluate("document.activeElement.classList.contains('govuk-error-summary')")
    assert page.get_by_label("Email address").input_value() == user.email
    assert page.title().startswith("Error:")

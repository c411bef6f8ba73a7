"""Given a user of each role, when they sign in through a real browser, then they land on
their own home page; a wrong password is explained and the email they typed is kept."""

import pytest

from cpconf.accounts.models import Role
from tests.accounts.test_sign_in import HOME_HEADING_FOR_ROLE
from tests.factories import LocalAuthorityFactory, user_with_role

pytestmark = pytest.mark.django_db(transaction=True)

PASSWORD = "correct-horse-battery"


@pytest.mark.parametrize("role", [Role.PROFESSIONAL, Role.CHAIR, Role.FAMILY_MEMBER])
def test_signing_in_in_a_browser_reaches_the_home_page(live_server, page, role):
    user = user_with_role(role, LocalAuthorityFactory(), password=PASSWORD)

    page.goto(f"{live_server.url}/")
    assert "/account/sign-in/" in page.url
    page.get_by_label("Email address").fill(user.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()

    page.wait_for_url(f"{live_server.url}/")
    assert page.get_by_role("heading", name=HOME_HEADING_FOR_ROLE[role]).is_visible()
    # The design system's styles and scripts load from the app itself.
    assert page.evaluate("document.body.classList.contains('govuk-frontend-supported')")
    font = page.evaluate("getComputedStyle(document.querySelector('h1')).fontFamily")
    assert "arial" in font.lower()


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

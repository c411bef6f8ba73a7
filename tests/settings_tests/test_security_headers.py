"""Security headers on every response; no-store on everything shown to a signed-in person;
and no template carries the inline script or style the content security policy would block."""

import re
from pathlib import Path

import pytest
from django.urls import reverse

from cpconf.accounts.models import Role
from tests.factories import LocalAuthorityFactory, user_with_role

pytestmark = pytest.mark.django_db

TEMPLATES = Path(__file__).resolve().parents[2] / "src" / "cpconf" / "templates"
EXPECTED_DIRECTIVES = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self'",
    "img-src": "'self' data:",
    "object-src": "'none'",
    "base-uri": "'self'",
    "form-action": "'self'",
    "frame-ancestors": "'none'",
}


def directives(header: str) -> dict[str, str]:
    parts = (part.strip().split(" ", 1) for part in header.split(";") if part.strip())
    return {name: value for name, value in parts}


def assert_security_headers(response) -> None:
    policy = directives(response["Content-Security-Policy"])
    for name, value in EXPECTED_DIRECTIVES.items():
        assert policy[name] == value, name
    assert "unsafe-inline" not in response["Content-Security-Policy"]
    assert "unsafe-eval" not in response["Content-Security-Policy"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"


def test_the_sign_in_page_carries_the_security_headers(client):
    assert_security_headers(client.get(reverse("accounts:sign_in")))


def test_a_not_found_page_and_a_redirect_carry_them_too(client):
    assert_security_headers(client.get("/no-such-page/"))
    assert_security_headers(client.get(reverse("home:home")))


def test_static_files_carry_them_and_may_be_cached(client):
    response = client.get("/static/cpconf/application.css")

    assert response.status_code == 200
    assert_security_headers(response)
    assert "no-store" not in response.get("Cache-Control", "")


@pytest.mark.parametrize("role", [Role.PROFESSIONAL, Role.FAMILY_MEMBER, Role.AUDITOR])
def test_pages_for_a_signed_in_person_are_never_stored(client, role):
    client.force_login(user_with_role(role, LocalAuthorityFactory()))

    response = client.get(reverse("home:home"))

    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert_security_headers(response)
    missing = client.get("/no-such-page/")
    assert "no-store" in missing["Cache-Control"]


def test_half_signed_in_pages_are_never_stored_either(client):
    user = user_with_role(Role.CHAIR, LocalAuthorityFactory(), password="a-long-test-password")
    client.post(
        reverse("accounts:sign_in"), {"username": user.email, "password": "a-long-test-password"}
    )

    response = client.get(reverse("accounts:authenticator_set_up"))

    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]


def test_hsts_is_sent_over_https_when_production_sets_it(client, settings):
    settings.SECURE_HSTS_SECONDS = 31_536_000
    settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    settings.SECURE_HSTS_PRELOAD = True

    response = client.get(reverse("accounts:sign_in"), secure=True)

    assert response["Strict-Transport-Security"] == ("max-age=31536000; includeSubDomains; preload")


INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>", re.IGNORECASE)
STYLE_ELEMENT_OR_ATTRIBUTE = re.compile(r"<style\b|\sstyle\s*=", re.IGNORECASE)
EVENT_HANDLER = re.compile(r"<[^>]+\son[a-z]+\s*=", re.IGNORECASE)
JAVASCRIPT_URL = re.compile(r"javascript:", re.IGNORECASE)


@pytest.mark.parametrize(
    "pattern", [INLINE_SCRIPT, STYLE_ELEMENT_OR_ATTRIBUTE, EVENT_HANDLER, JAVASCRIPT_URL]
)
def test_no_template_has_inline_script_or_style(pattern):
    """The policy allows scripts and styles only from files the app serves."""
    templates = sorted(TEMPLATES.rglob("*.html"))
    assert templates
    offenders = [
        str(path.relative_to(TEMPLATES))
        for path in templates
        if pattern.search(path.read_text(encoding="utf-8"))
    ]
    assert not offenders

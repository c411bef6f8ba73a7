"""What the authority set-up tests share: two authorities, each with its unit administrator,
and the page's words as a person reads them."""

import html
import re
from dataclasses import dataclass

from django.urls import reverse

from cpconf.accounts.models import Role, User
from cpconf.audit.models import AuditEvent
from cpconf.organisations.models import LocalAuthority
from tests.factories import LocalAuthorityFactory, user_with_role


@dataclass
class Authorities:
    north: LocalAuthority
    south: LocalAuthority
    unit: User
    south_unit: User


def two_authorities() -> Authorities:
    north = LocalAuthorityFactory(name="Northshire Council", slug="northshire")
    south = LocalAuthorityFactory(
        name="Southvale Council", slug="southvale", policy_name="southvale"
    )
    return Authorities(
        north=north,
        south=south,
        unit=user_with_role(Role.UNIT_ADMINISTRATOR, north, email="unit@north.example"),
        south_unit=user_with_role(Role.UNIT_ADMINISTRATOR, south, email="unit@south.example"),
    )


def url(name: str, authority: LocalAuthority, *args: object) -> str:
    return reverse(f"organisations:{name}", args=(authority.slug, *args))


def page_text(response) -> str:
    """The page's words, tags dropped and entities read, spaces collapsed."""
    text = re.sub(r"<[^>]+>", " ", response.content.decode())
    return re.sub(r"\s+", " ", html.unescape(text))


def error_summary(response) -> str:
    found = re.search(r'class="govuk-error-summary".*?</ul>', response.content.decode(), flags=re.S)
    assert found, "the page has no error summary"
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", found.group(0))))


def last_event(action: str) -> AuditEvent:
    return AuditEvent.objects.filter(action=action).order_by("-sequence").first()

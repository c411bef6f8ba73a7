"""A family with reports in every state around the scene's parent, and two other families
(one in the same authority, one in another), each with a marker in its text, so every portal
page can be searched for what must never be there."""

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone

from cpconf.accounts.models import Role, User
from cpconf.conferences.models import Conference
from cpconf.families.models import FamilyMember
from cpconf.reports.models import ProfessionalReport
from tests.factories import (
    ChildFactory,
    ConferenceFactory,
    FamilyFactory,
    FamilyMemberFactory,
    InvitationFactory,
    LocalAuthorityFactory,
    user_with_role,
)
from tests.page_reading import page_html
from tests.report_scene import PASSWORD, Scene, build_scene, complete, save, start, submit
from tests.worlds import FAST_HASHER, fresh, rolled_back_world

CANARY = "CANARY-portal-7c1d-restricted"
SHARED = "SHARED-MARKER-b2e4"
UNSHARED = "UNSHARED-MARKER-a93f"
DRAFT = "DRAFT-MARKER-55d0"
OTHER_FAMILY = "OTHER-FAMILY-MARKER-11aa"
FOREIGN = "FOREIGN-MARKER-9f3c"
NEVER_SHOWN = (CANARY, UNSHARED, DRAFT, OTHER_FAMILY, FOREIGN)


def written(conference: Conference, author: User, marker: str, *, shared=True, submitted=True):
    report = complete(start(None, conference, author), marker)  # type: ignore[arg-type]
    save(report, "restricted", {"text": f"{CANARY} {marker}", "reason": "Informant at risk"})
    if not shared:
        sharing = {"shared": "no", "not_shared_reason": "Mother in hospital"}
        save(report, "sharing", sharing)
    if submitted:
        submit(report)
    report.refresh_from_db()
    return report


def invited_writer(conference: Conference) -> User:
    writer = user_with_role(Role.PROFESSIONAL, conference.family.local_authority, password=PASSWORD)
    InvitationFactory(
        conference=conference, invitee=writer, agency=writer.role_assignments.get().agency
    )
    return writer


def family_with_parent(authority: Any, marker: str) -> tuple[Conference, User, ProfessionalReport]:
    family = FamilyFactory(local_authority=authority)
    ChildFactory(family=family)
    conference = ConferenceFactory(family=family)
    parent = user_with_role(Role.FAMILY_MEMBER, authority, password=PASSWORD)
    FamilyMemberFactory(family=family, user=parent)
    report = written(conference, invited_writer(conference), marker)
    return conference, parent, report


@dataclass
class Portal:
    scene: Scene
    member: FamilyMember
    shared: ProfessionalReport
    unshared: ProfessionalReport
    draft: ProfessionalReport
    other_conference: Conference
    other_parent: User
    other_report: ProfessionalReport
    foreign_conference: Conference
    foreign_parent: User
    foreign_report: ProfessionalReport


def _build_portal() -> Portal:
    scene = build_scene()
    conference = scene.conference
    shared = written(conference, scene.author, SHARED)
    unshared = written(conference, invited_writer(conference), UNSHARED, shared=False)
    draft = written(conference, scene.colleague, DRAFT, submitted=False)
    other = family_with_parent(scene.authority, OTHER_FAMILY)
    foreign = family_with_parent(LocalAuthorityFactory(policy_name="southvale"), FOREIGN)
    member = FamilyMember.objects.get(user=scene.parent)
    return Portal(scene, member, shared, unshared, draft, *other, *foreign)


@pytest.fixture(scope="module")
def portal_built_once(django_db_setup, django_db_blocker) -> Iterator[Portal]:
    """The portal's world, built once for a whole module (tests/worlds.py): writing its five
    reports section by section for every test took most of the portal tests' time."""
    yield from rolled_back_world(django_db_blocker, _build_portal)


@pytest.fixture
def portal(portal_built_once, db, settings) -> Portal:
    """The module's portal world, its records read afresh for this test. Its passwords are
    hashed with the fast test hasher, which the test's settings list so sign-in works."""
    settings.PASSWORD_HASHERS = FAST_HASHER
    return fresh(portal_built_once)


def page_text(response) -> str:
    return page_html(response)


def assert_nothing_forbidden(text: str) -> None:
    found = [marker for marker in NEVER_SHOWN if marker in text]
    assert not found, f"found {found}"


def past(conference: Conference, days: int = 3) -> Conference:
    conference.starts_at = timezone.now() - timezone.timedelta(days=days)
    conference.save(update_fields=["starts_at"])
    return conference


READ_VERSION = re.compile(r'<input type="hidden" name="version" value="(\d+)"')


def comment_from_page(client, report: ProfessionalReport, text: str) -> dict[str, str]:
    """What the report's page sends with the comments: the words, and the version the page
    showed (read from the page itself, as the browser sends it)."""
    page = client.get(reverse("portal:report", args=[report.pk])).content.decode()
    found = READ_VERSION.search(page)
    assert found is not None, "the report's page does not say which version it shows"
    return {"text": text, "version": found.group(1)}


def send_comment(client, report: ProfessionalReport, text: str, **kw: Any):
    """The member reads the report's page, then sends their comments from it."""
    url = reverse("portal:report", args=[report.pk])
    return client.post(url, comment_from_page(client, report, text), **kw)

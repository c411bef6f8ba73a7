"""The authorisation matrix: every URL pattern of the project, for every role and anonymous,
against records of the user's own family, another family of the same authority, and a family
of another authority. A new URL pattern fails this test until its row is written here.

Codes: 200 shown; 302 redirected (anonymous → sign-in, or on to the right page); 404 not
found — the answer to anything the user may not know exists; 405 wrong method.

Each answer is also checked against the audit trail, by the request's id: a 404 (or 403) is
recorded as a refusal and never as a read; an allowed request for a record ends with its read
(or its change) recorded as a success; anonymous, 401 and 405 requests read nothing.
"""

import importlib
import pkgutil
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from django.conf import settings
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone

from cpconf.accounts.models import Role
from cpconf.audit.models import AuditEvent, Outcome
from tests.access import matrix_extensions
from tests.access.matrix_base import (
    AUDITORS_ONLY,
    CONFERENCES,
    FAMILIES,
    NOBODY_BUT_AUTHOR,
    REPORTS,
    SIGNED_IN_ONLY,
    UNIT_ONLY,
    USERS,
    Case,
    no_args,
    pk,
    readers,
)
from tests.factories import (
    AgencyFactory,
    ChildFactory,
    ConferenceFactory,
    FamilyFactory,
    FamilyMemberFactory,
    InvitationFactory,
    LocalAuthorityFactory,
    user_with_role,
)
from tests.report_scene import PASSWORD, complete, save, submit
from tests.worlds import rolled_back_world

pytestmark = pytest.mark.django_db

EXTENSIONS = tuple(
    importlib.import_module(f"{matrix_extensions.__name__}.{module.name}")
    for module in pkgutil.iter_modules(matrix_extensions.__path__)
)


@dataclass
class World:
    users: dict[str, Any]
    records: dict[str, Any]
    # Each signed-in user's session, made with the world and so kept for the whole module.
    sessions: dict[str, str]


def sign_in_as(client: Client, world: World, user_key: str) -> None:
    """The client takes the user's session made with the world (anonymous: no session), so
    no case signs anyone in or out for itself: that was most of a refused request's cost. A
    page that ends the session ends it only until the case's transaction is rolled back."""
    client.cookies.pop(settings.SESSION_COOKIE_NAME, None)
    if user_key in world.sessions:
        client.cookies[settings.SESSION_COOKIE_NAME] = world.sessions[user_key]


# Put into every restricted section; tests/access/test_canary.py looks for it everywhere.
CANARY = "CANARY-5e1f0c-restricted"


def _written(conference, author, *, submitted: bool):
    report = complete(start_for(conference, author))
    section = report.sections.get(key="restricted")
    save(report, "restricted", {"text": f"{CANARY} in report {report.pk}", "reason": "Informant"})
    assert section.revision < report.sections.get(key="restricted").revision
    if submitted:
        submit(report)
    return report


def start_for(conference, author):
    from cpconf.reports import services

    return services.report_start(
        conference=conference, author=author, agency=author.role_assignments.get().agency
    )


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker) -> Iterator[World]:
    """The world, built once for the whole module (tests/worlds.py). Each case runs in its own
    savepoint, so what one case changes (a sign out, a saved report) the next never sees;
    building it per case took most of the run."""
    yield from rolled_back_world(django_db_blocker, _build_world)


def _build_world() -> World:
    north, south = LocalAuthorityFactory(), LocalAuthorityFactory()
    users: dict[str, Any] = {"anonymous": None}
    users["professional"] = user_with_role(Role.PROFESSIONAL, north, password=PASSWORD)
    users["social_worker"] = user_with_role(Role.SOCIAL_WORKER, north, password=PASSWORD)
    users["unit"] = user_with_role(Role.UNIT_ADMINISTRATOR, north, password=PASSWORD)
    users["chair"] = user_with_role(Role.CHAIR, north, password=PASSWORD)
    users["family_member"] = user_with_role(Role.FAMILY_MEMBER, north, password=PASSWORD)
    users["auditor"] = user_with_role(Role.AUDITOR, north, password=PASSWORD)
    users["other_authority_unit"] = user_with_role(Role.UNIT_ADMINISTRATOR, south)
    colleague = user_with_role(
        Role.PROFESSIONAL, north, agency=AgencyFactory(local_authority=north)
    )

    own = FamilyFactory(local_authority=north, allocated_social_worker=users["social_worker"])
    ChildFactory(family=own)
    FamilyMemberFactory(family=own, user=users["family_member"])
    own_conference = ConferenceFactory(
        family=own, chair=users["chair"], pack_released_at=timezone.now()
    )
    for writer in (users["professional"], colleague):
        InvitationFactory(
            conference=own_conference, invitee=writer, agency=writer.role_assignments.get().agency
        )
    other = FamilyFactory(local_authority=north)
    ChildFactory(family=other)
    other_conference = ConferenceFactory(family=other, pack_released_at=timezone.now())
    other_writer = user_with_role(Role.PROFESSIONAL, north)
    InvitationFactory(
        conference=other_conference,
        invitee=other_writer,
        agency=other_writer.role_assignments.get().agency,
    )
    foreign = FamilyFactory(local_authority=south)
    ChildFactory(family=foreign)
    foreign_conference = ConferenceFactory(family=foreign, pack_released_at=timezone.now())
    foreign_writer = user_with_role(Role.PROFESSIONAL, south)
    InvitationFactory(
        conference=foreign_conference,
        invitee=foreign_writer,
        agency=foreign_writer.role_assignments.get().agency,
    )
    records = {
        "own_family": own,
        "other_family": other,
        "foreign_family": foreign,
        "own_conference": own_conference,
        "other_conference": other_conference,
        "foreign_conference": foreign_conference,
        # The professional's own draft, a colleague's submitted report at the same conference,
        # and submitted reports of the other family and the other authority.
        "own_draft": _written(own_conference, users["professional"], submitted=False),
        "colleagues_report": _written(own_conference, colleague, submitted=True),
        "other_report": _written(other_conference, other_writer, submitted=True),
        "foreign_report": _written(foreign_conference, foreign_writer, submitted=True),
    }
    for extension in EXTENSIONS:
        if hasattr(extension, "extend_world"):
            extension.extend_world(users, records)
    sessions = {}
    for key, user in users.items():
        if user is not None:
            signing_in = Client()
            signing_in.force_login(user)
            sessions[key] = signing_in.cookies[settings.SESSION_COOKIE_NAME].value
    return World(users, records, sessions)


CORE_CASES = (
    Case("home:home", "get", ("none",), no_args, SIGNED_IN_ONLY),
    Case(
        "accounts:sign_in",
        "get",
        ("none",),
        no_args,
        {user: "302" for user in USERS} | {"anonymous": "200"},
    ),
    Case(
        "accounts:sign_out",
        "get",
        ("none",),
        no_args,
        {user: "405" for user in USERS} | {"anonymous": "302"},
    ),
    Case("accounts:sign_out", "post", ("none",), no_args, {user: "302" for user in USERS}),
    # A one-time link to set up an invited account: this one is not valid, for anyone.
    Case(
        "accounts:set_up",
        "get",
        ("none",),
        lambda r: ("MQ", "not-a-token"),
        {user: "200" for user in USERS},
    ),
    # The second step of signing in: force_login is past it, so each page sends users on.
    Case("accounts:second_factor", "get", ("none",), no_args, {user: "302" for user in USERS}),
    Case("accounts:second_factor", "post", ("none",), no_args, {user: "302" for user in USERS}),
    Case(
        "accounts:authenticator_set_up", "get", ("none",), no_args, {user: "302" for user in USERS}
    ),
    Case(
        "accounts:email_code_send",
        "get",
        ("none",),
        no_args,
        {user: "405" for user in USERS} | {"anonymous": "302"},
    ),
    Case("accounts:email_code_send", "post", ("none",), no_args, {user: "302" for user in USERS}),
    Case(
        "families:detail",
        "get",
        FAMILIES,
        pk,
        {
            "anonymous": "302 302 302",
            "professional": "200 404 404",
            "social_worker": "200 404 404",
            "unit": "200 200 404",
            "chair": "200 404 404",
            "family_member": "404 404 404",
            "auditor": "404 404 404",
            "other_authority_unit": "404 404 200",
        },
    ),
    Case(
        "conferences:detail",
        "get",
        CONFERENCES,
        pk,
        {
            "anonymous": "302 302 302",
            "professional": "200 404 404",
            "social_worker": "200 404 404",
            "unit": "200 200 404",
            "chair": "200 404 404",
            # A family member reads their meetings in the family pages, not the staff page.
            "family_member": "404 404 404",
            "auditor": "404 404 404",
            "other_authority_unit": "404 404 200",
        },
    ),
    Case("audit:search", "get", ("none",), no_args, AUDITORS_ONLY),
    Case("audit:export", "get", ("none",), no_args, AUDITORS_ONLY),
    Case("conferences:book", "get", FAMILIES, pk, UNIT_ONLY),
    Case("conferences:reschedule", "get", CONFERENCES, pk, UNIT_ONLY),
    Case("conferences:invite", "get", CONFERENCES, pk, UNIT_ONLY),
    Case("conferences:board", "get", CONFERENCES, pk, UNIT_ONLY | {"chair": "200 404 404"}),
    Case(
        "conferences:attendance",
        "get",
        CONFERENCES,
        lambda c: (c.pk, c.invitations.order_by("pk").first().pk),
        UNIT_ONLY | {"professional": "200 404 404"},
    ),
    Case(
        "reports:start",
        "get",
        CONFERENCES,
        pk,
        {u: "405 405 405" for u in USERS} | {"anonymous": "302 302 302"},
    ),
    Case(
        "reports:start",
        "post",
        CONFERENCES,
        pk,
        {u: "404 404 404" for u in USERS}
        | {"anonymous": "302 302 302", "professional": "302 404 404"},
    ),
    Case(
        "reports:task_list",
        "get",
        REPORTS,
        pk,
        {
            "anonymous": "302 302 302 302",
            "professional": "200 302 404 404",
            "social_worker": "404 404 404 404",
            "unit": "404 302 302 404",
            "chair": "404 302 404 404",
            "family_member": "404 404 404 404",
            "auditor": "404 404 404 404",
            "other_authority_unit": "404 404 404 302",
        },
    ),
    Case("reports:part", "get", REPORTS, lambda r: (r.pk, "worries"), NOBODY_BUT_AUTHOR),
    Case(
        "reports:coach",
        "post",
        REPORTS,
        lambda r: (r.pk, "worries"),
        NOBODY_BUT_AUTHOR,
    ),
    # Confirming a carried-forward section: the author only. The author's draft is for an
    # initial conference, so nothing in it was carried forward: a 404 for them too.
    Case(
        "reports:part_confirm",
        "post",
        REPORTS,
        lambda r: (r.pk, "worries"),
        NOBODY_BUT_AUTHOR | {"professional": "404 404 404 404"},
    ),
    Case("reports:check", "get", REPORTS, pk, NOBODY_BUT_AUTHOR),
    Case(
        "reports:amend",
        "get",
        REPORTS,
        pk,
        NOBODY_BUT_AUTHOR | {"professional": "302 404 404 404"},
    ),
    Case(
        "reports:submitted",
        "get",
        REPORTS,
        lambda r: (r.pk, 1),
        NOBODY_BUT_AUTHOR | {"professional": "404 404 404 404"},
    ),
    Case("reports:version", "get", REPORTS, lambda r: (r.pk, 1), readers(own="404")),
    Case("reports:compare", "get", REPORTS, pk, readers(own="404")),
    Case(
        "reports:download",
        "get",
        REPORTS,
        lambda r: (r.pk, "family", "docx"),
        readers(own="200"),
    ),
    Case(
        "reports:download",
        "get",
        REPORTS,
        lambda r: (r.pk, "conference", "pdf"),
        # The conference copy holds the restricted section: not for other professionals.
        readers(own="200", professional="200 404 404 404"),
    ),
)

CASES = CORE_CASES + tuple(case for e in EXTENSIONS for case in e.CASES)


def url_names(patterns: list[Any] | None = None, namespace: str = "") -> Iterator[str]:
    for pattern in patterns if patterns is not None else get_resolver().url_patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from url_names(pattern.url_patterns, inner)
        elif isinstance(pattern, URLPattern):
            if pattern.name is None:
                raise AssertionError(f"URL pattern {pattern.pattern} has no name")
            yield f"{namespace}{pattern.name}"


def test_every_url_pattern_is_in_the_matrix():
    covered = {case.name for case in CASES}

    missing = sorted(set(url_names()) - covered)

    assert not missing, f"Add these URL patterns to the authorisation matrix: {missing}"


def test_the_matrix_covers_every_user_for_every_target():
    for case in CASES:
        assert set(case.expect) == set(USERS), case.name
        for user, row in case.expect.items():
            assert len(row.split()) == len(case.targets), (case.name, user)


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c.method} {c.name}")
def test_each_user_gets_the_expected_answer(client, world, case):
    differences = []
    for user_key in USERS:
        user = world.users[user_key]
        expected = case.expect[user_key].split()
        sign_in_as(client, world, user_key)
        for target, want in zip(case.targets, expected, strict=True):
            # Signed in again only after a page ended the session.
            if user is not None and client.session.get("_auth_user_id") != str(user.pk):
                client.force_login(user)
            record = world.records.get(target)
            url = reverse(case.name, args=case.args(record))
            response = getattr(client, case.method)(url)
            if str(response.status_code) != want:
                differences.append(f"{user_key} {target}: {response.status_code}, wanted {want}")
            problem = audit_problem(
                response, signed_in=user is not None, target=target, case=case.name
            )
            if problem:
                differences.append(f"{user_key} {target}: {response.status_code}, {problem}")
    assert not differences, "\n".join(differences)


# Answered without reading anything stored: the coach reads only the text the author sends
# (as they pause, so each answer is not audited; a refusal is).
READS_NOTHING_STORED = {"reports:coach"}


def audit_problem(response: Any, *, signed_in: bool, target: str, case: str) -> str | None:
    """What is wrong with the trail this one request left (found by its request id): a
    refused request leaves a refusal and no read; an allowed one ends with its read (or its
    change) recorded as a success; a request that never reached a record reads nothing."""
    events = list(
        AuditEvent.objects.filter(request_id=response["X-Request-ID"]).order_by("sequence")
    )
    outcomes = [(event.action, event.outcome) for event in events]
    succeeded = any(event.outcome == Outcome.SUCCESS for event in events)
    status = response.status_code
    if status in (403, 404):
        if succeeded or not any(event.outcome == Outcome.REFUSED for event in events):
            return f"refused, but the trail says {outcomes}"
    elif status in (401, 405) or not signed_in:
        if succeeded:
            return f"nothing read, but the trail says {outcomes}"
    elif case in READS_NOTHING_STORED or target == "none":
        if events and events[-1].outcome != Outcome.SUCCESS:
            return f"allowed, but the trail says {outcomes}"
    elif not events or events[-1].outcome != Outcome.SUCCESS:
        return f"allowed, but the trail says {outcomes}"
    return None

"""Every `selectors.py` only reads: called against the seeded demo, no selector executes an
INSERT, UPDATE or DELETE; and none imports a services module or calls a write method.

Each public function of a selectors module has a row in CALLS saying how to call it. A new
public function fails `test_every_public_selector_has_a_row` until its row is written here, so
the check never goes stale silently. The one write a selector may make is the audit event of
the read it answers (every read of a child's record is audited): those functions are named in
AUDITED_READS, and the only table they may write is the audit trail."""

import ast
import importlib
import inspect
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from django.db import connection
from django.db.models import QuerySet
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

import cpconf
from cpconf.accounts.models import Role, RoleAssignment
from cpconf.api.services import api_client_create
from cpconf.audit.models import AuditChainHead, AuditEvent
from cpconf.conference_records.models import ConferenceRecord, RecordVersion
from cpconf.families.models import FamilyMember
from cpconf.organisations.models import LocalAuthority
from cpconf.portal.models import ChildView
from cpconf.reports.models import ProfessionalReport, ReportStatus
from tests.worlds import FAST_HASHER

SRC = Path(cpconf.__file__).parent
SELECTOR_MODULES = sorted(
    ".".join(("cpconf", *path.relative_to(SRC).with_suffix("").parts))
    for path in SRC.glob("**/selectors.py")
)
WRITE_METHODS = {"save", "create", "delete", "get_or_create", "update_or_create"}
# `.update(` is a queryset's write only on a queryset: a set's or a dict's update is not one.
QUERYSET = re.compile(r"\bobjects\b|\.(filter|exclude|all|select_for_update)\(|_set\b")
# Anywhere in the statement: a write may follow a WITH clause.
WRITES = re.compile(r"\b(INSERT\s+INTO|UPDATE\s+\S+\s+SET|DELETE\s+FROM)\b", re.IGNORECASE)
AUDIT_TABLES = tuple(model._meta.db_table for model in (AuditEvent, AuditChainHead))
# Reads that record themselves in the audit trail (its events and their hash chain's head),
# and write nothing else.
AUDITED_READS = {"cpconf.conference_records.selectors.record_for"}
# Selectors that answer from what they are given (a report form, or what the caller already
# fetched), without the database.
NO_QUERY = {
    "cpconf.organisations.selectors.report_form_groups",
    "cpconf.preparation.selectors.portal_comments",
    "cpconf.reports.selectors.assessment_key",
    "cpconf.reports.selectors.carried_keys",
    "cpconf.reports.selectors.form_of",
    "cpconf.reports.selectors.is_closed",
    "cpconf.reports.selectors.report_form_for",
}


def public_functions(module_name: str) -> list[str]:
    module = importlib.import_module(module_name)
    return [
        f"{module_name}.{name}"
        for name, value in vars(module).items()
        if inspect.isfunction(value) and value.__module__ == module_name and name[0] != "_"
    ]


# --- The seeded world the selectors are called in ---------------------------------------


@dataclass
class World:
    authority: LocalAuthority
    users: dict[str, Any]
    report: ProfessionalReport
    member: FamilyMember
    record: ConferenceRecord
    record_version: RecordVersion
    child_view: ChildView | None
    api_client: Any

    @property
    def conference(self):
        return self.report.conference

    @property
    def family(self):
        return self.conference.family

    @property
    def report_form(self):
        from cpconf.reports.selectors import form_of

        return form_of(self.report)

    @property
    def version(self):
        return self.report.versions.order_by("-number").first()

    def each_user(self) -> Iterator[Any]:
        yield from self.users.values()


def build_world() -> World:
    report = (
        ProfessionalReport.objects.filter(status=ReportStatus.SUBMITTED, versions__isnull=False)
        .select_related("conference__family__local_authority", "author", "agency")
        .first()
    )
    assert report is not None, "the demo has a submitted report"
    authority = report.conference.family.local_authority
    users = {}
    for role in Role:
        assignments = RoleAssignment.objects.filter(role=role).select_related("user")
        assignment = (
            assignments.filter(local_authority=authority).order_by("pk").first()
            or assignments.order_by("pk").first()
        )
        assert assignment is not None, f"the demo has a {role}"
        users[role.value] = assignment.user
    member = FamilyMember.objects.filter(user__isnull=False).select_related("family").first()
    record_version = RecordVersion.objects.select_related("record__conference").first()
    assert member is not None and record_version is not None
    return World(
        authority=authority,
        users=users,
        report=report,
        member=member,
        record=record_version.record,
        record_version=record_version,
        child_view=ChildView.objects.first() or _child_view(member),
        # The demo has no API client: one is made here, before any selector is called.
        api_client=api_client_create(local_authority=authority, name="Selectors test")[0],
    )


def _child_view(member: FamilyMember) -> ChildView:
    """The demo has no child's view: one is made here, before any selector is called (as if
    sent before the meeting: the portal takes none once a meeting has started)."""
    from cpconf.portal.selectors import conferences_for

    conference = conferences_for(member).first()
    assert conference is not None, "the demo parent has a conference"
    return ChildView.objects.create(
        conference=conference, member=member, child=None, text="I like school."
    )


def _api_client(world: World):
    return world.api_client


def _request(world: World):
    request = RequestFactory().get("/")
    request.user = world.users[Role.CHAIR]
    return request


def _census(world: World):
    from cpconf.census import selectors

    return selectors.figures_for(world.authority, timezone.localdate())


def _shared(world: World):
    from cpconf.portal import selectors

    shared = selectors.shared_reports_for(world.member)
    return shared[0] if shared else None


def _letter(world: World):
    from cpconf.outcomes.models import OutcomeLetter

    return OutcomeLetter.objects.first()


def for_users(call: Callable[[Any], Any]) -> Callable[[World], list[Any]]:
    """The selector called for one user of each role."""
    return lambda world: [call(user) for user in world.each_user()]


def for_users_and(call: Callable[[Any, World], Any]) -> Callable[[World], list[Any]]:
    return lambda world: [call(user, world) for user in world.each_user()]


SEARCH = "cpconf.audit_trail.selectors.AuditSearch"
TODAY = date(2026, 12, 7)

# How to call each public selector: module.function -> a call given the seeded world. The
# selector's module is imported by `call_of`; `s` in each row is that module.
CALLS: dict[str, Callable[[Any, World], Any]] = {
    # accounts
    "cpconf.accounts.selectors.user_for_email": lambda s, w: s.user_for_email(
        w.users[Role.FAMILY_MEMBER].email
    ),
    "cpconf.accounts.selectors.account_lock_current": lambda s, w: s.account_lock_current(
        email=w.users[Role.CHAIR].email
    ),
    "cpconf.accounts.selectors.sign_in_authority_id": lambda s, w: s.sign_in_authority_id(
        email=w.users[Role.CHAIR].email
    ),
    "cpconf.accounts.selectors.uses_emailed_codes": lambda s, w: for_users(s.uses_emailed_codes)(w),
    # api
    "cpconf.api.selectors.families_of": lambda s, w: s.families_of(_api_client(w)),
    "cpconf.api.selectors.agencies_of": lambda s, w: s.agencies_of(_api_client(w)),
    "cpconf.api.selectors.conferences_of": lambda s, w: s.conferences_of(
        _api_client(w), family=w.family.case_reference, starts_from=date(2020, 1, 1)
    ),
    "cpconf.api.selectors.invitations_of": lambda s, w: s.invitations_of(_api_client(w)),
    "cpconf.api.selectors.reports_by_author": lambda s, w: s.reports_by_author(w.conference),
    "cpconf.api.selectors.submitted_reports_of": lambda s, w: s.submitted_reports_of(
        _api_client(w)
    ),
    "cpconf.api.selectors.latest_finalised_record": lambda s, w: s.latest_finalised_record(
        w.record.conference
    ),
    # audit trail
    "cpconf.audit_trail.selectors.auditor_authority_ids": lambda s, w: for_users(
        s.auditor_authority_ids
    )(w),
    "cpconf.audit_trail.selectors.searched_family_ids": lambda s, w: s.searched_family_ids(
        s.AuditSearch(child=w.family.children.first().given_name, family=w.family.name),
        [w.authority.pk],
    ),
    "cpconf.audit_trail.selectors.events_matching": lambda s, w: s.events_matching(
        s.AuditSearch(user=w.users[Role.CHAIR].email, start=date(2020, 1, 1), end=TODAY),
        [w.authority.pk],
    ),
    "cpconf.audit_trail.selectors.actions_in": lambda s, w: s.actions_in([w.authority.pk]),
    "cpconf.audit_trail.selectors.case_references": lambda s, w: s.case_references(
        {w.family.pk}, [w.authority.pk]
    ),
    # census
    "cpconf.census.selectors.census_authorities": lambda s, w: for_users(s.census_authorities)(w),
    "cpconf.census.selectors.la_code_of": lambda s, w: s.la_code_of(w.authority),
    "cpconf.census.selectors.figures_for": lambda s, w: s.figures_for(w.authority, TODAY),
    "cpconf.census.selectors.children_named": lambda s, w: s.children_named(
        _census(w)[1], tuple(w.family.children.values_list("pk", flat=True))
    ),
    "cpconf.census.selectors.census_children": lambda s, w: s.census_children(w.authority),
    "cpconf.census.selectors.details_of": lambda s, w: [
        s.details_of(child) for child in w.family.children.all()
    ],
    # conference overview
    "cpconf.conference_overview.selectors.reports_for": lambda s, w: for_users_and(
        lambda user, world: list(s.reports_for(user, world.conference))
    )(w),
    # conference records
    "cpconf.conference_records.selectors.conferences_for": lambda s, w: for_users(
        s.conferences_for
    )(w),
    "cpconf.conference_records.selectors.record_for": lambda s, w: s.record_for(
        _request(w), w.record.conference_id
    ),
    "cpconf.conference_records.selectors.version_numbered": lambda s, w: s.version_numbered(
        w.record.conference, 1
    ),
    "cpconf.conference_records.selectors.latest_version": lambda s, w: s.latest_version(w.record),
    "cpconf.conference_records.selectors.versions_of": lambda s, w: s.versions_of(w.record),
    "cpconf.conference_records.selectors.latest_finalised_content": lambda s, w: (
        s.latest_finalised_content(w.record.conference)
    ),
    # conferences
    "cpconf.conferences.selectors.conferences_for": lambda s, w: for_users(s.conferences_for)(w),
    "cpconf.conferences.selectors.staff_conferences_for": lambda s, w: for_users(
        s.staff_conferences_for
    )(w),
    "cpconf.conferences.selectors.invitations_for_conferences_of": lambda s, w: for_users(
        s.invitations_for_conferences_of
    )(w),
    "cpconf.conferences.selectors.invitations_for": lambda s, w: for_users_and(
        lambda user, world: list(s.invitations_for(user, world.conference))
    )(w),
    # data protection
    "cpconf.dataprotection.selectors.kept_records": lambda s, w: (
        s.kept_records(local_authority=w.authority),
        s.kept_records(family_ids=[w.family.pk]),
    ),
    "cpconf.dataprotection.selectors.expired_audit_trails": lambda s, w: s.expired_audit_trails(
        today=date(2060, 1, 1), local_authority=w.authority
    ),
    "cpconf.dataprotection.selectors.retention_schedule": lambda s, w: s.retention_schedule(
        today=TODAY
    ),
    "cpconf.dataprotection.selectors.holds_in_force": lambda s, w: s.holds_in_force(w.family),
    # families
    "cpconf.families.selectors.families_for": lambda s, w: for_users(s.families_for)(w),
    "cpconf.families.selectors.conferences_of": lambda s, w: for_users_and(
        lambda user, world: list(s.conferences_of(user, world.family))
    )(w),
    "cpconf.families.selectors.unit_authorities": lambda s, w: for_users(s.unit_authorities)(w),
    "cpconf.families.selectors.families_searchable_by": lambda s, w: for_users(
        s.families_searchable_by
    )(w),
    "cpconf.families.selectors.may_search": lambda s, w: for_users(s.may_search)(w),
    "cpconf.families.selectors.family_search": lambda s, w: for_users_and(
        lambda user, world: list(s.family_search(user, world.family.name))
    )(w),
    "cpconf.families.selectors.front_sheet_versions": lambda s, w: s.front_sheet_versions(w.family),
    "cpconf.families.selectors.imports_for": lambda s, w: for_users(s.imports_for)(w),
    # home
    "cpconf.home.selectors.reports_to_write": lambda s, w: for_users(s.reports_to_write)(w),
    "cpconf.home.selectors.allocated_families": lambda s, w: for_users(s.allocated_families)(w),
    "cpconf.home.selectors.chaired_conferences": lambda s, w: for_users(s.chaired_conferences)(w),
    "cpconf.home.selectors.unit_conferences": lambda s, w: for_users(s.unit_conferences)(w),
    "cpconf.home.selectors.unit_pages": lambda s, w: for_users(
        lambda user: s.unit_pages(user, timezone.now(), 1, 2)
    )(w),
    "cpconf.home.selectors.held_conferences": lambda s, w: for_users(
        lambda user: s.held_conferences(s.unit_pages(user, timezone.now())[1].summaries)
    )(w),
    "cpconf.home.selectors.family_conferences": lambda s, w: for_users(s.family_conferences)(w),
    "cpconf.home.selectors.recent_audit_events": lambda s, w: for_users(s.recent_audit_events)(w),
    "cpconf.home.selectors.home_page_for": lambda s, w: for_users(s.home_page_for)(w),
    # organisations
    "cpconf.organisations.selectors.authorities": lambda s, w: s.authorities(),
    "cpconf.organisations.selectors.authority_named": lambda s, w: s.authority_named(
        w.authority.slug
    ),
    "cpconf.organisations.selectors.unit_authorities": lambda s, w: for_users(s.unit_authorities)(
        w
    ),
    "cpconf.organisations.selectors.report_form_groups": lambda s, w: s.report_form_groups(
        w.authority
    ),
    "cpconf.organisations.selectors.agencies_of": lambda s, w: s.agencies_of(w.authority),
    "cpconf.organisations.selectors.agencies_to_change": lambda s, w: s.agencies_to_change(
        w.authority
    ),
    "cpconf.organisations.selectors.agencies_offered": lambda s, w: s.agencies_offered(
        w.authority, keeping=w.report.agency
    ),
    "cpconf.organisations.selectors.staff_of": lambda s, w: s.staff_of(w.authority),
    "cpconf.organisations.selectors.second_factor_resets": lambda s, w: s.second_factor_resets(
        w.authority, w.users[Role.UNIT_ADMINISTRATOR]
    ),
    # outcomes
    "cpconf.outcomes.selectors.conferences_run_by": lambda s, w: for_users(s.conferences_run_by)(w),
    "cpconf.outcomes.selectors.latest_finalised_version": lambda s, w: s.latest_finalised_version(
        w.record.conference
    ),
    "cpconf.outcomes.selectors.letters_of": lambda s, w: s.letters_of(w.record.conference),
    "cpconf.outcomes.selectors.letters_for": lambda s, w: s.letters_for(w.record_version),
    "cpconf.outcomes.selectors.readable_letters": lambda s, w: for_users(s.readable_letters)(w),
    # packs
    "cpconf.packs.selectors.pack_conferences_for": lambda s, w: for_users(s.pack_conferences_for)(
        w
    ),
    "cpconf.packs.selectors.built_packs_for": lambda s, w: for_users(
        lambda user: [list(s.built_packs_for(user, without=kind)) for kind in ("pdf", "docx")]
    )(w),
    "cpconf.packs.selectors.copies_for": lambda s, w: for_users_and(
        lambda user, world: s.copies_for(user, world.conference)
    )(w),
    "cpconf.packs.selectors.packs_for": lambda s, w: for_users_and(
        lambda user, world: list(s.packs_for(user, world.conference))
    )(w),
    # portal
    "cpconf.portal.selectors.member_scope": lambda s, w: for_users(s.member_scope)(w),
    "cpconf.portal.selectors.member_for": lambda s, w: for_users(s.member_for)(w),
    "cpconf.portal.selectors.conferences_for": lambda s, w: s.conferences_for(w.member),
    "cpconf.portal.selectors.upcoming_and_past": lambda s, w: s.upcoming_and_past(w.member),
    "cpconf.portal.selectors.shared_reports_for": lambda s, w: s.shared_reports_for(w.member),
    "cpconf.portal.selectors.newer_versions_not_shared": lambda s, w: [
        s.newer_versions_not_shared(w.member, conference)
        for conference in s.conferences_for(w.member)
    ],
    "cpconf.portal.selectors.shared_report_scope": lambda s, w: s.shared_report_scope(w.member),
    "cpconf.portal.selectors.shared_report": lambda s, w: s.shared_report(
        w.member, _shared(w).report
    ),
    "cpconf.portal.selectors.family_copy_document": lambda s, w: (
        s.family_copy_document(_shared(w)),
        s.family_copy_document(_shared(w), s.ReadingFormat(large_print=True, easy_read=True)),
    ),
    "cpconf.portal.selectors.reading_format": lambda s, w: s.reading_format(w.member),
    "cpconf.portal.selectors.letters_for": lambda s, w: s.letters_for(w.member),
    "cpconf.portal.selectors.letter_for": lambda s, w: [
        s.letter_for(w.member, conference) for conference in s.conferences_for(w.member)
    ],
    "cpconf.portal.selectors.letter_download_url": lambda s, w: [
        s.letter_download_url(letter, extension)
        for letter in [_letter(w)]
        if letter is not None
        for extension in ("pdf", "docx")
    ],
    "cpconf.portal.selectors.comments_by": lambda s, w: s.comments_by(w.member, _shared(w).report),
    "cpconf.portal.selectors.parents_reports_by": lambda s, w: s.parents_reports_by(
        w.member, w.conference
    ),
    "cpconf.portal.selectors.child_views_by": lambda s, w: s.child_views_by(w.member, w.conference),
    "cpconf.portal.selectors.feedback_by": lambda s, w: s.feedback_by(w.member, w.conference),
    "cpconf.portal.selectors.children_of": lambda s, w: s.children_of(w.member),
    "cpconf.portal.selectors.child_views_visible_to": lambda s, w: for_users(
        s.child_views_visible_to
    )(w),
    "cpconf.portal.selectors.may_read_shared_report": lambda s, w: for_users_and(
        lambda user, world: s.may_read_shared_report(user, _shared(world).report)
    )(w),
    "cpconf.portal.selectors.may_read_letter": lambda s, w: [
        s.may_read_letter(user, letter)
        for letter in [_letter(w)]
        if letter is not None
        for user in w.each_user()
    ],
    "cpconf.portal.selectors.may_see_child_view": lambda s, w: [
        s.may_see_child_view(user, w.child_view)
        for user in w.each_user()
        if w.child_view is not None
    ],
    "cpconf.portal.selectors.parents_report": lambda s, w: [
        s.parents_report(conference) for conference in s.conferences_for(w.member)
    ],
    "cpconf.portal.selectors.comments_for": lambda s, w: s.comments_for(_shared(w).report),
    "cpconf.portal.selectors.comments_on": lambda s, w: s.comments_on(_shared(w).report),
    "cpconf.portal.selectors.access_needs_lines": lambda s, w: [
        s.access_needs_lines(member) for member in w.member.family.members.all()
    ],
    "cpconf.portal.selectors.access_needs_of": lambda s, w: [
        s.access_needs_of(member) for member in w.member.family.members.all()
    ],
    "cpconf.portal.selectors.family_access_needs": lambda s, w: s.family_access_needs(
        w.member.family
    ),
    "cpconf.portal.selectors.invitable_people": lambda s, w: s.invitable_people(w.member.family),
    # preparation
    "cpconf.preparation.selectors.family_comments": lambda s, w: s.family_comments(w.report),
    "cpconf.preparation.selectors.portal_comments": lambda s, w: s.portal_comments(),
    "cpconf.preparation.selectors.coach_warnings": lambda s, w: s.coach_warnings(
        w.report_form, w.version.content["parts"]
    ),
    "cpconf.preparation.selectors.prepared": lambda s, w: s.prepared(w.report),
    "cpconf.preparation.selectors.submitted_reports": lambda s, w: for_users_and(
        lambda user, world: s.submitted_reports(user, world.conference)
    )(w),
    "cpconf.preparation.selectors.preparation_for": lambda s, w: for_users_and(
        lambda user, world: s.preparation_for(user, world.conference)
    )(w),
    "cpconf.preparation.selectors.children_for": lambda s, w: for_users(s.children_for)(w),
    # reports
    "cpconf.reports.selectors.readable_reports": lambda s, w: for_users(s.readable_reports)(w),
    "cpconf.reports.selectors.own_reports": lambda s, w: for_users(s.own_reports)(w),
    "cpconf.reports.selectors.versions_of": lambda s, w: s.versions_of(w.report),
    "cpconf.reports.selectors.version_of": lambda s, w: s.version_of(w.report, 1),
    "cpconf.reports.selectors.has_versions": lambda s, w: s.has_versions(w.report, 1, 2),
    "cpconf.reports.selectors.latest_version": lambda s, w: s.latest_version(w.report),
    "cpconf.reports.selectors.readable_parts": lambda s, w: for_users_and(
        lambda user, world: s.readable_parts(
            user, world.report, world.report_form, world.version.content["parts"]
        )
    )(w),
    "cpconf.reports.selectors.comparison_base": lambda s, w: s.comparison_base(w.report, w.version),
    "cpconf.reports.selectors.report_form_for": lambda s, w: s.report_form_for(w.conference),
    "cpconf.reports.selectors.form_of": lambda s, w: s.form_of(w.report),
    "cpconf.reports.selectors.form_of_version": lambda s, w: s.form_of_version(w.report, w.version),
    "cpconf.reports.selectors.assessment_key": lambda s, w: s.assessment_key(w.report_form),
    "cpconf.reports.selectors.carried_keys": lambda s, w: s.carried_keys(w.report_form),
    "cpconf.reports.selectors.carried_from": lambda s, w: s.carried_from(
        w.report, author_id=w.report.author_id
    ),
    "cpconf.reports.selectors.previous_parts_for": lambda s, w: s.previous_parts_for(
        w.report, s.working_copy(w.report), author_id=w.report.author_id
    ),
    "cpconf.reports.selectors.previous_report_for": lambda s, w: [
        s.previous_report_for(report.conference, report.author, report.agency)
        for report in ProfessionalReport.objects.filter(conference__previous__isnull=False)
    ],
    "cpconf.reports.selectors.unreviewed_sections": lambda s, w: s.unreviewed_sections(w.report),
    "cpconf.reports.selectors.working_copy": lambda s, w: s.working_copy(w.report),
    "cpconf.reports.selectors.fingerprint_to_sign": lambda s, w: s.fingerprint_to_sign(w.report),
    "cpconf.reports.selectors.is_closed": lambda s, w: s.is_closed(w.conference),
    "cpconf.reports.selectors.missing_answers": lambda s, w: s.missing_answers(w.report),
    "cpconf.reports.selectors.version_content": lambda s, w: (
        s.version_content(w.report),
        s.version_content(w.report, w.version),
    ),
}


def _writes_audit_trail(sql: str) -> bool:
    return any(
        sql.startswith((f'INSERT INTO "{table}"', f'UPDATE "{table}"')) for table in AUDIT_TABLES
    )


def writes_in(queries: list[dict[str, str]]) -> list[str]:
    return [q["sql"] for q in queries if WRITES.search(q["sql"])]


@pytest.fixture
def world(demo_seeded_once, settings) -> World:
    settings.PASSWORD_HASHERS = FAST_HASHER
    return build_world()


def force(result: Any) -> Any:
    """Querysets are lazy: read them, and those inside what a selector returns."""
    if isinstance(result, QuerySet):
        return list(result)
    if isinstance(result, list | tuple):
        return [force(item) for item in result]
    return result


def test_every_public_selector_has_a_row():
    found = {name for module in SELECTOR_MODULES for name in public_functions(module)}

    assert sorted(found - CALLS.keys()) == [], "write a row in CALLS for each new selector"
    assert sorted(CALLS.keys() - found) == [], "these selectors are gone: delete their rows"


@pytest.mark.django_db
@pytest.mark.parametrize("name", sorted(CALLS))
def test_a_selector_writes_nothing(world, name):
    module_name, function = name.rsplit(".", 1)
    module = importlib.import_module(module_name)

    with CaptureQueriesContext(connection) as read:
        force(CALLS[name](module, world))

    written = writes_in(read.captured_queries)
    if name in AUDITED_READS:
        assert written, f"{name} audits the read it answers"
        written = [sql for sql in written if not _writes_audit_trail(sql)]
    assert written == [], f"{function} wrote: {written}"
    assert read.captured_queries or name in NO_QUERY, (
        f"{function} was called but read nothing: its row in CALLS does not reach the database"
    )


def _imported_modules(tree: ast.Module) -> Iterator[str]:
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            yield node.module
            yield from (f"{node.module}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)


def _write_calls(tree: ast.Module) -> Iterator[str]:
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            method = node.func.attr
            on_queryset = method == "update" and QUERYSET.search(ast.unparse(node.func.value))
            if method in WRITE_METHODS or method.startswith("bulk_") or on_queryset:
                yield f"line {node.lineno}: .{method}("


@pytest.mark.parametrize("module_name", SELECTOR_MODULES)
def test_a_selectors_module_imports_no_services_and_calls_no_write(module_name):
    path = SRC.joinpath(*module_name.split(".")[1:]).with_suffix(".py")
    tree = ast.parse(path.read_text(), filename=str(path))

    services = [m for m in _imported_modules(tree) if m.split(".")[-1] == "services"]
    assert services == [], f"{module_name} imports {services}"
    assert list(_write_calls(tree)) == [], f"{module_name} calls a write method"

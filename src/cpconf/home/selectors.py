"""What each role needs to act on, for the home page. Every query starts from an access scope."""

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime

from django.core.paginator import Page
from django.db.models import Exists, F, OuterRef, QuerySet
from django.utils import timezone

from cpconf.access import roles_of
from cpconf.accounts.models import Role, User
from cpconf.audit.models import AuditEvent
from cpconf.conferences.access_rules import conferences_visible_to
from cpconf.conferences.models import Conference, ConferenceStatus, Invitation
from cpconf.conferences.scheduling import deadlines_for
from cpconf.deadlines import MeetingDeadlines
from cpconf.families.access_rules import families_visible_to
from cpconf.families.models import Family
from cpconf.organisations.models import LocalAuthority
from cpconf.organisations.selectors import unit_authorities
from cpconf.outcomes.due_dates import (
    OutcomeDueDates,
    due_dates_of,
    first_letter_issued_at,
    first_minutes_approved_at,
)
from cpconf.outcomes.models import OutcomeLetter
from cpconf.pagination import CappedPaginator
from cpconf.reports.access_rules import reports_visible_to
from cpconf.reports.models import ProfessionalReport, ReportStatus
from cpconf.reports.received import ConferenceSummary, unit_overview, with_board_counts

UPCOMING_STATUSES = (ConferenceStatus.SCHEDULED, ConferenceStatus.IN_PROGRESS)


def _upcoming(conferences: QuerySet[Conference], now: datetime) -> QuerySet[Conference]:
    return (
        conferences.filter(starts_at__gte=now, status__in=UPCOMING_STATUSES)
        .select_related("family", "family__local_authority", "chair")
        .order_by("starts_at")
    )


@dataclass
class ReportToWrite:
    conference: Conference
    invitation: Invitation
    report: ProfessionalReport | None

    @property
    def deadlines(self) -> MeetingDeadlines:
        return deadlines_for(self.conference)

    @property
    def status_label(self) -> str:
        if self.report is None:
            return str(ReportStatus.NOT_STARTED.label)
        return self.report.get_status_display()


def reports_to_write(user: User, now: datetime | None = None) -> list[ReportToWrite]:
    """Upcoming conferences the user is invited to, with their own report if started."""
    now = now or timezone.now()
    invitations = (
        # From the user's own invitations (a handful), each checked against the scope:
        # not from every upcoming conference of the authority.
        Invitation.objects.filter(
            invitee=user,
            conference__starts_at__gte=now,
            conference__status__in=UPCOMING_STATUSES,
            conference__in=conferences_visible_to(user),
        )
        .select_related("conference", "conference__family", "conference__family__local_authority")
        .order_by("conference__starts_at")
    )
    own_reports = {
        r.conference_id: r
        for r in reports_visible_to(user).filter(
            author=user, conference__in=[i.conference_id for i in invitations]
        )
    }
    return [ReportToWrite(i.conference, i, own_reports.get(i.conference_id)) for i in invitations]


def allocated_families(user: User) -> QuerySet[Family]:
    return (
        families_visible_to(user)
        .filter(allocated_social_worker=user)
        .prefetch_related("children")
        .order_by("name")
    )


def chaired_conferences(user: User, now: datetime | None = None) -> QuerySet[Conference]:
    return _upcoming(conferences_visible_to(user).filter(chair=user), now or timezone.now())


def _latest_letter_issued() -> Exists:
    """Whether the conference's latest finalised record version has its letter issued (a
    correction's new version needs its own)."""
    return Exists(
        OutcomeLetter.objects.filter(record_version__record__conference=OuterRef("pk")).exclude(
            record_version__record__versions__number__gt=F("record_version__number")
        )
    )


def unit_conferences(user: User, now: datetime | None = None) -> QuerySet[Conference]:
    """The authority's conferences until each has been held and its letter issued (a meeting
    still to come, or held with the record or the letter still to do), each with its board's
    counts (invited, outstanding, not shared) worked out by the database, soonest first."""
    now = now or timezone.now()
    authority_ids = [
        a.local_authority_id for a in roles_of(user) if a.role == Role.UNIT_ADMINISTRATOR
    ]
    return with_board_counts(
        conferences_visible_to(user)
        .filter(family__local_authority_id__in=authority_ids)
        .exclude(status=ConferenceStatus.CANCELLED)
        .alias(letter_issued=_latest_letter_issued())
        .exclude(starts_at__lt=now, letter_issued=True)
        .select_related("family", "family__local_authority", "previous")
        .order_by("starts_at", "pk")
    )


# Conferences per page of the unit's lists: an authority has hundreds booked at any time.
UNIT_PAGE_SIZE = 10
# Each list is counted this far for its page links: 50 pages, past any real backlog.
COUNTED_CONFERENCES = 500
UPCOMING_PAGE = "upcoming"
HELD_PAGE = "held"


@dataclass(frozen=True)
class UnitPage:
    """One page of one of the unit's lists: the summaries shown and the page they are on."""

    summaries: list[ConferenceSummary]
    page: Page


@dataclass(frozen=True)
class HeldConference:
    """A held conference still to finish: its board in numbers, and when its letter and
    minutes are due (overdue once past with none issued or approved)."""

    summary: ConferenceSummary
    due: OutcomeDueDates

    @property
    def conference(self) -> Conference:
        return self.summary.conference

    @property
    def invited(self) -> int:
        return self.summary.invited

    @property
    def outstanding(self) -> int:
        return self.summary.outstanding


def held_conferences(summaries: list[ConferenceSummary]) -> list[HeldConference]:
    """The held list's rows with their due dates, from what the listing query carried."""
    return [
        HeldConference(
            summary,
            due_dates_of(
                summary.conference,
                summary.conference.letter_first_issued_at,  # type: ignore[attr-defined]
                summary.conference.minutes_first_approved_at,  # type: ignore[attr-defined]
                summary.now,
            ),
        )
        for summary in summaries
    ]


def unit_pages(
    user: User, now: datetime, upcoming_page: str | int = 1, held_page: str | int = 1
) -> tuple[UnitPage, UnitPage]:
    """One page of the unit's upcoming conferences and one of those held and still to
    finish, each summarised from the database's counts. Each list is counted only up to
    `COUNTED_CONFERENCES` (`CappedPaginator`), so a page costs the same however many
    conferences the authority has held. A page number that is not one shows the nearest
    page (Django's `get_page`)."""
    listed = unit_conferences(user, now)
    upcoming = CappedPaginator(
        listed.filter(starts_at__gte=now), UNIT_PAGE_SIZE, cap=COUNTED_CONFERENCES
    ).get_page(upcoming_page)
    held = CappedPaginator(
        listed.filter(starts_at__lt=now).annotate(
            letter_first_issued_at=first_letter_issued_at(),
            minutes_first_approved_at=first_minutes_approved_at(),
        ),
        UNIT_PAGE_SIZE,
        cap=COUNTED_CONFERENCES,
    ).get_page(held_page)
    return (
        UnitPage(unit_overview(upcoming.object_list), upcoming),
        UnitPage(unit_overview(held.object_list), held),
    )


def family_conferences(user: User, now: datetime | None = None) -> QuerySet[Conference]:
    return _upcoming(
        conferences_visible_to(user).filter(family__members__user=user), now or timezone.now()
    )


def recent_audit_events(user: User, limit: int = 20) -> QuerySet[AuditEvent]:
    """The latest events in the authorities where the user is an auditor."""
    authority_ids = [a.local_authority_id for a in roles_of(user) if a.role == Role.AUDITOR]
    if not authority_ids:
        return AuditEvent.objects.none()
    return AuditEvent.objects.filter(local_authority_id__in=authority_ids)[:limit]


@dataclass
class HomePage:
    roles: set[str]
    reports_to_write: list[ReportToWrite] = field(default_factory=list)
    allocated_families: list[Family] = field(default_factory=list)
    chaired_conferences: list[Conference] = field(default_factory=list)
    unit_conferences: list[ConferenceSummary] = field(default_factory=list)
    # Held, with the record to finalise or the letter to issue.
    unit_held_conferences: list[HeldConference] = field(default_factory=list)
    # The pages the two lists above are from, for their pagination.
    unit_conferences_page: Page | None = None
    unit_held_conferences_page: Page | None = None
    family_conferences: list[Conference] = field(default_factory=list)
    audit_events: list[AuditEvent] = field(default_factory=list)
    unit_authorities: list[LocalAuthority] = field(default_factory=list)


def home_page_for(user: User, pages: Mapping[str, str] | None = None) -> HomePage:
    """`pages`: the page of each of the unit's lists asked for (`UPCOMING_PAGE`,
    `HELD_PAGE`), the first if not given."""
    pages = pages or {}
    roles = {a.role for a in roles_of(user)}
    page = HomePage(roles=roles)
    if roles & {Role.PROFESSIONAL, Role.SOCIAL_WORKER}:
        page.reports_to_write = reports_to_write(user)
    if Role.SOCIAL_WORKER in roles:
        page.allocated_families = list(allocated_families(user))
    if Role.CHAIR in roles:
        page.chaired_conferences = list(chaired_conferences(user))
    if Role.UNIT_ADMINISTRATOR in roles:
        upcoming, held = unit_pages(
            user, timezone.now(), pages.get(UPCOMING_PAGE, 1), pages.get(HELD_PAGE, 1)
        )
        page.unit_conferences, page.unit_conferences_page = upcoming.summaries, upcoming.page
        page.unit_held_conferences = held_conferences(held.summaries)
        page.unit_held_conferences_page = held.page
        page.unit_authorities = unit_authorities(user)
    if Role.FAMILY_MEMBER in roles:
        page.family_conferences = list(family_conferences(user))
    if Role.AUDITOR in roles:
        page.audit_events = list(recent_audit_events(user))
    return page

"""Reports received: for each invitee to a conference, where their report is and whether it
was shared with the family; and each conference's count of what is outstanding, overdue,
unshared or at statutory risk. Read by the reports-received board, the unit's home page, the
chair's preparation and brief, the minutes and the reminders, so it sits with the reports, which
may read conferences; the pages that show it sit above."""

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date, datetime
from functools import cached_property
from typing import Any

from django.core.cache import cache as shared_cache
from django.db.models import (
    Count,
    Exists,
    IntegerField,
    OuterRef,
    Prefetch,
    QuerySet,
    Subquery,
    TextField,
    Value,
)
from django.db.models.functions import MD5, Cast, Coalesce
from django.utils import timezone

from cpconf.conferences.models import Conference, Invitation
from cpconf.conferences.scheduling import deadlines_for
from cpconf.deadlines import MeetingDeadlines, initial_conference_by, review_by
from cpconf.reports.coach_cache import COACH_CACHE_SECONDS, coach_cache_key
from cpconf.reports.coaching import warning_count
from cpconf.reports.models import ProfessionalReport, ReportSection, ReportStatus
from cpconf.reports.report_content import Sharing
from cpconf.reports.selectors import form_of

NOT_STARTED = "not_started"
SUBMITTED_LATE = "submitted_late"
STATUS_LABELS = {
    NOT_STARTED: "Not started",
    ReportStatus.DRAFT: "Draft",
    ReportStatus.SHARED: "Shared with family",
    ReportStatus.SUBMITTED: "Submitted",
    SUBMITTED_LATE: "Submitted late",
}
STATUS_COLOURS = {
    NOT_STARTED: "grey",
    ReportStatus.DRAFT: "light-blue",
    ReportStatus.SHARED: "blue",
    ReportStatus.SUBMITTED: "green",
    SUBMITTED_LATE: "orange",
}


@dataclass(frozen=True)
class BoardRow:
    invitation: Invitation
    report: ProfessionalReport | None
    status: str
    sharing: str
    shared: bool
    # Filled in for every row at once by `with_coach_warnings` (one cache lookup per board).
    counted_warnings: int | None = None

    @property
    def coach_warnings(self) -> int | None:
        """The quality coach's warnings on the report as it stands; None with no report."""
        if self.report is None or not self.report.form_key:
            return None
        if self.counted_warnings is not None:
            return self.counted_warnings
        return warning_count(self.report, _working_copy(self.report))

    @property
    def status_label(self) -> str:
        return STATUS_LABELS[self.status]

    @property
    def status_colour(self) -> str:
        return STATUS_COLOURS[self.status]

    @property
    def is_submitted(self) -> bool:
        return self.status in (ReportStatus.SUBMITTED, SUBMITTED_LATE)


def _sharing(report: ProfessionalReport | None) -> tuple[str, bool]:
    if report is None:
        return "Not recorded", False
    # `board_rows` fetches only the sharing part of each report, under its own name.
    sections = getattr(report, SHARING_SECTIONS, None)
    if sections is None:
        sections = report.sections.all()
    section = next((s for s in sections if s.key == SHARING), None)
    sharing = Sharing.from_json(section.content if section else {})
    if sharing.shared == "yes":
        when = date.fromisoformat(sharing.shared_on) if sharing.shared_on else None
        return (f"Shared on {when.day} {when:%B %Y}" if when else "Shared"), True
    if sharing.shared == "no":
        return f"Not shared: {sharing.not_shared_reason}", False
    return "Not recorded", False


def _status(report: ProfessionalReport | None) -> str:
    if report is None or report.status == ReportStatus.NOT_STARTED:
        return NOT_STARTED
    if report.status == ReportStatus.SUBMITTED and report.submitted_late:
        return SUBMITTED_LATE
    return str(report.status)


SHARING = "sharing"
SHARING_SECTIONS = "sharing_sections"
# The invitee's report's status, carried on each invitation by `outstanding_rows`.
REPORT_STATUS = "report_status"


def board_rows(conference: Conference) -> list[BoardRow]:
    """Each invitee's row. Of each report only its sharing part is read (the rest of a report
    is its text, thousands of words that no row shows); `with_coach_warnings` reads the whole
    working copies when the coach's counts are wanted."""
    sharing = ReportSection.objects.filter(key=SHARING)
    reports = ProfessionalReport.objects.filter(conference=conference).prefetch_related(
        Prefetch("sections", queryset=sharing, to_attr=SHARING_SECTIONS)
    )
    return _rows(conference.invitations.select_related("agency", "invitee"), reports)


def outstanding_rows(conference: Conference) -> list[BoardRow]:
    """The board's rows still waiting for a submitted report, as the chair's brief lists
    them (agency, invitee and how far the report has got): one query of the invitations,
    each with its invitee's report's status, and no report read (no outstanding row shows
    what a report holds)."""
    own_report = ProfessionalReport.objects.filter(
        conference=OuterRef("conference"), author=OuterRef("invitee")
    )
    invitations = conference.invitations.select_related("agency", "invitee").annotate(
        **{REPORT_STATUS: Subquery(own_report.values("status")[:1])}
    )
    rows = []
    for invitation in invitations:
        status = getattr(invitation, REPORT_STATUS, None) or NOT_STARTED
        if status != ReportStatus.SUBMITTED:
            rows.append(BoardRow(invitation, None, status, "", False))
    return rows


def _working_copy(report: ProfessionalReport) -> dict[str, Any]:
    return {section.key: section.content for section in report.sections.all()}


def _working_copies(reports: list[ProfessionalReport]) -> dict[int, dict[str, Any]]:
    """Every part of each report as it stands, in one query."""
    copies: dict[int, dict[str, Any]] = {report.pk: {} for report in reports}
    for section in ReportSection.objects.filter(report__in=[r.pk for r in reports]).only(
        "report_id", "key", "content"
    ):
        copies[section.report_id][section.key] = section.content
    return copies


def _section_digests(reports: list[ProfessionalReport]) -> dict[int, dict[str, str]]:
    """Each report's parts as digests of their content, worked out by the database: a few
    bytes per part instead of the thousands of words the parts hold."""
    digests: dict[int, dict[str, str]] = {report.pk: {} for report in reports}
    for report_id, key, digest in (
        ReportSection.objects.filter(report__in=[r.pk for r in reports])
        .annotate(digest=MD5(Cast("content", TextField())))
        .values_list("report_id", "key", "digest")
    ):
        digests[report_id][key] = digest
    return digests


def with_coach_warnings(rows: list[BoardRow]) -> list[BoardRow]:
    """The rows with each report's coach warnings counted: remembered in the shared cache under
    a digest of what they were counted from (the parts' digests come from the database, and
    one cache query serves the whole board); the coach is run, on the whole text, only for a
    report that changed since someone last looked. The coach reads every word of every
    report, far the slowest part of the board otherwise."""
    coached = {
        index: row.report
        for index, row in enumerate(rows)
        if row.report is not None and row.report.form_key
    }
    digests = _section_digests(list(coached.values())) if coached else {}
    keys = {
        index: coach_cache_key("warnings", form_of(report), digests[report.pk])
        for index, report in coached.items()
    }
    remembered = shared_cache.get_many(list(keys.values())) if keys else {}
    missing = [report for index, report in coached.items() if keys[index] not in remembered]
    copies = _working_copies(missing) if missing else {}
    counted: list[BoardRow] = []
    fresh: dict[str, int] = {}
    for index, row in enumerate(rows):
        if index not in keys:
            counted.append(row)
            continue
        count = remembered.get(keys[index])
        if count is None:
            report = coached[index]
            count = warning_count(report, copies[report.pk])
            fresh[keys[index]] = count
        counted.append(replace(row, counted_warnings=count))
    if fresh:
        shared_cache.set_many(fresh, timeout=COACH_CACHE_SECONDS)
    return counted


def _rows(
    invitations: Iterable[Invitation], reports: Iterable[ProfessionalReport]
) -> list[BoardRow]:
    by_author = {r.author_id: r for r in reports}
    rows = []
    for invitation in invitations:
        report = by_author.get(invitation.invitee_id) if invitation.invitee_id else None
        sharing, shared = _sharing(report)
        rows.append(BoardRow(invitation, report, _status(report), sharing, shared))
    return rows


@dataclass(frozen=True)
class ConferenceSummary:
    """A conference's board in numbers. The deadlines and the statutory date are worked out
    when first asked for (the policy's working days): a list that shows only the counts, like
    the unit's held conferences, never pays for them."""

    conference: Conference
    invited: int
    outstanding: int
    not_shared: int
    now: datetime

    @cached_property
    def deadlines(self) -> MeetingDeadlines:
        return deadlines_for(self.conference)

    @cached_property
    def overdue(self) -> int:
        return self.outstanding if self.now > self.deadlines.submit_by else 0

    @cached_property
    def statutory_due(self) -> date | None:
        return statutory_due(self.conference)

    @property
    def at_statutory_risk(self) -> bool:
        held_on = timezone.localtime(self.conference.starts_at).date()
        return self.statutory_due is not None and held_on > self.statutory_due


def statutory_due(conference: Conference) -> date | None:
    """The last day this conference should be held on by the statutory chain, if known."""
    policy = conference.family.local_authority.policy
    if conference.previous is not None:
        previous_day = timezone.localtime(conference.previous.starts_at).date()
        return review_by(policy, previous_day, conference.previous.stage == "review")
    if conference.strategy_discussion_on is not None:
        return initial_conference_by(policy, conference.strategy_discussion_on)
    return None


def summarise(
    conference: Conference, now: datetime | None = None, rows: list[BoardRow] | None = None
) -> ConferenceSummary:
    """`rows`: the conference's board when the caller has it already."""
    rows = board_rows(conference) if rows is None else rows
    return ConferenceSummary(
        conference=conference,
        invited=len(rows),
        outstanding=sum(1 for row in rows if not row.is_submitted),
        not_shared=sum(1 for row in rows if not row.shared),
        now=now or timezone.now(),
    )


def _counted(invitations: QuerySet[Invitation]) -> Coalesce:
    """How many of the outer conference's invitations match: a correlated COUNT the database
    works out for each conference shown (and only those: it is in the SELECT, after LIMIT)."""
    counted = invitations.order_by().values("conference").annotate(n=Count("pk")).values("n")
    return Coalesce(Subquery(counted, output_field=IntegerField()), Value(0))


def with_board_counts(conferences: QuerySet[Conference]) -> QuerySet[Conference]:
    """Each conference with its board's counts, as the board counts them, by the database:
    `invited_count` (invitations), `outstanding_count` (invitees with no submitted report) and
    `not_shared_count` (invitees whose report does not record it as shared with the family)."""
    invited = Invitation.objects.filter(conference=OuterRef("pk"))
    own_report = {"conference": OuterRef("conference"), "author": OuterRef("invitee")}
    submitted = ProfessionalReport.objects.filter(status=ReportStatus.SUBMITTED, **own_report)
    shared = ReportSection.objects.filter(
        key=SHARING,
        content__shared="yes",
        report__conference=OuterRef("conference"),
        report__author=OuterRef("invitee"),
    )
    return conferences.annotate(
        invited_count=_counted(invited),
        outstanding_count=_counted(invited.exclude(Exists(submitted))),
        not_shared_count=_counted(invited.exclude(Exists(shared))),
    )


def summary_of(conference: Conference, now: datetime) -> ConferenceSummary:
    """The summary of a conference fetched through `with_board_counts` (with its family's
    authority and its previous conference selected): no further query."""
    return ConferenceSummary(
        conference=conference,
        invited=conference.invited_count,  # type: ignore[attr-defined]
        outstanding=conference.outstanding_count,  # type: ignore[attr-defined]
        not_shared=conference.not_shared_count,  # type: ignore[attr-defined]
        now=now,
    )


def unit_overview(
    conferences: QuerySet[Conference] | Iterable[Conference],
) -> list[ConferenceSummary]:
    """Every listed conference's board summary, counted by the database in the one query that
    lists them (`with_board_counts`), however many conferences and invitees there are. Give
    it a page of conferences: the counts are worked out only for the rows fetched."""
    now = timezone.now()
    return [summary_of(conference, now) for conference in conferences]

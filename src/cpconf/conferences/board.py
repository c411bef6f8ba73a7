"""The reports-received board: for each invitee, where their report is and what is due when;
and the unit's overview of what is outstanding, overdue, unshared or at statutory risk."""

import math
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

from django.db.models import QuerySet
from django.utils import timezone

from cpconf.conferences.models import Conference, Invitation
from cpconf.conferences.scheduling import deadlines_for
from cpconf.deadlines import MeetingDeadlines, initial_conference_by, review_by
from cpconf.reports.coaching import warning_count
from cpconf.reports.models import ProfessionalReport, ReportSection, ReportStatus

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


SHARING_SECTIONS = "sharing_sections"


def days_left(deadline: datetime, now: datetime) -> int:
    """Whole days until the deadline, rounded up; negative once it has passed."""
    seconds = (deadline - now).total_seconds()
    return math.ceil(seconds / 86400) if seconds > 0 else math.floor(seconds / 86400)


@dataclass(frozen=True)
class BoardRow:
    invitation: Invitation
    report: ProfessionalReport | None
    status: str
    sharing: str
    shared: bool

    @property
    def coach_warnings(self) -> int | None:
        """The quality coach's warnings on the report as it stands; None with no report."""
        if self.report is None or not self.report.form_key:
            return None
        content = {section.key: section.content for section in self.report.sections.all()}
        return warning_count(self.report, content)

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
    # The unit's overview fetches only the sharing sections, for every board at once.
    sections = getattr(report, SHARING_SECTIONS, None)
    if sections is None:
        sections = report.sections.all()
    section = next((s for s in sections if s.key == "sharing"), None)
    content = section.content if section else {}
    if content.get("shared") == "yes":
        shared_on = content.get("shared_on", "")
        when = date.fromisoformat(shared_on) if shared_on else None
        return (f"Shared on {when.day} {when:%B %Y}" if when else "Shared"), True
    if content.get("shared") == "no":
        return f"Not shared: {content.get('not_shared_reason', '')}", False
    return "Not recorded", False


def _status(report: ProfessionalReport | None) -> str:
    if report is None or report.status == ReportStatus.NOT_STARTED:
        return NOT_STARTED
    if report.status == ReportStatus.SUBMITTED and report.submitted_late:
        return SUBMITTED_LATE
    return str(report.status)


def board_rows(conference: Conference) -> list[BoardRow]:
    reports = ProfessionalReport.objects.filter(conference=conference).prefetch_related("sections")
    return _rows(conference.invitations.select_related("agency", "invitee"), reports)


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
    conference: Conference
    deadlines: MeetingDeadlines
    invited: int
    outstanding: int
    overdue: int
    not_shared: int
    statutory_due: date | None

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
    now = now or timezone.now()
    deadlines = deadlines_for(conference)
    rows = board_rows(conference) if rows is None else rows
    outstanding = [row for row in rows if not row.is_submitted]
    return ConferenceSummary(
        conference=conference,
        deadlines=deadlines,
        invited=len(rows),
        outstanding=len(outstanding),
        overdue=len(outstanding) if now > deadlines.submit_by else 0,
        not_shared=sum(1 for row in rows if not row.shared),
        statutory_due=statutory_due(conference),
    )


def unit_overview(conferences: QuerySet[Conference]) -> list[ConferenceSummary]:
    """Every conference's board summary from four queries however many conferences there
    are: the conferences, their invitations, their reports and the reports' sharing sections,
    each with only the columns a summary counts from. (An authority has hundreds of upcoming
    conferences with several invitees each; the rows themselves are not shown here. Filtering
    by the conferences' ids, not by thousands of report ids, keeps each query short.)"""
    now = timezone.now()
    listed = list(conferences.select_related("previous"))
    ids = [conference.pk for conference in listed]
    invitations: dict[int, list[Invitation]] = defaultdict(list)
    for invitation in (
        Invitation.objects.filter(conference_id__in=ids)
        .only("id", "conference_id", "invitee_id")
        .order_by()
    ):
        invitations[invitation.conference_id].append(invitation)
    sharing = {
        section.report_id: section
        for section in ReportSection.objects.filter(
            key="sharing", report__conference_id__in=ids
        ).only("id", "report_id", "key", "content")
    }
    reports: dict[int, list[ProfessionalReport]] = defaultdict(list)
    for report in (
        ProfessionalReport.objects.filter(conference_id__in=ids)
        .only("id", "conference_id", "author_id", "status", "submitted_late")
        .order_by()
    ):
        setattr(report, SHARING_SECTIONS, [sharing[report.pk]] if report.pk in sharing else [])
        reports[report.conference_id].append(report)
    return [summarise(c, now, rows=_rows(invitations[c.pk], reports[c.pk])) for c in listed]

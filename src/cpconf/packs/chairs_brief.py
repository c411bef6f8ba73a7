"""The chair's brief: one page for the front of the preparation view and of the pack's
conference copy.

It says, per child, every agency's scaling score and recommendation; which invited reports
have not arrived (and whose they are); the danger statement and safety goals; and how far the
previous conference's plan has got. It is read from the reports the caller passes (the
preparation view's, scoped to the user, or the pack's), so the brief never holds more than the
page or the copy it heads. Restricted sections are never read here.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from django.utils import timezone
from django.utils.translation import gettext as _

from cpconf.conference_records import record_content as record
from cpconf.conference_records.models import RecordPart
from cpconf.conference_records.record_content import PROGRESS
from cpconf.conference_records.selectors import latest_finalised_content
from cpconf.conferences.models import Conference
from cpconf.families.models import Child
from cpconf.reports import report_content as report_parts
from cpconf.reports.models import ProfessionalReport, ReportVersion
from cpconf.reports.received import BoardRow, board_rows
from cpconf.reports.selectors import assessment_key, form_of_version

DONE = "done"
PROGRESS_LABELS = dict(PROGRESS)


class SubmittedReport(Protocol):
    """A submitted report and the version the reader has: a `PreparedReport` or a
    `PackEntry` both are."""

    @property
    def report(self) -> ProfessionalReport: ...

    @property
    def version(self) -> ReportVersion: ...


@dataclass(frozen=True)
class AgencyView:
    """One agency's scaling score and recommendation for one child."""

    agency: str
    author: str
    score: int | None
    recommendation: str


@dataclass(frozen=True)
class ChildBrief:
    child_id: int
    name: str
    views: tuple[AgencyView, ...]


@dataclass(frozen=True)
class MissingReport:
    """An invited report not submitted: the agency, whose it is, and how far it has got."""

    agency: str
    author: str
    status: str

    @property
    def named(self) -> str:
        return f"{self.agency} ({self.author})"


@dataclass(frozen=True)
class PlanAction:
    action: str
    who: str
    by_when: str
    progress: str

    @property
    def is_done(self) -> bool:
        return self.progress == PROGRESS_LABELS[DONE]


@dataclass(frozen=True)
class PreviousPlan:
    """The previous conference's plan; progress as the chair has recorded it at this
    conference once the record is started, before that as it stood at the last one."""

    held_on: str
    actions: tuple[PlanAction, ...]
    progress_recorded_now: bool

    @property
    def done(self) -> int:
        return sum(1 for action in self.actions if action.is_done)


@dataclass(frozen=True)
class ChairBrief:
    children: tuple[ChildBrief, ...]
    missing: tuple[MissingReport, ...]
    danger_statement: str
    safety_goals: str
    previous_plan: PreviousPlan | None


def missing_reports(
    conference: Conference, rows: Sequence[BoardRow] | None = None
) -> tuple[MissingReport, ...]:
    """Every invitation without a submitted report, by agency. `rows` are the board's rows
    when the caller has already read them (the preparation page), so they are not read twice."""
    return tuple(
        MissingReport(
            agency=row.invitation.agency.name,
            author=_author(row.invitation),
            status=str(_(row.status_label)),
        )
        for row in (board_rows(conference) if rows is None else rows)
        if not row.is_submitted
    )


def _author(invitation: Any) -> str:
    invitee = invitation.invitee
    return (invitee.get_full_name() if invitee else "") or invitation.email


def _matches(entry: report_parts.ChildAssessment, child: Child) -> bool:
    if entry.child_id is not None:
        return entry.child_id == child.pk
    return entry.name.strip().casefold() == child.full_name.casefold()


def _view_of(submitted: SubmittedReport, child: Child) -> AgencyView:
    form = form_of_version(submitted.report, submitted.version)
    parts = submitted.version.content.get("parts") or {}
    entries = report_parts.Assessment.from_json(parts.get(assessment_key(form))).children
    entry = next((e for e in entries if _matches(e, child)), report_parts.ChildAssessment())
    labels = dict(form.recommendations)
    return AgencyView(
        agency=submitted.report.agency.name,
        author=submitted.version.signed_name,
        score=entry.scaling,
        recommendation=labels.get(entry.recommendation, ""),
    )


def children_briefs(
    children: Iterable[Child], reports: Sequence[SubmittedReport]
) -> tuple[ChildBrief, ...]:
    return tuple(
        ChildBrief(child.pk, child.full_name, tuple(_view_of(r, child) for r in reports))
        for child in children
    )


def _finalised_content(conference: Conference | None) -> record.RecordContent:
    """The conference's latest finalised record version; empty if it has none."""
    if conference is None:
        return record.RecordContent()
    return record.RecordContent.from_json(latest_finalised_content(conference))


def _working_parts(conference: Conference) -> record.RecordContent:
    """This conference's record as the chair is writing it; empty before it is started. One
    query, for only each part's key and content."""
    parts = RecordPart.objects.filter(record__conference=conference).values_list("key", "content")
    return record.RecordContent.from_json(dict(parts))


def _actions(rows: Iterable[record.PlanAction]) -> tuple[PlanAction, ...]:
    return tuple(
        PlanAction(
            action=row.action,
            who=row.who,
            by_when=_display_day(row.by_when),
            progress=PROGRESS_LABELS.get(row.progress, _("Not recorded")),
        )
        for row in rows
        if row.action
    )


def _display_day(value: str) -> str:
    from cpconf.reports.report_content import display_date

    return display_date(value)


def previous_plan(
    conference: Conference,
    working: record.RecordContent,
    finalised: record.RecordContent | None = None,
) -> PreviousPlan | None:
    """The previous conference's plan, or None for a conference that follows none.
    `finalised`: the previous conference's finalised record, if the caller has read it."""
    previous = conference.previous
    if previous is None:
        return None
    now = [action for action in working.plan.actions if action.carried_forward]
    if finalised is None:
        finalised = _finalised_content(previous)
    held_on = timezone.localtime(previous.starts_at)
    return PreviousPlan(
        held_on=f"{held_on.day} {held_on:%B %Y}",
        actions=_actions(now) if now else _actions(finalised.plan.actions),
        progress_recorded_now=bool(now),
    )


def chair_brief(
    conference: Conference,
    reports: Sequence[SubmittedReport],
    board: Sequence[BoardRow] | None = None,
) -> ChairBrief:
    """The brief from these reports. The danger statement and safety goals are those agreed
    at the previous conference; for a first conference, those the chair has drafted. `board`:
    the board's rows (or those still outstanding) if the caller has them already."""
    working = _working_parts(conference)
    finalised = _finalised_content(conference.previous)
    agreed, drafted = finalised.why_here, working.why_here
    return ChairBrief(
        children=children_briefs(conference.family.children.all(), reports),
        missing=missing_reports(conference, board),
        danger_statement=agreed.danger_statement or drafted.danger_statement,
        safety_goals=agreed.safety_goals or drafted.safety_goals,
        previous_plan=previous_plan(conference, working, finalised),
    )

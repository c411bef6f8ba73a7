"""What report pages show around the answers: the task list with each part's state, the
deadlines, the meeting rows of the front sheet, and the signature and fingerprint lines."""

from dataclasses import dataclass
from typing import Any

from django.utils import timezone

from cpconf.conferences.scheduling import deadlines_for
from cpconf.reports import report_content as parts
from cpconf.reports import selectors
from cpconf.reports.models import (
    ProfessionalReport,
    ReportSection,
    ReportVersion,
    ReviewState,
    SectionState,
)


@dataclass(frozen=True)
class Task:
    part: parts.Part
    state: str
    state_label: str
    answered: bool
    review: str = ReviewState.NOT_CARRIED

    @property
    def needs_review(self) -> bool:
        """Carried forward from the previous report, and neither changed nor confirmed."""
        return self.review == ReviewState.TO_REVIEW

    @property
    def confirmed_unchanged(self) -> bool:
        return self.review == ReviewState.CONFIRMED


@dataclass(frozen=True)
class TaskGroup:
    title: str
    tasks: tuple[Task, ...]


GROUPS = (
    ("About you and the family", lambda p: p.key in parts.FIXED_PARTS),
    ("Your report", lambda p: p.kind in ("text", "chronology", "factors")),
    ("Scaling and recommendation", lambda p: p.kind == "assessment"),
    ("Sharing and restricted information", lambda p: p.kind in ("sharing", "restricted")),
)


def _task(part: parts.Part, section: ReportSection | None) -> Task:
    state = section.state if section else SectionState.NOT_STARTED
    answered = parts.is_answered(part.kind, section.content if section else {})
    review = section.review if section else ReviewState.NOT_CARRIED
    return Task(part, state, str(SectionState(state).label), answered, review)


def task_groups(report: ProfessionalReport) -> tuple[TaskGroup, ...]:
    form = selectors.form_of(report)
    sections = {section.key: section for section in report.sections.all()}
    groups = []
    for title, belongs in GROUPS:
        tasks = tuple(_task(p, sections.get(p.key)) for p in parts.parts_of(form) if belongs(p))
        if tasks:
            groups.append(TaskGroup(title, tasks))
    return tuple(groups)


def compared_with(
    report: ProfessionalReport, version: ReportVersion | None
) -> ReportVersion | None:
    """The previous report's version that changes are marked against. For a signed version,
    the one fixed when it was signed, so it reads the same forever; for the working copy
    (`version` None), the previous report's latest, which signing now would fix."""
    if version is not None:
        return version.compared_with
    return report.latest_previous_version()


def previous_parts(
    report: ProfessionalReport, version: ReportVersion | None
) -> dict[str, Any] | None:
    """For a review: the parts to mark changes against (see `compared_with`)."""
    base = compared_with(report, version)
    return dict(base.content["parts"]) if base else None


def meeting_rows(report: ProfessionalReport) -> tuple[tuple[str, str], ...]:
    conference = report.conference
    starts = timezone.localtime(conference.starts_at)
    return (
        ("Date of meeting", starts.strftime("%A %-d %B %Y, %H:%M")),
        ("Type of meeting", conference.meeting_type_label),
        ("Family", f"{conference.family.name} ({conference.family.case_reference})"),
    )


def signature_rows(version: ReportVersion) -> tuple[tuple[str, str], ...]:
    signed = timezone.localtime(version.signed_at)
    rows = [
        ("Signed", version.signed_name),
        ("Role", version.signed_role),
        ("Date and time", signed.strftime("%-d %B %Y, %H:%M")),
        ("Submitted", "late" if version.late else "on time"),
    ]
    if version.amendment_reason:
        rows.append(("Reason for amendment", version.amendment_reason))
    return tuple(rows)


def version_footer(report: ProfessionalReport, version: ReportVersion, copy: str) -> str:
    return (
        f"{report.agency.name} · version {version.number} · SHA-256 {version.fingerprint[:16]}… · "
        "OFFICIAL-SENSITIVE"
    )


def report_overview(report: ProfessionalReport) -> dict[str, Any]:
    """The context every page of the author's report starts from."""
    now = timezone.now()
    deadlines = deadlines_for(report.conference)
    groups = task_groups(report)
    tasks = [task for group in groups for task in group.tasks]
    sharing = next((t for t in tasks if t.part.kind == "sharing"), None)
    shared = bool(sharing and sharing.answered)
    return {
        "report": report,
        "conference": report.conference,
        "form": selectors.form_of(report),
        "groups": groups,
        "completed_count": sum(1 for t in tasks if t.state == SectionState.COMPLETED),
        "task_count": len(tasks),
        "deadlines": deadlines,
        "submit_overdue": now > deadlines.submit_by and not report.is_submitted,
        "share_overdue": now > deadlines.share_with_family_by and not shared,
        "versions": report.versions.order_by("number"),
        "is_review": report.previous_report_id is not None,
        "may_see_conference_copy": True,  # these pages are the author's own
        "ready_to_submit": all(t.answered for t in tasks if t.part.required)
        and not any(t.needs_review for t in tasks),
        "to_review": [t for t in tasks if t.needs_review],
        # Sharing is recorded per version: an amendment is shared with the family afresh.
        "share_new_version": report.is_being_amended and not shared,
        "sharing_key": sharing.part.key if sharing else "",
        # Its record finalised (or the meeting cancelled): nothing is signed for it any more.
        "conference_closed": selectors.is_closed(report.conference),
    }

"""Reading reports, always through the access scope: one a user may not see is a 404."""

from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from cpconf.access import AnyUser
from cpconf.accounts.models import User
from cpconf.conferences.models import Conference, ConferenceStatus
from cpconf.organisations.models import Agency
from cpconf.organisations.report_forms import report_form_named
from cpconf.reportform import ReportForm
from cpconf.reports import report_content as parts
from cpconf.reports import report_display
from cpconf.reports.access_rules import may_see_restricted, reports_visible_to
from cpconf.reports.models import (
    ProfessionalReport,
    ReportStatus,
    ReportVersion,
    ReviewState,
    content_fingerprint,
)

RELATED = (
    "conference",
    "conference__family",
    "conference__family__local_authority",
    "agency",
    "author",
)


def readable_reports(user: AnyUser) -> QuerySet[ProfessionalReport]:
    """Reports this user may read, for `get_visible_or_404` to fetch one from (and audit)."""
    return reports_visible_to(user).select_related(*RELATED)


def own_reports(user: AnyUser) -> QuerySet[ProfessionalReport]:
    """The author's own reports: anyone else gets 404 on pages that change them."""
    return readable_reports(user).filter(author_id=user.pk)


def versions_of(report: ProfessionalReport) -> QuerySet[ReportVersion]:
    return report.versions.order_by("number")


def version_of(report: ProfessionalReport, number: int) -> ReportVersion:
    return get_object_or_404(report.versions, number=number)


def has_versions(report: ProfessionalReport, *numbers: int) -> bool:
    """Whether the report has every version a page names (one it has not is refused)."""
    wanted = set(numbers)
    return report.versions.filter(number__in=wanted).count() == len(wanted)


def latest_version(report: ProfessionalReport) -> ReportVersion | None:
    return report.versions.order_by("-number").first()


def readable_parts(user: User, report: ProfessionalReport, form: ReportForm, content: dict) -> dict:
    """The parts of a report's content this user may read: the restricted section only for
    its author, the chair and the unit."""
    if may_see_restricted(user, report):
        return content
    return parts.family_copy(content, form)


def comparison_base(report: ProfessionalReport, version: ReportVersion | None) -> dict | None:
    """For a review: the previous report's parts that this report's changes are marked
    against — for a signed version, those of the version fixed at its signing; for the working
    copy (`version` None), the latest — and only those its author may build on, so a
    colleague's restricted section never shows up as words they removed
    (`previous_parts_for`)."""
    previous = report_display.previous_parts(report, version)
    if previous is None:
        return None
    return previous_parts_for(report.previous_report, previous, author_id=report.author_id)


# --- What a report holds and lacks (read by the services before they change it) ----


@dataclass(frozen=True)
class MissingAnswer:
    key: str
    title: str
    message: str


def report_form_for(conference: Conference) -> ReportForm:
    """The report form the conference's meeting type uses under its authority's policy."""
    return report_form_named(conference.meeting_type_policy.report_form)


def form_of(report: ProfessionalReport) -> ReportForm:
    if report.form_key:
        return report_form_named(report.form_key)
    return report_form_for(report.conference)


def form_of_version(report: ProfessionalReport, version: ReportVersion) -> ReportForm:
    """The report form the version was written on."""
    key = version.content.get("form")
    return report_form_named(key) if key else form_of(report)


def assessment_key(form: ReportForm) -> str:
    """The key of the report form's assessment section (scaling and recommendation)."""
    return next((s.key for s in form.sections if s.kind == "assessment"), "assessment")


def carried_keys(form: ReportForm) -> set[str]:
    """The sections a review report takes word for word from the previous report, each of
    which the author must change or confirm: not the sharing (done afresh) nor the scaling and
    recommendation (given afresh for each child)."""
    return {s.key for s in form.sections if s.kind not in ("sharing", "assessment")}


def _latest_content(report: ProfessionalReport | None) -> dict[str, Any]:
    if report is None:
        return {}
    version = report.versions.order_by("-number").first()
    return dict(version.content["parts"]) if version else {}


def carried_from(previous: ProfessionalReport | None, *, author_id: int) -> dict[str, Any]:
    """What a review report may take from the previous report: its latest version's parts."""
    return previous_parts_for(previous, _latest_content(previous), author_id=author_id)


def previous_parts_for(
    previous: ProfessionalReport | None, content: dict[str, Any], *, author_id: int
) -> dict[str, Any]:
    """The parts of a previous report that `author` may build on: all of them if they wrote
    it; without its restricted section if a colleague of the same agency did. A restricted
    section is never carried forward to anyone but its own author, nor shown to them as words
    they removed."""
    if previous is None or previous.author_id == author_id:
        return content
    return parts.family_copy(content, form_of(previous))


def previous_report_for(
    conference: Conference, author: User, agency: Agency
) -> ProfessionalReport | None:
    """For a review: the author's submitted report for the previous conference, or failing
    that the same agency's."""
    if conference.previous_id is None:
        return None
    submitted = ProfessionalReport.objects.filter(
        conference_id=conference.previous_id, status=ReportStatus.SUBMITTED
    )
    return (
        submitted.filter(author=author).first()
        or submitted.filter(agency=agency).order_by("-submitted_at").first()
    )


def unreviewed_sections(report: ProfessionalReport) -> list[MissingAnswer]:
    """Carried-forward sections the author has neither changed nor confirmed: signing is
    refused while there is any, and each is named."""
    form = form_of(report)
    waiting = {s.key for s in report.sections.all() if s.review == ReviewState.TO_REVIEW}
    return [
        MissingAnswer(
            part.key,
            part.title,
            f"Review “{part.title}”: change it, or confirm it is reviewed with no change",
        )
        for part in parts.parts_of(form)
        if part.key in waiting
    ]


def working_copy(report: ProfessionalReport) -> dict[str, dict[str, Any]]:
    return {section.key: section.content for section in report.sections.all()}


CLOSED = (ConferenceStatus.FINALISED, ConferenceStatus.CANCELLED)


def is_closed(conference: Conference) -> bool:
    """The conference's record is finalised, or it was cancelled: no report is signed or
    amended for it any more (`services.ConferenceClosed`)."""
    return conference.status in CLOSED


def fingerprint_to_sign(
    report: ProfessionalReport, working: dict[str, dict[str, Any]] | None = None
) -> str:
    """The fingerprint the version would have if it were signed now. The check page carries
    it with the signature, and signing is refused if the report no longer matches it, so an
    author never signs words saved in another tab, or by anyone else, after the page showed
    them."""
    return content_fingerprint(version_content(report, report.latest_previous_version(), working))


def missing_answers(report: ProfessionalReport) -> list[MissingAnswer]:
    form = form_of(report)
    current = working_copy(report)
    missing = []
    for part in parts.parts_of(form):
        if part.required and not parts.is_answered(part.kind, current.get(part.key, {})):
            missing.append(
                MissingAnswer(part.key, part.title, f"Answer “{part.title}” before you submit")
            )
    return missing


def version_content(
    report: ProfessionalReport,
    compared_with: ReportVersion | None = None,
    working: dict[str, dict[str, Any]] | None = None,
) -> dict[str, Any]:
    """What a version freezes, and what its fingerprint covers: the form, every part and,
    for a review, which version of the previous report its changes are marked against.
    `working`: the working copy already read, so a page fingerprints what it shows."""
    parts_now = working_copy(report) if working is None else working
    content: dict[str, Any] = {"form": form_of(report).key, "parts": parts_now}
    if compared_with is not None:
        content["compared_with"] = {
            "report": compared_with.report_id,
            "number": compared_with.number,
            "fingerprint": compared_with.fingerprint,
        }
    return content

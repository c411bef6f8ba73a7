"""Reading reports, always through the access scope: one a user may not see is a 404."""

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from cpconf.access import AnyUser
from cpconf.accounts.models import User
from cpconf.reportform import ReportForm
from cpconf.reports import report_content as parts
from cpconf.reports import services
from cpconf.reports.access_rules import may_see_restricted, reports_visible_to
from cpconf.reports.models import ProfessionalReport, ReportVersion
from cpconf.reports.report_display import previous_parts

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
    (cpconf.reports.services.previous_parts_for)."""
    previous = previous_parts(report, version)
    if previous is None:
        return None
    return services.previous_parts_for(report.previous_report, previous, author_id=report.author_id)

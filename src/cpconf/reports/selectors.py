"""Reading reports, always through the access scope: one a user may not see is a 404."""

from django.db.models import QuerySet
from django.http import HttpRequest
from django.shortcuts import get_object_or_404

from cpconf.access import may_see_restricted, reports_visible_to
from cpconf.access.lookups import get_visible_or_404
from cpconf.accounts.models import User
from cpconf.reportform import ReportForm
from cpconf.reports import content as parts
from cpconf.reports import services
from cpconf.reports.models import ProfessionalReport, ReportVersion
from cpconf.reports.presenting import previous_parts

RELATED = (
    "conference",
    "conference__family",
    "conference__family__local_authority",
    "agency",
    "author",
)


def readable_report(request: HttpRequest, pk: int, action: str) -> ProfessionalReport:
    """A report this user may read, or 404; the read (or refusal) is audited as `action`."""
    visible = reports_visible_to(request.user).select_related(*RELATED)
    return get_visible_or_404(visible, request, action=action, pk=pk)


def own_report(request: HttpRequest, pk: int, action: str) -> ProfessionalReport:
    """The author's own report: anyone else gets 404 on pages that change it."""
    user = request.user
    visible = reports_visible_to(user).filter(author=user)  # type: ignore[misc]
    return get_visible_or_404(visible.select_related(*RELATED), request, action=action, pk=pk)


def versions_of(report: ProfessionalReport) -> QuerySet[ReportVersion]:
    return report.versions.order_by("number")


def version_of(report: ProfessionalReport, number: int) -> ReportVersion:
    return get_object_or_404(report.versions, number=number)


def latest_version(report: ProfessionalReport) -> ReportVersion | None:
    return report.versions.order_by("-number").first()


def readable_parts(user: User, report: ProfessionalReport, form: ReportForm, content: dict) -> dict:
    """The parts of a report's content this user may read: the restricted section only for
    its author, the chair and the unit."""
    if may_see_restricted(user, report):
        return content
    return parts.family_copy(content, form)


def copy_allowed(user: User, report: ProfessionalReport, copy: str) -> bool:
    """The conference copy holds the restricted section; only those who may see it get it."""
    return copy != "conference" or may_see_restricted(user, report)


def comparison_base(report: ProfessionalReport) -> dict | None:
    """For a review: the previous report's parts that this report's changes are marked
    against — only those its author may build on, so a colleague's restricted section never
    shows up as words they removed (cpconf.reports.services.previous_parts_for)."""
    previous = previous_parts(report)
    if previous is None:
        return None
    return services.previous_parts_for(report.previous_report, previous, author_id=report.author_id)

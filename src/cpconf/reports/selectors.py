"""Reading reports, always through the access scope: one a user may not see is a 404."""

from django.db.models import QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404

from cpconf.access import may_see_restricted, reports_visible_to
from cpconf.accounts.models import User
from cpconf.reportform import ReportForm
from cpconf.reports import content as parts
from cpconf.reports.models import ProfessionalReport, ReportVersion

RELATED = (
    "conference",
    "conference__family",
    "conference__family__local_authority",
    "agency",
    "author",
)


def readable_report(user: User, pk: int) -> ProfessionalReport:
    return get_object_or_404(reports_visible_to(user).select_related(*RELATED), pk=pk)


def own_report(user: User, pk: int) -> ProfessionalReport:
    """The author's own report: anyone else gets 404 on pages that change it."""
    return get_object_or_404(
        reports_visible_to(user).filter(author=user).select_related(*RELATED), pk=pk
    )


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


def copy_allowed(user: User, report: ProfessionalReport, copy: str) -> None:
    """The conference copy holds the restricted section; only those who may see it get it."""
    if copy == "conference" and not may_see_restricted(user, report):
        raise Http404("No such copy.")

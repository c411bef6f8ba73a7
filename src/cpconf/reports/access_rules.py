"""Which reports a user may read whole, and who may change or see the restricted section.

Built from the grants in `cpconf.access.rules`, registered into its table by ReportsConfig.
Family members read only family copies, through the portal's own rules.
"""

from django.db.models import Q, QuerySet

from cpconf.access.rules import (
    NOTHING,
    AnyUser,
    granted,
    holds_role,
    register,
    unit_of,
)
from cpconf.accounts.models import Role, RoleAssignment
from cpconf.reports.models import ProfessionalReport, ReportStatus


def _report_grant(user: AnyUser, assignment: RoleAssignment) -> Q:
    in_authority = Q(conference__family__local_authority_id=assignment.local_authority_id)
    submitted = Q(status=ReportStatus.SUBMITTED)
    own = in_authority & Q(author=user)
    match assignment.role:
        case Role.UNIT_ADMINISTRATOR:
            return own | (in_authority & submitted)
        case Role.CHAIR:
            return own | (in_authority & submitted & Q(conference__chair=user))
        case Role.PROFESSIONAL | Role.SOCIAL_WORKER:
            released = Q(conference__pack_released_at__isnull=False)
            invited = Q(conference__invitations__invitee=user)
            return own | (in_authority & submitted & released & invited)
    return NOTHING


def reports_visible_to(user: AnyUser) -> QuerySet[ProfessionalReport]:
    """Whole reports a user may read. Family members read only family copies, elsewhere."""
    return granted(ProfessionalReport, user, _report_grant)


def _report_in(user: AnyUser, report: ProfessionalReport) -> bool:
    return reports_visible_to(user).filter(pk=report.pk).exists()


def may_edit_report(user: AnyUser, report: ProfessionalReport) -> bool:
    """Only the author changes a report: until it is submitted, or while amending it."""
    return (
        user.is_authenticated
        and report.author_id == user.pk
        and report.is_editable
        and _report_in(user, report)
    )


def may_see_restricted(user: AnyUser, report: ProfessionalReport) -> bool:
    """A report's restricted section: its author, the conference's chair and the unit of the
    family's authority. Never a family member, never another professional."""
    if not user.is_authenticated:
        return False
    if report.author_id == user.pk:
        return True
    authority_id = report.conference.family.local_authority_id
    if unit_of(user, authority_id):
        return True
    return report.conference.chair_id == user.pk and holds_role(user, [Role.CHAIR], authority_id)


def register_rules() -> None:
    register(
        {
            ("reports.professionalreport", "view"): _report_in,
            ("reports.professionalreport", "edit"): may_edit_report,
            ("reports.professionalreport", "view_restricted"): lambda u, r: (
                _report_in(u, r) and may_see_restricted(u, r)
            ),
            ("reports.professionalreport", "download_family_copy"): _report_in,
            ("reports.professionalreport", "download_conference_copy"): lambda u, r: (
                _report_in(u, r) and may_see_restricted(u, r)
            ),
        }
    )

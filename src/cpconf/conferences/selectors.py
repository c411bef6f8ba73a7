"""Reading conferences, always through the access scope."""

from django.db.models import QuerySet
from django.http import HttpRequest

from cpconf.access import conferences_visible_to, reports_visible_to, roles_of
from cpconf.access.lookups import get_visible_or_404
from cpconf.accounts.models import Role, User
from cpconf.conferences.models import Conference, Invitation
from cpconf.reports.models import ProfessionalReport

STAFF_ROLES = {Role.PROFESSIONAL, Role.SOCIAL_WORKER, Role.UNIT_ADMINISTRATOR, Role.CHAIR}


def conference_for(request: HttpRequest, pk: int, action: str = "conference_viewed") -> Conference:
    """The conference, or 404 if this user may not know of it; audited."""
    visible = conferences_visible_to(request.user).select_related(
        "family", "family__local_authority", "chair", "previous"
    )
    return get_visible_or_404(visible, request, action=action, pk=pk)


def invitations_for(user: User, conference: Conference) -> QuerySet[Invitation]:
    """Who else is invited. Staff who can see the conference may know; a family is told who
    is coming in its own plain-language page."""
    authority_id = conference.family.local_authority_id
    is_staff_here = any(
        a.role in STAFF_ROLES and a.local_authority_id == authority_id for a in roles_of(user)
    )
    if not is_staff_here:
        return Invitation.objects.none()
    return conference.invitations.select_related("agency", "invitee")


def reports_for(user: User, conference: Conference) -> QuerySet[ProfessionalReport]:
    return (
        reports_visible_to(user)
        .filter(conference=conference)
        .select_related("agency", "author")
        .order_by("agency__name")
    )

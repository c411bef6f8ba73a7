"""Reading conferences, always through the access scope."""

from django.db.models import QuerySet

from cpconf.access import conferences_visible_to, get_visible_or_404, reports_visible_to, roles_of
from cpconf.accounts.models import Role, User
from cpconf.conferences.models import Conference, Invitation
from cpconf.reports.models import ProfessionalReport

STAFF_ROLES = {Role.PROFESSIONAL, Role.SOCIAL_WORKER, Role.UNIT_ADMINISTRATOR, Role.CHAIR}


def conference_for(user: User, pk: int) -> Conference:
    """The conference, or 404 if this user may not know of it."""
    def scope(u: User) -> QuerySet[Conference]:
        return conferences_visible_to(u).select_related(
            "family", "family__local_authority", "chair", "previous"
        )

    return get_visible_or_404(scope, user, pk=pk)


def invitations_for(user: User, conference: Conference) -> QuerySet[Invitation]:
    """Who else is invited: staff who can see the conference may know; families are told
    in their own plain-language page."""
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

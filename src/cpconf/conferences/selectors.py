"""Reading conferences, always through the access scope."""

from django.db.models import QuerySet

from cpconf.access import AnyUser, roles_of
from cpconf.accounts.models import Role, User
from cpconf.conferences.access_rules import conferences_visible_to, staff_conferences_visible_to
from cpconf.conferences.models import Conference, Invitation

STAFF_ROLES = {Role.PROFESSIONAL, Role.SOCIAL_WORKER, Role.UNIT_ADMINISTRATOR, Role.CHAIR}


def conferences_for(user: AnyUser) -> QuerySet[Conference]:
    """The conferences this user may know of, for `cpconf.access.lookups.get_visible_or_404`
    to fetch one from (and audit the read or the refusal)."""
    return conferences_visible_to(user).select_related(
        "family", "family__local_authority", "chair", "previous"
    )


def staff_conferences_for(user: AnyUser) -> QuerySet[Conference]:
    """The conferences this user may open on the staff pages (`conferences_for` without a
    family member's own family: they read it in the family pages)."""
    return staff_conferences_visible_to(user).select_related(
        "family", "family__local_authority", "chair", "previous"
    )


def invitations_for_conferences_of(user: AnyUser) -> QuerySet[Invitation]:
    """Invitations to the conferences this user may know of (whose answer they may record is
    the "answer" rule's to say)."""
    return Invitation.objects.filter(conference__in=conferences_visible_to(user)).select_related(
        "agency", "invitee", "conference__family__local_authority", "conference__chair"
    )


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

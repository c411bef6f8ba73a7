"""Which families and children a member of staff may see, and what they may do to them.

Built from the grants in `cpconf.access.rules`, registered into its table by FamiliesConfig.
"""

from django.db.models import Q, QuerySet

from cpconf.access.rules import (
    NOTHING,
    AnyUser,
    any_of,
    conference_grant,
    holds_role,
    register,
    roles_of,
    unit_of,
)
from cpconf.accounts.models import Role
from cpconf.families.models import Child, Family


def families_visible_to(user: AnyUser) -> QuerySet[Family]:
    """Family case records, for staff: through a visible conference, or by allocation.

    A family member's own role does not open the case record (other adults' details and
    needs are there); families see what is theirs through the family portal.
    """
    conditions = []
    for assignment in roles_of(user):
        if assignment.role == Role.FAMILY_MEMBER:
            continue
        in_authority = Q(local_authority_id=assignment.local_authority_id)
        conditions.append(conference_grant(user, assignment, path="conferences__"))
        if assignment.role == Role.UNIT_ADMINISTRATOR:
            conditions.append(in_authority)
        elif assignment.role == Role.SOCIAL_WORKER:
            conditions.append(in_authority & Q(allocated_social_worker=user))
    combined = any_of(conditions)
    if combined is NOTHING:
        return Family.objects.none()
    ids = Family.objects.filter(combined).values("pk")
    return Family.objects.filter(pk__in=ids)


def children_visible_to(user: AnyUser) -> QuerySet[Child]:
    return Child.objects.filter(family__in=families_visible_to(user))


def invites_family_member(user: AnyUser, family: Family) -> bool:
    """The unit, or the family's allocated social worker, invites its members to the portal."""
    return unit_of(user, family.local_authority_id) or (
        family.allocated_social_worker_id == user.pk
        and holds_role(user, [Role.SOCIAL_WORKER], family.local_authority_id)
    )


def register_rules() -> None:
    register(
        {
            ("families.family", "invite_family_member"): invites_family_member,
            ("families.family", "book_conference"): lambda u, r: unit_of(u, r.local_authority_id),
            # The authority sets itself up: its unit creates and imports families; the front
            # sheet is kept by the people who invite the family to the portal.
            ("families.familyimport", "view"): lambda u, r: unit_of(u, r.local_authority_id),
            ("families.family", "edit_front_sheet"): invites_family_member,
            ("families.family", "view"): lambda u, r: (
                families_visible_to(u).filter(pk=r.pk).exists()
            ),
            ("families.child", "view"): lambda u, r: (
                children_visible_to(u).filter(pk=r.pk).exists()
            ),
        }
    )

"""Which conferences a user may see, whose pack they may read, and what they may do.

Built from the grants in `cpconf.access.rules`, registered into its table by
ConferencesConfig.
"""

from django.db.models import QuerySet

from cpconf.access.rules import (
    AnyUser,
    conference_grant,
    granted,
    holds_role,
    pack_grant,
    register,
    runs,
    staff_conference_grant,
    unit_of,
)
from cpconf.accounts.models import Role
from cpconf.conferences.models import Conference
from cpconf.organisations.models import Agency


def conferences_visible_to(user: AnyUser) -> QuerySet[Conference]:
    return granted(Conference, user, conference_grant)


def staff_conferences_visible_to(user: AnyUser) -> QuerySet[Conference]:
    """The conferences a user may see on the staff pages: as `conferences_visible_to`, but
    never through a family member's role (the family pages are theirs)."""
    return granted(Conference, user, staff_conference_grant)


def pack_conferences_visible_to(user: AnyUser) -> QuerySet[Conference]:
    """Conferences whose pack and merged chronology a user may read: the unit's and the
    chair's at any time, an invited professional's once the pack is released. Family members
    read the family copy of each report in the portal instead."""
    return granted(Conference, user, pack_grant)


def reads_pack(user: AnyUser, conference: Conference) -> bool:
    return pack_conferences_visible_to(user).filter(pk=conference.pk).exists()


def agency_to_report_for(user: AnyUser, conference: Conference) -> Agency | None:
    """The agency a user writes a report for at this conference: they must be invited to it,
    as a professional or social worker of the family's authority. None means they may not."""
    if not user.is_authenticated:
        return None
    authority_id = conference.family.local_authority_id
    if not holds_role(user, [Role.PROFESSIONAL, Role.SOCIAL_WORKER], authority_id):
        return None
    invitation = conference.invitations.filter(invitee=user).select_related("agency").first()
    if invitation is None:
        return None
    return invitation.agency


def register_rules() -> None:
    register(
        {
            ("conferences.conference", "manage"): lambda u, r: unit_of(
                u, r.family.local_authority_id
            ),
            # An invitation's answer (attendance): the unit records anyone's, an invitee
            # their own.
            ("conferences.invitation", "answer"): lambda u, r: (
                r.invitee_id == u.pk or unit_of(u, r.conference.family.local_authority_id)
            ),
            ("conferences.conference", "see_board"): runs,
            ("conferences.conference", "prepare"): runs,
            ("conferences.conference", "run_record"): runs,
            ("conferences.conference", "view"): lambda u, r: (
                conferences_visible_to(u).filter(pk=r.pk).exists()
            ),
            ("conferences.conference", "write_report"): lambda u, r: (
                agency_to_report_for(u, r) is not None
            ),
            ("conferences.conference", "issue_outcome"): runs,
            # The conference pack: the unit releases it; the conference copy (restricted
            # sections included) is the unit's and the chair's, the family copy also invited
            # professionals'.
            ("conferences.conference", "release_pack"): lambda u, r: unit_of(
                u, r.family.local_authority_id
            ),
            ("conferences.conference", "read_pack"): reads_pack,
            ("conferences.conference", "read_pack_conference_copy"): runs,
        }
    )

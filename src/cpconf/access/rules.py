"""The access rules, written as query filters so they scope lists and single records alike.

The rules (README, "Who may see what"):
- nothing crosses from one local authority to another: every grant is tied to the
  authority in which the user holds the role;
- a professional sees the conferences they are invited to, their own reports at every stage,
  and others' submitted reports once the conference pack is released;
- a social worker also sees the families allocated to them, and their conferences;
- a chair sees the conferences they chair; the unit sees all its authority's conferences;
- a family member sees only their own family's conferences (reports reach them only as the
  family copy, once shared — built with the family portal);
- an auditor sees the audit trail and no family records.
"""

from typing import Any

from django.contrib.auth.models import AnonymousUser
from django.db.models import Model, Q, QuerySet

from cpconf.accounts.models import Role, RoleAssignment, User
from cpconf.conferences.models import Conference
from cpconf.families.models import Child, Family
from cpconf.organisations.models import Agency
from cpconf.outcomes.models import OutcomeLetter
from cpconf.reports.models import ProfessionalReport, ReportStatus

AnyUser = User | AnonymousUser

NOTHING = Q(pk__in=[])


def roles_of(user: AnyUser) -> list[RoleAssignment]:
    """The user's role assignments, read once per request and kept on the user object."""
    if not user.is_authenticated or not user.is_active:
        return []
    cached: list[RoleAssignment] | None = getattr(user, "_cpconf_roles", None)
    if cached is None:
        cached = list(user.role_assignments.select_related("local_authority", "agency"))
        setattr(user, "_cpconf_roles", cached)  # noqa: B010  (a per-request cache)
    return cached


def _any_of(conditions: list[Q]) -> Q:
    combined = NOTHING
    for condition in conditions:
        combined |= condition
    return combined


def _conference_grant(user: User, assignment: RoleAssignment) -> Q:
    in_authority = Q(family__local_authority_id=assignment.local_authority_id)
    match assignment.role:
        case Role.UNIT_ADMINISTRATOR:
            return in_authority
        case Role.CHAIR:
            return in_authority & Q(chair=user)
        case Role.SOCIAL_WORKER:
            return in_authority & (
                Q(family__allocated_social_worker=user) | Q(invitations__invitee=user)
            )
        case Role.PROFESSIONAL:
            return in_authority & Q(invitations__invitee=user)
        case Role.FAMILY_MEMBER:
            return in_authority & Q(family__members__user=user)
    return NOTHING


def conferences_visible_to(user: AnyUser) -> QuerySet[Conference]:
    assignments = roles_of(user)
    if not assignments:
        return Conference.objects.none()
    grant = _any_of([_conference_grant(user, a) for a in assignments])  # type: ignore[arg-type]
    ids = Conference.objects.filter(grant).values("pk")
    return Conference.objects.filter(pk__in=ids)


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
        grant = _conference_grant(user, assignment)  # type: ignore[arg-type]
        conditions.append(Q(pk__in=Conference.objects.filter(grant).values("family_id")))
        if assignment.role == Role.UNIT_ADMINISTRATOR:
            conditions.append(in_authority)
        elif assignment.role == Role.SOCIAL_WORKER:
            conditions.append(in_authority & Q(allocated_social_worker=user))
    if not conditions:
        return Family.objects.none()
    ids = Family.objects.filter(_any_of(conditions)).values("pk")
    return Family.objects.filter(pk__in=ids)


def children_visible_to(user: AnyUser) -> QuerySet[Child]:
    return Child.objects.filter(family__in=families_visible_to(user))


def _report_grant(user: User, assignment: RoleAssignment) -> Q:
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
    assignments = roles_of(user)
    if not assignments:
        return ProfessionalReport.objects.none()
    grant = _any_of([_report_grant(user, a) for a in assignments])  # type: ignore[arg-type]
    ids = ProfessionalReport.objects.filter(grant).values("pk")
    return ProfessionalReport.objects.filter(pk__in=ids)


def may_edit_report(user: AnyUser, report: ProfessionalReport) -> bool:
    """Only the author changes a report: until it is submitted, or while amending it."""
    return (
        user.is_authenticated
        and report.author_id == user.pk
        and report.is_editable
        and reports_visible_to(user).filter(pk=report.pk).exists()
    )


def may_see_restricted(user: AnyUser, report: ProfessionalReport) -> bool:
    """A report's restricted section: its author, the conference's chair and the unit of the
    family's authority. Never a family member, never another professional."""
    if not user.is_authenticated:
        return False
    if report.author_id == user.pk:
        return True
    authority_id = report.conference.family.local_authority_id
    for assignment in roles_of(user):
        if assignment.local_authority_id != authority_id:
            continue
        if assignment.role == Role.UNIT_ADMINISTRATOR:
            return True
        if assignment.role == Role.CHAIR and report.conference.chair_id == user.pk:
            return True
    return False


def agency_to_report_for(user: AnyUser, conference: Conference) -> Agency | None:
    """The agency a user writes a report for at this conference: they must be invited to it,
    as a professional or social worker of the family's authority. None means they may not."""
    if not user.is_authenticated:
        return None
    authority_id = conference.family.local_authority_id
    writers = {
        a.agency_id
        for a in roles_of(user)
        if a.local_authority_id == authority_id
        and a.role in (Role.PROFESSIONAL, Role.SOCIAL_WORKER)
    }
    if not writers:
        return None
    invitation = conference.invitations.filter(invitee=user).select_related("agency").first()
    if invitation is None:
        return None
    return invitation.agency


def _report_in(user: AnyUser, report: ProfessionalReport) -> bool:
    return reports_visible_to(user).filter(pk=report.pk).exists()


# "May this user do this to this record?" — one table for every kind of record and action.
# Each rule uses the same scopes as the lists, so a page, a list and a file never disagree.
def _unit_of(user: AnyUser, local_authority_id: int) -> bool:
    return any(
        a.role == Role.UNIT_ADMINISTRATOR and a.local_authority_id == local_authority_id
        for a in roles_of(user)
    )


def _runs(user: AnyUser, conference: Conference) -> bool:
    """The unit of the family's authority, and the conference's chair, run a conference."""
    authority_id = conference.family.local_authority_id
    return _unit_of(user, authority_id) or (
        conference.chair_id == user.pk
        and any(
            a.role == Role.CHAIR and a.local_authority_id == authority_id for a in roles_of(user)
        )
    )


def outcome_letters_visible_to(user: AnyUser) -> QuerySet[OutcomeLetter]:
    """Issued outcome letters: the conference's chair and the unit of the family's authority;
    a family member, the letters addressed to them and any letter to their family as a whole
    (a letter exists only once issued)."""
    conference = "record_version__record__conference__"
    conditions = []
    for assignment in roles_of(user):
        in_authority = Q(
            **{f"{conference}family__local_authority_id": assignment.local_authority_id}
        )
        match assignment.role:
            case Role.UNIT_ADMINISTRATOR:
                conditions.append(in_authority)
            case Role.CHAIR:
                conditions.append(in_authority & Q(**{f"{conference}chair": user}))
            case Role.FAMILY_MEMBER:
                to_family = Q(
                    recipient__isnull=True, **{f"{conference}family__members__user": user}
                )
                conditions.append(in_authority & (Q(recipient__user=user) | to_family))
    if not conditions:
        return OutcomeLetter.objects.none()
    ids = OutcomeLetter.objects.filter(_any_of(conditions)).values("pk")
    return OutcomeLetter.objects.filter(pk__in=ids)


def may_read_minutes(user: AnyUser, conference: Conference) -> bool:
    """The chair and the unit; once an outcome letter is issued, the professionals invited."""
    if _runs(user, conference):
        return True
    authority_id = conference.family.local_authority_id
    is_professional_here = any(
        a.role in (Role.PROFESSIONAL, Role.SOCIAL_WORKER) and a.local_authority_id == authority_id
        for a in roles_of(user)
    )
    return (
        is_professional_here
        and conference.invitations.filter(invitee_id=user.pk).exists()
        and OutcomeLetter.objects.filter(record_version__record__conference=conference).exists()
    )


def _portal(check: str) -> Any:
    """A family member's rule, answered by the portal's own scopes (which start from the
    member's FamilyMember record); imported late, as the portal builds on this module."""

    def rule(user: AnyUser, record: Model) -> bool:
        from cpconf.portal import selectors

        return bool(getattr(selectors, check)(user, record))

    return rule


def _invites_family_member(user: AnyUser, family: Family) -> bool:
    """The unit, or the family's allocated social worker, invites its members to the portal."""
    return _unit_of(user, family.local_authority_id) or (
        family.allocated_social_worker_id == user.pk
        and any(
            a.role == Role.SOCIAL_WORKER and a.local_authority_id == family.local_authority_id
            for a in roles_of(user)
        )
    )


def _pack_grant(user: User, assignment: RoleAssignment) -> Q:
    in_authority = Q(family__local_authority_id=assignment.local_authority_id)
    match assignment.role:
        case Role.UNIT_ADMINISTRATOR:
            return in_authority
        case Role.CHAIR:
            return in_authority & Q(chair=user)
        case Role.PROFESSIONAL | Role.SOCIAL_WORKER:
            released = Q(pack_released_at__isnull=False)
            return in_authority & released & Q(invitations__invitee=user)
    return NOTHING


def pack_conferences_visible_to(user: AnyUser) -> QuerySet[Conference]:
    """Conferences whose pack and merged chronology a user may read: the unit's and the
    chair's at any time, an invited professional's once the pack is released. Family members
    read the family copy of each report in the portal instead."""
    assignments = roles_of(user)
    if not assignments:
        return Conference.objects.none()
    grant = _any_of([_pack_grant(user, a) for a in assignments])  # type: ignore[arg-type]
    ids = Conference.objects.filter(grant).values("pk")
    return Conference.objects.filter(pk__in=ids)


def _reads_pack(user: AnyUser, conference: Conference) -> bool:
    return pack_conferences_visible_to(user).filter(pk=conference.pk).exists()


RULES: dict[tuple[str, str], Any] = {
    # The family portal: a shared, submitted report's family copy; a child's views.
    ("reports.professionalreport", "portal_read"): _portal("may_read_shared_report"),
    ("portal.childview", "view"): _portal("may_see_child_view"),
    ("families.family", "invite_family_member"): _invites_family_member,
    ("families.family", "book_conference"): lambda u, r: _unit_of(u, r.local_authority_id),
    # The authority sets itself up: its unit creates and imports families; the front sheet
    # is kept by the people who invite the family to the portal (the unit, the allocated
    # social worker).
    ("organisations.localauthority", "set_up_families"): lambda u, r: _unit_of(u, r.pk),
    ("families.familyimport", "view"): lambda u, r: _unit_of(u, r.local_authority_id),
    ("families.family", "edit_front_sheet"): _invites_family_member,
    # ...and its agencies and staff: the unit of that authority only. (A member of staff is
    # found through the authority's staff, after this rule: see organisations.selectors.)
    ("organisations.localauthority", "set_up_agencies"): lambda u, r: _unit_of(u, r.pk),
    ("organisations.localauthority", "set_up_staff"): lambda u, r: _unit_of(u, r.pk),
    ("organisations.agency", "change"): lambda u, r: (
        r.retired_at is None and _unit_of(u, r.local_authority_id)
    ),
    ("conferences.conference", "manage"): lambda u, r: _unit_of(u, r.family.local_authority_id),
    # An invitation's answer (attendance): the unit records anyone's, an invitee their own.
    ("conferences.invitation", "answer"): lambda u, r: (
        r.invitee_id == u.pk or _unit_of(u, r.conference.family.local_authority_id)
    ),
    ("conferences.conference", "see_board"): _runs,
    ("conferences.conference", "prepare"): _runs,
    ("conferences.conference", "run_record"): _runs,
    ("families.family", "view"): lambda u, r: families_visible_to(u).filter(pk=r.pk).exists(),
    ("families.child", "view"): lambda u, r: children_visible_to(u).filter(pk=r.pk).exists(),
    ("conferences.conference", "view"): lambda u, r: (
        conferences_visible_to(u).filter(pk=r.pk).exists()
    ),
    ("conferences.conference", "write_report"): lambda u, r: agency_to_report_for(u, r) is not None,
    ("reports.professionalreport", "view"): _report_in,
    ("reports.professionalreport", "edit"): may_edit_report,
    ("reports.professionalreport", "view_restricted"): lambda u, r: (
        _report_in(u, r) and may_see_restricted(u, r)
    ),
    ("reports.professionalreport", "download_family_copy"): _report_in,
    ("reports.professionalreport", "download_conference_copy"): lambda u, r: (
        _report_in(u, r) and may_see_restricted(u, r)
    ),
    ("conferences.conference", "issue_outcome"): _runs,
    ("conferences.conference", "read_minutes"): may_read_minutes,
    ("outcomes.outcomeletter", "view"): lambda u, r: (
        outcome_letters_visible_to(u).filter(pk=r.pk).exists()
    ),
    # The conference pack: the unit releases it; the conference copy (restricted sections
    # included) is the unit's and the chair's, the family copy also invited professionals'.
    ("conferences.conference", "release_pack"): lambda u, r: _unit_of(
        u, r.family.local_authority_id
    ),
    ("conferences.conference", "read_pack"): _reads_pack,
    ("conferences.conference", "read_pack_conference_copy"): _runs,
    ("packs.conferencepack", "download_family_copy"): lambda u, r: _reads_pack(u, r.conference),
    ("packs.conferencepack", "download_conference_copy"): lambda u, r: _runs(u, r.conference),
}


def may(user: AnyUser, action: str, record: Model) -> bool:
    """Deny by default: an action with no rule for this kind of record is refused."""
    if not user.is_authenticated or not user.is_active:
        return False
    rule = RULES.get((record._meta.label_lower, action))
    return bool(rule and rule(user, record))


def may_read_audit_trail(user: AnyUser, local_authority_id: int) -> bool:
    """The audit trail is the auditor's, for their own authority only."""
    return any(
        a.role == Role.AUDITOR and a.local_authority_id == local_authority_id
        for a in roles_of(user)
    )

"""Who may read an outcome letter and the minutes.

Built from the grants in `cpconf.access.rules`, registered into its table by OutcomesConfig.
"""

from django.db.models import Q, QuerySet

from cpconf.access.rules import AnyUser, any_of, holds_role, register, roles_of, runs
from cpconf.accounts.models import Role
from cpconf.conferences.models import Conference
from cpconf.outcomes.models import MinutesApproval, OutcomeLetter


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
    ids = OutcomeLetter.objects.filter(any_of(conditions)).values("pk")
    return OutcomeLetter.objects.filter(pk__in=ids)


def may_read_minutes(user: AnyUser, conference: Conference) -> bool:
    """The chair and the unit; once an outcome letter is issued or the minutes approved, the
    professionals invited."""
    if runs(user, conference):
        return True
    authority_id = conference.family.local_authority_id
    return (
        holds_role(user, [Role.PROFESSIONAL, Role.SOCIAL_WORKER], authority_id)
        and conference.invitations.filter(invitee_id=user.pk).exists()
        and (
            OutcomeLetter.objects.filter(record_version__record__conference=conference).exists()
            or MinutesApproval.objects.filter(
                record_version__record__conference=conference
            ).exists()
        )
    )


def register_rules() -> None:
    register(
        {
            ("conferences.conference", "read_minutes"): may_read_minutes,
            ("outcomes.outcomeletter", "view"): lambda u, r: (
                outcome_letters_visible_to(u).filter(pk=r.pk).exists()
            ),
        }
    )

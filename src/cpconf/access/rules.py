"""The access rules: who holds which role where, and one table of what each may do.

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

This module knows roles, not records: each domain app writes its scopes (the querysets a
user may see) from the grants below and registers its rules for its own kinds of record
(`register`), from its AppConfig.ready. So access imports no domain app, and the table of
rules is still one table (`RULES`), checked the same way for every page, file and API call.
A grant is a query condition over a field path, so the same rule scopes a list of
conferences (`path=""`) and a list of families through their conferences
(`path="conferences__"`).
"""

from collections.abc import Callable, Iterable
from typing import Any, TypeVar

from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import FieldDoesNotExist
from django.db.models import Model, Q, QuerySet

from cpconf.accounts.models import Role, RoleAssignment, User

AnyUser = User | AnonymousUser
Rule = Callable[[Any, Any], bool]
M = TypeVar("M", bound=Model)

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


def any_of(conditions: Iterable[Q]) -> Q:
    """Conditions joined with OR; none at all matches nothing (deny by default)."""
    combined = NOTHING
    for condition in conditions:
        combined |= condition
    return combined


def granted(
    model: type[M], user: AnyUser, grant: Callable[[AnyUser, RoleAssignment], Q]
) -> QuerySet[M]:
    """The rows of `model` that any of the user's role assignments grants (deny by default).
    Where a grant follows a relation to many rows (a conference's invitations), the rows are
    picked by id in a subquery, so that its joins never duplicate a row; where every grant
    follows single relations only (the unit's authority, the chair of a conference), the
    condition is put on the query itself, which the database can read from the indexes it
    is asked about, not from every row of the authority."""
    assignments = roles_of(user)
    if not assignments:
        return model._default_manager.none()
    conditions = any_of(grant(user, a) for a in assignments)
    if not _follows_many(model, conditions):
        return model._default_manager.filter(conditions)
    ids = model._default_manager.filter(conditions).values("pk")
    return model._default_manager.filter(pk__in=ids)


def _follows_many(model: type[Model], condition: Q) -> bool:
    """Whether any lookup in `condition` follows a relation to many rows from `model`."""
    for child in condition.children:
        if isinstance(child, Q):
            if _follows_many(model, child):
                return True
            continue
        if not isinstance(child, tuple):
            return True  # an expression, not a (lookup, value) pair: keep the safe subquery
        lookup: str = child[0]
        opts = model._meta
        for part in lookup.split("__"):
            try:
                field = opts.get_field(part)
            except FieldDoesNotExist:
                break  # a lookup ("in", "gt") or a transform: no relation beyond it
            if field.one_to_many or field.many_to_many:
                return True
            related = field.related_model
            if not field.is_relation or not (
                isinstance(related, type) and issubclass(related, Model)
            ):
                break
            opts = related._meta
    return False


def holds_role(user: AnyUser, roles: Iterable[str], local_authority_id: int) -> bool:
    wanted = set(roles)
    return any(
        a.role in wanted and a.local_authority_id == local_authority_id for a in roles_of(user)
    )


def unit_of(user: AnyUser, local_authority_id: int) -> bool:
    """The user is in the unit (Child Protection Review Unit) of that authority."""
    return holds_role(user, [Role.UNIT_ADMINISTRATOR], local_authority_id)


def runs(user: AnyUser, conference: Any) -> bool:
    """The unit of the family's authority, and the conference's chair, run a conference."""
    authority_id = conference.family.local_authority_id
    return unit_of(user, authority_id) or (
        conference.chair_id == user.pk and holds_role(user, [Role.CHAIR], authority_id)
    )


def conference_grant(user: AnyUser, assignment: RoleAssignment, path: str = "") -> Q:
    """The conferences one role assignment lets the user see, at `path` from the model queried."""
    in_authority = Q(**{f"{path}family__local_authority_id": assignment.local_authority_id})
    match assignment.role:
        case Role.UNIT_ADMINISTRATOR:
            return in_authority
        case Role.CHAIR:
            return in_authority & Q(**{f"{path}chair": user})
        case Role.SOCIAL_WORKER:
            return in_authority & (
                Q(**{f"{path}family__allocated_social_worker": user})
                | Q(**{f"{path}invitations__invitee": user})
            )
        case Role.PROFESSIONAL:
            return in_authority & Q(**{f"{path}invitations__invitee": user})
        case Role.FAMILY_MEMBER:
            return in_authority & Q(**{f"{path}family__members__user": user})
    return NOTHING


def staff_conference_grant(user: AnyUser, assignment: RoleAssignment, path: str = "") -> Q:
    """`conference_grant` for the staff roles only: a family member knows their family's
    meetings through the family pages, never the staff pages about them."""
    if assignment.role == Role.FAMILY_MEMBER:
        return NOTHING
    return conference_grant(user, assignment, path)


def pack_grant(user: AnyUser, assignment: RoleAssignment) -> Q:
    """Conferences whose pack one role assignment lets the user read: the unit's and the
    chair's at any time, an invited professional's once the pack is released."""
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


RULES: dict[tuple[str, str], Rule] = {}


def register(rules: dict[tuple[str, str], Rule]) -> None:
    """Add a domain app's rules for its own kinds of record (label_lower, action) to the
    table. A rule registered twice under one key is a mistake that would hide the first."""
    for key, rule in rules.items():
        if key in RULES and RULES[key] is not rule:
            raise ValueError(f"Two access rules for {key}.")
        RULES[key] = rule


def may(user: AnyUser, action: str, record: Model) -> bool:
    """Deny by default: an action with no rule for this kind of record is refused."""
    if not user.is_authenticated or not user.is_active:
        return False
    rule = RULES.get((record._meta.label_lower, action))
    return bool(rule and rule(user, record))


def may_read_audit_trail(user: AnyUser, local_authority_id: int) -> bool:
    """The audit trail is the auditor's, for their own authority only."""
    return holds_role(user, [Role.AUDITOR], local_authority_id)

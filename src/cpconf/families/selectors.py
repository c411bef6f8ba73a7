"""Reading families, always through the access scope."""

from typing import Any

from django.db.models import Prefetch, Q, QuerySet

from cpconf.access import AnyUser, may, roles_of
from cpconf.access.rules import any_of, conference_grant
from cpconf.accounts.models import Role, User
from cpconf.families.access_rules import families_visible_to
from cpconf.families.dates import date_from_text
from cpconf.families.models import Child, Family, FamilyImport, FrontSheetVersion
from cpconf.organisations.models import LocalAuthority


def families_for(user: AnyUser) -> QuerySet[Family]:
    """The family case records this user may know of, for `get_visible_or_404` to fetch one
    from (and audit the read or the refusal)."""
    return families_visible_to(user).select_related("local_authority", "allocated_social_worker")


def conferences_of(user: User, family: Family) -> QuerySet[Any]:
    """The family's conferences this user may see: access's conference grants applied to the
    family's own conferences (the conferences app builds on families, not the other way)."""
    grant = any_of(conference_grant(user, assignment) for assignment in roles_of(user))
    ids = family.conferences.filter(grant).values("pk")
    return family.conferences.filter(pk__in=ids).select_related("chair")


def unit_authorities(user: AnyUser) -> QuerySet[LocalAuthority]:
    """The authorities this user may create and import families for (the access rule
    `set_up_families`: the unit of each)."""
    held = LocalAuthority.objects.filter(pk__in=[a.local_authority_id for a in roles_of(user)])
    allowed = [a.pk for a in held if may(user, "set_up_families", a)]
    return LocalAuthority.objects.filter(pk__in=allowed).order_by("name")


def families_searchable_by(user: AnyUser) -> QuerySet[Family]:
    """What a search may find: all of the authority's families for its unit, and only the
    families allocated to them for a social worker (not those they know through an
    invitation: a search is not a way into other families' records)."""
    conditions = []
    for assignment in roles_of(user):
        in_authority = Q(local_authority_id=assignment.local_authority_id)
        if assignment.role == Role.UNIT_ADMINISTRATOR:
            conditions.append(in_authority)
        elif assignment.role == Role.SOCIAL_WORKER:
            conditions.append(in_authority & Q(allocated_social_worker_id=user.pk))
    if not conditions:
        return Family.objects.none()
    combined = conditions[0]
    for condition in conditions[1:]:
        combined |= condition
    return families_visible_to(user).filter(combined)


def may_search(user: AnyUser) -> bool:
    return any(a.role in (Role.UNIT_ADMINISTRATOR, Role.SOCIAL_WORKER) for a in roles_of(user))


def _matching(text: str) -> Q:
    """A case reference, a child's name (every word in a first or last name), or a date of
    birth (or an unborn baby's expected date) written 3/4/2019 or 2019-04-03."""
    day = date_from_text(text)
    if day is not None:
        return Q(children__date_of_birth=day) | Q(children__expected_due_date=day)
    names = Q()
    for word in text.split():
        names &= Q(children__given_name__icontains=word) | Q(children__family_name__icontains=word)
    return Q(case_reference__iexact=text) | names


def family_search(user: AnyUser, text: str) -> QuerySet[Family]:
    matches = Family.objects.filter(_matching(text.strip())).values("pk")
    return (
        families_searchable_by(user)
        .filter(pk__in=matches)
        .select_related("local_authority", "allocated_social_worker")
        .prefetch_related(Prefetch("children", queryset=Child.objects.order_by("pk")))
        .order_by("name", "case_reference")
    )


def front_sheet_versions(family: Family) -> QuerySet[FrontSheetVersion]:
    return family.front_sheet_versions.select_related("created_by").order_by("-number")


def imports_for(user: AnyUser) -> QuerySet[FamilyImport]:
    """A unit's uploads of the case system's file, for `get_visible_or_404`."""
    return FamilyImport.objects.filter(local_authority__in=unit_authorities(user)).select_related(
        "local_authority", "created_by"
    )

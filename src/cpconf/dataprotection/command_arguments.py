"""Finding the records the data protection commands name, with errors that name the argument.

Each error is a constant so the tests can check the words; each says which argument was
wrong and what is wanted, the way GOV.UK error messages do.
"""

from django.db.models import QuerySet

from cpconf.accounts.models import Role, User
from cpconf.families.models import Family, FamilyMember
from cpconf.organisations.models import LocalAuthority

NO_FAMILY = "--family: there is no family with case reference {reference!r}{where}"
FAMILY_IN_SEVERAL = (
    "--family: case reference {reference!r} is used in more than one local authority "
    "({authorities}); add --authority with one of them"
)
NO_AUTHORITY = "--authority: there is no local authority {slug!r}; known: {known}"
NO_MEMBER = "--member: there is no family member with ID {value!r}"
NO_USER = "--user: there is no account with email address {email!r}"
NO_ACTOR = "--by: there is no account with email address {email!r}"
NOT_DATA_PROTECTION_STAFF = (
    "--by: {email} is not an active unit administrator or auditor of {authority}, so the "
    "audit trail cannot record them as doing this for its families"
)
# Who the trail may name as exporting, holding or destroying a family's records: the unit
# that keeps them and the information governance officers who answer for them.
DATA_PROTECTION_ROLES = (Role.UNIT_ADMINISTRATOR, Role.AUDITOR)


class LookupFailed(LookupError):
    """The record named on the command line does not exist (or is ambiguous)."""


def authority_named(slug: str | None) -> LocalAuthority | None:
    if slug is None:
        return None
    authority = LocalAuthority.objects.filter(slug=slug).first()
    if authority is None:
        known = ", ".join(LocalAuthority.objects.values_list("slug", flat=True)) or "none"
        raise LookupFailed(NO_AUTHORITY.format(slug=slug, known=known))
    return authority


def family_with_reference(reference: str, authority_slug: str | None = None) -> Family:
    authority = authority_named(authority_slug)
    families: QuerySet[Family] = Family.objects.filter(case_reference=reference.strip())
    if authority is not None:
        families = families.filter(local_authority=authority)
    found = list(families.select_related("local_authority")[:10])
    if not found:
        where = f" in {authority.slug}" if authority else ""
        raise LookupFailed(NO_FAMILY.format(reference=reference, where=where))
    if len(found) > 1:
        slugs = ", ".join(sorted(f.local_authority.slug for f in found))
        raise LookupFailed(FAMILY_IN_SEVERAL.format(reference=reference, authorities=slugs))
    return found[0]


def family_member_with_id(value: str) -> FamilyMember:
    member = None
    if value.strip().isdigit():
        member = FamilyMember.objects.filter(pk=int(value)).select_related("family").first()
    if member is None:
        raise LookupFailed(NO_MEMBER.format(value=value))
    return member


def user_with_email(email: str, message: str = NO_USER) -> User:
    user = User.objects.filter(email__iexact=email.strip()).first()
    if user is None:
        raise LookupFailed(message.format(email=email))
    return user


def actor_for(email: str, authorities: list[LocalAuthority]) -> User:
    """The member of staff a command records as acting (`--by`): an active unit
    administrator or auditor of every authority whose families the command touches, so one
    authority's trail never names someone of another, or a parent, as its author."""
    user = user_with_email(email, NO_ACTOR)
    for authority in authorities:
        holds = user.role_assignments.filter(
            local_authority=authority, role__in=DATA_PROTECTION_ROLES
        ).exists()
        if not (user.is_active and holds):
            raise LookupFailed(
                NOT_DATA_PROTECTION_STAFF.format(email=user.email, authority=authority.name)
            )
    return user

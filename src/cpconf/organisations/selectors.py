"""Reads for the authority setting itself up: the authorities a unit runs, their agencies
(with the report-form group each kind of agency gets its prompts from) and their staff.

Every read is scoped to one authority, already allowed by `cpconf.access` (the
`set_up_agencies` and `set_up_staff` rules): nothing here reaches another authority."""

from dataclasses import dataclass

from django.db.models import Prefetch, Q, QuerySet
from django.utils.translation import gettext_lazy as _

from cpconf.access import AnyUser, roles_of
from cpconf.accounts.models import Role, RoleAssignment, User
from cpconf.organisations.models import Agency, AgencyKind, LocalAuthority, SecondFactorReset
from cpconf.organisations.report_forms import report_form_named
from cpconf.organisations.staff_accounts import STAFF_ROLES

GROUP_LABELS = {
    "school": _("School"),
    "health": _("Health"),
    "adult_services": _("Adult services"),
    "police": _("Police"),
    "other": _("Other (general prompts)"),
}


def authorities() -> QuerySet[LocalAuthority]:
    """Every authority, for the access rules to choose from (a refusal is filed under the
    authority asked for)."""
    return LocalAuthority.objects.all()


def authority_named(name: str) -> LocalAuthority | None:
    """The authority a command is given, by its short name or its name, in any case."""
    return LocalAuthority.objects.filter(Q(slug__iexact=name) | Q(name__iexact=name)).first()


def unit_authorities(user: AnyUser) -> list[LocalAuthority]:
    """The authorities this user is the unit administrator of, for the home page's links."""
    found = {
        a.local_authority_id: a.local_authority
        for a in roles_of(user)
        if a.role == Role.UNIT_ADMINISTRATOR
    }
    return sorted(found.values(), key=lambda authority: authority.name)


def report_form_groups(local_authority: LocalAuthority) -> dict[str, str]:
    """Each kind of agency's prompt group in the report forms the authority's policy uses:
    "Health", or each form's group when the forms differ."""
    forms = {
        meeting_type.report_form: report_form_named(meeting_type.report_form)
        for meeting_type in local_authority.policy.meeting_types.values()
    }
    labels = {}
    for kind in AgencyKind.values:
        groups = {form.title: form.agency_group(kind) for form in forms.values()}
        if len(set(groups.values())) == 1:
            labels[kind] = _group_label(next(iter(groups.values())))
        else:
            labels[kind] = "; ".join(
                f"{_group_label(group)} ({title})" for title, group in sorted(groups.items())
            )
    return labels


def _group_label(group: str) -> str:
    return str(GROUP_LABELS.get(group, group.replace("_", " ").capitalize()))


@dataclass(frozen=True)
class AgencyRow:
    agency: Agency
    report_form_group: str


def agencies_of(local_authority: LocalAuthority) -> list[AgencyRow]:
    """The authority's agencies, those in use first, each with its report-form group."""
    groups = report_form_groups(local_authority)
    agencies = Agency.objects.filter(local_authority=local_authority).order_by("retired_at", "name")
    return [AgencyRow(agency, groups.get(agency.kind, "")) for agency in agencies]


def agencies_to_change(local_authority: LocalAuthority) -> QuerySet[Agency]:
    return Agency.objects.filter(local_authority=local_authority)


def agencies_offered(
    local_authority: LocalAuthority, *, keeping: Agency | None = None
) -> QuerySet[Agency]:
    """Agencies that may be chosen for a member of staff: those in use, and the one they
    already have even if it has since been retired."""
    agencies = Agency.objects.filter(local_authority=local_authority)
    offered = agencies.in_use()
    if keeping is not None:
        offered = offered | agencies.filter(pk=keeping.pk)
    return offered.order_by("name")


def staff_of(local_authority: LocalAuthority) -> QuerySet[User]:
    """People holding a staff role in the authority, disabled ones too, each with only
    their roles here (`roles_here`)."""
    here = RoleAssignment.objects.filter(local_authority=local_authority).select_related("agency")
    staff_ids = here.filter(role__in=STAFF_ROLES).values("user_id")
    return (
        User.objects.filter(pk__in=staff_ids)
        .prefetch_related(
            Prefetch(
                "role_assignments",
                queryset=here.filter(role__in=STAFF_ROLES).order_by("role"),
                to_attr="roles_here",
            )
        )
        .order_by("last_name", "first_name", "email")
    )


def second_factor_resets(
    local_authority: LocalAuthority, user: User
) -> QuerySet[SecondFactorReset]:
    return SecondFactorReset.objects.filter(
        local_authority=local_authority, user=user
    ).select_related("created_by")

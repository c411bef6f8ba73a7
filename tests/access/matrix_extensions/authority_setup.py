"""Matrix rows for the authority setting up its agencies and staff: the unit of the
authority, and nobody else — not its other roles, not another authority's unit.

Each row is asked for the user's own authority and the other one (or an agency or a member
of staff of each). An empty form posted is refused with a 400 naming what is missing;
disabling and enabling need no more than the button, so they go through (to a member of
staff made for the purpose)."""

from tests.access.matrix_base import USERS, Case

AUTHORITIES = ("setup_north", "setup_south")
AGENCIES = ("setup_north_agency", "setup_south_agency")
STAFF = ("setup_north_staff", "setup_south_staff")

UNIT_OF_EACH = {user: "404 404" for user in USERS} | {
    "anonymous": "302 302",
    "unit": "200 404",
    "other_authority_unit": "404 200",
}


def _answers(table: dict[str, str], code: str) -> dict[str, str]:
    """What the unit of each authority gets instead of 200."""
    return {user: row.replace("200", code) for user, row in table.items()}


def authority(record) -> tuple:
    return (record.slug,)


def within(record) -> tuple:
    """An agency, or a member of staff (their role assignment), under its own authority."""
    owner = record.local_authority
    return (owner.slug, record.user_id if hasattr(record, "user_id") else record.pk)


def extend_world(users, records):
    from cpconf.accounts.models import Role, RoleAssignment
    from tests.factories import AgencyFactory, user_with_role

    for key, unit in (("setup_north", "unit"), ("setup_south", "other_authority_unit")):
        local_authority = users[unit].role_assignments.get().local_authority
        records[key] = local_authority
        records[f"{key}_agency"] = AgencyFactory(local_authority=local_authority)
        member = user_with_role(Role.CHAIR, local_authority)
        records[f"{key}_staff"] = RoleAssignment.objects.get(user=member)


def _pages(name: str, targets: tuple[str, ...], args, posted: str) -> tuple[Case, ...]:
    return (
        Case(f"organisations:{name}", "get", targets, args, UNIT_OF_EACH),
        Case(f"organisations:{name}", "post", targets, args, _answers(UNIT_OF_EACH, posted)),
    )


CASES = (
    Case("organisations:agencies", "get", AUTHORITIES, authority, UNIT_OF_EACH),
    *_pages("agency_add", AUTHORITIES, authority, "400"),
    *_pages("agency_change", AGENCIES, within, "400"),
    *_pages("agency_retire", AGENCIES, within, "400"),
    Case("organisations:staff", "get", AUTHORITIES, authority, UNIT_OF_EACH),
    *_pages("staff_invite", AUTHORITIES, authority, "400"),
    # Nothing typed yet in this session: back to the form.
    Case(
        "organisations:staff_invite_check",
        "get",
        AUTHORITIES,
        authority,
        _answers(UNIT_OF_EACH, "302"),
    ),
    Case(
        "organisations:staff_invite_check",
        "post",
        AUTHORITIES,
        authority,
        _answers(UNIT_OF_EACH, "302"),
    ),
    Case("organisations:staff_member", "get", STAFF, within, UNIT_OF_EACH),
    *_pages("staff_roles", STAFF, within, "400"),
    *_pages("staff_disable", STAFF, within, "302"),
    *_pages("staff_enable", STAFF, within, "302"),
    *_pages("staff_second_factor_reset", STAFF, within, "400"),
)

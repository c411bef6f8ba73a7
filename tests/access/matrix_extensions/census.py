"""Matrix rows for the Children in Need census pages: the unit of the authority, and nobody
else — not its chair or social workers, not another authority's unit.

Pages are asked for the user's own authority and the other one (the authorities of the
authority set-up rows); a child's census details for a child of the user's own family,
another family of the same authority, and a family of the other authority.
"""

from tests.access.matrix_base import USERS, Case

AUTHORITIES = ("setup_north", "setup_south")
CHILDREN = ("census_own_child", "census_other_child", "census_foreign_child")

UNIT_OF_EACH = {user: "404 404" for user in USERS} | {
    "anonymous": "302 302",
    "unit": "200 404",
    "other_authority_unit": "404 200",
}
UNIT_OF_THE_CHILD = {user: "404 404 404" for user in USERS} | {
    "anonymous": "302 302 302",
    "unit": "200 200 404",
    "other_authority_unit": "404 404 200",
}


def _answers(table: dict[str, str], code: str) -> dict[str, str]:
    """What the unit gets instead of 200 (a form posted empty, a return with problems)."""
    return {user: row.replace("200", code) for user, row in table.items()}


def authority(record) -> tuple:
    return (record.slug,)


def child(record) -> tuple:
    return (record.family.local_authority.slug, record.pk)


def extend_world(users, records):
    for family in ("own", "other", "foreign"):
        found = records[f"{family}_family"].children.order_by("pk").first()
        records[f"census_{family}_child"] = found


CASES = (
    Case("census:figures", "get", AUTHORITIES, authority, UNIT_OF_EACH),
    Case(
        "census:figure_children",
        "get",
        AUTHORITIES,
        lambda a: (a.slug, "reviews-on-time"),
        UNIT_OF_EACH,
    ),
    # The world's children have no census details: the unit is shown the problems (422), and
    # no file is given.
    Case(
        "census:return",
        "get",
        AUTHORITIES,
        lambda a: (a.slug, 2027),
        _answers(UNIT_OF_EACH, "422"),
    ),
    Case("census:la_code", "get", AUTHORITIES, authority, UNIT_OF_EACH),
    Case("census:la_code", "post", AUTHORITIES, authority, _answers(UNIT_OF_EACH, "400")),
    Case("census:details_import", "get", AUTHORITIES, authority, UNIT_OF_EACH),
    # Posted with no file: the unit is asked to choose one.
    Case("census:details_import", "post", AUTHORITIES, authority, _answers(UNIT_OF_EACH, "400")),
    Case("census:child_details", "get", CHILDREN, child, UNIT_OF_THE_CHILD),
    # Every census item may be left blank (a blank is listed as missing, never guessed), so
    # an empty form saves and goes back to the figures.
    Case(
        "census:child_details",
        "post",
        CHILDREN,
        child,
        _answers(UNIT_OF_THE_CHILD, "302"),
    ),
)

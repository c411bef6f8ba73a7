"""Matrix rows for the authority setting itself up: finding a family (the unit, and social
workers among their allocated families), creating one and importing the case system's file
(the unit of an authority only), and the front sheet (the allocated social worker and the
unit)."""

from tests.access.matrix_base import FAMILIES, USERS, Case, no_args, pk

NONE = ("none",)
IMPORTS = ("own_import", "foreign_import")
UNITS_ONLY = {user: "404" for user in USERS} | {
    "anonymous": "302",
    "unit": "200",
    "other_authority_unit": "200",
}
FRONT_SHEET = {user: "404 404 404" for user in USERS} | {
    "anonymous": "302 302 302",
    "social_worker": "200 404 404",
    "unit": "200 200 404",
    "other_authority_unit": "404 404 200",
}


def extend_world(users, records):
    from cpconf.families.models import FamilyImport

    for key, family in (("own_import", "own_family"), ("foreign_import", "foreign_family")):
        records[key] = FamilyImport.objects.create(
            local_authority=records[family].local_authority,
            file_name="cases.csv",
            summary={"rows": 0, "families": 0, "problems": []},
        )


def _posted(table: dict[str, str]) -> dict[str, str]:
    """An empty form posted: refused as before, or (allowed) a 400 naming what is missing."""
    return {user: row.replace("200", "400") for user, row in table.items()}


CASES = (
    Case("families:search", "get", NONE, no_args, UNITS_ONLY | {"social_worker": "200"}),
    Case("families:new", "get", NONE, no_args, UNITS_ONLY),
    Case("families:new", "post", NONE, no_args, _posted(UNITS_ONLY)),
    # Nothing typed yet in this session: back to the form.
    Case(
        "families:new_check",
        "get",
        NONE,
        no_args,
        UNITS_ONLY | {"unit": "302", "other_authority_unit": "302"},
    ),
    Case("families:import", "get", NONE, no_args, UNITS_ONLY),
    Case("families:import", "post", NONE, no_args, _posted(UNITS_ONLY)),
    Case(
        "families:import_detail",
        "get",
        IMPORTS,
        pk,
        {user: "404 404" for user in USERS}
        | {"anonymous": "302 302", "unit": "200 404", "other_authority_unit": "404 200"},
    ),
    Case("families:front_sheet", "get", FAMILIES, pk, FRONT_SHEET),
    Case("families:front_sheet", "post", FAMILIES, pk, _posted(FRONT_SHEET)),
)

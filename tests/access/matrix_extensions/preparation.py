"""Matrix rows for the chair's preparation view and scaling over time."""

from tests.access.matrix_base import CONFERENCES, UNIT_ONLY, Case, pk

CHILDREN = ("own_child", "other_child", "foreign_child")


def extend_world(users, records):
    for family in ("own", "other", "foreign"):
        records[f"{family}_child"] = records[f"{family}_family"].children.order_by("pk").first()


CASES = (
    # The unit and the conference's chair prepare with the reports.
    Case("preparation:prepare", "get", CONFERENCES, pk, UNIT_ONLY | {"chair": "200 404 404"}),
    # Staff who may see the child: through a conference, an allocation or the unit.
    Case(
        "preparation:child_scaling",
        "get",
        CHILDREN,
        pk,
        {
            "anonymous": "302 302 302",
            "professional": "200 404 404",
            "social_worker": "200 404 404",
            "unit": "200 200 404",
            "chair": "200 404 404",
            "family_member": "404 404 404",
            "auditor": "404 404 404",
            "other_authority_unit": "404 404 200",
        },
    ),
    # The meeting mode: the same people, one agenda section at a time.
    Case("preparation:meeting", "get", CONFERENCES, pk, UNIT_ONLY | {"chair": "200 404 404"}),
    Case(
        "preparation:meeting_section",
        "get",
        CONFERENCES,
        lambda c: (c.pk, "introductions"),
        UNIT_ONLY | {"chair": "200 404 404"},
    ),
)

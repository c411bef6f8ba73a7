import datetime as dt
from dataclasses import dataclass

import pytest

from cpconf.families.models import Child
from cpconf.organisations.models import LocalAuthority
from tests.browser.conftest import chromium, page  # noqa: F401  (the browser fixtures)
from tests.census.builders import (
    census_details,
    family_with_children,
    finalised_conference,
    with_la_code,
)
from tests.factories import ChildFactory, LocalAuthorityFactory

NEGLECT = ["neglect"]
STARTS = "plan_starts"
CONTINUES = "plan_continues"
ENDS = "ends_child_in_need"


@dataclass
class CensusScene:
    """Northshire's census year 2027 (1 April 2026 to 31 March 2027), and Southvale next door."""

    authority: LocalAuthority
    other_authority: LocalAuthority
    lily: Child
    baby: Child
    sam: Child
    other_child: Child


@pytest.fixture
def census_scene(db) -> CensusScene:
    authority = LocalAuthorityFactory(name="Northshire", slug="northshire")
    other = LocalAuthorityFactory(name="Southvale", slug="southvale", policy_name="southvale")
    with_la_code(authority, "201")
    with_la_code(other, "202")

    ashdown, (lily,) = family_with_children(authority, "Lily")
    baby = ChildFactory(
        family=ashdown, given_name="Baby", date_of_birth=None, expected_due_date=dt.date(2026, 9, 1)
    )
    initial = finalised_conference(
        ashdown,
        dt.date(2026, 5, 12),
        {lily: (STARTS, NEGLECT), baby: (STARTS, NEGLECT)},
        strategy_discussion_on=dt.date(2026, 4, 28),
    )
    first_review = finalised_conference(
        ashdown,
        dt.date(2026, 8, 10),
        {lily: (CONTINUES, ["neglect", "emotional"]), baby: (CONTINUES, NEGLECT)},
        previous=initial,
    )
    second_review = finalised_conference(
        ashdown,
        dt.date(2027, 2, 15),
        {lily: (ENDS, []), baby: (CONTINUES, NEGLECT)},
        previous=first_review,
    )
    finalised_conference(ashdown, dt.date(2027, 5, 20), {baby: (ENDS, [])}, previous=second_review)

    # A plan that started before the census year and ends after it.
    carter, (sam,) = family_with_children(authority, "Sam")
    sam_initial = finalised_conference(
        carter, dt.date(2025, 10, 1), {sam: (STARTS, ["physical"])},
        strategy_discussion_on=dt.date(2025, 9, 17),
    )  # fmt: skip
    sam_review = finalised_conference(
        carter, dt.date(2026, 1, 5), {sam: (CONTINUES, ["physical"])}, previous=sam_initial
    )
    sam_later = finalised_conference(
        carter, dt.date(2026, 7, 1), {sam: (CONTINUES, ["physical"])}, previous=sam_review
    )
    finalised_conference(carter, dt.date(2027, 6, 1), {sam: (ENDS, [])}, previous=sam_later)

    southvale_family, (other_child,) = family_with_children(other, "Ola")
    finalised_conference(
        southvale_family, dt.date(2026, 6, 2), {other_child: (STARTS, NEGLECT)},
        strategy_discussion_on=dt.date(2026, 5, 20),
    )  # fmt: skip

    for child in (lily, baby, sam, other_child):
        census_details(child)
    return CensusScene(authority, other, lily, baby, sam, other_child)

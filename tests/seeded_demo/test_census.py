"""The demo authority's census return can be made: `cpconf seed_demo` enters what the case
system would hold, and the plans come from the demo's finalised records."""

import pytest
from django.utils import timezone

from cpconf.census.cin_return import CensusYear, schema_problems
from cpconf.census.models import ChildCensusDetails
from cpconf.census.services import census_return_make
from cpconf.demo import data
from cpconf.organisations.models import LocalAuthority

pytestmark = pytest.mark.django_db


def test_the_demo_authoritys_return_for_this_year_is_valid(demo_seeded_once):
    authority = LocalAuthority.objects.get(slug=data.NORTHSHIRE)
    year = CensusYear.containing(timezone.localdate())
    made = census_return_make(authority=authority, year=year.year, actor=None)
    assert made.problems == ()
    assert schema_problems(made.xml) == []
    assert made.children >= 4  # the Carters' and the Ashdowns' children at least


def test_every_demo_child_has_census_details_and_the_unborn_baby_no_upn(demo_seeded_once):
    details = ChildCensusDetails.objects.select_related("child")
    assert details.count() == sum(len(f.children) for f in data.FAMILIES)
    unborn = details.get(child__date_of_birth__isnull=True)
    assert (unborn.upn, unborn.ethnicity) == ("", "NOBT")

import datetime as dt

import pytest
from django.db import IntegrityError, transaction

from tests.factories import ChildFactory, FamilyFactory

pytestmark = pytest.mark.django_db


def test_an_unborn_child_is_recorded_by_expected_due_date():
    child = ChildFactory(date_of_birth=None, expected_due_date=dt.date(2027, 3, 1))
    assert child.is_unborn


def test_a_child_needs_a_date_of_birth_or_a_due_date():
    with pytest.raises(IntegrityError), transaction.atomic():
        ChildFactory(date_of_birth=None, expected_due_date=None)


def test_a_child_cannot_have_both_a_date_of_birth_and_a_due_date():
    with pytest.raises(IntegrityError), transaction.atomic():
        ChildFactory(date_of_birth=dt.date(2020, 1, 1), expected_due_date=dt.date(2027, 3, 1))


def test_case_references_are_unique_within_an_authority_only():
    family = FamilyFactory(case_reference="TS-1")
    FamilyFactory(case_reference="TS-1")  # another authority: allowed
    with pytest.raises(IntegrityError), transaction.atomic():
        FamilyFactory(case_reference="TS-1", local_authority=family.local_authority)


def test_age_counts_whole_years_to_the_day():
    child = ChildFactory(date_of_birth=dt.date(2019, 5, 14))
    assert child.age_on(dt.date(2026, 5, 13)) == 6
    assert child.age_on(dt.date(2026, 5, 14)) == 7

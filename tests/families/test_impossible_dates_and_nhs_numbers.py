"""A child's record refuses what cannot be true: a date of birth more than 25 years ago (no
child at a conference, nor a care leaver, is older), an expected date more than a pregnancy
ahead, and an NHS number whose check digit does not match. One rule for the front sheet and
the import from the case system."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from cpconf.accounts.models import Role
from cpconf.demo import data as demo
from cpconf.families import pages
from cpconf.families.case_file import check_rows, read_rows
from cpconf.families.dates import (
    BIRTH_TOO_LONG_AGO,
    EXPECTED_TOO_FAR_AHEAD,
    child_dates_problem,
    earliest_birth,
)
from cpconf.families.models import Child, FrontSheetVersion
from cpconf.families.nhs_numbers import CHECK_DIGIT_WRONG, NOT_TEN_DIGITS, nhs_number_problem
from tests.factories import ChildFactory, FamilyFactory, LocalAuthorityFactory, user_with_role
from tests.families.case_files import HEADER, ashdowns, csv_bytes, error_summary

TODAY = dt.date(2026, 12, 8)


# The rules themselves, at their edges.


def test_a_date_of_birth_25_years_ago_is_accepted_and_the_day_before_refused():
    oldest = dt.date(2001, 12, 8)

    assert child_dates_problem(oldest, None, TODAY) is None
    assert child_dates_problem(oldest - dt.timedelta(days=1), None, TODAY) == (
        "date_of_birth",
        BIRTH_TOO_LONG_AGO,
    )


def test_25_years_before_29_february_is_28_february():
    assert earliest_birth(dt.date(2028, 2, 29)) == dt.date(2003, 2, 28)


def test_an_expected_date_42_weeks_ahead_is_accepted_and_the_day_after_refused():
    furthest = TODAY + dt.timedelta(weeks=42)

    assert child_dates_problem(None, furthest, TODAY) is None
    assert child_dates_problem(None, furthest + dt.timedelta(days=1), TODAY) == (
        "expected_date",
        EXPECTED_TOO_FAR_AHEAD,
    )


@pytest.mark.parametrize(
    ("number", "problem"),
    [
        ("9434765919", None),  # the NHS's own example
        ("9990000018", None),
        ("9990000050", None),  # the sum leaves no remainder: check digit 0
        ("9434765918", CHECK_DIGIT_WRONG),  # the last digit mistyped
        ("9434765991", CHECK_DIGIT_WRONG),  # the last two swapped
        ("1234567890", CHECK_DIGIT_WRONG),  # its first nine would need a check digit of 10
        ("9990000001", CHECK_DIGIT_WRONG),
        ("943476591", NOT_TEN_DIGITS),
        ("94347659190", NOT_TEN_DIGITS),
        ("94347659I9", NOT_TEN_DIGITS),
        ("943476591²", NOT_TEN_DIGITS),  # a digit to str.isdigit, not a digit of a number
    ],
)
def test_an_nhs_number_is_ten_digits_with_a_matching_check_digit(number, problem):
    assert nhs_number_problem(number) == problem


def test_the_demo_childrens_nhs_numbers_are_fictional_and_valid():
    numbers = [c.nhs_number for f in demo.FAMILIES for c in f.children if c.nhs_number]

    assert numbers
    for number in numbers:
        assert number.startswith("999"), number  # the range the NHS keeps for testing
        assert nhs_number_problem(number) is None, number


# The front sheet.


@pytest.fixture
def scene():
    north = LocalAuthorityFactory()
    worker = user_with_role(Role.SOCIAL_WORKER, north)
    family = FamilyFactory(
        local_authority=north, case_reference="CS-5", name="Ashdown", allocated_social_worker=worker
    )
    mia = ChildFactory(
        family=family, given_name="Mia", family_name="Ashdown", date_of_birth=dt.date(2019, 4, 3)
    )
    return type("Scene", (), {"worker": worker, "family": family, "mia": mia})


def front_sheet_post(family, **row0: str) -> dict[str, str]:
    data = {"name": family.name, "address": "", "revision": str(family.revision)}
    children = [pages.child_initial(c) for c in family.children.order_by("pk")]
    data["child-count"] = str(len(children))
    data["member-count"] = "0"
    for i, row in enumerate(children):
        data |= {f"child-{i}-{k}": "" if v is None else str(v) for k, v in row.items()}
    return data | {f"child-0-{k}": v for k, v in row0.items()}


def refused(client, scene, **row0: str) -> list[str]:
    client.force_login(scene.worker)
    url = reverse("families:front_sheet", args=[scene.family.pk])
    response = client.post(url, front_sheet_post(scene.family, **row0))
    assert response.status_code == 400
    assert not FrontSheetVersion.objects.exists()
    return error_summary(response.content.decode())


@pytest.mark.django_db
def test_the_front_sheet_refuses_a_date_of_birth_in_1850(client, scene):
    errors = refused(client, scene, date_of_birth_year="1850")

    assert errors == [f"Child 1 (Mia Ashdown): {BIRTH_TOO_LONG_AGO}"]
    scene.mia.refresh_from_db()
    assert scene.mia.date_of_birth == dt.date(2019, 4, 3)


@pytest.mark.django_db
def test_the_front_sheet_refuses_an_expected_date_in_2030(client, scene):
    errors = refused(
        client,
        scene,
        date_of_birth_day="",
        date_of_birth_month="",
        date_of_birth_year="",
        expected_date_day="1",
        expected_date_month="6",
        expected_date_year="2030",
    )

    assert errors == [f"Child 1 (Mia Ashdown): {EXPECTED_TOO_FAR_AHEAD}"]


@pytest.mark.django_db
def test_the_front_sheet_refuses_an_nhs_number_that_fails_the_check(client, scene):
    errors = refused(client, scene, nhs_number="123 456 7890")

    assert errors == [f"Child 1 (Mia Ashdown): {CHECK_DIGIT_WRONG}"]
    scene.mia.refresh_from_db()
    assert scene.mia.nhs_number == ""


@pytest.mark.django_db
def test_the_front_sheet_keeps_a_valid_nhs_number_and_a_due_date_in_the_pregnancy(client, scene):
    due = timezone.localdate() + dt.timedelta(weeks=30)
    client.force_login(scene.worker)
    data = front_sheet_post(scene.family, nhs_number="943 476 5919") | {
        "child-count": "2",
        "child-1-given_name": "Baby",
        "child-1-family_name": "Ashdown",
        "child-1-expected_date_day": str(due.day),
        "child-1-expected_date_month": str(due.month),
        "child-1-expected_date_year": str(due.year),
    }

    response = client.post(reverse("families:front_sheet", args=[scene.family.pk]), data)

    assert response.status_code == 302
    scene.mia.refresh_from_db()
    assert scene.mia.nhs_number == "9434765919"
    assert Child.objects.get(family=scene.family, given_name="Baby").expected_due_date == due


# The import from the case system follows the same rules.


@pytest.mark.django_db
def test_the_import_refuses_the_same_impossible_dates_and_numbers():
    rows = ashdowns()
    rows[0]["date_of_birth"] = "3/4/1850"
    rows[1]["nhs_number"] = "1234567890"

    checked = check_rows(
        read_rows(csv_bytes(rows, header=(*HEADER, "nhs_number"))),
        known_families=[],
        social_workers={},
        today=timezone.localdate(),
    )

    assert [(p.row, p.column, p.message) for p in checked.problems] == [
        (2, "date_of_birth", BIRTH_TOO_LONG_AGO),
        (3, "nhs_number", CHECK_DIGIT_WRONG),
    ]

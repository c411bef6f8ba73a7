"""The unit creates a family on its own pages: as many children and adults as it needs
without JavaScript, every refusal naming the field and the child or person, and a check of
the answers before anything is created."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from cpconf.accounts.models import Role
from cpconf.audit.models import AuditEvent
from cpconf.families import forms
from cpconf.families.dates import (
    BIRTH_IN_PAST,
    BIRTH_OR_EXPECTED_NOT_BOTH,
    ENTER_BIRTH_OR_EXPECTED,
    EXPECTED_NOT_LONG_AGO,
)
from cpconf.families.models import Family
from cpconf.families.services import CASE_REFERENCE_TAKEN
from tests.factories import FamilyFactory, LocalAuthorityFactory, user_with_role
from tests.families.case_files import error_summary, text_of

pytestmark = pytest.mark.django_db
NEW = reverse("families:new")
CHECK = reverse("families:new_check")


@pytest.fixture
def north():
    return LocalAuthorityFactory()


@pytest.fixture
def unit(client, north):
    user = user_with_role(Role.UNIT_ADMINISTRATOR, north)
    client.force_login(user)
    return user


def dates(prefix: str, day: dt.date | None) -> dict[str, str]:
    parts = ("day", "month", "year")
    if day is None:
        return {f"{prefix}_{p}": "" for p in parts}
    values = (day.day, day.month, day.year)
    return {f"{prefix}_{p}": str(v) for p, v in zip(parts, values, strict=True)}


def a_child(n: int, given: str, born: dt.date | None, expected: dt.date | None = None) -> dict:
    return {
        f"child-{n}-given_name": given,
        f"child-{n}-family_name": "Brook",
        f"child-{n}-nhs_number": "",
        **dates(f"child-{n}-date_of_birth", born),
        **dates(f"child-{n}-expected_date", expected),
    }


def an_adult(n: int, name: str, **values: str) -> dict:
    defaults = {
        "relationship": "mother",
        "lives_in_household": "yes",
        "language": "English",
        "needs_interpreter": "no",
        "access_needs": "",
        "address": "",
    }
    return {f"member-{n}-full_name": name} | {
        f"member-{n}-{k}": v for k, v in (defaults | values).items()
    }


def typed(north, *rows: dict, children: int = 1, members: int = 1, **family: str) -> dict:
    data = {
        "local_authority": str(north.pk),
        "case_reference": "CS-77",
        "name": "Brook",
        "address": "1 High Street, Northtown",
        "allocated_social_worker": "",
        "child-count": str(children),
        "member-count": str(members),
        "continue": "1",
    }
    for row in rows:
        data |= row
    return data | family


def test_add_another_child_keeps_what_was_typed(client, unit, north):
    data = typed(north, a_child(0, "Ava", dt.date(2019, 4, 3)), an_adult(0, "Jo Brook"))
    del data["continue"]
    data["add_child"] = "1"

    response = client.post(NEW, data)

    page = response.content.decode()
    assert response.status_code == 200
    assert 'name="child-count" value="2"' in page
    assert 'name="child-1-given_name"' in page
    assert 'value="Ava"' in page and 'value="Jo Brook"' in page and 'value="CS-77"' in page
    assert error_summary(page) == []


def test_remove_takes_away_only_that_row(client, unit, north):
    data = typed(
        north,
        a_child(0, "Ava", dt.date(2019, 4, 3)),
        a_child(1, "Leo", dt.date(2021, 1, 5)),
        an_adult(0, "Jo Brook"),
        children=2,
    )
    del data["continue"]
    data["remove_child"] = "0"

    page = client.post(NEW, data).content.decode()

    assert 'name="child-count" value="1"' in page
    assert 'value="Leo"' in page and 'value="Ava"' not in page


def test_each_error_names_the_child_and_keeps_what_was_typed(client, unit, north):
    tomorrow = timezone.localdate() + dt.timedelta(days=1)
    data = typed(
        north,
        a_child(0, "Ava", dt.date(2019, 4, 3)),
        a_child(1, "Leo", tomorrow),
        an_adult(0, "Jo Brook", relationship=""),
        children=2,
    )

    response = client.post(NEW, data)

    page = response.content.decode()
    assert response.status_code == 400
    assert error_summary(page) == [
        f"Child 2 (Leo Brook): {BIRTH_IN_PAST}",
        f"Family member 1 (Jo Brook): {forms.CHOOSE_RELATIONSHIP}",
    ]
    assert 'href="#id_child-1-date_of_birth_day"' in page
    assert 'value="Leo"' in page and f'value="{tomorrow.year}"' in page
    assert not Family.objects.exists()


@pytest.mark.parametrize(
    ("born", "expected", "message"),
    [
        (dt.date(2019, 4, 3), dt.date(2027, 1, 1), BIRTH_OR_EXPECTED_NOT_BOTH),
        (None, None, ENTER_BIRTH_OR_EXPECTED),
        (None, dt.date.today() - dt.timedelta(weeks=13), EXPECTED_NOT_LONG_AGO),
    ],
    ids=["both", "neither", "expected long ago"],
)
def test_a_child_has_a_date_of_birth_or_an_expected_date(
    client, unit, north, born, expected, message
):
    data = typed(north, a_child(0, "Ava", born, expected), an_adult(0, "Jo Brook"))

    response = client.post(NEW, data)

    assert response.status_code == 400
    assert error_summary(response.content.decode()) == [f"Child 1 (Ava Brook): {message}"]


def test_an_unborn_baby_due_in_the_recent_past_is_accepted(client, unit, north):
    recently = timezone.localdate() - dt.timedelta(weeks=2)
    data = typed(north, a_child(0, "Baby", None, recently), an_adult(0, "Jo Brook"))

    assert client.post(NEW, data).status_code == 302


def test_a_family_needs_a_child(client, unit, north):
    blank = a_child(0, "", None) | {"child-0-family_name": ""}
    data = typed(north, blank, an_adult(0, "Jo Brook"))

    response = client.post(NEW, data)

    assert response.status_code == 400
    assert error_summary(response.content.decode()) == [forms.ADD_A_CHILD]


def test_a_case_reference_is_unique_in_the_authority(client, unit, north):
    FamilyFactory(local_authority=north, case_reference="CS-77")
    FamilyFactory(case_reference="CS-78")  # another authority's: no matter
    data = typed(north, a_child(0, "Ava", dt.date(2019, 4, 3)), an_adult(0, "Jo Brook"))

    taken = client.post(NEW, data)
    elsewhere = client.post(NEW, data | {"case_reference": "CS-78"})

    assert error_summary(taken.content.decode()) == [CASE_REFERENCE_TAKEN]
    assert elsewhere.status_code == 302


def test_check_answers_then_create(client, unit, north):
    # Given the unit has typed a family with two children and an adult
    data = typed(
        north,
        a_child(0, "Ava", dt.date(2019, 4, 3)),
        a_child(1, "Baby", None, timezone.localdate() + dt.timedelta(days=60)),
        an_adult(
            0, "Jo Brook", access_needs="Large print", needs_interpreter="yes", language="Welsh"
        ),
        children=2,
    )
    # When they continue, they see their answers and nothing is created yet
    response = client.post(NEW, data)
    assert response["Location"] == CHECK
    check = text_of(client.get(CHECK).content.decode())
    assert "CS-77" in check and "Ava Brook" in check and "Unborn, expected date" in check
    assert "Large print" in check and "Welsh — needs an interpreter" in check
    assert not Family.objects.exists()
    # And when they create it
    created = client.post(CHECK)
    # Then the family is there with everyone, its first front sheet version, audited
    family = Family.objects.get(local_authority=north, case_reference="CS-77")
    assert created["Location"] == reverse("families:detail", args=[family.pk])
    assert sorted(family.children.values_list("given_name", flat=True)) == ["Ava", "Baby"]
    jo = family.members.get()
    assert (jo.full_name, jo.access_needs, jo.needs_interpreter, jo.language) == (
        "Jo Brook",
        "Large print",
        True,
        "Welsh",
    )
    assert family.address == "1 High Street, Northtown"
    assert family.front_sheet_versions.get().number == 1
    assert AuditEvent.objects.filter(
        action="family_created", family_id=family.pk, actor_id=unit.pk
    ).exists()
    page = text_of(client.get(created["Location"]).content.decode())
    assert "Changes to the front sheet" in page and "Front sheet started" in page


def test_change_from_check_answers_shows_what_was_typed(client, unit, north):
    data = typed(north, a_child(0, "Ava", dt.date(2019, 4, 3)), an_adult(0, "Jo Brook"))
    client.post(NEW, data)

    page = client.get(NEW).content.decode()

    assert 'value="CS-77"' in page and 'value="Ava"' in page and 'value="Jo Brook"' in page


def test_the_unit_allocates_a_social_worker_of_its_own_authority(client, unit, north):
    worker = user_with_role(Role.SOCIAL_WORKER, north)
    elsewhere = user_with_role(Role.SOCIAL_WORKER, LocalAuthorityFactory())
    rows = (a_child(0, "Ava", dt.date(2019, 4, 3)), an_adult(0, "Jo Brook"))

    refused = client.post(NEW, typed(north, *rows, allocated_social_worker=str(elsewhere.pk)))
    client.post(NEW, typed(north, *rows, allocated_social_worker=str(worker.pk)))
    client.post(CHECK)

    assert refused.status_code == 400
    assert Family.objects.get(case_reference="CS-77").allocated_social_worker == worker

"""Finding a family from the unit's home: by case reference, a child's name or date of birth,
only ever in the searcher's own authority; a social worker finds only families allocated to
them."""

import datetime as dt

import pytest
from django.urls import reverse

from cpconf.accounts.models import Role
from cpconf.audit.models import AuditEvent
from cpconf.families.forms import ENTER_SEARCH
from tests.factories import (
    ChildFactory,
    ConferenceFactory,
    FamilyFactory,
    InvitationFactory,
    LocalAuthorityFactory,
    user_with_role,
)
from tests.families.case_files import error_summary, text_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def north():
    return LocalAuthorityFactory()


@pytest.fixture
def ashdowns(north):
    family = FamilyFactory(local_authority=north, case_reference="CS-10442", name="Ashdown")
    ChildFactory(
        family=family, given_name="Mia", family_name="Ashdown", date_of_birth=dt.date(2019, 4, 3)
    )
    ChildFactory(
        family=family,
        given_name="Baby",
        family_name="Ashdown",
        date_of_birth=None,
        expected_due_date=dt.date(2027, 2, 1),
    )
    return family


@pytest.fixture
def unit(north):
    return user_with_role(Role.UNIT_ADMINISTRATOR, north)


def search(client, user, text):
    client.force_login(user)
    return client.get(reverse("families:search"), {"q": text})


def found(response) -> list[str]:
    return [family.case_reference for family in response.context["found"]]


@pytest.mark.parametrize(
    "text",
    [
        "CS-10442",
        "cs-10442",
        "Mia",
        "mia ashdown",
        "Ashdown Mia",
        "3/4/2019",
        "03/04/2019",
        "2019-04-03",
        "1/2/2027",
    ],
)
def test_the_unit_finds_a_family_by_reference_name_or_date(client, unit, ashdowns, text):
    response = search(client, unit, text)

    assert response.status_code == 200
    assert found(response) == ["CS-10442"]
    assert reverse("families:detail", args=[ashdowns.pk]) in response.content.decode()


@pytest.mark.parametrize("text", ["CS-1044", "Mia Smith", "4/3/2019", "Leo"])
def test_near_misses_find_nothing(client, unit, ashdowns, text):
    response = search(client, unit, text)

    assert found(response) == []
    assert "No family matches" in text_of(response.content.decode())


def test_another_authority_family_is_never_found(client, unit, ashdowns):
    foreign = FamilyFactory(case_reference="CS-10442", name="Ashdown")  # another authority
    ChildFactory(family=foreign, given_name="Mia", date_of_birth=dt.date(2019, 4, 3))

    for text in ("CS-10442", "Mia", "3/4/2019"):
        response = search(client, unit, text)
        assert [f.pk for f in response.context["found"]] == [ashdowns.pk]


def test_a_social_worker_finds_only_families_allocated_to_them(client, north, ashdowns):
    worker = user_with_role(Role.SOCIAL_WORKER, north)
    mine = FamilyFactory(
        local_authority=north, case_reference="CS-2", allocated_social_worker=worker
    )
    ChildFactory(family=mine, given_name="Mia", family_name="Brook")
    # A family they know through an invitation is not searchable.
    invited = FamilyFactory(local_authority=north, case_reference="CS-3")
    ChildFactory(family=invited, given_name="Mia", family_name="Cole")
    InvitationFactory(
        conference=ConferenceFactory(family=invited),
        invitee=worker,
        agency=worker.role_assignments.get().agency,
    )

    response = search(client, worker, "Mia")

    assert found(response) == ["CS-2"]


@pytest.mark.parametrize("role", [Role.PROFESSIONAL, Role.CHAIR, Role.AUDITOR])
def test_other_roles_cannot_search(client, north, ashdowns, role):
    response = search(client, user_with_role(role, north), "Mia")

    assert response.status_code == 404


def test_an_empty_search_asks_for_words(client, unit, ashdowns):
    response = search(client, unit, "  ")

    assert response.status_code == 400
    assert error_summary(response.content.decode()) == [ENTER_SEARCH]


def test_a_search_is_audited_without_its_words(client, unit, ashdowns):
    search(client, unit, "Mia Ashdown")

    event = AuditEvent.objects.get(action="families_searched")
    assert event.actor_id == unit.pk and event.local_authority_id == ashdowns.local_authority_id
    assert "Mia" not in str(event.recorded_fields())


def test_the_unit_home_page_has_the_search_box(client, unit):
    client.force_login(unit)

    page = client.get(reverse("home:home")).content.decode()

    assert f'action="{reverse("families:search")}"' in page
    assert "Find a family" in page
    assert reverse("families:new") in page and reverse("families:import") in page

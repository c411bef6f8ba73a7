"""A front sheet row changes one of this family's people, or adds a new one: never someone
of another family. A page posted with another family's child or adult (a tampered page, or
one for another family) is refused with the row named, and nothing is saved — before, it
silently added a copy of that child to this family."""

import datetime as dt

import pytest
from django.urls import reverse

from cpconf.accounts.models import Role
from cpconf.families import pages, services
from cpconf.families.forms import NOT_ON_THIS_FRONT_SHEET
from cpconf.families.models import Child, FamilyMember, FrontSheetVersion
from tests.factories import (
    ChildFactory,
    FamilyFactory,
    FamilyMemberFactory,
    LocalAuthorityFactory,
    user_with_role,
)
from tests.families.case_files import error_summary

pytestmark = pytest.mark.django_db


@pytest.fixture
def scene():
    north = LocalAuthorityFactory()
    worker = user_with_role(Role.SOCIAL_WORKER, north)
    ashdown = FamilyFactory(local_authority=north, name="Ashdown", allocated_social_worker=worker)
    ChildFactory(
        family=ashdown, given_name="Mia", family_name="Ashdown", date_of_birth=dt.date(2019, 4, 3)
    )
    FamilyMemberFactory(family=ashdown, full_name="Karen Ashdown")
    nowak = FamilyFactory(local_authority=north, name="Nowak")
    zofia = ChildFactory(
        family=nowak, given_name="Zofia", family_name="Nowak", date_of_birth=dt.date(2020, 3, 8)
    )
    agnieszka = FamilyMemberFactory(family=nowak, full_name="Agnieszka Nowak")
    return type(
        "Scene",
        (),
        {
            "worker": worker,
            "family": ashdown,
            "zofia": zofia,
            "agnieszka": agnieszka,
        },
    )


def as_posted(family) -> dict[str, str]:
    data = {"name": family.name, "address": family.address, "revision": str(family.revision)}
    for kind, rows in (
        ("child", [pages.child_initial(c) for c in family.children.order_by("pk")]),
        ("member", [pages.member_initial(m) for m in family.members.order_by("pk")]),
    ):
        data[f"{kind}-count"] = str(len(rows))
        for i, row in enumerate(rows):
            data |= {f"{kind}-{i}-{k}": "" if v is None else str(v) for k, v in row.items()}
    return data


def post(client, scene, data):
    client.force_login(scene.worker)
    return client.post(reverse("families:front_sheet", args=[scene.family.pk]), data)


def assert_nothing_saved(scene) -> None:
    scene.family.refresh_from_db()
    assert scene.family.revision == 0
    assert not FrontSheetVersion.objects.exists()
    assert list(scene.family.children.values_list("given_name", flat=True)) == ["Mia"]
    assert list(scene.family.members.values_list("full_name", flat=True)) == ["Karen Ashdown"]


def test_a_child_of_another_family_is_refused_not_copied_in(client, scene):
    zofia = pages.child_initial(scene.zofia)
    data = as_posted(scene.family) | {f"child-0-{k}": str(v) for k, v in zofia.items() if v}

    response = post(client, scene, data)

    assert response.status_code == 400
    page = response.content.decode()
    assert error_summary(page) == [f"Child 1 (Zofia Nowak): {NOT_ON_THIS_FRONT_SHEET}"]
    assert 'href="#id_child-0-given_name"' in page  # a field the reader can go to
    assert_nothing_saved(scene)
    assert Child.objects.filter(given_name="Zofia").count() == 1


def test_an_adult_of_another_family_is_refused_not_copied_in(client, scene):
    data = as_posted(scene.family) | {
        "member-0-id": str(scene.agnieszka.pk),
        "member-0-full_name": "Agnieszka Nowak",
    }

    response = post(client, scene, data)

    assert response.status_code == 400
    assert error_summary(response.content.decode()) == [
        f"Family member 1 (Agnieszka Nowak): {NOT_ON_THIS_FRONT_SHEET}"
    ]
    assert_nothing_saved(scene)
    assert FamilyMember.objects.filter(full_name="Agnieszka Nowak").count() == 1


def test_an_added_row_with_another_familys_id_is_refused(client, scene):
    data = as_posted(scene.family) | {
        "child-count": "2",
        "child-1-id": str(scene.zofia.pk),
        "child-1-given_name": "Zofia",
        "child-1-family_name": "Nowak",
        "child-1-date_of_birth_day": "8",
        "child-1-date_of_birth_month": "3",
        "child-1-date_of_birth_year": "2020",
    }

    response = post(client, scene, data)

    assert response.status_code == 400
    assert error_summary(response.content.decode()) == [
        f"Child 2 (Zofia Nowak): {NOT_ON_THIS_FRONT_SHEET}"
    ]
    assert_nothing_saved(scene)


def test_the_service_refuses_another_familys_child_and_saves_nothing(scene):
    row = {"id": scene.zofia.pk, "given_name": "Zofia", "family_name": "Nowak"}

    with pytest.raises(services.NotThisFamilysPerson):
        services.front_sheet_save(
            family=scene.family,
            base_revision=0,
            values={"name": "Ashdown-Nowak"},
            children=[row],
            members=[],
            actor=scene.worker,
        )

    assert_nothing_saved(scene)
    scene.family.refresh_from_db()
    assert scene.family.name == "Ashdown"


def test_a_new_family_cannot_take_in_an_existing_child(client, scene):
    unit = user_with_role(Role.UNIT_ADMINISTRATOR, scene.family.local_authority)
    client.force_login(unit)
    data = {
        "local_authority": str(scene.family.local_authority_id),
        "case_reference": "CS-99",
        "name": "Nowak",
        "address": "",
        "allocated_social_worker": "",
        "child-count": "1",
        "member-count": "0",
        "child-0-id": str(scene.zofia.pk),
        "child-0-given_name": "Zofia",
        "child-0-family_name": "Nowak",
        "child-0-date_of_birth_day": "8",
        "child-0-date_of_birth_month": "3",
        "child-0-date_of_birth_year": "2020",
        "continue": "1",
    }

    response = client.post(reverse("families:new"), data)

    assert response.status_code == 400
    assert error_summary(response.content.decode()) == [
        f"Child 1 (Zofia Nowak): {NOT_ON_THIS_FRONT_SHEET}"
    ]


def test_this_familys_own_people_are_still_changed(client, scene):
    data = as_posted(scene.family) | {"child-0-given_name": "Amelia"}

    response = post(client, scene, data)

    assert response.status_code == 302
    assert list(scene.family.children.values_list("given_name", flat=True)) == ["Amelia"]

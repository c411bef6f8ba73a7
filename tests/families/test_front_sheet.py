"""The front sheet: kept by the family's allocated social worker (and the unit); every save
is kept as a version naming who changed which fields; two people saving at once get a
conflict page, never a silent overwrite."""

import datetime as dt

import pytest
from django.urls import reverse

from cpconf.accounts.models import Role
from cpconf.audit.models import AuditEvent
from cpconf.families import forms, pages
from cpconf.families.models import Child, FrontSheetVersion
from cpconf.families.views import NOTHING_CHANGED
from tests.factories import (
    ChildFactory,
    FamilyFactory,
    FamilyMemberFactory,
    LocalAuthorityFactory,
    user_with_role,
)
from tests.families.case_files import error_summary, text_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def scene():
    north = LocalAuthorityFactory()
    worker = user_with_role(Role.SOCIAL_WORKER, north)
    family = FamilyFactory(
        local_authority=north, case_reference="CS-5", name="Ashdown", allocated_social_worker=worker
    )
    ChildFactory(
        family=family, given_name="Mia", family_name="Ashdown", date_of_birth=dt.date(2019, 4, 3)
    )
    ChildFactory(
        family=family, given_name="Leo", family_name="Ashdown", date_of_birth=dt.date(2021, 9, 14)
    )
    FamilyMemberFactory(family=family, full_name="Karen Ashdown", access_needs="")
    return type("Scene", (), {"authority": north, "worker": worker, "family": family})


def url(family):
    return reverse("families:front_sheet", args=[family.pk])


def as_posted(family) -> dict[str, str]:
    """The front sheet as the page shows it, ready to post back."""
    data = {
        "name": family.name,
        "address": family.address,
        "revision": str(family.revision),
        "continue": "1",
    }
    for kind, rows in (
        ("child", [pages.child_initial(c) for c in family.children.order_by("pk")]),
        ("member", [pages.member_initial(m) for m in family.members.order_by("pk")]),
    ):
        data[f"{kind}-count"] = str(len(rows))
        for i, row in enumerate(rows):
            data |= {f"{kind}-{i}-{k}": "" if v is None else str(v) for k, v in row.items()}
    return data


def test_the_social_worker_changes_the_front_sheet_and_it_is_versioned(client, scene):
    # Given the allocated social worker opens the front sheet
    client.force_login(scene.worker)
    page = client.get(url(scene.family)).content.decode()
    assert 'value="Mia"' in page and 'value="Karen Ashdown"' in page
    # When they correct Leo's date of birth, add access needs, an address and a new adult
    data = as_posted(scene.family)
    data |= {"address": "4 Mill Lane", "child-1-date_of_birth_day": "15"}
    data |= {"member-0-access_needs": "Large print", "member-count": "2"}
    data |= {
        "member-1-full_name": "Grace Ashdown",
        "member-1-relationship": "grandparent",
        "member-1-lives_in_household": "no",
        "member-1-language": "English",
        "member-1-needs_interpreter": "no",
        "member-1-address": "9 Bank Street",
    }
    response = client.post(url(scene.family), data)
    # Then the records change, a version is kept, and the family page lists what changed
    assert response.status_code == 302
    family = scene.family
    family.refresh_from_db()
    assert (family.address, family.revision) == ("4 Mill Lane", 1)
    assert family.children.get(given_name="Leo").date_of_birth == dt.date(2021, 9, 15)
    assert family.members.get(full_name="Karen Ashdown").access_needs == "Large print"
    assert family.members.get(full_name="Grace Ashdown").address == "9 Bank Street"
    version = FrontSheetVersion.objects.get(family=family)
    assert (version.number, version.created_by) == (1, scene.worker)
    assert version.content["family"]["address"] == "4 Mill Lane"
    detail = text_of(client.get(reverse("families:detail", args=[family.pk])).content.decode())
    assert "Changes to the front sheet" in detail
    assert "The family — the children's address" in detail
    assert "Child: Leo Ashdown — date of birth" in detail
    assert "Family member: Karen Ashdown — reading or other access needs" in detail
    assert "Family member: Grace Ashdown — added" in detail
    assert AuditEvent.objects.filter(
        action="front_sheet_changed", family_id=family.pk, actor_id=scene.worker.pk
    ).exists()


def test_two_people_saving_at_once_get_a_conflict_not_an_overwrite(client, scene):
    unit = user_with_role(Role.UNIT_ADMINISTRATOR, scene.authority)
    # Given the social worker and the unit both open the front sheet at revision 0
    theirs = as_posted(scene.family) | {"child-0-given_name": "Amelia"}
    mine = as_posted(scene.family) | {"address": "4 Mill Lane"}
    client.force_login(unit)
    assert client.post(url(scene.family), theirs).status_code == 302
    # When the social worker saves what they typed on the older page
    client.force_login(scene.worker)
    response = client.post(url(scene.family), mine)
    # Then they see a conflict, nothing of the unit's is lost, and their typing is kept
    page = response.content.decode()
    assert response.status_code == 409
    assert "The front sheet was saved by someone else after you opened it" in text_of(page)
    assert "Child: Amelia Ashdown — first name" in text_of(page)
    assert "4 Mill Lane</textarea>" in page
    assert 'name="revision" value="1"' in page
    scene.family.refresh_from_db()
    assert scene.family.address == ""
    assert scene.family.children.filter(given_name="Amelia").exists()
    # And saving again, knowingly, saves their version over it
    again = client.post(url(scene.family), mine | {"revision": "1"})
    assert again.status_code == 302
    scene.family.refresh_from_db()
    assert scene.family.address == "4 Mill Lane" and scene.family.revision == 2


def test_saving_without_a_change_keeps_no_version(client, scene):
    client.force_login(scene.worker)

    response = client.post(url(scene.family), as_posted(scene.family), follow=True)

    assert NOTHING_CHANGED in text_of(response.content.decode())
    assert not FrontSheetVersion.objects.exists()


def test_a_refusal_names_the_child_and_keeps_the_typing(client, scene):
    client.force_login(scene.worker)
    data = as_posted(scene.family) | {"child-1-given_name": "", "address": "4 Mill Lane"}

    response = client.post(url(scene.family), data)

    assert response.status_code == 400
    assert error_summary(response.content.decode()) == [
        f"Child 2 (Ashdown): {forms.ENTER_GIVEN_NAME}"
    ]
    assert "4 Mill Lane</textarea>" in response.content.decode()


def test_a_person_of_another_family_is_never_changed(client, scene):
    stranger = ChildFactory(given_name="Stranger")  # another family, another authority
    client.force_login(scene.worker)
    data = as_posted(scene.family) | {"child-0-id": str(stranger.pk)}

    client.post(url(scene.family), data)

    stranger.refresh_from_db()
    assert stranger.given_name == "Stranger"
    assert Child.objects.filter(given_name="Stranger").count() == 1


def test_add_another_child_keeps_what_was_typed(client, scene):
    client.force_login(scene.worker)
    data = as_posted(scene.family) | {"address": "4 Mill Lane", "add_child": "1"}
    del data["continue"]

    page = client.post(url(scene.family), data).content.decode()

    assert 'name="child-count" value="3"' in page and "4 Mill Lane</textarea>" in page
    assert 'name="revision" value="0"' in page


def test_a_version_is_never_changed(scene):
    version = FrontSheetVersion.objects.create(family=scene.family, number=1, content={})

    with pytest.raises(ValueError, match="never changed"):
        version.save()


def test_retention_destroys_the_versions_with_the_family(client, scene):
    from cpconf.dataprotection import retention, services
    from tests.dataprotection.ageing import last_contact_at, years_ago

    client.force_login(scene.worker)
    client.post(url(scene.family), as_posted(scene.family) | {"address": "4 Mill Lane"})
    assert FrontSheetVersion.objects.filter(family=scene.family).exists()
    last_contact_at(scene.family, years_ago(36))

    services.retention_destroy(kind=retention.FAMILY, record_id=scene.family.pk, actor_label="test")

    assert not FrontSheetVersion.objects.exists()

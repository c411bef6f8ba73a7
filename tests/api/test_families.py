"""Families from the case system: created or updated by its reference, the same request
twice changing nothing; bad input names the field and writes nothing; another authority's
family is never listed and is a 404."""

import copy

import pytest

from cpconf.api.serializers import BIRTH_OR_DUE, NO_SUCH_SOCIAL_WORKER, REFERENCE_TWICE
from cpconf.audit.models import AuditEvent, Outcome
from cpconf.families.dates import BIRTH_TOO_LONG_AGO
from cpconf.families.models import Child, ExternalReference, Family, FamilyMember
from cpconf.families.nhs_numbers import CHECK_DIGIT_WRONG

pytestmark = pytest.mark.django_db

BODY = {
    "name": "Ashdown",
    "children": [
        {
            "reference": "P-1001",
            "given_name": "Mia",
            "family_name": "Ashdown",
            "date_of_birth": "2018-04-09",
            "nhs_number": "999 000 0018",
        },
        {
            "reference": "P-1002",
            "given_name": "Baby",
            "family_name": "Ashdown",
            "expected_due_date": "2027-02-01",
        },
    ],
    "members": [
        {
            "reference": "A-77",
            "full_name": "Karen Ashdown",
            "relationship": "mother",
            "lives_in_household": True,
            "needs_interpreter": False,
        }
    ],
}


def _put(api, reference, body):
    return api.http.put(f"/api/families/{reference}/", body, format="json")


def test_put_creates_then_the_same_body_changes_nothing(api):
    first = _put(api, "CS-0001", BODY)
    second = _put(api, "CS-0001", BODY)

    assert (first.status_code, second.status_code) == (201, 200)
    assert first.json() == second.json()
    family = Family.objects.get(case_reference="CS-0001")
    assert family.local_authority == api.client.local_authority
    assert family.created_by == api.client.user
    assert family.children.count() == 2 and family.members.count() == 1
    assert [c["reference"] for c in second.json()["children"]] == ["P-1001", "P-1002"]
    actions = list(
        AuditEvent.objects.filter(family_id=family.pk)
        .order_by("sequence")
        .values_list("action", flat=True)
    )
    assert actions == ["api_family_created", "api_family_unchanged"]


def test_put_updates_the_people_it_names_by_their_reference(api):
    _put(api, "CS-0002", BODY)
    changed = copy.deepcopy(BODY)
    changed["children"][0]["given_name"] = "Amelia"
    changed["children"] = changed["children"][:1]

    response = _put(api, "CS-0002", changed)

    assert response.status_code == 200
    family = Family.objects.get(case_reference="CS-0002")
    names = sorted(family.children.values_list("given_name", flat=True))
    assert names == ["Amelia", "Baby"]  # the unnamed child is kept
    assert AuditEvent.objects.filter(family_id=family.pk, action="api_family_updated").exists()


def test_put_can_allocate_a_social_worker_of_the_authority(api, scene):
    from cpconf.accounts.models import Role
    from tests.factories import user_with_role

    worker = user_with_role(Role.SOCIAL_WORKER, scene.authority)
    body = {**BODY, "allocated_social_worker": worker.email}

    response = _put(api, "CS-0003", body)

    assert response.status_code == 201
    assert response.json()["allocated_social_worker"] == worker.email


def test_an_unknown_social_worker_is_named_and_nothing_written(api, scene):
    response = _put(api, "CS-0004", {**BODY, "allocated_social_worker": scene.author.email})

    assert response.status_code == 400
    assert response.json()["errors"] == [
        {"field": "allocated_social_worker", "message": NO_SUCH_SOCIAL_WORKER}
    ]
    assert not Family.objects.filter(case_reference="CS-0004").exists()


def test_a_bad_child_names_its_field_and_nothing_is_written(api):
    body = copy.deepcopy(BODY)
    body["children"][1]["date_of_birth"] = "2017-01-01"  # and a due date: both
    body["members"][0]["relationship"] = "neighbour"
    counts = (Family.objects.count(), Child.objects.count(), FamilyMember.objects.count())

    response = _put(api, "CS-0005", body)

    assert response.status_code == 400
    errors = response.json()["errors"]
    assert {"field": "children[1].date_of_birth", "message": BIRTH_OR_DUE} in errors
    assert any(e["field"] == "members[0].relationship" for e in errors)
    assert counts == (Family.objects.count(), Child.objects.count(), FamilyMember.objects.count())
    assert not ExternalReference.objects.exists()


@pytest.mark.parametrize(
    ("field", "value", "named", "message"),
    [
        ("nhs_number", "999 000 0001", "children[0].nhs_number", CHECK_DIGIT_WRONG),
        ("date_of_birth", "1850-03-08", "children[0].date_of_birth", BIRTH_TOO_LONG_AGO),
    ],
)
def test_the_front_sheets_rules_hold_for_a_child_sent_by_the_case_system(
    api, field, value, named, message
):
    body = copy.deepcopy(BODY)
    body["children"][0][field] = value

    response = _put(api, "CS-0007", body)

    assert response.status_code == 400
    assert {"field": named, "message": message} in response.json()["errors"]
    assert not Family.objects.filter(case_reference="CS-0007").exists()


def test_the_same_reference_twice_in_a_list_is_named(api):
    body = copy.deepcopy(BODY)
    body["children"][1]["reference"] = "P-1001"

    response = _put(api, "CS-0006", body)

    assert response.status_code == 400
    assert response.json()["errors"] == [
        {"field": "children[1].reference", "message": REFERENCE_TWICE}
    ]


@pytest.mark.parametrize("body", [[], "text", {"name": ""}, {"children": "x", "name": "A"}])
def test_malformed_bodies_are_400_not_500(api, body):
    response = _put(api, "CS-0007", body)

    assert response.status_code == 400
    assert response.json()["errors"]


def test_a_bad_case_reference_is_named(api):
    response = _put(api, "has space", BODY)

    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "case_reference"


def test_broken_json_is_400(api):
    response = api.http.generic(
        "PUT", "/api/families/CS-9/", "{not json", content_type="application/json"
    )

    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] is None


def test_another_authority_family_is_never_listed_and_is_404(api, scene):
    listed = api.http.get("/api/families/").json()
    one = api.http.get(f"/api/families/{api.foreign_family.case_reference}/")

    references = [f["case_reference"] for f in listed["results"]]
    assert references == [scene.family.case_reference]
    assert one.status_code == 404
    assert b"Faraway" not in one.content
    refusal = AuditEvent.objects.get(action="api_family_viewed")
    assert (refusal.outcome, refusal.family_id) == (Outcome.REFUSED, api.foreign_family.pk)
    assert "Case system" in refusal.actor_label


def test_put_with_another_authority_reference_makes_a_family_of_its_own(api):
    reference = api.foreign_family.case_reference

    response = _put(api, reference, BODY)

    assert response.status_code == 201
    api.foreign_family.refresh_from_db()
    assert api.foreign_family.name == "Faraway"
    assert Family.objects.filter(case_reference=reference).count() == 2


def test_every_call_is_audited_under_the_client(api, scene):
    before = AuditEvent.objects.count()

    api.http.get("/api/families/")
    api.http.get(f"/api/families/{scene.family.case_reference}/")

    events = list(AuditEvent.objects.order_by("sequence")[before:])
    assert [e.action for e in events] == ["api_families_listed", "api_family_viewed"]
    assert all(e.actor_id == api.client.user.pk for e in events)
    assert all(e.local_authority_id == scene.authority.pk for e in events)
    assert events[1].family_id == scene.family.pk

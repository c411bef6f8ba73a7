"""A child's census items through the integration API: the case system reads and sets them as
it sets the family, the child found by its own references within the client's authority.

Given the scene's family, whose first child the case system knows as C-100,
when the case system puts some of the child's items,
then only those are changed, each checked as the Census details page checks them, a wrong
one is named with nothing written, another authority's child is not found, and every call is
in the audit trail.
"""

import pytest

from cpconf.audit.models import AuditEvent, Outcome
from cpconf.census.forms import ENTER_UPN, UPN_AND_REASON
from cpconf.census.models import ChildCensusDetails
from cpconf.families.models import ExternalReference, ReferenceKind
from tests.api.conftest import api  # noqa: F401  (the API client fixture)
from tests.census.builders import census_details

pytestmark = pytest.mark.django_db


@pytest.fixture
def child(scene):
    first = scene.children[0]
    ExternalReference.objects.create(
        family=first.family, kind=ReferenceKind.CHILD, reference="C-100", child=first
    )
    return first


def url(child, reference: str = "C-100") -> str:
    return f"/api/families/{child.family.case_reference}/children/{reference}/census/"


def test_a_child_with_no_census_items_reads_as_blank(api, child):  # noqa: F811
    response = api.http.get(url(child))

    assert response.status_code == 200
    assert response.json() == {
        "la_child_id": "",
        "upn": "",
        "upn_unknown": "",
        "gender": "",
        "ethnicity": "",
        "disabilities": [],
        "referral_date": None,
        "referral_source": "",
        "plans_before_records": None,
    }


def test_the_case_system_sets_only_the_items_it_names(api, child):  # noqa: F811
    census_details(child, ethnicity="WBRI", upn="", upn_unknown="UN5")

    response = api.http.put(
        url(child),
        {
            "upn": "a123456789012",
            "disabilities": ["mob", "HAND"],
            "referral_date": "2026-04-03",
            "plans_before_records": 2,
        },
        format="json",
    )

    assert response.status_code == 200
    details = ChildCensusDetails.objects.get(child=child)
    assert (details.upn, details.upn_unknown) == ("A123456789012", "")
    assert details.disabilities == ["MOB", "HAND"]
    assert details.referral_date.isoformat() == "2026-04-03"
    assert details.plans_before_records == 2
    assert details.ethnicity == "WBRI"
    assert response.json()["upn"] == "A123456789012"
    assert AuditEvent.objects.filter(
        action="child_census_details_saved", family_id=child.family_id
    ).exists()


def test_a_wrong_item_is_named_and_nothing_is_written(api, child):  # noqa: F811
    census_details(child, ethnicity="WBRI")

    response = api.http.put(
        url(child), {"upn": "B1", "upn_unknown": "UN1", "ethnicity": "WIRI"}, format="json"
    )

    assert response.status_code == 400
    errors = {(e["field"], e["message"]) for e in response.json()["errors"]}
    assert ("upn", str(ENTER_UPN)) in errors
    assert ChildCensusDetails.objects.get(child=child).ethnicity == "WBRI"


def test_a_upn_and_the_reason_it_is_not_known_together_are_refused(api, child):  # noqa: F811
    response = api.http.put(
        url(child), {"upn": "A123456789012", "upn_unknown": "UN1"}, format="json"
    )

    assert response.status_code == 400
    assert {"field": "upn_unknown", "message": str(UPN_AND_REASON)} in response.json()["errors"]
    assert not ChildCensusDetails.objects.filter(child=child).exists()


def test_a_code_the_dfe_does_not_have_is_refused(api, child):  # noqa: F811
    response = api.http.put(url(child), {"gender": "F"}, format="json")

    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "gender"


def test_another_authoritys_child_is_not_found_and_the_attempt_is_audited(api):  # noqa: F811
    foreign_child = api.foreign_family.children.first()
    ExternalReference.objects.create(
        family=api.foreign_family, kind=ReferenceKind.CHILD, reference="F-1", child=foreign_child
    )

    read = api.http.get(url(foreign_child, "F-1"))
    written = api.http.put(url(foreign_child, "F-1"), {"gender": "1"}, format="json")

    assert (read.status_code, written.status_code) == (404, 404)
    assert not ChildCensusDetails.objects.filter(child=foreign_child).exists()
    assert AuditEvent.objects.filter(
        action="api_child_census_saved", outcome=Outcome.REFUSED
    ).exists()


def test_without_a_token_the_census_items_are_not_given(client, child):
    response = client.get(url(child))

    assert response.status_code == 401

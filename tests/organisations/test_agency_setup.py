"""The unit sets up its authority's agencies: lists them with the report-form group each
kind maps to, adds them, renames them or changes their kind, and retires them with a
reason. A retired agency is no longer offered for invitations or staff, but stays on the
reports and invitations that already name it. Nothing crosses between authorities."""

import pytest
from django.utils import timezone

from cpconf.accounts.models import Role
from cpconf.audit.models import Outcome
from cpconf.conferences.forms import InvitationForm
from cpconf.organisations import forms
from cpconf.organisations.models import Agency, AgencyKind
from cpconf.organisations.services import AGENCY_NAME_TAKEN
from cpconf.organisations.views.agencies import AGENCY_ADDED, AGENCY_CHANGED, AGENCY_RETIRED
from tests.factories import (
    AgencyFactory,
    ConferenceFactory,
    FamilyFactory,
    InvitationFactory,
    user_with_role,
)
from tests.organisations.setting_up import (
    error_summary,
    last_event,
    page_text,
    two_authorities,
    url,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def la():
    return two_authorities()


@pytest.fixture
def unit(client, la):
    client.force_login(la.unit)
    return la.unit


# Listing


def test_the_unit_sees_its_agencies_with_kind_and_report_form_group(client, la, unit):
    AgencyFactory(local_authority=la.north, name="Millbrook Medical Practice", kind=AgencyKind.GP)
    AgencyFactory(local_authority=la.north, name="Northshire Probation", kind=AgencyKind.PROBATION)
    AgencyFactory(local_authority=la.south, name="Southvale Police", kind=AgencyKind.POLICE)

    response = client.get(url("agencies", la.north))

    text = page_text(response)
    assert response.status_code == 200
    assert "Millbrook Medical Practice GP practice Health" in text
    assert "Northshire Probation Probation Adult services" in text
    assert "Southvale Police" not in text
    event = last_event("agencies_listed")
    assert (event.actor, event.local_authority_id, event.outcome) == (
        unit,
        la.north.pk,
        Outcome.SUCCESS,
    )


def test_a_new_authority_with_no_agencies_adds_its_first(client, la, unit):
    empty = client.get(url("agencies", la.north))

    response = client.post(
        url("agency_add", la.north), {"name": "Hilltop Academy", "kind": AgencyKind.SCHOOL}
    )

    assert "There are no agencies yet" in page_text(empty)
    assert response.status_code == 302
    agency = Agency.objects.get(local_authority=la.north)
    assert (agency.name, agency.kind, agency.created_by) == ("Hilltop Academy", "school", unit)
    assert str(AGENCY_ADDED) % {"name": "Hilltop Academy"} in page_text(client.get(response.url))
    event = last_event("agency_added")
    assert (event.object_type, event.object_id) == ("organisations.agency", str(agency.pk))
    assert event.local_authority_id == la.north.pk
    # Now offered when inviting a member of staff.
    assert "Hilltop Academy" in page_text(client.get(url("staff_invite", la.north)))


def test_an_agency_needs_a_name_and_a_kind(client, la, unit):
    response = client.post(url("agency_add", la.north), {"name": " ", "kind": ""})

    assert response.status_code == 400
    summary = error_summary(response)
    assert str(forms.ENTER_AGENCY_NAME) in summary
    assert str(forms.CHOOSE_AGENCY_KIND) in summary
    assert not Agency.objects.exists()


def test_two_agencies_in_one_authority_cannot_share_a_name(client, la, unit):
    AgencyFactory(local_authority=la.north, name="Brookfield Primary School")

    response = client.post(
        url("agency_add", la.north),
        {"name": "brookfield primary school ", "kind": AgencyKind.SCHOOL},
    )

    assert response.status_code == 400
    assert str(AGENCY_NAME_TAKEN) % {"name": "brookfield primary school"} in error_summary(response)
    assert 'value="brookfield primary school "' in response.content.decode()  # as typed
    assert Agency.objects.filter(local_authority=la.north).count() == 1


def test_another_authority_may_have_an_agency_of_the_same_name(client, la, unit):
    AgencyFactory(local_authority=la.south, name="County Police")

    response = client.post(
        url("agency_add", la.north), {"name": "County Police", "kind": AgencyKind.POLICE}
    )

    assert response.status_code == 302
    assert Agency.objects.filter(name="County Police").count() == 2


def test_the_unit_renames_an_agency_and_changes_its_kind(client, la, unit):
    agency = AgencyFactory(local_authority=la.north, name="Health Visitors", kind=AgencyKind.OTHER)

    form = client.get(url("agency_change", la.north, agency.pk))
    response = client.post(
        url("agency_change", la.north, agency.pk),
        {"name": "Northshire Health Visiting Team", "kind": AgencyKind.HEALTH},
    )

    assert 'value="Health Visitors"' in form.content.decode()
    assert response.status_code == 302
    agency.refresh_from_db()
    assert (agency.name, agency.kind, agency.modified_by) == (
        "Northshire Health Visiting Team",
        "health",
        unit,
    )
    assert str(AGENCY_CHANGED) % {"name": agency.name} in page_text(client.get(response.url))
    assert last_event("agency_changed").object_id == str(agency.pk)


def test_an_agency_cannot_be_renamed_to_another_agencys_name(client, la, unit):
    AgencyFactory(local_authority=la.north, name="Castlegate High School")
    agency = AgencyFactory(local_authority=la.north, name="Castlegate High")

    response = client.post(
        url("agency_change", la.north, agency.pk),
        {"name": "Castlegate High School", "kind": AgencyKind.SCHOOL},
    )

    assert response.status_code == 400
    assert str(AGENCY_NAME_TAKEN) % {"name": "Castlegate High School"} in error_summary(response)
    agency.refresh_from_db()
    assert agency.name == "Castlegate High"


def test_keeping_an_agencys_own_name_while_changing_its_kind_is_allowed(client, la, unit):
    agency = AgencyFactory(local_authority=la.north, name="Riverside", kind=AgencyKind.SCHOOL)

    response = client.post(
        url("agency_change", la.north, agency.pk), {"name": "Riverside", "kind": "early_years"}
    )

    assert response.status_code == 302
    agency.refresh_from_db()
    assert agency.kind == AgencyKind.EARLY_YEARS


# Retiring


def test_retiring_needs_a_reason(client, la, unit):
    agency = AgencyFactory(local_authority=la.north)

    response = client.post(url("agency_retire", la.north, agency.pk), {"reason": "  "})

    assert response.status_code == 400
    assert str(forms.ENTER_RETIRE_REASON) in error_summary(response)
    agency.refresh_from_db()
    assert agency.retired_at is None


def test_a_retired_agency_is_kept_with_its_reason_and_no_longer_offered(client, la, unit):
    agency = AgencyFactory(local_authority=la.north, name="Old Town Surgery", kind=AgencyKind.GP)
    kept = AgencyFactory(local_authority=la.north, name="New Town Surgery", kind=AgencyKind.GP)
    conference = ConferenceFactory(family=FamilyFactory(local_authority=la.north))
    invitation = InvitationFactory(conference=conference, agency=agency)

    response = client.post(
        url("agency_retire", la.north, agency.pk), {"reason": "Merged with New Town Surgery"}
    )

    assert response.status_code == 302
    agency.refresh_from_db()
    assert agency.retired_at is not None
    assert agency.retired_reason == "Merged with New Town Surgery"
    assert str(AGENCY_RETIRED) % {"name": agency.name} in page_text(client.get(response.url))
    assert "Old Town Surgery GP practice Health Retired" in page_text(
        client.get(url("agencies", la.north))
    )
    assert last_event("agency_retired").object_id == str(agency.pk)
    # Kept where it was already used; never offered again.
    invitation.refresh_from_db()
    assert invitation.agency == agency
    offered = list(InvitationForm(conference=conference).fields["agency"].queryset)
    assert offered == [kept]
    invite_page = page_text(client.get(f"/conferences/{conference.pk}/invite/"))
    assert "New Town Surgery" in invite_page
    assert "Old Town Surgery" not in invite_page
    staff_page = page_text(client.get(url("staff_invite", la.north)))
    assert "New Town Surgery" in staff_page
    assert "Old Town Surgery" not in staff_page


def test_a_retired_agency_cannot_be_chosen_by_posting_it(client, la, unit):
    agency = AgencyFactory(local_authority=la.north, retired_at=timezone.now())
    conference = ConferenceFactory(family=FamilyFactory(local_authority=la.north))

    form = InvitationForm({"agency": agency.pk, "email": "a@b.example"}, conference=conference)

    assert not form.is_valid()
    assert "agency" in form.errors


def test_a_retired_agency_cannot_be_retired_or_changed_again(client, la, unit):
    agency = AgencyFactory(local_authority=la.north, retired_at=timezone.now())

    retire = client.post(url("agency_retire", la.north, agency.pk), {"reason": "Again"})
    change = client.post(
        url("agency_change", la.north, agency.pk), {"name": "New", "kind": AgencyKind.POLICE}
    )

    assert (retire.status_code, change.status_code) == (404, 404)


# Who may: the unit of the agency's own authority, and nobody else.


def test_the_unit_of_another_authority_gets_not_found_and_changes_nothing(client, la):
    agency = AgencyFactory(local_authority=la.north, name="Brookfield Primary School")
    client.force_login(la.south_unit)

    pages = [
        client.get(url("agencies", la.north)),
        client.post(url("agency_add", la.north), {"name": "Mine", "kind": AgencyKind.POLICE}),
        client.post(url("agency_change", la.north, agency.pk), {"name": "Taken", "kind": "police"}),
        # Its own authority's address with another authority's agency.
        client.post(url("agency_change", la.south, agency.pk), {"name": "Taken", "kind": "police"}),
        client.post(url("agency_retire", la.south, agency.pk), {"reason": "Taken"}),
    ]

    assert [page.status_code for page in pages] == [404] * 5
    agency.refresh_from_db()
    assert (agency.name, agency.retired_at) == ("Brookfield Primary School", None)
    assert not Agency.objects.filter(name="Mine").exists()
    refused = last_event("agency_viewed")
    assert (refused.outcome, refused.local_authority_id) == (Outcome.REFUSED, la.north.pk)


@pytest.mark.parametrize(
    "role", [Role.PROFESSIONAL, Role.SOCIAL_WORKER, Role.CHAIR, Role.AUDITOR, Role.FAMILY_MEMBER]
)
def test_nobody_but_the_unit_sets_up_agencies(client, la, role):
    client.force_login(user_with_role(role, la.north))

    listing = client.get(url("agencies", la.north))
    adding = client.post(url("agency_add", la.north), {"name": "Mine", "kind": "police"})

    assert (listing.status_code, adding.status_code) == (404, 404)
    assert not Agency.objects.filter(name="Mine").exists()
    assert last_event("agencies_listed").outcome == Outcome.REFUSED

"""The unit's census pages: the return as a download, the year's figures and the children
behind them, and the census details the return needs. The unit of the authority only."""

import datetime as dt
import html

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from lxml import etree

from cpconf.accounts.models import Role
from cpconf.audit.models import AuditEvent, Outcome
from cpconf.census import services
from cpconf.census.cin_return import schema_problems
from cpconf.census.forms import ENTER_LA_CODE, ENTER_UPN, NONE_AND_A_DISABILITY
from cpconf.census.models import CensusAuthority, ChildCensusDetails
from cpconf.families.models import ExternalReference, ReferenceKind
from tests.factories import user_with_role
from tests.page_reading import page_html

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _mid_year(monkeypatch):
    """The figures are for the census year so far: say "so far" is 10 January 2027."""
    monkeypatch.setattr(services, "today", lambda: dt.date(2027, 1, 10))


@pytest.fixture
def unit(census_scene, client):
    client.force_login(user_with_role(Role.UNIT_ADMINISTRATOR, census_scene.authority))
    return client


def return_url(slug="northshire", year=2027):
    return reverse("census:return", args=[slug, year])


def test_the_unit_downloads_the_return_as_a_file_the_schema_accepts(unit):
    response = unit.get(return_url())
    assert response.status_code == 200
    assert response["Content-Type"] == "application/xml"
    assert 'filename="cin-census-northshire-2027.xml"' in response["Content-Disposition"]
    assert schema_problems(response.content) == []
    document = etree.fromstring(response.content)
    assert len(document.findall("Children/Child")) == 3
    assert AuditEvent.objects.filter(action="census_return_made").exists()


def test_a_return_made_is_in_the_trail_of_each_family_it_holds(census_scene, unit):
    response = unit.get(return_url())

    assert response.status_code == 200
    document = etree.fromstring(response.content)
    held = {census_scene.lily.family_id, census_scene.sam.family_id}  # Ashdown, Carter
    filed = set(
        AuditEvent.objects.filter(action="census_return_family_included").values_list(
            "family_id", flat=True
        )
    )
    assert filed == held  # and never Southvale's family
    assert len(document.findall("Children/Child")) == 3


@pytest.mark.parametrize("year", [0, 1999, 2100, 99999999999])
def test_no_return_is_made_for_a_year_that_has_not_begun_or_is_no_year(unit, year):
    response = unit.get(return_url(year=year))

    assert response.status_code == 404
    assert not AuditEvent.objects.filter(action="census_return_made").exists()


@pytest.mark.parametrize("role", [Role.CHAIR, Role.SOCIAL_WORKER, Role.PROFESSIONAL, Role.AUDITOR])
def test_other_roles_get_no_return_and_no_figures(census_scene, client, role):
    client.force_login(user_with_role(role, census_scene.authority))
    assert client.get(return_url()).status_code == 404
    assert client.get(reverse("census:figures", args=["northshire"])).status_code == 404
    refused = AuditEvent.objects.filter(outcome=Outcome.REFUSED, action="census_return_requested")
    assert refused.exists()
    assert not AuditEvent.objects.filter(action__startswith="census_return_made").exists()


def test_another_authoritys_unit_gets_nothing_of_this_authority(census_scene, client):
    client.force_login(user_with_role(Role.UNIT_ADMINISTRATOR, census_scene.other_authority))
    assert client.get(return_url()).status_code == 404
    assert client.get(reverse("census:figures", args=["northshire"])).status_code == 404
    child_page = reverse("census:child_details", args=["southvale", census_scene.lily.pk])
    assert client.get(child_page).status_code == 404  # Lily is Northshire's
    figure = reverse("census:figure_children", args=["southvale", "started-NEG"])
    response = client.get(figure)
    assert census_scene.other_child.full_name in page_html(response)
    assert census_scene.lily.full_name not in page_html(response)


def test_a_return_with_problems_is_a_page_of_them_not_a_file(census_scene, unit):
    ChildCensusDetails.objects.filter(child=census_scene.lily).update(ethnicity="")
    CensusAuthority.objects.filter(local_authority=census_scene.authority).delete()
    response = unit.get(return_url())
    assert response.status_code == 422
    assert response["Content-Type"].startswith("text/html")
    page = page_html(response)
    assert "The census return cannot be made yet" in page
    assert "Enter the child's ethnicity" in page
    assert "<code>LEA</code>" in page
    details = reverse("census:child_details", args=["northshire", census_scene.lily.pk])
    assert details in page


def test_the_figures_page_shows_the_year_so_far_with_links_to_the_children(census_scene, unit):
    response = unit.get(reverse("census:figures", args=["northshire"]))
    assert response.status_code == 200
    figures = response.context["figures"]
    assert figures.figure("started-NEG").count == 2  # Lily and the baby, 12 May 2026
    assert figures.figure("started-PHY").count == 0  # Sam's started the year before
    assert figures.figure("ended-MUL").count == 0  # Lily's ends on 15 February, after today
    icpc = figures.figure("icpc-on-time")
    assert (icpc.count, icpc.out_of, icpc.percent) == (2, 2, 100)
    reviews = figures.figure("reviews-on-time")
    assert (reviews.count, reviews.out_of) == (3, 3)
    page = page_html(response)
    assert reverse("census:figure_children", args=["northshire", "started-NEG"]) in page
    assert '<svg class="cpconf-census-chart" role="img"' in page


def test_the_children_behind_a_figure_are_listed_and_the_read_is_audited(census_scene, unit):
    url = reverse("census:figure_children", args=["northshire", "started-NEG"])
    page = page_html(unit.get(url))
    assert census_scene.lily.full_name in page and census_scene.baby.full_name in page
    assert census_scene.sam.full_name not in page
    event = AuditEvent.objects.get(action="census_children_listed")
    assert event.family_id == census_scene.lily.family_id
    assert (
        unit.get(reverse("census:figure_children", args=["northshire", "nope"])).status_code == 404
    )


def test_the_unit_enters_a_childs_census_details(census_scene, unit):
    url = reverse("census:child_details", args=["northshire", census_scene.sam.pk])
    form = {
        "la_child_id": "NS-777",
        "upn": "A12345678901",  # one number short
        "gender": "1",
        "ethnicity": "WBRI",
        "disabilities": ["NONE"],
        "referral_source": "2A",
        "referral_date_day": "3",
        "referral_date_month": "9",
        "referral_date_year": "2025",
        "plans_before_records": "0",
    }
    refused = unit.post(url, form)
    assert refused.status_code == 400
    assert str(ENTER_UPN) in page_html(refused)
    assert 'value="NS-777"' in page_html(refused)  # what was typed is kept
    form["upn"] = "A123456789012"
    assert unit.post(url, form).status_code == 302
    details = ChildCensusDetails.objects.get(child=census_scene.sam)
    assert (details.la_child_id, details.upn, details.referral_date) == (
        "NS-777",
        "A123456789012",
        dt.date(2025, 9, 3),
    )
    assert details.disabilities == ["NONE"] and details.plans_before_records == 0
    assert AuditEvent.objects.filter(
        action="child_census_details_saved", family_id=census_scene.sam.family_id
    ).exists()


def test_no_disability_beside_a_disability_is_refused_and_nothing_saved(census_scene, unit):
    url = reverse("census:child_details", args=["northshire", census_scene.sam.pk])
    before = ChildCensusDetails.objects.get(child=census_scene.sam).disabilities
    form = {"gender": "1", "ethnicity": "WBRI", "disabilities": ["NONE", "HAND"]}

    refused = unit.post(url, form)

    assert refused.status_code == 400
    assert NONE_AND_A_DISABILITY in html.unescape(page_html(refused))
    assert ChildCensusDetails.objects.get(child=census_scene.sam).disabilities == before


def test_the_unit_enters_the_dfe_code(census_scene, unit):
    url = reverse("census:la_code", args=["northshire"])
    assert str(ENTER_LA_CODE) in page_html(unit.post(url, {"la_code": "20"}))
    assert unit.post(url, {"la_code": "873"}).status_code == 302
    assert CensusAuthority.objects.get(local_authority=census_scene.authority).la_code == "873"


def test_the_unit_imports_census_details_from_the_case_system_on_its_page(census_scene, unit):
    lily = census_scene.lily
    ExternalReference.objects.create(
        family=lily.family, kind=ReferenceKind.CHILD, reference="C-100", child=lily
    )
    url = reverse("census:details_import", args=["northshire"])
    assert "Import census details from the case system" in page_html(unit.get(url))
    good = SimpleUploadedFile(
        "census.csv",
        b"case_reference,child_reference,upn,ethnicity\n%s,C-100,A123456789012,WIRI\n"
        % lily.family.case_reference.encode(),
    )

    answer = unit.post(url, {"file": good}, follow=True)

    details = ChildCensusDetails.objects.get(child=lily)
    assert (details.upn, details.upn_unknown, details.ethnicity) == ("A123456789012", "", "WIRI")
    assert "Census details set for 1 child: upn, ethnicity" in page_html(answer)


def test_a_file_with_problems_changes_nothing_and_lists_each_problem(census_scene, unit):
    before = ChildCensusDetails.objects.get(child=census_scene.lily).ethnicity
    url = reverse("census:details_import", args=["northshire"])
    bad = SimpleUploadedFile(
        "census.csv", b"case_reference,child_reference,ethnicity\nNS-9,C-999,WIRI\nNS-9,,WIRI\n"
    )

    answer = unit.post(url, {"file": bad})

    page = page_html(answer)
    assert answer.status_code == 400
    assert "There is a problem" in page
    assert "2 problems in the file: nothing was changed" in page
    assert "Put right the 2 problems in the file and upload it again" in page
    assert (
        "row 2, column child_reference: "
        "No child of family NS-9 in Northshire has the case system reference C-999" in page
    )
    assert "row 3, column child_reference: Enter the case system's reference for the child" in page
    assert ChildCensusDetails.objects.get(child=census_scene.lily).ethnicity == before


def test_a_file_that_is_not_csv_is_refused_on_the_file_field(census_scene, unit):
    url = reverse("census:details_import", args=["northshire"])
    answer = unit.post(url, {"file": SimpleUploadedFile("photo.csv", b"\xff\xd8\xff\xe0 not text")})

    assert answer.status_code == 400
    assert "The file is not UTF-8 text" in page_html(answer)

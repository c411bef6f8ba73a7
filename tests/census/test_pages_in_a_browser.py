"""The unit's census pages in a real browser: given Northshire's unit administrator, when
they open the figures, follow a figure to its children, ask for a return that has problems
and correct a child's census details with a mistake first — then each page works through its
own links and forms, and axe-core finds no WCAG 2.2 A or AA violation on any of them."""

import datetime as dt

import pytest

from cpconf.accounts.models import Role
from cpconf.census import services
from cpconf.census.forms import ENTER_UPN
from cpconf.census.models import ChildCensusDetails
from cpconf.families.models import ExternalReference, ReferenceKind
from tests.browser.accessibility import check_page
from tests.browser.conftest import sign_in_through_pages
from tests.factories import user_with_role
from tests.report_scene import PASSWORD

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.browser]
NAME = "census pages"


def test_the_unit_works_through_the_census_pages(census_scene, live_server, page, monkeypatch):
    monkeypatch.setattr(services, "today", lambda: dt.date(2027, 1, 10))
    unit = user_with_role(Role.UNIT_ADMINISTRATOR, census_scene.authority, password=PASSWORD)
    sign_in_through_pages(page, live_server.url, unit, PASSWORD)

    page.goto(f"{live_server.url}/census/northshire/")
    page.get_by_role("heading", name="Child protection figures").wait_for()
    check_page(page, NAME, "figures")

    page.get_by_role("link", name="2 plans started: Neglect").click()
    page.get_by_role("heading", name="Neglect").wait_for()
    assert page.get_by_role("rowheader", name=census_scene.lily.full_name).is_visible()
    check_page(page, NAME, "figure children")

    ChildCensusDetails.objects.filter(child=census_scene.lily).update(ethnicity="")
    page.goto(f"{live_server.url}/census/northshire/return/2027/")
    page.get_by_role("heading", name="The census return cannot be made yet").wait_for()
    check_page(page, NAME, "return problems")

    page.get_by_role("link", name=census_scene.lily.full_name).click()
    page.get_by_label("Unique pupil number (UPN)").fill("A1")
    page.get_by_role("button", name="Save census details").click()
    page.get_by_role("link", name=str(ENTER_UPN)).wait_for()
    check_page(page, NAME, "child details error")
    # A UPN now known replaces the reason it was not: the page refuses both at once.
    page.get_by_label("Unique pupil number (UPN)").fill("A123456789012")
    page.get_by_label("Reason the UPN is not known").select_option("")
    page.get_by_label("Ethnicity").select_option("WBRI")
    page.get_by_role("button", name="Save census details").click()
    page.get_by_role("heading", name="Child protection figures").wait_for()
    assert ChildCensusDetails.objects.get(child=census_scene.lily).ethnicity == "WBRI"


def test_the_unit_imports_census_details_from_a_file(census_scene, live_server, page, tmp_path):
    lily = census_scene.lily
    ExternalReference.objects.create(
        family=lily.family, kind=ReferenceKind.CHILD, reference="C-100", child=lily
    )
    unit = user_with_role(Role.UNIT_ADMINISTRATOR, census_scene.authority, password=PASSWORD)
    sign_in_through_pages(page, live_server.url, unit, PASSWORD)
    bad, good = tmp_path / "bad.csv", tmp_path / "good.csv"
    family = lily.family.case_reference
    bad.write_text(f"case_reference,child_reference,upn,ethnicity\n{family},C-100,A1,WIRI\n")
    good.write_text(
        f"case_reference,child_reference,upn,ethnicity\n{family},C-100,A123456789012,WIRI\n"
    )

    page.goto(f"{live_server.url}/census/northshire/")
    page.get_by_role("link", name="Import census details from the case system").click()
    page.get_by_label("Upload the case system's file").set_input_files(bad)
    page.get_by_role("button", name="Import the census details").click()
    page.get_by_role("heading", name="1 problem in the file: nothing was changed").wait_for()
    assert f"row 2, column upn: {ENTER_UPN}" in page.locator("#problems").inner_text()
    check_page(page, NAME, "import problems")
    assert ChildCensusDetails.objects.get(child=lily).ethnicity != "WIRI"

    page.get_by_label("Upload the case system's file").set_input_files(good)
    page.get_by_role("button", name="Import the census details").click()
    page.get_by_text("Census details set for 1 child: upn, ethnicity").wait_for()
    details = ChildCensusDetails.objects.get(child=lily)
    assert (details.upn, details.ethnicity) == ("A123456789012", "WIRI")

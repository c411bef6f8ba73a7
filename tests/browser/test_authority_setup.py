"""The authority sets itself up, walked in a real browser as its users would (issue 15).

Given the unit administrator of an authority, when they add, rename and retire an agency,
invite a professional (after a check of the answers), change their roles, disable and enable
their account and reset their second factor; when they find a family by a child's name and a
date of birth written the British way, and create a family with two children and two adults
with JavaScript turned off; and when they import families from the case system's file; and
given the family's allocated social worker, when they change the front sheet and then save it
from two tabs at once — then every step works through the pages' own links and forms, each
error is named in a GOV.UK error summary that links to its field and keeps what was typed,
the database holds what the pages said, and axe-core finds no WCAG 2.2 A or AA violation on
any page reached, error states included. Each page is screenshotted to test-artifacts/.
"""

import datetime as dt
import json
import re

import pytest
from django.core import mail
from django.utils import timezone

from cpconf.accounts.models import Role, RoleAssignment, User
from cpconf.audit.models import AuditEvent
from cpconf.families import case_file
from cpconf.families.dates import BIRTH_IN_PAST
from cpconf.families.models import Family
from cpconf.families.views import FAMILY_CREATED, FRONT_SHEET_SAVED
from cpconf.organisations.forms import (
    AGENCY_NEEDED,
    CHOOSE_AGENCY_KIND,
    ENTER_AGENCY_NAME,
    ENTER_RESET_REASON,
    ENTER_RETIRE_REASON,
)
from cpconf.organisations.models import Agency, AgencyKind, SecondFactorReset
from cpconf.organisations.views.agencies import AGENCY_ADDED, AGENCY_CHANGED, AGENCY_RETIRED
from cpconf.organisations.views.staff import (
    ACCOUNT_DISABLED,
    ACCOUNT_ENABLED,
    ROLES_CHANGED,
    SECOND_FACTOR_RESET,
    STAFF_INVITED,
)
from tests.browser.accessibility import _screenshot, axe_violations, check_page
from tests.browser.conftest import sign_in_through_pages
from tests.factories import ChildFactory, FamilyFactory, user_with_role
from tests.families.case_files import adult, child, csv_bytes
from tests.report_scene import PASSWORD

pytestmark = pytest.mark.django_db(transaction=True)

AGENCIES = "setup agencies"
STAFF = "setup staff"
FAMILIES = "setup families no-js"
FRONT_SHEET = "setup front sheet"
IMPORT = "setup import"


# What the person sees, read the way they read it.


def sign_in(page, live_server, user) -> None:
    sign_in_through_pages(page, live_server.url, user, PASSWORD)
    page.wait_for_url(f"{live_server.url}/")


def error_summary(page) -> dict[str, str]:
    """The error summary's messages, each with the id of the field its link goes to."""
    summary = page.locator(".govuk-error-summary")
    summary.wait_for()
    links = summary.locator(".govuk-error-summary__list a")
    return {
        links.nth(i).inner_text(): links.nth(i).get_attribute("href").removeprefix("#")
        for i in range(links.count())
    }


def success_banner(page) -> str:
    return page.locator(".govuk-notification-banner--success").inner_text()


def main_text(page) -> str:
    return " ".join(page.locator("main").inner_text().split())


def table_rows(page, caption: str) -> list[list[str]]:
    table = page.locator("table", has=page.locator("caption", has_text=caption))
    rows = table.locator("tbody tr")
    return [
        [" ".join(cell.split()) for cell in rows.nth(i).locator("th, td").all_inner_texts()]
        for i in range(rows.count())
    ]


def group(scope, name: str):
    """A fieldset, found by its legend, as a screen reader announces it."""
    return scope.get_by_role("group", name=name, exact=True)


def fill_date(scope, legend: str, day: dt.date | None) -> None:
    fields = group(scope, legend)
    for label, value in (("Day", day.day), ("Month", day.month), ("Year", day.year)):
        fields.get_by_label(label, exact=True).fill(str(value) if day else "")


def date_typed(scope, legend: str) -> tuple[str, str, str]:
    fields = group(scope, legend)
    return tuple(fields.get_by_label(p, exact=True).input_value() for p in ("Day", "Month", "Year"))


def check_page_as_shown(page, test_name: str, step: str) -> None:
    """For a page in a browser with JavaScript off, where axe cannot run: the page exactly as
    it was shown (after a form post too: an error summary, a row just added) is put into a
    page of a context where JavaScript runs, at the same address so its styles load, and
    checked there. (`check_page_without_javascript` asks for the address again, which after a
    post shows a different page.)"""
    _screenshot(page, test_name, step)
    html = page.content()
    context = page.context.browser.new_context(
        storage_state=page.context.storage_state(), locale="en-GB"
    )
    try:
        twin = context.new_page()
        twin.goto(page.url.split("#")[0])
        twin.set_content(html)
        violations = axe_violations(twin)
    finally:
        context.close()
    assert not violations, f"{step} ({page.url}):\n" + json.dumps(violations, indent=2)


@pytest.fixture
def page_without_javascript(chromium, request):
    context = chromium.new_context(
        locale="en-GB", timezone_id="Europe/London", java_script_enabled=False
    )
    yield context.new_page()
    context.close()


# 1. Agencies and staff.


def test_the_unit_adds_renames_and_retires_an_agency(live_server, page, scene):
    # Given the unit administrator on their home page
    sign_in(page, live_server, scene.unit)
    check_page(page, AGENCIES, "home")

    # When they open the authority's agencies
    page.get_by_role("link", name="Agencies", exact=True).click()
    page.get_by_role("heading", name="Agencies", level=1).wait_for()
    check_page(page, AGENCIES, "agencies")
    alder = next(
        r for r in table_rows(page, "Your authority's agencies") if r[0] == "Alder Primary"
    )
    assert alder[1] == "School" and alder[3] == "In use"

    # and send the new agency's form empty
    page.get_by_role("button", name="Add an agency").click()
    check_page(page, AGENCIES, "add an agency")
    page.get_by_role("button", name="Add the agency").click()

    # Then the summary names both fields and links to each
    summary = error_summary(page)
    check_page(page, AGENCIES, "add an agency, empty")
    assert summary == {str(ENTER_AGENCY_NAME): "id_name", str(CHOOSE_AGENCY_KIND): "id_kind"}
    assert page.title().startswith("Error:")
    page.get_by_role("link", name=str(ENTER_AGENCY_NAME)).click()
    assert page.evaluate("document.activeElement.id") == "id_name"

    # When they type the name but still choose no kind
    page.get_by_label("Name", exact=True).fill("Rowan Tree Nursery")
    page.get_by_role("button", name="Add the agency").click()

    # Then only the kind is asked for, and the name is kept as typed
    assert error_summary(page) == {str(CHOOSE_AGENCY_KIND): "id_kind"}
    check_page(page, AGENCIES, "add an agency, no kind")
    assert page.get_by_label("Name", exact=True).input_value() == "Rowan Tree Nursery"

    # When they choose the kind
    group(page, "Kind of agency").get_by_label("Early years").check()
    page.get_by_role("button", name="Add the agency").click()

    # Then the agency is listed, in use
    assert str(AGENCY_ADDED % {"name": "Rowan Tree Nursery"}) in success_banner(page)
    check_page(page, AGENCIES, "agency added")
    added = Agency.objects.get(local_authority=scene.authority, name="Rowan Tree Nursery")
    assert added.kind == AgencyKind.EARLY_YEARS

    # When they rename it
    page.get_by_role("link", name="Change Rowan Tree Nursery").click()
    check_page(page, AGENCIES, "change an agency")
    assert page.get_by_label("Name", exact=True).input_value() == "Rowan Tree Nursery"
    page.get_by_label("Name", exact=True).fill("Rowan Tree Early Years Centre")
    page.get_by_role("button", name="Save the changes").click()

    # Then the list has the new name
    assert str(AGENCY_CHANGED % {"name": "Rowan Tree Early Years Centre"}) in success_banner(page)
    added.refresh_from_db()
    assert added.name == "Rowan Tree Early Years Centre"

    # When they retire it, first without saying why
    page.get_by_role("link", name="Retire Rowan Tree Early Years Centre").click()
    check_page(page, AGENCIES, "retire an agency")
    page.get_by_role("button", name="Retire the agency").click()
    assert error_summary(page) == {str(ENTER_RETIRE_REASON): "id_reason"}
    check_page(page, AGENCIES, "retire an agency, no reason")
    page.get_by_label("Why is it being retired?").fill("Merged with Alder Primary in April.")
    page.get_by_role("button", name="Retire the agency").click()

    # Then it is listed as retired with the reason, and can no longer be changed
    name = "Rowan Tree Early Years Centre"
    assert str(AGENCY_RETIRED % {"name": name}) in success_banner(page)
    check_page(page, AGENCIES, "agency retired")
    row = next(r for r in table_rows(page, "Your authority's agencies") if r[0] == name)
    assert "Retired" in row[3] and "Merged with Alder Primary in April." in row[3]
    assert page.get_by_role("link", name=f"Change {name}").count() == 0
    added.refresh_from_db()
    assert added.is_retired and added.retired_reason == "Merged with Alder Primary in April."


def test_the_unit_invites_a_professional_and_looks_after_their_account(live_server, page, scene):
    # Given the unit administrator, and an agency retired earlier
    Agency.objects.create(
        local_authority=scene.authority,
        name="Old Mill Surgery",
        kind=AgencyKind.GP,
        retired_at=timezone.now(),
        retired_reason="Closed",
    )
    sign_in(page, live_server, scene.unit)

    # When they open Staff and invite a professional without choosing an agency
    page.get_by_role("link", name="Staff and their roles").click()
    page.get_by_role("heading", name="Staff", level=1).wait_for()
    check_page(page, STAFF, "staff")
    page.get_by_role("button", name="Invite a member of staff").click()
    check_page(page, STAFF, "invite")
    agencies_offered = page.get_by_label("Agency", exact=True).locator("option").all_inner_texts()
    assert "Alder Primary" in agencies_offered
    assert "Old Mill Surgery" not in agencies_offered
    page.get_by_label("Email address").fill("Megan.Price@alder.example")
    page.get_by_label("First name").fill("Megan")
    page.get_by_label("Last name").fill("Price")
    page.get_by_label("Job title (optional)").fill("Deputy safeguarding lead")
    group(page, "Roles").get_by_label("Professional").check()
    page.get_by_role("button", name="Continue").click()

    # Then the summary asks for the agency, linking to it, and everything typed is kept
    assert error_summary(page) == {str(AGENCY_NEEDED): "id_agency"}
    check_page(page, STAFF, "invite without an agency")
    assert page.get_by_label("Email address").input_value() == "Megan.Price@alder.example"
    assert page.get_by_label("Job title (optional)").input_value() == "Deputy safeguarding lead"
    assert group(page, "Roles").get_by_label("Professional").is_checked()
    page.get_by_role("link", name=str(AGENCY_NEEDED)).click()
    assert page.evaluate("document.activeElement.id") == "id_agency"

    # When they choose the agency and continue
    page.get_by_label("Agency", exact=True).select_option(label="Alder Primary")
    page.get_by_role("button", name="Continue").click()

    # Then they check the answers before anything is sent
    page.get_by_role("heading", name="Check the details before you invite them").wait_for()
    check_page(page, STAFF, "check the details")
    answers = main_text(page)
    for shown in ("megan.price@alder.example", "Megan Price", "Deputy safeguarding lead"):
        assert shown in answers
    assert "Professional" in answers and "Alder Primary" in answers
    assert not User.objects.filter(email="megan.price@alder.example").exists()
    assert not mail.outbox

    # When they send the invitation
    page.get_by_role("button", name="Send the invitation").click()

    # Then the person's page says so, and the link is on its way
    assert str(STAFF_INVITED % {"email": "megan.price@alder.example"}) in success_banner(page)
    check_page(page, STAFF, "invited")
    member = User.objects.get(email="megan.price@alder.example")
    assert [m.to for m in mail.outbox] == [["megan.price@alder.example"]]
    assert "Invited" in main_text(page)

    # When they give her the social worker role as well
    page.get_by_role("link", name="Change roles").click()
    check_page(page, STAFF, "change roles")
    assert group(page, "Roles").get_by_label("Professional").is_checked()
    group(page, "Roles").get_by_label("Social worker").check()
    page.get_by_role("button", name="Save the roles").click()

    # Then her page lists both
    assert str(ROLES_CHANGED) in success_banner(page)
    check_page(page, STAFF, "roles changed")
    held = RoleAssignment.objects.filter(user=member, local_authority=scene.authority)
    assert {a.role for a in held} == {Role.PROFESSIONAL, Role.SOCIAL_WORKER}
    assert {a.agency for a in held} == {scene.school}

    # When they disable her account, then enable it again
    page.get_by_role("link", name="Disable account").click()
    check_page(page, STAFF, "disable")
    page.get_by_role("button", name="Disable the account").click()
    assert str(ACCOUNT_DISABLED % {"name": "Megan Price"}) in success_banner(page)
    check_page(page, STAFF, "disabled")
    member.refresh_from_db()
    assert not member.is_active
    assert "Disabled" in main_text(page)
    page.get_by_role("link", name="Enable account").click()
    check_page(page, STAFF, "enable")
    page.get_by_role("button", name="Enable the account").click()
    assert str(ACCOUNT_ENABLED % {"name": "Megan Price"}) in success_banner(page)
    member.refresh_from_db()
    assert member.is_active

    # When they reset her second factor, first without a reason
    page.get_by_role("link", name="Reset second factor").click()
    check_page(page, STAFF, "reset second factor")
    page.get_by_role("button", name="Reset their second factor").click()
    assert error_summary(page) == {str(ENTER_RESET_REASON): "id_reason"}
    check_page(page, STAFF, "reset second factor, no reason")
    reason = "New phone. Checked with her head teacher by phone."
    page.get_by_label("Why are you resetting it?").fill(reason)
    page.get_by_role("button", name="Reset their second factor").click()

    # Then the reset and its reason are on her page and in the trail
    assert str(SECOND_FACTOR_RESET % {"name": "Megan Price"}) in success_banner(page)
    check_page(page, STAFF, "second factor reset")
    assert reason in main_text(page)
    assert SecondFactorReset.objects.get(user=member).reason == reason
    actions = set(AuditEvent.objects.filter(actor=scene.unit).values_list("action", flat=True))
    assert {
        "staff_invited",
        "staff_roles_changed",
        "account_disabled",
        "account_enabled",
        "authenticator_reset",
    } <= actions

    # And the staff list shows her with both roles, active
    page.get_by_role("link", name="Back to staff").click()
    row = next(r for r in table_rows(page, "Your authority's staff") if r[0] == "Megan Price")
    assert row[2] == "Professional, Social worker" and row[3] == "Alder Primary"
    assert row[4] == "Invited"


# 2. Finding and creating families, with JavaScript turned off.


def test_the_unit_finds_families_and_creates_one_without_javascript(
    live_server, page_without_javascript, scene
):
    page = page_without_javascript
    site = live_server.url
    today = timezone.localdate()
    # Given families whose children were born on 3 April 2019 and on 4 March 2019
    april = FamilyFactory(local_authority=scene.authority, case_reference="NS-0412", name="Brook")
    ChildFactory(
        family=april, given_name="Ava", family_name="Brook", date_of_birth=dt.date(2019, 4, 3)
    )
    march = FamilyFactory(local_authority=scene.authority, case_reference="NS-0413", name="Lowe")
    ChildFactory(
        family=march, given_name="Finn", family_name="Lowe", date_of_birth=dt.date(2019, 3, 4)
    )
    worker = user_with_role(
        Role.SOCIAL_WORKER, scene.authority, first_name="Marcus", last_name="Reid"
    )
    sign_in_through_pages(page, site, scene.unit, PASSWORD)
    page.goto(f"{site}/")
    check_page_as_shown(page, FAMILIES, "home")

    # When the unit searches from its home page by a child's name
    page.get_by_label("Find a family").fill("noah hartwell")
    page.get_by_role("button", name="Search").click()

    # Then the Hartwells are found, with their children
    page.get_by_role("heading", name=re.compile("1 family found")).wait_for()
    check_page_as_shown(page, FAMILIES, "search by name")
    assert page.get_by_role("heading", level=1).all_inner_texts() == ["Find a family"]
    found = table_rows(page, "Families that match your search")
    assert [row[1] for row in found] == ["Hartwell family"]
    assert "Noah Hartwell, born 17 September 2020" in found[0][2]

    # When they search by a date of birth written the British way, day first
    page.get_by_label("Find a family").fill("3/4/2019")
    page.get_by_role("button", name="Search").click()

    # Then the family of the child born on 3 April is found, not the one born on 4 March
    page.get_by_role("heading", name="found for “3/4/2019”").wait_for()
    check_page_as_shown(page, FAMILIES, "search by date of birth")
    found = table_rows(page, "Families that match your search")
    assert [row[0] for row in found] == ["NS-0412"]
    assert "Ava Brook, born 3 April 2019" in found[0][2]

    # When they create a family: the family, a child, "Add another child" for an unborn baby,
    # "Add another family member" for a second adult, and a date of birth in the future
    page.get_by_role("link", name="Back to home").click()
    page.get_by_role("link", name="Create a family").click()
    check_page_as_shown(page, FAMILIES, "create a family")
    page.get_by_label("Case reference").fill("NS-2026-0201")
    page.get_by_label("Family name").fill("Okafor")
    page.get_by_label("The children's address").fill("7 Weaver Row\nNorthtown NT4 2BD")
    page.get_by_label("Allocated social worker").select_option(label="Marcus Reid")
    first = group(page, "Child 1")
    first.get_by_label("First name").fill("Zara")
    first.get_by_label("Last name").fill("Okafor")
    future = today.replace(year=today.year + 1)
    fill_date(first, "Date of birth", future)
    page.get_by_role("button", name="Add another child").click()

    second = group(page, "Child 2")
    second.wait_for()
    check_page_as_shown(page, FAMILIES, "a second child")
    assert group(page, "Child 1").get_by_label("First name").input_value() == "Zara"
    second.get_by_label("First name").fill("Baby")
    second.get_by_label("Last name").fill("Okafor")
    due = today + dt.timedelta(days=60)
    fill_date(second, "Or, for an unborn baby, the expected date", due)

    mother = group(page, "Family member 1")
    mother.get_by_label("Full name").fill("Grace Okafor")
    mother.get_by_label("Relationship to the children").select_option(label="Mother")
    group(mother, "Do they live in the children's household?").get_by_label("Yes").check()
    mother.get_by_label("First language").fill("Igbo")
    group(mother, "Do they need an interpreter?").get_by_label("Yes").check()
    page.get_by_role("button", name="Add another family member").click()

    father = group(page, "Family member 2")
    father.wait_for()
    father.get_by_label("Full name").fill("Daniel Okafor")
    father.get_by_label("Relationship to the children").select_option(label="Father")
    group(father, "Do they live in the children's household?").get_by_label("No").check()
    father.get_by_label("Reading or other access needs (optional)").fill("Easy read")
    father.get_by_label("Address, if not the children's (optional)").fill("12 Mill Lane, Northtown")
    page.get_by_role("button", name="Continue", exact=True).click()

    # Then the summary names the child and the problem, linking to the date
    summary = error_summary(page)
    check_page_as_shown(page, FAMILIES, "create a family with an error")
    assert summary == {f"Child 1 (Zara Okafor): {BIRTH_IN_PAST}": "id_child-0-date_of_birth_day"}
    assert page.title().startswith("Error:")
    assert page.locator("#id_child-0-date_of_birth_day").count() == 1
    # and everything typed is still there
    assert page.get_by_label("Case reference").input_value() == "NS-2026-0201"
    assert date_typed(group(page, "Child 1"), "Date of birth") == (
        str(future.day),
        str(future.month),
        str(future.year),
    )
    assert group(page, "Child 2").get_by_label("First name").input_value() == "Baby"
    assert date_typed(group(page, "Child 2"), "Or, for an unborn baby, the expected date") == (
        str(due.day),
        str(due.month),
        str(due.year),
    )
    assert group(page, "Family member 1").get_by_label("First language").input_value() == "Igbo"
    assert group(page, "Family member 2").get_by_label("Full name").input_value() == "Daniel Okafor"
    assert not Family.objects.filter(case_reference="NS-2026-0201").exists()

    # When they correct the date and continue
    fill_date(group(page, "Child 1"), "Date of birth", dt.date(2019, 11, 23))
    page.get_by_role("button", name="Continue", exact=True).click()

    # Then they check the answers before the family is created
    page.get_by_role("heading", name="Check the family's details before you create it").wait_for()
    check_page_as_shown(page, FAMILIES, "check the family")
    answers = main_text(page)
    for shown in (
        "NS-2026-0201",
        "Okafor",
        "Marcus Reid",
        "Zara Okafor",
        "23 November 2019",
        "Baby Okafor",
        "Unborn, expected date",
        f"{due.day} {due:%B %Y}",
        "Grace Okafor",
        "Igbo — needs an interpreter",
        "Daniel Okafor",
        "Easy read",
        "12 Mill Lane, Northtown",
    ):
        assert shown in answers, shown
    assert not Family.objects.filter(case_reference="NS-2026-0201").exists()

    # When they create it
    page.get_by_role("button", name="Create the family").click()

    # Then the family's page is shown, and the family is saved as checked
    assert FAMILY_CREATED in success_banner(page)
    check_page_as_shown(page, FAMILIES, "family created")
    family = Family.objects.get(local_authority=scene.authority, case_reference="NS-2026-0201")
    assert family.name == "Okafor" and family.allocated_social_worker == worker
    children = {c.given_name: c for c in family.children.all()}
    assert children["Zara"].date_of_birth == dt.date(2019, 11, 23)
    assert children["Baby"].date_of_birth is None and children["Baby"].expected_due_date == due
    members = {m.full_name: m for m in family.members.all()}
    assert members["Grace Okafor"].language == "Igbo" and members["Grace Okafor"].needs_interpreter
    assert not members["Daniel Okafor"].lives_in_household
    assert members["Daniel Okafor"].access_needs == "Easy read"
    assert "Front sheet started" in main_text(page)


# 3. The allocated social worker keeps the front sheet.


def front_sheet_member(page, number: int):
    return group(page, f"Family member {number}")


def test_the_social_worker_keeps_the_front_sheet_and_meets_a_conflict(live_server, page, scene):
    site = live_server.url
    # Given the Hartwells' allocated social worker
    worker = user_with_role(
        Role.SOCIAL_WORKER,
        scene.authority,
        password=PASSWORD,
        first_name="Joanne",
        last_name="Pritchard",
    )
    scene.family.allocated_social_worker = worker
    scene.family.save(update_fields=["allocated_social_worker"])
    sign_in(page, live_server, worker)

    # When they open the family from their home page and change the front sheet
    page.get_by_role("link", name=re.compile("Hartwell")).first.click()
    page.wait_for_url(f"{site}/families/{scene.family.pk}/")
    check_page(page, FRONT_SHEET, "family")
    assert "No changes have been saved here yet." in main_text(page)
    page.get_by_role("link", name="Change the front sheet").click()
    check_page(page, FRONT_SHEET, "front sheet")
    dawn = front_sheet_member(page, 1)
    assert dawn.get_by_label("Full name").input_value() == "Dawn Hartwell"
    dawn.get_by_label("First language").fill("Polish")
    group(dawn, "Do they need an interpreter?").get_by_label("Yes").check()
    dawn.get_by_label("Reading or other access needs (optional)").fill("Large print")
    page.get_by_role("button", name="Save the front sheet").click()

    # Then the family page says so and lists the change under "Changes to the front sheet"
    assert FRONT_SHEET_SAVED in success_banner(page)
    check_page(page, FRONT_SHEET, "front sheet saved")
    changes = table_rows(page, "Each saved change to the front sheet")
    assert changes[0][0] == "1" and changes[0][2] == "Joanne Pritchard"
    fields = "first language, needs an interpreter, reading or other access needs"
    assert f"Family member: Dawn Hartwell — {fields}" in changes[0][3]
    assert "Polish — needs an interpreter" in main_text(page)

    # Given the front sheet open in two tabs
    other_tab = page.context.new_page()
    for tab in (page, other_tab):
        tab.goto(f"{site}/families/{scene.family.pk}/front-sheet/")

    # When they save a change in one
    front_sheet_member(other_tab, 1).get_by_label("Reading or other access needs (optional)").fill(
        "Large print and someone to read reports aloud"
    )
    other_tab.get_by_role("button", name="Save the front sheet").click()
    assert FRONT_SHEET_SAVED in success_banner(other_tab)
    other_tab.close()

    # and then a different change in the other
    front_sheet_member(page, 1).get_by_label("First language").fill("Polish and English")
    page.get_by_role("button", name="Save the front sheet").click()

    # Then nothing is overwritten: the conflict page says who saved and what they changed,
    # with what this tab typed kept in the form
    page.get_by_text(
        "You saved the front sheet in another tab or window after you opened this page"
    ).wait_for()
    check_page(page, FRONT_SHEET, "conflict")
    banner = " ".join(page.locator(".govuk-notification-banner").inner_text().split())
    assert "You saved it there at" in banner and "Nothing has been overwritten." in banner
    assert "You changed: Family member: Dawn Hartwell — reading or other access needs" in banner
    assert front_sheet_member(page, 1).get_by_label("First language").input_value() == (
        "Polish and English"
    )
    dawn_now = scene.family.members.get(full_name="Dawn Hartwell")
    assert dawn_now.language == "Polish"
    assert dawn_now.access_needs == "Large print and someone to read reports aloud"

    # When they choose to save their version
    page.get_by_role("button", name="Save my version").click()

    # Then it is saved as the next version, and the family page lists all three
    assert FRONT_SHEET_SAVED in success_banner(page)
    check_page(page, FRONT_SHEET, "my version saved")
    assert [row[0] for row in table_rows(page, "Each saved change to the front sheet")] == [
        "3",
        "2",
        "1",
    ]
    dawn_now.refresh_from_db()
    assert dawn_now.language == "Polish and English"


# 4. Importing from the case system.


def test_the_unit_imports_families_from_the_case_systems_file(live_server, page, scene, tmp_path):
    site = live_server.url
    # Given the case system's file with one good row and one bad one (a date that does not exist)
    good = child("NS-2026-0301", "P-301", "Maya", "Whitfield", date_of_birth="3/4/2019")
    bad = child("NS-2026-0302", "P-302", "Theo", "Marsh", date_of_birth="31/4/2020")
    upload = tmp_path / "case-system-export.csv"
    upload.write_bytes(csv_bytes([good, bad]))
    sign_in(page, live_server, scene.unit)

    # When the unit uploads it from its home page
    page.get_by_role("link", name="Import families from the case system").click()
    check_page(page, IMPORT, "upload")
    page.get_by_label("Upload the case system's file").set_input_files(upload)
    page.get_by_role("button", name="Check the file").click()

    # Then the dry run names the row, the column and the problem, and imports nothing
    page.get_by_role("heading", name="The file cannot be imported").wait_for()
    check_page(page, IMPORT, "dry run with a problem")
    assert page.title().startswith("Error:")
    heading = page.get_by_role("heading", name="The file cannot be imported")
    assert page.locator(".govuk-error-summary").evaluate(
        "(summary, heading) => !!(summary.compareDocumentPosition(heading) & 4)",
        heading.element_handle(),
    ), "the error summary comes before the heading"
    assert table_rows(page, "Problems, row by row") == [["3", "date_of_birth", case_file.BAD_DATE]]
    assert page.get_by_role("button", name=re.compile("Import")).count() == 0
    assert not Family.objects.filter(case_reference__startswith="NS-2026-03").exists()

    # When they correct the file and upload it again
    bad["date_of_birth"] = "30/4/2020"
    upload.write_bytes(csv_bytes([good, bad, adult("NS-2026-0302", "A-302", "Erin", "Marsh")]))
    page.get_by_role("button", name="Upload a corrected file").click()
    page.get_by_label("Upload the case system's file").set_input_files(upload)
    page.get_by_role("button", name="Check the file").click()

    # Then the dry run is clean and says what will happen
    page.get_by_role("heading", name="Check what the import will do").wait_for()
    check_page(page, IMPORT, "dry run clean")
    assert "New families 2" in main_text(page)
    assert not Family.objects.filter(case_reference__startswith="NS-2026-03").exists()

    # When they import
    page.get_by_role("button", name="Import 2 families").click()

    # Then the families are there
    page.get_by_role("heading", name="Families imported").wait_for()
    check_page(page, IMPORT, "imported")
    assert "2 created, 0 updated, 0 unchanged" in main_text(page)
    marsh = Family.objects.get(local_authority=scene.authority, case_reference="NS-2026-0302")
    assert marsh.children.get().date_of_birth == dt.date(2020, 4, 30)
    assert marsh.members.get().full_name == "Erin Marsh"
    assert page.url.startswith(f"{site}/families/import/")

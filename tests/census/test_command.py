"""`cpconf cin_census`: the year's return for one authority, written only when the DfE schema
and rules accept it."""

import datetime as dt

import pytest
from django.core.management import CommandError, call_command
from lxml import etree

from cpconf.audit.models import AuditEvent
from cpconf.census.cin_return import schema_problems
from cpconf.census.models import ChildCensusDetails
from tests.census.builders import census_details, family_with_children, finalised_conference

pytestmark = pytest.mark.django_db


def run(tmp_path, authority="northshire", year=2027):
    out = tmp_path / "cin.xml"
    call_command("cin_census", authority=authority, year=year, out=str(out))
    return out


def children_by_id(document):
    return {
        child.findtext("ChildIdentifiers/LAchildID"): child
        for child in document.iterfind("Children/Child")
    }


def test_the_return_for_2027_covers_1_april_2026_to_31_march_2027_and_passes_the_schema(
    census_scene, tmp_path
):
    out = run(tmp_path)
    assert schema_problems(out.read_bytes()) == []
    document = etree.parse(str(out)).getroot()
    assert document.findtext("Header/CollectionDetails/Year") == "2027"
    assert document.findtext("Header/CollectionDetails/ReferenceDate") == "2027-03-31"
    children = children_by_id(document)
    scene = census_scene
    assert set(children) == {f"LA-{c.pk:05d}" for c in (scene.lily, scene.baby, scene.sam)}

    lily = children[f"LA-{scene.lily.pk:05d}"].find("CINdetails")
    assert lily.findtext("DateOfInitialCPC") == "2026-05-12"
    assert lily.findtext("Section47/S47ActualStartDate") == "2026-04-28"
    assert (
        lily.findtext("Section47/InitialCPCtarget") == "2026-05-20"
    )  # 15 working days (4 May a bank holiday)
    plan = lily.find("ChildProtectionPlans")
    assert [plan.findtext(e) for e in ("CPPstartDate", "CPPendDate")] == [
        "2026-05-12",
        "2027-02-15",
    ]
    assert plan.findtext("InitialCategoryOfAbuse") == "NEG"
    assert plan.findtext("LatestCategoryOfAbuse") == "MUL"
    assert plan.findtext("NumberOfPreviousCPP") == "1"
    assert [d.text for d in plan.iterfind("Reviews/CPPreviewDate")] == ["2026-08-10", "2027-02-15"]


def test_a_plan_from_before_the_year_that_ends_after_it_is_open_with_the_years_reviews(
    census_scene, tmp_path
):
    document = etree.parse(str(run(tmp_path))).getroot()
    sam = children_by_id(document)[f"LA-{census_scene.sam.pk:05d}"].find("CINdetails")
    plan = sam.find("ChildProtectionPlans")
    assert plan.findtext("CPPstartDate") == "2025-10-01"
    assert plan.find("CPPendDate") is None  # it ends on 1 June 2027, after the year
    assert [d.text for d in plan.iterfind("Reviews/CPPreviewDate")] == ["2026-07-01"]
    assert sam.find("Section47") is None  # its initial conference was the year before


def test_an_unborn_child_is_returned_with_the_expected_date(census_scene, tmp_path):
    document = etree.parse(str(run(tmp_path))).getroot()
    baby = children_by_id(document)[f"LA-{census_scene.baby.pk:05d}"]
    assert baby.findtext("ChildIdentifiers/ExpectedPersonBirthDate") == "2026-09-01"
    assert baby.find("ChildIdentifiers/PersonBirthDate") is None
    assert baby.findtext("ChildIdentifiers/GenderCurrent") == "0"
    assert baby.find("CINdetails/ChildProtectionPlans/CPPendDate") is None


def test_each_authority_returns_only_its_own_children(census_scene, tmp_path):
    document = etree.parse(str(run(tmp_path, "southvale"))).getroot()
    assert document.findtext("Header/Source/LEA") == "202"
    assert set(children_by_id(document)) == {f"LA-{census_scene.other_child.pk:05d}"}


def test_a_child_moving_authority_is_in_each_return_for_that_authoritys_plan(
    census_scene, tmp_path
):
    """Jo's plan in Northshire ends at a review when the family moves; Southvale's case
    system brings the family in as its own record, its transfer-in conference starts a new
    plan, and the plan from Northshire is entered as a plan before its records."""
    northshire_family, (jo,) = family_with_children(census_scene.authority, "Jo")
    initial = finalised_conference(
        northshire_family, dt.date(2026, 5, 1), {jo: ("plan_starts", ["emotional"])},
        strategy_discussion_on=dt.date(2026, 4, 20),
    )  # fmt: skip
    finalised_conference(
        northshire_family, dt.date(2026, 7, 20), {jo: ("ends_no_further_action", [])},
        previous=initial,
    )  # fmt: skip
    census_details(jo, la_child_id="NS-JO", plans_before_records=1)
    southvale_family, (jo_there,) = family_with_children(census_scene.other_authority, "Jo")
    finalised_conference(
        southvale_family, dt.date(2026, 8, 3), {jo_there: ("plan_starts", ["emotional"])},
        strategy_discussion_on=dt.date(2026, 7, 27),
    )  # fmt: skip
    census_details(jo_there, la_child_id="SV-JO", plans_before_records=2)

    north = children_by_id(etree.parse(str(run(tmp_path, "northshire"))).getroot())
    plan = north["NS-JO"].find("CINdetails/ChildProtectionPlans")
    assert (plan.findtext("CPPstartDate"), plan.findtext("CPPendDate")) == (
        "2026-05-01",
        "2026-07-20",
    )
    assert "SV-JO" not in north
    south = children_by_id(etree.parse(str(run(tmp_path, "southvale"))).getroot())
    plan = south["SV-JO"].find("CINdetails/ChildProtectionPlans")
    assert plan.findtext("CPPstartDate") == "2026-08-03"
    assert plan.find("CPPendDate") is None
    assert plan.findtext("NumberOfPreviousCPP") == "2"
    assert "NS-JO" not in south


def test_with_problems_no_file_is_written_and_each_is_listed_by_child_and_element(
    census_scene, tmp_path, capsys
):
    ChildCensusDetails.objects.filter(child=census_scene.lily).update(ethnicity="", upn_unknown="")
    ChildCensusDetails.objects.filter(child=census_scene.sam).delete()
    out = tmp_path / "cin.xml"
    with pytest.raises(CommandError) as refused:
        call_command("cin_census", authority="northshire", year=2027, out=str(out))
    assert refused.value.returncode == 1
    assert not out.exists()
    printed = capsys.readouterr().err
    assert "Lily" in printed and ": Ethnicity: Enter the child's ethnicity" in printed
    assert ": UPN: Enter the child's unique pupil number" in printed
    sam = [line for line in printed.splitlines() if line.startswith(census_scene.sam.full_name)]
    assert {line.split(": ")[1] for line in sam} >= {
        "LAchildID",
        "Ethnicity",
        "CINreferralDate",
        "NumberOfPreviousCPP",
    }
    assert AuditEvent.objects.filter(action="census_return_problems_listed").count() == 1


def test_the_command_refuses_an_unknown_authority(db, tmp_path):
    with pytest.raises(CommandError) as refused:
        run(tmp_path, "nowhere")
    assert refused.value.returncode == 2
    assert not (tmp_path / "cin.xml").exists()


def test_a_written_return_is_audited_under_the_authority(census_scene, tmp_path):
    run(tmp_path)
    event = AuditEvent.objects.get(action="census_return_made")
    assert event.local_authority_id == census_scene.authority.pk
    assert event.actor_label == "cpconf cin_census"


def test_a_corrected_record_corrects_the_return(census_scene, tmp_path):
    """The chair corrects the Carters' last review in the year: Sam's category was emotional
    abuse. The return reads the record's latest version."""
    from cpconf.conference_records.models import RecordVersion

    first = RecordVersion.objects.get(
        record__conference__starts_at__date=dt.date(2026, 7, 1),
        record__conference__family=census_scene.sam.family,
    )
    rows = [{"child_id": census_scene.sam.pk, "outcome": "plan_continues",
             "categories": ["emotional"]}]  # fmt: skip
    RecordVersion.objects.create(
        record=first.record,
        number=2,
        content={"decisions": {"children": rows}},
        fingerprint="1" * 64,
        finalised_by=first.finalised_by,
        finalised_at=first.finalised_at + dt.timedelta(days=1),
        correction_reason="The category was recorded wrongly.",
    )
    document = etree.parse(str(run(tmp_path))).getroot()
    sam = children_by_id(document)[f"LA-{census_scene.sam.pk:05d}"]
    plan = sam.find("CINdetails/ChildProtectionPlans")
    assert plan.findtext("InitialCategoryOfAbuse") == "PHY"
    assert plan.findtext("LatestCategoryOfAbuse") == "EMO"


@pytest.mark.parametrize("year", [1999, 2100])
def test_a_year_before_2000_or_not_yet_begun_is_refused(census_scene, tmp_path, year):
    with pytest.raises(CommandError, match="one that has begun"):
        call_command("cin_census", authority="northshire", year=year, out=str(tmp_path / "r.xml"))

    assert not (tmp_path / "r.xml").exists()

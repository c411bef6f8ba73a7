"""The census items the case system holds, imported from its CSV export: each child named by
the case system's reference for them, only the columns the file has changed, every row
checked as the Census details page checks it, all rows or none.

Given an authority whose children came from the case system (with its references),
when the unit imports a file of their UPNs, genders, ethnicities and the rest,
then each child's census details hold what the file says, the authority's and each
family's audit trails say so, and a file with any wrong row changes nothing and names each
problem by row and column.
"""

import datetime as dt
from io import StringIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse

from cpconf.accounts.models import Role
from cpconf.audit.models import AuditEvent
from cpconf.census.details_file import (
    CASE_REFERENCE,
    CHILD_REFERENCE,
    ITEM_COLUMNS,
    NO_SUCH_CHILD,
)
from cpconf.census.forms import ENTER_UPN, UPN_AND_REASON
from cpconf.census.models import ChildCensusDetails
from cpconf.census.services import child_census_details_import
from cpconf.families.case_file import BadFile
from cpconf.families.models import ExternalReference, Family, ReferenceKind
from tests.census.builders import census_details, family_with_children
from tests.factories import LocalAuthorityFactory, user_with_role
from tests.reports.concurrency import failures, press_at_once

pytestmark = pytest.mark.django_db

HEADER = ",".join(
    (CASE_REFERENCE, CHILD_REFERENCE, *(c for c in ITEM_COLUMNS if c != "la_child_id"))
)


@pytest.fixture
def children(db):
    """Northshire's Lily and Sam (case system references NS-1 for the family, C-100 and C-200
    for them), and Southvale's Ola (SV-1, C-300), each with census details the unit entered by
    hand."""
    northshire = LocalAuthorityFactory(name="Northshire", slug="northshire")
    southvale = LocalAuthorityFactory(name="Southvale", slug="southvale", policy_name="southvale")
    family, (lily, sam) = family_with_children(northshire, "Lily", "Sam")
    other, (ola,) = family_with_children(southvale, "Ola")
    Family.objects.filter(pk=family.pk).update(case_reference="NS-1")
    Family.objects.filter(pk=other.pk).update(case_reference="SV-1")
    for child, reference in ((lily, "C-100"), (sam, "C-200"), (ola, "C-300")):
        ExternalReference.objects.create(
            family=child.family, kind=ReferenceKind.CHILD, reference=reference, child=child
        )
        census_details(child)
    return {"authority": northshire, "lily": lily, "sam": sam, "ola": ola}


def csv_bytes(*lines: str, header: str = HEADER) -> bytes:
    return ("\n".join([header, *lines]) + "\n").encode()


def details_of(child) -> ChildCensusDetails:
    return ChildCensusDetails.objects.get(child=child)


def run(tmp_path, raw: bytes, *args: str) -> str:
    path = tmp_path / "census.csv"
    path.write_bytes(raw)
    out = StringIO()
    call_command("import_census_details", str(path), "--authority", "northshire", *args, stdout=out)
    return out.getvalue()


def test_each_child_gets_the_items_the_file_gives(tmp_path, children):
    raw = csv_bytes(
        "NS-1,C-100,a123456789012,,2,wbri,MOB; HAND,3/4/2026,1a,1",
        "NS-1,C-200,,UN2,1,WIRI,NONE,2026-05-01,3A,",
    )

    out = run(tmp_path, raw)

    lily, sam = details_of(children["lily"]), details_of(children["sam"])
    assert (lily.upn, lily.upn_unknown, lily.gender, lily.ethnicity) == (
        "A123456789012",
        "",
        "2",
        "WBRI",
    )
    assert lily.disabilities == ["MOB", "HAND"]
    assert (lily.referral_date, lily.referral_source) == (dt.date(2026, 4, 3), "1A")
    assert lily.plans_before_records == 1
    assert (sam.upn, sam.upn_unknown, sam.gender, sam.ethnicity) == ("", "UN2", "1", "WIRI")
    assert sam.plans_before_records is None
    assert "for 2 children" in out


def test_only_the_columns_the_file_has_are_changed(tmp_path, children):
    before = details_of(children["lily"])

    run(tmp_path, csv_bytes("NS-1,C-100,9", header="case_reference,child_reference,gender"))

    after = details_of(children["lily"])
    assert after.gender == "9"
    assert (after.upn, after.ethnicity, after.disabilities, after.referral_date) == (
        before.upn,
        before.ethnicity,
        before.disabilities,
        before.referral_date,
    )


def test_a_code_not_in_the_dfe_list_is_refused_naming_row_and_column(tmp_path, children):
    before = details_of(children["lily"]).gender

    with pytest.raises(CommandError) as refused:
        run(tmp_path, csv_bytes("NS-1,C-100,F", header="case_reference,child_reference,gender"))

    assert refused.value.returncode == 1
    assert details_of(children["lily"]).gender == before


def test_every_problem_is_listed_by_row_and_column_and_nothing_changes(tmp_path, children):
    before = {name: details_of(children[name]).upn for name in ("lily", "sam")}
    raw = csv_bytes(
        "NS-1,C-100,B999,,,,,,,",  # a UPN of the wrong shape
        "NS-1,C-200,A123456789012,UN1,,,,,,",  # a UPN and the reason it is not known
        "SV-1,C-300,A123456789013,,,,,,,",  # Southvale's child
        "NS-1,C-100,A123456789014,,,,,31/4/2026,,",  # Lily again, with no such date
    )
    out = StringIO()

    with pytest.raises(CommandError) as refused:
        path = tmp_path / "census.csv"
        path.write_bytes(raw)
        call_command("import_census_details", str(path), "--authority", "northshire", stdout=out)

    lines = out.getvalue().splitlines()
    assert f"row 2, column upn: {ENTER_UPN}" in lines
    assert f"row 3, column upn_unknown: {UPN_AND_REASON}" in lines
    assert (
        "row 4, column child_reference: "
        + NO_SUCH_CHILD % {"family": "SV-1", "authority": "Northshire", "reference": "C-300"}
        in lines
    )
    assert any(line.startswith("row 5, column referral_date:") for line in lines)
    assert "4 problem(s)" in str(refused.value)
    assert {name: details_of(children[name]).upn for name in ("lily", "sam")} == before


def test_the_same_child_twice_is_refused(tmp_path, children):
    raw = csv_bytes("NS-1,C-100,1", "NS-1,C-100,2", header="case_reference,child_reference,gender")
    out = StringIO()
    path = tmp_path / "census.csv"
    path.write_bytes(raw)

    with pytest.raises(CommandError):
        call_command("import_census_details", str(path), "--authority", "northshire", stdout=out)

    assert "row 3, column child_reference: The same child is also on row 2" in out.getvalue()


def test_a_childs_reference_is_looked_for_in_its_own_family_only(tmp_path, children):
    # The case system numbers each family's children from C-100: Ola's family has its own.
    _family, (ben,) = family_with_children(children["authority"], "Ben")
    Family.objects.filter(pk=ben.family_id).update(case_reference="NS-3")
    ExternalReference.objects.create(
        family=ben.family, kind=ReferenceKind.CHILD, reference="C-100", child=ben
    )

    run(tmp_path, csv_bytes("NS-3,C-100,9", header="case_reference,child_reference,gender"))

    assert details_of(children["lily"]).gender != "9"
    assert ChildCensusDetails.objects.get(child=ben).gender == "9"


def test_a_upn_given_replaces_the_reason_it_was_not_known(tmp_path, children):
    assert details_of(children["sam"]).upn_unknown == "UN5"

    run(
        tmp_path, csv_bytes("NS-1,C-200,A123456789012", header="case_reference,child_reference,upn")
    )

    sam = details_of(children["sam"])
    assert (sam.upn, sam.upn_unknown) == ("A123456789012", "")


def test_a_blank_cell_clears_the_item(tmp_path, children):
    run(tmp_path, csv_bytes("NS-1,C-100,", header="case_reference,child_reference,ethnicity"))

    assert details_of(children["lily"]).ethnicity == ""


def test_a_dry_run_changes_nothing(tmp_path, children):
    before = details_of(children["lily"]).gender

    out = run(
        tmp_path,
        csv_bytes("NS-1,C-100,9", header="case_reference,child_reference,gender"),
        "--dry-run",
    )

    assert details_of(children["lily"]).gender == before
    assert "Nothing was changed" in out


def test_the_import_is_audited_for_the_authority_and_each_family(tmp_path, children):
    run(
        tmp_path,
        csv_bytes("NS-1,C-100,9", "NS-1,C-200,9", header="case_reference,child_reference,gender"),
    )

    family = children["lily"].family
    assert AuditEvent.objects.filter(
        action="census_details_imported", local_authority_id=children["authority"].pk
    ).exists()
    assert (
        AuditEvent.objects.filter(action="child_census_details_imported", family_id=family.pk)
        .values_list("actor_label", flat=True)
        .get()
        == "cpconf import_census_details"
    )


@pytest.mark.parametrize(
    ("raw", "why"),
    [
        (b"", "empty"),
        (b"case_reference,child_reference,gender\nNS-1,\xff\xfe,1\n", "not UTF-8"),
        (b"case_reference,reference,gender\nNS-1,C-100,1\n", "no child_reference column"),
        (b"child_reference,gender\nC-100,1\n", "no case_reference column"),
        (b"case_reference,child_reference,shoe_size\nNS-1,C-100,4\n", "no census column"),
    ],
)
def test_a_file_that_cannot_be_read_says_why(children, raw, why):
    with pytest.raises(BadFile):
        child_census_details_import(authority=children["authority"], raw=raw, actor=None)


def test_an_unknown_authority_is_refused(tmp_path, children):
    path = tmp_path / "census.csv"
    path.write_bytes(csv_bytes("NS-1,C-100,1", header="case_reference,child_reference,gender"))

    with pytest.raises(CommandError) as refused:
        call_command("import_census_details", str(path), "--authority", "westmarch")

    assert refused.value.returncode == 2


@pytest.mark.django_db(transaction=True)
def test_the_same_file_sent_many_times_at_once_sets_each_child_once(children):
    # A child with no census details yet: each press would add them.
    _family, (nell,) = family_with_children(children["authority"], "Nell")
    Family.objects.filter(pk=nell.family_id).update(case_reference="NS-2")
    ExternalReference.objects.create(
        family=nell.family, kind=ReferenceKind.CHILD, reference="C-400", child=nell
    )
    unit = user_with_role(Role.UNIT_ADMINISTRATOR, children["authority"])
    url = reverse("census:details_import", args=["northshire"])
    raw = csv_bytes("NS-2,C-400,2", "NS-1,C-100,2", header="case_reference,child_reference,gender")

    results = press_at_once(
        unit, lambda client: client.post(url, {"file": SimpleUploadedFile("c.csv", raw)})
    )

    assert failures(results) == []
    assert ChildCensusDetails.objects.filter(child=nell).get().gender == "2"

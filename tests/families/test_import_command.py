"""`cpconf import_families`: a dry run names every problem and changes nothing; a real run is
all or nothing, and running it twice changes nothing; a file that cannot be read is one
clear line and exit 2."""

import datetime as dt
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from cpconf.accounts.models import Role
from cpconf.audit.models import AuditEvent
from cpconf.families import case_file
from cpconf.families.dates import BIRTH_IN_PAST, BIRTH_OR_EXPECTED_NOT_BOTH
from cpconf.families.models import Child, ExternalReference, Family, FamilyMember, FrontSheetVersion
from tests.factories import FamilyFactory, LocalAuthorityFactory, user_with_role
from tests.families.case_files import adult, ashdowns, child, csv_bytes

pytestmark = pytest.mark.django_db


@pytest.fixture
def authority():
    return LocalAuthorityFactory(slug="northshire-test")


def run(tmp_path, content: bytes, *args: str) -> str:
    path = tmp_path / "families.csv"
    path.write_bytes(content)
    out = StringIO()
    call_command("import_families", str(path), "--authority", "northshire-test", *args, stdout=out)
    return out.getvalue()


def counts() -> tuple[int, ...]:
    return (
        Family.objects.count(),
        Child.objects.count(),
        FamilyMember.objects.count(),
        ExternalReference.objects.count(),
        FrontSheetVersion.objects.count(),
    )


def test_an_import_creates_families_children_and_members(tmp_path, authority):
    output = run(tmp_path, csv_bytes(ashdowns("CS-1") + ashdowns("CS-2")))

    assert "Imported 8 rows: 2 families created, 0 updated, 0 unchanged." in output
    family = Family.objects.get(local_authority=authority, case_reference="CS-1")
    assert family.name == "Ashdown"
    assert sorted(family.children.values_list("given_name", "date_of_birth")) == [
        ("Leo", dt.date(2021, 9, 14)),
        ("Mia", dt.date(2019, 4, 3)),
    ]
    tomasz = family.members.get(full_name="Tomasz Nowak")
    assert (tomasz.relationship, tomasz.language, tomasz.needs_interpreter) == (
        "partner",
        "Polish",
        True,
    )
    assert family.members.get(full_name="Karen Ashdown").access_needs == "Large print"
    assert family.front_sheet_versions.get().number == 1


def test_running_it_twice_changes_nothing(tmp_path, authority):
    content = csv_bytes(ashdowns("CS-1"))
    run(tmp_path, content)
    before = counts()

    output = run(tmp_path, content)

    assert "0 families created, 0 updated, 1 unchanged" in output
    assert counts() == before


def test_a_changed_row_updates_that_person_only(tmp_path, authority):
    rows = ashdowns("CS-1")
    run(tmp_path, csv_bytes(rows))
    rows[2]["access_needs"] = "Easy read"
    rows[0]["given_name"] = "Amelia"

    output = run(tmp_path, csv_bytes(rows))

    assert "0 families created, 1 updated, 0 unchanged" in output
    family = Family.objects.get(case_reference="CS-1")
    assert family.children.count() == 2
    assert family.children.filter(given_name="Amelia").exists()
    assert family.members.get(full_name="Karen Ashdown").access_needs == "Easy read"
    latest = family.front_sheet_versions.order_by("-number").first()
    assert latest.number == 2
    assert {(c["part"], c["name"], tuple(c.get("fields", ()))) for c in latest.changes} == {
        ("children", "Amelia Ashdown", ("given_name",)),
        ("members", "Karen Ashdown", ("access_needs",)),
    }


def test_a_dry_run_changes_nothing_and_says_what_would_happen(tmp_path, authority):
    output = run(tmp_path, csv_bytes(ashdowns("CS-1")), "--dry-run")

    assert "1 families to create" in output and "Nothing was changed (dry run)." in output
    assert counts() == (0, 0, 0, 0, 0)


def test_a_dry_run_lists_every_problem_by_row_and_column(tmp_path, authority):
    rows = ashdowns("CS-1")
    rows[0]["date_of_birth"] = "2099-01-01"
    rows[1]["expected_date"] = "1/12/2099"  # and a date of birth: both
    rows[2]["relationship"] = "neighbour"
    rows[3]["interpreter_needed"] = "perhaps"
    rows.append(child("CS-1", "P-1", "Mia", "Ashdown"))  # the same person again

    with pytest.raises(CommandError) as refused:
        run(tmp_path, csv_bytes(rows), "--dry-run")

    assert refused.value.returncode == 1
    assert "5 problem(s)" in str(refused.value)
    assert counts() == (0, 0, 0, 0, 0)


def test_each_problem_is_printed_as_row_column_problem(tmp_path, authority, capsys):
    rows = ashdowns("CS-1")
    rows[0]["date_of_birth"] = "2099-01-01"
    rows[1]["expected_date"] = "1/12/2099"
    rows[3]["interpreter_needed"] = "perhaps"
    path = tmp_path / "families.csv"
    path.write_bytes(csv_bytes(rows))
    out = StringIO()

    with pytest.raises(CommandError):
        call_command(
            "import_families", str(path), "--authority", "northshire-test", "--dry-run", stdout=out
        )

    assert out.getvalue().splitlines() == [
        f"row 2, column date_of_birth: {BIRTH_IN_PAST}",
        f"row 3, column expected_date: {BIRTH_OR_EXPECTED_NOT_BOTH}",
        f"row 5, column interpreter_needed: {case_file.BAD_YES_NO}",
    ]


def test_a_real_run_with_one_bad_row_imports_nothing(tmp_path, authority):
    rows = ashdowns("CS-1") + ashdowns("CS-2")
    rows[-1]["relationship"] = "neighbour"

    with pytest.raises(CommandError) as refused:
        run(tmp_path, csv_bytes(rows))

    assert refused.value.returncode == 1
    assert counts() == (0, 0, 0, 0, 0)
    assert AuditEvent.objects.filter(action="families_imported", outcome="failed").exists()


def test_a_new_family_needs_a_child(tmp_path, authority):
    rows = [adult("CS-9", "A-1", "Karen", "Ashdown")]

    with pytest.raises(CommandError):
        run(tmp_path, csv_bytes(rows), "--dry-run")


def test_an_existing_family_can_be_sent_with_adults_only(tmp_path, authority):
    run(tmp_path, csv_bytes(ashdowns("CS-1")))

    run(tmp_path, csv_bytes([adult("CS-1", "A-9", "Grace", "Ashdown", relationship="grandparent")]))

    assert Family.objects.get(case_reference="CS-1").members.count() == 3


def test_the_same_case_reference_in_another_authority_is_another_family(tmp_path, authority):
    elsewhere = FamilyFactory(case_reference="CS-1")  # another authority's

    run(tmp_path, csv_bytes(ashdowns("CS-1")))

    assert elsewhere.children.count() == 0
    assert Family.objects.filter(case_reference="CS-1").count() == 2
    assert (
        Family.objects.get(case_reference="CS-1", local_authority=authority).children.count() == 2
    )


def test_a_social_worker_of_the_authority_is_allocated(tmp_path, authority):
    worker = user_with_role(Role.SOCIAL_WORKER, authority, email="sam.worker@example.test")
    rows = ashdowns("CS-1")
    rows[0]["allocated_social_worker"] = "Sam.Worker@example.test"
    header = (*rows[0].keys(),)

    run(tmp_path, csv_bytes(rows, header=header))

    assert Family.objects.get(case_reference="CS-1").allocated_social_worker == worker


def test_each_family_imported_is_audited_under_it(tmp_path, authority):
    run(tmp_path, csv_bytes(ashdowns("CS-1")))

    family = Family.objects.get(case_reference="CS-1")
    event = AuditEvent.objects.get(family_id=family.pk, action="family_imported_created")
    assert event.actor_label == "cpconf import_families"
    assert event.local_authority_id == authority.pk
    assert AuditEvent.objects.filter(action="families_imported", outcome="success").exists()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", case_file.EMPTY_FILE),
        (b"case_reference,record_type\nCS-1,child\n", "has no column called reference"),
        ("\N{POUND SIGN}".encode("latin-1") + csv_bytes(ashdowns()), case_file.NOT_UTF8),
        (b"PK\x03\x04\x00\x00binary spreadsheet", case_file.NOT_CSV),
        (csv_bytes([])[:-1] + b"\n", case_file.NO_ROWS),
    ],
    ids=["empty", "missing columns", "not utf-8", "not csv", "no rows"],
)
def test_a_file_that_cannot_be_read_is_one_line_and_exit_2(tmp_path, authority, content, message):
    with pytest.raises(CommandError) as refused:
        run(tmp_path, content)

    assert refused.value.returncode == 2
    assert message.split("%")[0] in str(refused.value)
    assert len(str(refused.value).splitlines()) == 1
    assert counts() == (0, 0, 0, 0, 0)


def test_an_unknown_authority_is_exit_2(tmp_path, authority):
    path = tmp_path / "families.csv"
    path.write_bytes(csv_bytes(ashdowns()))

    with pytest.raises(CommandError) as refused:
        call_command("import_families", str(path), "--authority", "nowhere")

    assert refused.value.returncode == 2


def test_the_audit_trail_still_verifies_after_an_import(tmp_path, authority):
    run(tmp_path, csv_bytes(ashdowns("CS-1") + ashdowns("CS-2") + ashdowns("CS-3")))
    out = StringIO()

    call_command("verify_audit", stdout=out)

    assert "Audit trail OK" in out.getvalue()
    sequences = list(AuditEvent.objects.order_by("sequence").values_list("sequence", flat=True))
    assert sequences == list(range(1, len(sequences) + 1))
    assert AuditEvent.objects.filter(action="family_imported_created").count() == 3

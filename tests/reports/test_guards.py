"""Given a signed report version, when anyone goes around the application with SQL, then the
database refuses to change it, remove it or put another in its place — on SQLite and on
PostgreSQL alike — except inside retention destruction (decision 7)."""

import pytest
from django.core.management import call_command
from django.db import IntegrityError, connection, transaction

from cpconf.dataprotection.frozen_versions import versions_destroyable
from cpconf.reports.models import ReportVersion
from tests.report_scene import build_scene, complete, start, submit

pytestmark = pytest.mark.django_db

REFUSED = "a submitted report version is never changed"
TABLE = "reports_reportversion"


def refused(sql: str, params: list | tuple = ()) -> str:
    """Run raw SQL that the database must refuse; the refusal's message."""
    with (
        pytest.raises(IntegrityError) as refusal,
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute(sql, params)
    return str(refusal.value)


@pytest.fixture
def version(scene) -> ReportVersion:
    return submit(complete(start(scene)))


def test_an_update_is_refused(version):
    message = refused(
        "UPDATE reports_reportversion SET signed_name = %s WHERE id = %s", ["Mallory", version.pk]
    )

    assert REFUSED in message
    assert ReportVersion.objects.get(pk=version.pk).signed_name == "Priya Shah"


def test_a_delete_is_refused(version):
    message = refused("DELETE FROM reports_reportversion WHERE id = %s", [version.pk])

    assert REFUSED in message
    assert ReportVersion.objects.filter(pk=version.pk).exists()


def test_deleting_and_inserting_a_different_version_is_refused(version):
    """The way around an UPDATE guard: take the row out and put a changed copy back."""
    columns = [f.column for f in ReportVersion._meta.concrete_fields]
    names = ", ".join(columns)
    copied = ", ".join("%s" if c == "signed_name" else c for c in columns)

    assert REFUSED in refused("DELETE FROM reports_reportversion WHERE id = %s", [version.pk])
    # The row is still there, so the copy is refused too (by the guard on SQLite, by the
    # primary key on PostgreSQL).
    refused(
        f"INSERT INTO {TABLE} ({names}) SELECT {copied} FROM {TABLE} WHERE id = %s",  # noqa: S608
        ["Mallory", version.pk],
    )

    assert ReportVersion.objects.get(pk=version.pk).signed_name == "Priya Shah"


def test_replacing_a_version_in_one_statement_is_refused(version):
    """SQLite's INSERT OR REPLACE deletes the row it displaces without firing delete
    triggers; PostgreSQL's nearest, ON CONFLICT DO UPDATE, is an update."""
    columns = [f.column for f in ReportVersion._meta.concrete_fields]
    names = ", ".join(columns)
    copied = ", ".join("%s" if c == "signed_name" else c for c in columns)
    select = f"SELECT {copied} FROM {TABLE} WHERE id = %s"  # noqa: S608
    if connection.vendor == "sqlite":
        sql = f"INSERT OR REPLACE INTO {TABLE} ({names}) {select}"
    else:
        sql = (
            f"INSERT INTO {TABLE} ({names}) {select} "
            "ON CONFLICT (id) DO UPDATE SET signed_name = EXCLUDED.signed_name"
        )

    message = refused(sql, ["Mallory", version.pk])

    assert REFUSED in message
    assert ReportVersion.objects.get(pk=version.pk).signed_name == "Priya Shah"


def test_a_second_version_of_the_same_number_is_refused(version):
    with pytest.raises(IntegrityError), transaction.atomic():
        ReportVersion.objects.create(
            report=version.report,
            number=version.number,
            content={"form": "changed", "parts": {}},
            fingerprint="0" * 64,
            signed_name="Mallory",
            signed_role="None",
            signed_at=version.signed_at,
        )
    assert ReportVersion.objects.get(report=version.report).signed_name == "Priya Shah"


def test_retention_destruction_may_delete_and_the_guard_is_back_afterwards(version, scene):
    other = submit(complete(start(scene, author=scene.colleague)))
    with transaction.atomic():
        with versions_destroyable(), connection.cursor() as cursor:
            cursor.execute("DELETE FROM reports_reportversion WHERE id = %s", [other.pk])
        # Still in the destroying transaction, but the block is over: refused again.
        refused("DELETE FROM reports_reportversion WHERE id = %s", [version.pk])

    assert not ReportVersion.objects.filter(pk=other.pk).exists()
    assert ReportVersion.objects.filter(pk=version.pk).exists()


def test_even_inside_destruction_an_update_is_refused(version):
    with transaction.atomic(), versions_destroyable():
        message = refused(
            "UPDATE reports_reportversion SET signed_name = %s WHERE id = %s",
            ["Mallory", version.pk],
        )

    assert REFUSED in message


def test_a_failed_destruction_leaves_no_permit_behind(version):
    with pytest.raises(RuntimeError), transaction.atomic(), versions_destroyable():
        raise RuntimeError("destruction failed part way")

    refused("DELETE FROM reports_reportversion WHERE id = %s", [version.pk])
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("SELECT COUNT(*) FROM dataprotection_destruction_permit")
            assert cursor.fetchone() == (0,)


@pytest.mark.django_db(transaction=True)
def test_the_test_flush_empties_guarded_tables_and_keeps_the_guard(scene):
    submit(complete(start(scene)))

    call_command("flush", interactive=False, verbosity=0)

    assert not ReportVersion.objects.exists()
    version = submit(complete(start(build_scene())))
    refused("DELETE FROM reports_reportversion WHERE id = %s", [version.pk])

"""`cpconf restore_check`, the deployment guide's proof that backups restore: it restores
into a fresh database, compares every table's rows and checks the copy's audit chain ends
where the source's does. On PostgreSQL only (what production runs); elsewhere it says so."""

import subprocess
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from cpconf.audit.models import AuditEvent
from tests.report_scene import complete, start, submit

pytestmark = pytest.mark.django_db(transaction=True)
# The restore check restores PostgreSQL dumps: these run in the PostgreSQL run.
postgres_only = pytest.mark.postgres


def copies_left() -> list[str]:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT datname FROM pg_database WHERE datname LIKE 'cpconf_restore_check_%%'"
        )
        return [row[0] for row in cursor.fetchall()]


@postgres_only
def test_a_fresh_backup_restores_with_every_row_and_the_same_audit_chain_end(scene):
    submit(complete(start(scene)))
    before = copies_left()
    out = StringIO()
    call_command("restore_check", stdout=out)
    text = out.getvalue()
    assert "Restore check OK" in text
    assert "(the same as the source)" in text
    last = AuditEvent.objects.order_by("-sequence").first()
    assert f"intact to sequence {last.sequence}, which matches the source" in text
    assert "reports_reportversion" in text and "differs" not in text
    assert copies_left() == before  # the copy is dropped


@postgres_only
def test_last_nights_dump_file_is_checked_against_the_live_trail(scene, tmp_path):
    start(scene)
    settings = connection.settings_dict
    dump = tmp_path / "nightly.dump"
    subprocess.run(
        [
            "pg_dump",
            "-h",
            settings["HOST"] or "127.0.0.1",
            "-p",
            str(settings["PORT"] or 5432),
            "-U",
            settings["USER"] or "postgres",
            "-Fc",
            "-f",
            str(dump),
            settings["NAME"],
        ],
        check=True,
    )
    submit(complete(start(scene)))  # the live system moves on after the backup
    out = StringIO()
    call_command("restore_check", "--dump", str(dump), stdout=out)
    assert "Restore check OK" in out.getvalue()
    assert "differs" in out.getvalue()  # more rows live than in last night's backup


@postgres_only
def test_a_file_that_is_not_a_backup_fails_the_check(tmp_path):
    broken = tmp_path / "broken.dump"
    broken.write_bytes(b"not a dump")
    before = copies_left()
    with pytest.raises(CommandError, match="pg_restore failed"):
        call_command("restore_check", "--dump", str(broken), stdout=StringIO())
    assert copies_left() == before


@pytest.mark.sqlite
def test_on_sqlite_the_check_says_it_needs_postgresql():
    with pytest.raises(CommandError, match="needs PostgreSQL"):
        call_command("restore_check", stdout=StringIO())

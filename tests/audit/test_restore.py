"""A backup is only as good as a restore: back the database up the way the README says,
restore it somewhere new, and check the restored copy holds the same records and an intact
audit chain (run by `cpconf verify_audit` against the copy, in its own process)."""

import os
import sqlite3
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from django.db import connection

from cpconf.audit.models import AuditEvent
from cpconf.reports.models import ReportVersion
from tests.report_scene import complete, start, submit

pytestmark = pytest.mark.django_db(transaction=True)


def verify_copy(database_url: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "cpconf", "verify_audit"],
        capture_output=True,
        text=True,
        env={**os.environ, "CPCONF_ENV": "test", "DATABASE_URL": database_url},
        check=False,
    )


def count_in_copy(database_url: str, model: str) -> int:
    code = (
        "import django; django.setup(); from django.apps import apps; "
        f"print(apps.get_model({model!r})._default_manager.count())"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env={
            **os.environ,
            "CPCONF_ENV": "test",
            "DATABASE_URL": database_url,
            "DJANGO_SETTINGS_MODULE": "cpconf.settings",
        },
        check=True,
    )
    return int(result.stdout.strip())


def back_up_and_restore(tmp_path: Path) -> str:
    """The README's procedure for this database; returns the restored copy's URL."""
    settings = connection.settings_dict
    if connection.vendor == "sqlite":
        copy = tmp_path / "restored.sqlite3"
        with sqlite3.connect(copy) as target:
            connection.connection.backup(target)
        return f"sqlite:///{copy}"
    dump = tmp_path / "cpconf.dump"
    server = ["-h", settings["HOST"] or "127.0.0.1", "-p", str(settings["PORT"] or 5432)]
    user = ["-U", settings["USER"] or "postgres"]
    restored = f"cpconf_restore_{uuid.uuid4().hex[:8]}"
    subprocess.run(
        ["pg_dump", *server, *user, "-Fc", "-f", str(dump), settings["NAME"]], check=True
    )
    subprocess.run(["createdb", *server, *user, restored], check=True)
    subprocess.run(
        ["pg_restore", *server, *user, "--no-owner", "-d", restored, str(dump)], check=True
    )
    return f"postgres://{settings['USER'] or 'postgres'}@{server[1]}:{server[3]}/{restored}"


def drop_copy(database_url: str) -> None:
    if database_url.startswith("postgres://"):
        name = database_url.rsplit("/", 1)[1]
        host, port = database_url.split("@", 1)[1].split("/", 1)[0].split(":")
        subprocess.run(
            ["dropdb", "-h", host, "-p", port, "-U", "postgres", "--if-exists", name], check=True
        )


def test_a_restored_backup_has_every_record_and_an_intact_audit_chain(scene, tmp_path):
    submit(complete(start(scene)))
    events = AuditEvent.objects.count()
    versions = ReportVersion.objects.count()
    assert events > 10 and versions == 1

    copy = back_up_and_restore(tmp_path)
    try:
        verified = verify_copy(copy)
        assert verified.returncode == 0, verified.stderr
        assert f"Audit trail OK: {events} events" in verified.stdout
        assert count_in_copy(copy, "reports.ReportVersion") == versions
        assert count_in_copy(copy, "audit.AuditEvent") == events
    finally:
        drop_copy(copy)

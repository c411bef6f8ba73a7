"""A backup is only as good as a restore: back the database up the way the README says,
restore it somewhere new, and check the restored copy holds the same records, row for row in
every table, and an intact audit chain (run by `cpconf verify_audit` against the copy, in its
own process)."""

import contextlib
import hashlib
import os
import sqlite3
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import dj_database_url
import psycopg
import pytest
from django.db import connection

from cpconf.audit.models import AuditEvent
from cpconf.families.models import Family
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


def row_queries() -> dict[str, str]:
    """For every table of the app, a query giving each row as one piece of text, ordered by
    the primary key. The database writes the text (PostgreSQL's row literal, SQLite's
    `quote()` of each column), so the driver's conversions cannot make equal rows differ."""
    quote = connection.ops.quote_name
    queries = {}
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            order = connection.introspection.get_primary_key_columns(cursor, table) or []
            if connection.vendor == "postgresql":
                row = "t::text"
            else:
                columns = connection.introspection.get_table_description(cursor, table)
                row = " || ',' || ".join(f"quote(t.{quote(c.name)})" for c in columns)
            order_by = ", ".join(f"t.{quote(c)}" for c in order) or "1"
            queries[table] = f"SELECT {row} FROM {quote(table)} AS t ORDER BY {order_by}"  # noqa: S608
    return queries


def table_checksums(cursor: Any, queries: dict[str, str]) -> dict[str, tuple[int, str]]:
    """Each table's row count and the SHA-256 of its rows in order."""
    checksums = {}
    for table, query in queries.items():
        cursor.execute(query)
        digest, count = hashlib.sha256(), 0
        for (row,) in cursor.fetchall():
            digest.update(f"{row}\n".encode())
            count += 1
        checksums[table] = (count, digest.hexdigest())
    return checksums


@contextlib.contextmanager
def copy_cursor(database_url: str) -> Iterator[Any]:
    """A plain DB-API cursor on the restored copy (Django's connection is the source's)."""
    settings = dj_database_url.parse(database_url)
    if settings["ENGINE"].endswith("sqlite3"):
        opened: Any = sqlite3.connect(settings["NAME"], isolation_level=None)
    else:
        opened = psycopg.connect(
            host=settings["HOST"],
            port=settings["PORT"],
            user=settings["USER"],
            dbname=settings["NAME"],
            autocommit=True,
            # Timestamps are written out in the session's time zone: the source's.
            options=f"-c TimeZone={connection.timezone_name}",
        )
    with contextlib.closing(opened):
        cursor = opened.cursor()
        try:
            yield cursor
        finally:
            cursor.close()


def differing(before: dict[str, tuple[int, str]], after: dict[str, tuple[int, str]]) -> list:
    return sorted(
        table for table in before.keys() | after.keys() if before.get(table) != after.get(table)
    )


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
    queries = row_queries()
    with connection.cursor() as cursor:
        before = table_checksums(cursor, queries)

    copy = back_up_and_restore(tmp_path)
    try:
        verified = verify_copy(copy)
        assert verified.returncode == 0, verified.stderr
        assert f"Audit trail OK: {events} events" in verified.stdout
        assert count_in_copy(copy, "reports.ReportVersion") == versions
        assert count_in_copy(copy, "audit.AuditEvent") == events
        with copy_cursor(copy) as cursor:
            restored = table_checksums(cursor, queries)
            # Every table, every row, the same.
            assert differing(before, restored) == []
            assert before[ReportVersion._meta.db_table][0] == versions
            assert before[AuditEvent._meta.db_table][0] == events

            # One changed row in the copy is found, in its table and nowhere else.
            family = Family._meta.db_table
            cursor.execute(
                f"UPDATE {connection.ops.quote_name(family)} SET name = 'Changed' "  # noqa: S608
                f"WHERE id = {scene.family.pk}"
            )
            assert differing(before, table_checksums(cursor, queries)) == [family]
    finally:
        drop_copy(copy)

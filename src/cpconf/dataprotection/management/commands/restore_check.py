"""`cpconf restore_check`: prove a backup restores. Restores into a fresh database on the same
PostgreSQL server, compares every table's row count with the source, and checks the
restored audit trail's hash chain (`cpconf verify_audit`, run against the copy in its own
process) ends at the same event as the source's.

    cpconf restore_check                       # dump the live database now, and check that
    cpconf restore_check --dump nightly.dump   # check last night's pg_dump -Fc file

Without ``--dump`` it takes the dump itself, inside one REPEATABLE READ snapshot that the row
counts are taken in too (``pg_dump --snapshot``), so the counts must match exactly even while
people keep working. With ``--dump`` the source has moved on since the backup: counts are
shown side by side, and the check is that the copy's chain is intact and its last event is
the live trail's event of the same sequence, hash for hash. The copy is dropped afterwards
unless ``--keep``. Exits 1 on any difference. Needs pg_dump, pg_restore, createdb and dropdb
of the server's major version on the PATH.
"""

import os
import re
import secrets
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connection

VERIFIED = re.compile(r"Audit trail OK: (\d+) events, last sequence (\d+), last hash (\w+)")
EMPTY_TRAIL = "Audit trail OK: 0 events"
LAST_EVENT = "SELECT sequence, hash FROM audit_auditevent ORDER BY sequence DESC LIMIT 1"


@dataclass(frozen=True)
class Server:
    host: str
    port: str
    user: str
    password: str

    @classmethod
    def from_settings(cls, settings: dict[str, Any]) -> "Server":
        return cls(
            str(settings.get("HOST") or "127.0.0.1"),
            str(settings.get("PORT") or "5432"),
            str(settings.get("USER") or "postgres"),
            str(settings.get("PASSWORD") or ""),
        )

    def tool(self, name: str, *args: str) -> list[str]:
        return [name, "-h", self.host, "-p", self.port, "-U", self.user, *args]

    def environment(self) -> dict[str, str]:
        return {**os.environ, "PGPASSWORD": self.password} if self.password else dict(os.environ)

    def url(self, database: str) -> str:
        secret = f":{quote(self.password, safe='')}" if self.password else ""
        return f"postgres://{quote(self.user, safe='')}{secret}@{self.host}:{self.port}/{database}"

    def connect(self, database: str) -> Any:
        import psycopg

        return psycopg.connect(
            host=self.host,
            port=self.port,
            user=self.user,
            password=self.password or None,
            dbname=database,
        )


def table_counts(cursor: Any) -> dict[str, int]:
    from psycopg import sql  # PostgreSQL only, like the rest of this command

    cursor.execute(
        "SELECT table_name FROM information_schema.tables "
        "WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name"
    )
    tables = [row[0] for row in cursor.fetchall()]
    counts = {}
    for table in tables:
        cursor.execute(sql.SQL("SELECT count(*) FROM {}").format(sql.Identifier(table)))
        counts[table] = cursor.fetchone()[0]
    return counts


def last_event(cursor: Any, sequence: int | None = None) -> tuple[int, str] | None:
    if sequence is None:
        cursor.execute(LAST_EVENT)
    else:
        cursor.execute(
            "SELECT sequence, hash FROM audit_auditevent WHERE sequence = %s", [sequence]
        )
    row = cursor.fetchone()
    return (int(row[0]), str(row[1])) if row else None


class Command(BaseCommand):
    help = "Restore a backup into a fresh database; compare row counts and the audit chain."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--dump", help="A pg_dump -Fc file to check (default: dump now).")
        parser.add_argument(
            "--keep", action="store_true", help="Keep the restored copy instead of dropping it."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if connection.vendor != "postgresql":
            raise CommandError("The restore check needs PostgreSQL (DATABASE_URL=postgres://...).")
        settings = connection.settings_dict
        server = Server.from_settings(settings)
        source = str(settings["NAME"])
        copy = f"cpconf_restore_check_{secrets.token_hex(4)}"
        with tempfile.TemporaryDirectory(prefix="cpconf-restore-") as folder:
            if options["dump"]:
                dump = Path(options["dump"])
                if not dump.is_file():
                    raise CommandError(f"There is no dump file at {dump}.")
                exact = False
                with server.connect(source) as live, live.cursor() as cursor:
                    expected = table_counts(cursor)
            else:
                dump = Path(folder) / "cpconf.dump"
                exact = True
                expected, source_last = self._dump_in_one_snapshot(server, source, dump)
            self._run(server.tool("createdb", copy), server)
            try:
                self._run(
                    server.tool(
                        "pg_restore",
                        "--no-owner",
                        "--no-privileges",
                        "--exit-on-error",
                        "-d",
                        copy,
                        str(dump),
                    ),
                    server,
                )
                with server.connect(copy) as restored, restored.cursor() as cursor:
                    found = table_counts(cursor)
                    copy_last = last_event(cursor)
                verified = self._verify_copy(server.url(copy))
                if not exact:
                    with server.connect(source) as live, live.cursor() as cursor:
                        source_last = last_event(cursor, copy_last[0] if copy_last else None)
                problems = self._compare(expected, found, exact, copy_last, source_last, verified)
            finally:
                if options["keep"]:
                    self.stdout.write(f"Kept the restored copy: database {copy}")
                else:
                    self._run(server.tool("dropdb", "--if-exists", copy), server)
        if problems:
            raise CommandError("Restore check FAILED: " + "; ".join(problems), returncode=1)
        events = copy_last[0] if copy_last else 0
        self.stdout.write(
            f"Restore check OK: {len(found)} tables, {sum(found.values())} rows"
            f"{' (the same as the source)' if exact else ''}; audit chain intact to sequence "
            f"{events}, which matches the source."
        )

    def _dump_in_one_snapshot(
        self, server: Server, source: str, dump: Path
    ) -> tuple[dict[str, int], tuple[int, str] | None]:
        import psycopg

        with server.connect(source) as live:
            live.isolation_level = psycopg.IsolationLevel.REPEATABLE_READ
            live.read_only = True
            cursor = live.cursor()
            cursor.execute("SELECT pg_export_snapshot()")
            snapshot = cursor.fetchone()[0]
            counts = table_counts(cursor)
            source_last = last_event(cursor)
            self._run(
                server.tool("pg_dump", "-Fc", f"--snapshot={snapshot}", "-f", str(dump), source),
                server,
            )
            live.rollback()
        return counts, source_last

    def _verify_copy(self, url: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "cpconf", "verify_audit"],
            capture_output=True,
            text=True,
            env={**os.environ, "DATABASE_URL": url},
            check=False,
        )

    def _compare(
        self,
        expected: dict[str, int],
        found: dict[str, int],
        exact: bool,
        copy_last: tuple[int, str] | None,
        source_last: tuple[int, str] | None,
        verified: subprocess.CompletedProcess[str],
    ) -> list[str]:
        problems = []
        width = max((len(t) for t in expected | found), default=10)
        self.stdout.write(f"{'table':<{width}}  {'source':>10}  {'restored':>10}")
        for table in sorted(expected.keys() | found.keys()):
            was, now = expected.get(table), found.get(table)
            mark = "" if was == now else "  differs"
            self.stdout.write(f"{table:<{width}}  {was!s:>10}  {now!s:>10}{mark}")
            if now is None:
                problems.append(f"table {table} is missing from the copy")
            elif exact and was != now:
                problems.append(f"{table} has {now} rows in the copy, {was} in the source")
        if verified.returncode != 0:
            problems.append("the copy's audit chain is broken: " + verified.stderr.strip())
            return problems
        self.stdout.write(verified.stdout.strip())
        match = VERIFIED.search(verified.stdout)
        chain_end = (int(match.group(2)), match.group(3)) if match else None
        if match is None and EMPTY_TRAIL not in verified.stdout:
            problems.append(f"verify_audit said: {verified.stdout.strip()}")
        if chain_end != copy_last:
            problems.append("the copy's chain does not end at its last event")
        if copy_last != source_last:
            problems.append(
                f"the copy's last audit event {copy_last} is not the source's {source_last}"
            )
        return problems

    def _run(self, command: list[str], server: Server) -> None:
        done = subprocess.run(  # noqa: S603  (PostgreSQL's own tools, arguments from settings)
            command, capture_output=True, text=True, env=server.environment(), check=False
        )
        if done.returncode != 0:
            raise CommandError(f"{command[0]} failed: {done.stderr.strip()}")

"""Pulling the plug while 100 authors sign and submit at once.

The app runs under gunicorn with three sync workers (the image's default) against
PostgreSQL, in a database made for this test (not the pytest test database), with debug off
(development settings otherwise, whose static files need no collectstatic). Part-way through the
submissions the master and every worker are killed with SIGKILL, so nothing gets to tidy up.
After a restart, every submission the server acknowledged must be there as exactly one
frozen version whose fingerprint verifies, no report may be half-submitted, and the audit
chain must verify; then the rest are sent again and every report ends with one version.

PostgreSQL only: the test drives a PostgreSQL server (the suite's, or with
CPCONF_REQUIRE_POSTGRES=1 the one on 127.0.0.1:5432) whatever the suite's own database is.
"""

import contextlib
import http.client
import json
import os
import secrets
import signal
import socket
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import dj_database_url
import pytest
from django.db import connection

PROJECT_DIR = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
REPORTS = 100
KILL_AFTER = 30  # answers received before the kill
WORKERS = 3
BOUND_SECONDS = 120  # the longest any stage, or any one client, may wait before giving up
ROLE = "Family support worker"


def postgres_server() -> list[str]:
    """`-h -p -U` for the server to make the database on: the suite's when it runs on
    PostgreSQL; when PostgreSQL is required (CI), the Makefile's server; otherwise skip."""
    if connection.vendor == "postgresql":
        settings = connection.settings_dict
        host, port, user = settings["HOST"], settings["PORT"], settings["USER"]
    elif os.environ.get("CPCONF_REQUIRE_POSTGRES") == "1":
        url = os.environ.get("TEST_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/cpconf")
        parsed = dj_database_url.parse(url)
        host, port, user = parsed["HOST"], parsed["PORT"], parsed["USER"]
    else:
        pytest.skip("needs a PostgreSQL server: runs in the PostgreSQL run")
    return ["-h", host or "127.0.0.1", "-p", str(port or 5432), "-U", user or "postgres"]


@pytest.fixture
def app_database() -> Iterator[str]:
    """A database of its own, dropped afterwards whatever happened (connections and all)."""
    server = postgres_server()
    name = f"cpconf_kill_{uuid.uuid4().hex[:10]}"
    subprocess.run(["createdb", *server, name], check=True, timeout=60)
    try:
        yield f"postgres://{server[5]}@{server[1]}:{server[3]}/{name}"
    finally:
        subprocess.run(["dropdb", *server, "--force", "--if-exists", name], check=True, timeout=60)


@pytest.fixture
def environment(app_database: str, tmp_path: Path) -> dict[str, str]:
    """The app's settings for the server and the setup: debug off, a fresh secret key, and
    static files served as built (production's manifest would need a collectstatic first)."""
    return {
        **os.environ,
        "CPCONF_ENV": "development",
        "DEBUG": "false",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "DATABASE_URL": app_database,
        "CPCONF_VAR_DIR": str(tmp_path),
        "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
        "DJANGO_SETTINGS_MODULE": "cpconf.settings",
    }


def cpconf(environment: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(BIN / "cpconf"), *args],
        env=environment,
        capture_output=True,
        text=True,
        timeout=BOUND_SECONDS,
        check=False,
    )


def records(environment: dict[str, str], *args: str) -> Any:
    """`tests.reliability.records` in its own process: builds the drafts or reads the state."""
    result = subprocess.run(
        [sys.executable, "-m", "tests.reliability.records", *args],
        env=environment,
        cwd=PROJECT_DIR,
        capture_output=True,
        text=True,
        timeout=BOUND_SECONDS,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def live_members(group: int) -> list[int]:
    """The processes of a process group that have not exited (zombies count as gone)."""
    members = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue  # exited while we looked
        if int(fields[2]) == group and fields[0] != "Z":
            members.append(int(stat.parent.name))
    return members


class Gunicorn:
    """`gunicorn cpconf.wsgi` on 127.0.0.1, in a process group of its own so that the master
    and its workers can be killed together by the group's id."""

    def __init__(self, environment: dict[str, str], log: Path) -> None:
        self.environment, self.log, self.port = environment, log, free_port()
        self.process: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        self.launch()
        self.wait_until_up()

    def launch(self) -> None:
        with self.log.open("ab") as log:
            self.process = subprocess.Popen(
                [
                    str(BIN / "gunicorn"),
                    "cpconf.wsgi",
                    *("--bind", f"127.0.0.1:{self.port}"),
                    *("--workers", str(WORKERS)),
                    *("--timeout", "60"),
                    # Not the shared ~/.gunicorn/gunicorn.ctl, which a killed master leaves.
                    "--no-control-socket",
                ],
                env=self.environment,
                cwd=self.log.parent,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )

    def wait_until_up(self) -> None:
        deadline = time.monotonic() + BOUND_SECONDS
        while time.monotonic() < deadline:
            assert self.process is not None and self.process.poll() is None, self.log_tail()
            probe = http.client.HTTPConnection("127.0.0.1", self.port, timeout=5)
            try:
                probe.request("GET", "/health/")
                if probe.getresponse().status == 200 and len(self.members()) > WORKERS:
                    return
            except OSError:
                pass
            finally:
                probe.close()
            time.sleep(0.2)
        raise RuntimeError(f"gunicorn did not answer in time\n{self.log_tail()}")

    def members(self) -> list[int]:
        return live_members(self.process.pid) if self.process else []

    def kill(self) -> int:
        """SIGKILL to the master and every worker at once; how many processes that was."""
        if self.process is None:
            return 0
        members = self.members()
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=BOUND_SECONDS)
        deadline = time.monotonic() + BOUND_SECONDS
        while self.members() and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not self.members(), "gunicorn processes outlived SIGKILL"
        self.process = None
        return len(members)

    def log_tail(self) -> str:
        return "\n".join(self.log.read_text(errors="replace").splitlines()[-40:])


@pytest.fixture
def gunicorn(environment: dict[str, str], tmp_path: Path) -> Iterator[Gunicorn]:
    server = Gunicorn(environment, tmp_path / "gunicorn.log")
    try:
        yield server
    finally:
        server.kill()


def sign_and_submit(port: int, author: dict[str, Any]) -> tuple[int, str]:
    """The check-your-answers page's form, sent as the signed-in author's browser sends it."""
    csrf = secrets.token_hex(16)
    body = urlencode(
        {
            "csrfmiddlewaretoken": csrf,
            "signed_name": author["name"],
            "signed_role": ROLE,
            "confirm": "on",
            "shown": author["shown"],
        }
    )
    client = http.client.HTTPConnection("127.0.0.1", port, timeout=BOUND_SECONDS)
    try:
        client.request(
            "POST",
            f"/reports/{author['report']}/check/",
            body=body,
            headers={
                "Content-Type": "application/x-www-form-urlencoded",
                "Cookie": f"sessionid={author['session']}; csrftoken={csrf}",
                "Origin": f"http://127.0.0.1:{port}",
            },
        )
        answer = client.getresponse()
        answer.read()
        return answer.status, answer.getheader("Location", "")
    finally:
        client.close()


class Wave:
    """Submissions sent at the same moment, one thread each, and what came back for each."""

    def __init__(self, port: int, authors: list[dict[str, Any]]) -> None:
        self.port, self.killed = port, False
        self.answers: dict[int, tuple[int, str]] = {}
        self.lost: dict[int, str] = {}
        self.lost_before_kill: dict[int, str] = {}
        self.changed = threading.Condition()
        go = threading.Event()
        self.threads = [
            threading.Thread(target=self.send, args=(author, go), daemon=True) for author in authors
        ]
        for thread in self.threads:
            thread.start()
        go.set()

    def send(self, author: dict[str, Any], go: threading.Event) -> None:
        go.wait(BOUND_SECONDS)
        try:
            answer = sign_and_submit(self.port, author)
        except (OSError, http.client.HTTPException) as error:
            with self.changed:
                (self.lost if self.killed else self.lost_before_kill)[author["report"]] = repr(
                    error
                )
                self.changed.notify_all()
        else:
            with self.changed:
                self.answers[author["report"]] = answer
                self.changed.notify_all()

    def wait_for_answers(self, count: int) -> None:
        with self.changed:
            self.changed.wait_for(
                lambda: len(self.answers) >= count or self.finished(), timeout=BOUND_SECONDS
            )
            self.killed = True  # any connection lost from here on is the kill's doing

    def finished(self) -> bool:
        return len(self.answers) + len(self.lost) + len(self.lost_before_kill) == len(self.threads)

    def finish(self) -> None:
        deadline = time.monotonic() + BOUND_SECONDS
        for thread in self.threads:
            thread.join(max(0.0, deadline - time.monotonic()))
        assert not [t for t in self.threads if t.is_alive()], "a client never finished"

    def acknowledged(self) -> set[int]:
        """Reports whose author was shown the page a submission leads to."""
        return {
            report
            for report, (status, location) in self.answers.items()
            if status == 302 and location == f"/reports/{report}/versions/1/submitted/"
        }


def partial_reports(state: dict[str, Any]) -> list[str]:
    """Everything about the stored reports that a crash must never leave behind."""
    problems = [
        f"audit event for version {pk}, which does not exist"
        for pk in state["events_for_no_version"]
    ]
    for pk, report in state["reports"].items():
        versions = report["versions"]
        if len(versions) > 1:
            problems.append(f"report {pk} has {len(versions)} versions")
        if (report["status"] == "submitted") != bool(versions) or report["submitted_at"] != bool(
            versions
        ):
            problems.append(f"report {pk} is {report['status']} with {len(versions)} versions")
        for version in versions:
            if not version["fingerprint_verifies"]:
                problems.append(f"report {pk} version {version['number']}: fingerprint differs")
            if not version["holds_the_working_copy"]:
                problems.append(f"report {pk} version {version['number']}: content missing")
            if version["audit_events"] != 1:
                problems.append(
                    f"report {pk} version {version['number']}: "
                    f"{version['audit_events']} report_submitted audit events"
                )
    return problems


def with_one_version(state: dict[str, Any]) -> set[int]:
    return {int(pk) for pk, report in state["reports"].items() if len(report["versions"]) == 1}


def test_the_check_names_every_kind_of_half_done_report():
    whole = {"number": 1, "fingerprint_verifies": True, "holds_the_working_copy": True}
    state = {
        "events_for_no_version": ["99"],
        "reports": {
            "1": {
                "status": "submitted",
                "submitted_at": True,
                "versions": [whole | {"audit_events": 1}],
            },
            "2": {"status": "shared", "submitted_at": False, "versions": []},
            "3": {"status": "submitted", "submitted_at": True, "versions": []},
            "4": {
                "status": "shared",
                "submitted_at": False,
                "versions": [whole | {"audit_events": 1}],
            },
            "5": {
                "status": "submitted",
                "submitted_at": True,
                "versions": [whole | {"audit_events": 0}],
            },
            "6": {
                "status": "submitted",
                "submitted_at": True,
                "versions": [
                    {
                        "number": 1,
                        "fingerprint_verifies": False,
                        "holds_the_working_copy": False,
                        "audit_events": 1,
                    }
                ],
            },
            "7": {
                "status": "submitted",
                "submitted_at": True,
                "versions": [whole | {"audit_events": 1}] * 2,
            },
        },
    }

    assert partial_reports(state) == [
        "audit event for version 99, which does not exist",
        "report 3 is submitted with 0 versions",
        "report 4 is shared with 1 versions",
        "report 5 version 1: 0 report_submitted audit events",
        "report 6 version 1: fingerprint differs",
        "report 6 version 1: content missing",
        "report 7 has 2 versions",
    ]
    assert with_one_version(state) == {1, 4, 5, 6}


@pytest.mark.postgres
def test_killed_mid_submission_nothing_acknowledged_is_lost_and_nothing_is_half_done(
    environment, gunicorn
):
    migrated = cpconf(environment, "migrate", "--no-input", "--verbosity", "0")
    assert migrated.returncode == 0, migrated.stderr
    gunicorn.launch()  # it boots while the drafts are built
    authors = records(environment, "build", str(REPORTS))
    assert len(authors) == REPORTS
    gunicorn.wait_until_up()

    # When 100 authors sign at once, and the server is killed after about 30 answers
    first = Wave(gunicorn.port, authors)
    first.wait_for_answers(KILL_AFTER)
    killed = gunicorn.kill()
    first.finish()
    acknowledged = first.acknowledged()
    print(f"{len(acknowledged)} acknowledged before the kill, {len(first.lost)} cut off")

    # then, until the kill, every submission was acknowledged and no connection failed
    refused = {r: a for r, a in first.answers.items() if r not in acknowledged}
    assert refused == {}, gunicorn.log_tail()
    assert first.lost_before_kill == {}
    # and the kill took the master and every worker, part-way through the submissions
    assert killed == WORKERS + 1
    assert KILL_AFTER <= len(acknowledged) < REPORTS
    assert first.lost, "no submission was cut off by the kill"

    # Then, after a restart, every acknowledged report is one whole, audited version
    gunicorn.start()
    state = records(environment, "state")
    assert partial_reports(state) == []
    assert acknowledged <= with_one_version(state)
    assert state["verify_audit"].startswith("Audit trail OK"), state["verify_audit"]

    # When the authors who saw no confirmation sign again
    rest = [author for author in authors if author["report"] not in acknowledged]
    second = Wave(gunicorn.port, rest)
    second.finish()

    # then each is told it is submitted (or, if it went in unseen, is shown the report)
    assert second.lost_before_kill == {}
    for author in rest:
        report = author["report"]
        assert second.answers[report][0] == 302, gunicorn.log_tail()
        assert second.answers[report][1] in {
            f"/reports/{report}/versions/1/submitted/",
            f"/reports/{report}/",
        }
    # and every one of the 100 reports ends with exactly one whole version
    state = records(environment, "state")
    assert partial_reports(state) == []
    assert with_one_version(state) == {author["report"] for author in authors}
    assert state["verify_audit"].startswith("Audit trail OK"), state["verify_audit"]

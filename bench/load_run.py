"""The load run: gunicorn with production settings against the generated PostgreSQL
database, on 127.0.0.1 only, and locust in a second process with 50 people at once.

Writes ``bench/results/load.json`` and ``load.md``: per page, p50/p95/p99 latency and
throughput, and each page's p50 and p95 as a multiple of the minimal page's: the home page of
a signed-in person who holds no role (`bench/no_role_accounts.py`), through the whole
middleware stack (session, authentication and second factor, CSP) and the base layout, with
no domain query. Run ``bench/generate.py`` first (``make bench`` does both).

    BENCH_LOAD_SECONDS=60 python bench/load_run.py
"""

import csv
import json
import os
import secrets
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

BENCH_DIR = Path(__file__).resolve().parent
PROJECT_DIR = BENCH_DIR.parent
sys.path.insert(0, str(BENCH_DIR))

from generate import DEFAULT_URL, plan_file  # noqa: E402
from machine import describe, machine  # noqa: E402

sys.path.insert(0, str(BENCH_DIR / "load"))
import one_at_a_time  # noqa: E402

RESULTS = BENCH_DIR / "results"
WORK = PROJECT_DIR / "var" / "bench"
BIN = Path(sys.executable).parent
HOST = "127.0.0.1"
MINIMAL = one_at_a_time.MINIMAL
SIGN_IN = "sign in"


def settings() -> dict[str, Any]:
    cores = os.cpu_count() or 1
    return {
        "users": int(os.environ.get("BENCH_USERS", "50")),
        "seconds": int(os.environ.get("BENCH_LOAD_SECONDS", "120")),
        "workers": int(os.environ.get("BENCH_WORKERS", str(2 * cores + 1))),
        "port": int(os.environ.get("BENCH_PORT", "8123")),
        "wait": os.environ.get("BENCH_WAIT", "1,3"),
        "one_at_a_time_repeats": int(os.environ.get("BENCH_ONE_AT_A_TIME_REPEATS", "20")),
        "database_url": os.environ.get("BENCH_POSTGRES_URL", DEFAULT_URL),
    }


def production_environment(database_url: str) -> dict[str, str]:
    """Production settings as the deployment guide gives them, on loopback: behind a load
    balancer that terminates TLS (so X-Forwarded-Proto is trusted), no email sent."""
    return {
        **os.environ,
        "CPCONF_ENV": "production",
        "SECRET_KEY": secrets.token_urlsafe(64),
        "ALLOWED_HOSTS": HOST,
        "DATABASE_URL": database_url,
        "DATABASE_CONN_MAX_AGE": "60",
        "TRUST_X_FORWARDED_PROTO": "true",
        "STATIC_ROOT": str(WORK / "static"),
        "CPCONF_VAR_DIR": str(WORK),
        "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
        "LOG_LEVEL": "WARNING",
    }


def preparation_view_exists(database_url: str) -> bool:
    """Whether /preparation/<conference>/ is a page yet (another part of the work)."""
    code = (
        "import django; django.setup(); from django.urls import resolve, Resolver404\n"
        "try:\n    resolve('/preparation/1/'); print('yes')\n"
        "except Resolver404:\n    print('no')"
    )
    found = subprocess.run(  # noqa: S603  (this virtualenv's python)
        [str(BIN / "python"), "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env={
            **os.environ,
            "CPCONF_ENV": "test",
            "DATABASE_URL": database_url,
            "DJANGO_SETTINGS_MODULE": "cpconf.settings",
        },
    )
    return found.stdout.strip().endswith("yes")


def with_no_role_accounts(plan: Path, database_url: str) -> None:
    """Puts the minimal page's accounts (signed in, no role) in the database and the plan."""
    made = subprocess.run(  # noqa: S603  (this virtualenv's python, a bench script)
        [str(BIN / "python"), str(BENCH_DIR / "no_role_accounts.py")],
        capture_output=True,
        text=True,
        check=True,
        env={
            **os.environ,
            "CPCONF_ENV": "test",
            "DATABASE_URL": database_url,
            "DJANGO_SETTINGS_MODULE": "cpconf.settings",
        },
    )
    emails = json.loads(made.stdout.strip().splitlines()[-1])
    content = json.loads(plan.read_text())
    known = {account["email"] for account in content["accounts"]}
    content["accounts"] += [{"role": "no_role", "email": e} for e in emails if e not in known]
    plan.write_text(json.dumps(content, indent=1))


def wait_until_up(port: int, server: subprocess.Popen[bytes], seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    request = urllib.request.Request(
        f"http://{HOST}:{port}/health/", headers={"X-Forwarded-Proto": "https"}
    )
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError("gunicorn stopped before it answered")
        try:
            with urllib.request.urlopen(request, timeout=10) as answer:  # noqa: S310  (loopback)
                if answer.status == 200:
                    return
        except (urllib.error.URLError, OSError):
            time.sleep(0.5)
    raise RuntimeError("gunicorn did not answer /health/ in time")


def read_stats(prefix: Path) -> list[dict[str, Any]]:
    rows = []
    with Path(f"{prefix}_stats.csv").open(newline="") as handle:
        for row in csv.DictReader(handle):
            if row["Name"] == "Aggregated" or row["50%"] == "N/A":
                continue
            rows.append(
                {
                    "page": row["Name"],
                    "method": row["Type"],
                    "requests": int(row["Request Count"]),
                    "failures": int(row["Failure Count"]),
                    "p50_ms": float(row["50%"]),
                    "p95_ms": float(row["95%"]),
                    "p99_ms": float(row["99%"]),
                    "mean_ms": round(float(row["Average Response Time"]), 1),
                    "per_second": round(float(row["Requests/s"]), 2),
                }
            )
    minimal = next((r for r in rows if r["page"] == MINIMAL), None)
    for row in rows:
        if minimal and minimal["p50_ms"]:
            row["p50_ratio"] = round(row["p50_ms"] / minimal["p50_ms"], 1)
            row["p95_ratio"] = round(row["p95_ms"] / max(minimal["p95_ms"], 1), 1)
    order = {MINIMAL: 0}
    rows.sort(key=lambda r: (order.get(r["page"], 1), r["page"].startswith(SIGN_IN), r["page"]))
    return rows


def run() -> dict[str, Any]:
    chosen = settings()
    plan = plan_file(chosen["database_url"])
    if not plan.exists():
        raise SystemExit("No bench plan: run bench/generate.py first.")
    WORK.mkdir(parents=True, exist_ok=True)
    environment = production_environment(chosen["database_url"])
    # The schema may have moved on since the data was generated.
    for command in (["migrate", "--no-input"], ["collectstatic", "--no-input"]):
        subprocess.run(  # noqa: S603  (this virtualenv's cpconf)
            [str(BIN / "cpconf"), *command, "--verbosity", "0"], env=environment, check=True
        )
    deploy_check = subprocess.run(  # noqa: S603
        [str(BIN / "cpconf"), "check", "--deploy", "--fail-level", "WARNING"],
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )
    preparation = preparation_view_exists(chosen["database_url"])
    with_no_role_accounts(plan, chosen["database_url"])
    log = (WORK / "gunicorn.log").open("wb")
    server = subprocess.Popen(  # noqa: S603  (this virtualenv's gunicorn)
        [
            str(BIN / "gunicorn"),
            "cpconf.wsgi:application",
            "--bind",
            f"{HOST}:{chosen['port']}",
            "--workers",
            str(chosen["workers"]),
            "--access-logfile",
            "-",
            "--timeout",
            "60",
        ],
        env=environment,
        stdout=subprocess.DEVNULL,
        stderr=log,
    )
    prefix = WORK / "locust"
    sign_in_file = WORK / "sign_in_seconds.json"
    sign_in_file.unlink(missing_ok=True)
    Path(f"{prefix}_stats.csv").unlink(missing_ok=True)
    load_before = os.getloadavg()
    try:
        wait_until_up(chosen["port"], server)
        alone = one_at_a_time.measure(
            f"http://{HOST}:{chosen['port']}",
            json.loads(plan.read_text()),
            preparation,
            chosen["one_at_a_time_repeats"],
        )
        locust = subprocess.run(  # noqa: S603  (this virtualenv's locust)
            [
                str(BIN / "locust"),
                "-f",
                str(BENCH_DIR / "load" / "locustfile.py"),
                "--headless",
                "--host",
                f"http://{HOST}:{chosen['port']}",
                "-u",
                str(chosen["users"]),
                "-r",
                "10",
                # The locustfile stops the run BENCH_LOAD_SECONDS after the last sign-in;
                # this is only a backstop.
                "-t",
                f"{chosen['seconds'] + 900}s",
                "--csv",
                str(prefix),
                "--only-summary",
                "--loglevel",
                "WARNING",
            ],
            env={
                **os.environ,
                "BENCH_PLAN": str(plan),
                "BENCH_PREPARATION": "1" if preparation else "0",
                "BENCH_WAIT": chosen["wait"],
                "BENCH_LOAD_SECONDS": str(chosen["seconds"]),
                "BENCH_SIGN_IN_FILE": str(sign_in_file),
            },
            capture_output=True,
            text=True,
            check=False,
        )
    finally:
        server.terminate()  # gunicorn lets each worker finish its request, then stops
        try:
            server.wait(timeout=120)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        log.close()
    if not Path(f"{prefix}_stats.csv").exists():
        raise SystemExit(f"locust wrote no figures:\n{locust.stderr[-3000:]}")
    load_after = os.getloadavg()
    sign_ins = json.loads(sign_in_file.read_text()) if sign_in_file.exists() else []
    generated_file = plan.with_name("generated.json")
    generated = json.loads(generated_file.read_text()) if generated_file.exists() else {}
    return {
        "machine": machine(chosen["database_url"]),
        "settings": {k: v for k, v in chosen.items() if k != "database_url"},
        "server": f"gunicorn, {chosen['workers']} sync workers, CPCONF_ENV=production",
        "deploy_check": (deploy_check.stdout + deploy_check.stderr).strip().splitlines()[-1:],
        "preparation_view": "included" if preparation else "skipped: /preparation/ has no page yet",
        "generated": generated,
        "load_average_before_and_after": [round(load_before[0], 1), round(load_after[0], 1)],
        "sign_in_seconds": {
            "count": len(sign_ins),
            "p50": round(sign_ins[len(sign_ins) // 2], 2) if sign_ins else None,
            "max": round(sign_ins[-1], 2) if sign_ins else None,
        },
        "pages": read_stats(prefix),
        "one_at_a_time": alone,
        "locust_exit_status": locust.returncode,
    }


LIMIT = 3.0


def verdict(result: dict[str, Any]) -> str:
    """Whether every page is within 3 times the minimal page, alone and under load (p50)."""
    parts = []
    for label, rows in (
        ("alone", result["one_at_a_time"]),
        (f"under {result['settings']['users']} users", result["pages"]),
    ):
        pages = [r for r in rows if r.get("p50_ratio") is not None and r["page"] != MINIMAL]
        pages = [r for r in pages if not r["page"].startswith(SIGN_IN)]
        if not pages:
            continue
        worst = max(pages, key=lambda r: r["p50_ratio"])
        within = all(r["p50_ratio"] <= LIMIT for r in pages)
        parts.append(
            f"{label}: {'every page within' if within else 'NOT every page within'} "
            f"{LIMIT:g}x (slowest: {worst['page']}, {worst['p50_ratio']}x)"
        )
    return "Median against the minimal page, " + "; ".join(parts) + "."


def markdown(result: dict[str, Any]) -> str:
    s = result["settings"]
    generated = result.get("generated", {})
    rows = generated.get("rows", {})
    sign_in = result["sign_in_seconds"]
    load = result["load_average_before_and_after"]
    lines = [
        "# Load run: 50 people at once against the production set-up",
        "",
        f"{result['server']}, on 127.0.0.1, against PostgreSQL holding "
        f"{rows.get('families', '?'):,} families, {rows.get('conferences', '?'):,} conferences "
        f"and {rows.get('reports', '?'):,} reports (`bench/generate.py`, scale "
        f"{generated.get('scale', '?')}: {generated.get('database_mb', '?')} MB, generated in "
        f"{generated.get('total_seconds', '?')} s). locust in a second process: "
        f"{s['users']} users, each waiting {s['wait'].replace(',', ' to ')} s between requests, "
        f"for {s['seconds']} s after all had signed in. Machine: {describe(result['machine'])} "
        "(locust shares the cores with the server).",
        "",
        f"Chair's preparation view: {result['preparation_view']}. Signing in (password, "
        f"then the authenticator code, through the pages): median {sign_in['p50']} s, "
        f"slowest {sign_in['max']} s, with everyone signing in at once. Load average "
        f"(1 minute) before and after: {load[0]} and {load[1]}: other work on the machine "
        "shows there.",
        "",
        "The minimal page, which every other page is measured against, is the home page of a "
        "signed-in person who holds no role yet: every middleware (session, authentication and "
        "its second factor, CSP, the audit context) and the base layout, and no query about any "
        "family, conference or report. (`/health/` is no longer the floor: it also looks at the "
        "background worker's queue and renders no layout; it is listed for reference.) "
        "The unit's home shows a page of 10 conferences in each of its lists, counted by the "
        "database; the audit search reads its newest-first page from an index on the "
        "authority and sequence; the board and the chair's preparation remember the coach's "
        "warnings by what they were counted from, so a report is read by the coach again only "
        "once it changes (each timed request follows an untimed one, as a person comes back "
        "to a page). " + verdict(result),
        "",
        "| page | requests | failures | p50 ms | p95 ms | p99 ms | per second "
        "| p50 / minimal page | p95 / minimal page |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for row in result["pages"]:
        lines.append(
            f"| {row['page']} | {row['requests']} | {row['failures']} | {row['p50_ms']:g} "
            f"| {row['p95_ms']:g} | {row['p99_ms']:g} | {row['per_second']} "
            f"| {row.get('p50_ratio', '')} | {row.get('p95_ratio', '')} |"
        )
    lines += [
        "",
        "## Each page on its own",
        "",
        "The same pages with nothing else in the queue, before the load: one person per role, "
        f"one request at a time, {s['one_at_a_time_repeats']} times each after one untimed "
        "request. Under load the figures above add the wait for a free worker; these do not.",
        "",
        "| page | p50 ms | p95 ms | p50 / minimal page |",
        "|---|---:|---:|---:|",
    ]
    for row in result["one_at_a_time"]:
        lines.append(
            f"| {row['page']} | {row['p50_ms']:g} | {row['p95_ms']:g} | {row['p50_ratio']} |"
        )
    return "\n".join(lines) + "\n"


def main() -> int:
    result = run()
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "load.json").write_text(json.dumps(result, indent=2, default=str) + "\n")
    (RESULTS / "load.md").write_text(markdown(result))
    print(markdown(result))
    return 0 if result["locust_exit_status"] in (0, 1) else 1


if __name__ == "__main__":
    sys.exit(main())

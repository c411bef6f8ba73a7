"""`make bench`: measured figures, written to bench/results/ as JSON and Markdown.

Benchmarks never assert: they measure. On a fresh database with the demo data (SQLite unless
BENCH_DATABASE_URL says otherwise) they time each demo user's home page and count its
queries, time the report copies and the quality coach, and build a 12-report pack
(`bench/packs.py`). Then, on PostgreSQL (BENCH_POSTGRES_URL, default the `cpconf_bench`
database on 127.0.0.1), `bench/generate.py` makes a large authority and `bench/load_run.py`
puts 50 people at once on it through gunicorn with production settings.

BENCH_SCALE (default 1: 3,000 families, 10,000 conferences, 80,000 reports) makes the
authority smaller for a quick run, e.g. 0.05; BENCH_LOAD_SECONDS (default 120, 30 below
scale 0.5) is how long the load is measured; BENCH_SKIP_LOAD=1 leaves out both.
"""

import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "results"
REQUESTS_PER_PAGE = int(os.environ.get("BENCH_REQUESTS", "40"))


def _configure_database() -> None:
    if "BENCH_DATABASE_URL" in os.environ:
        os.environ["DATABASE_URL"] = os.environ["BENCH_DATABASE_URL"]
        return
    folder = tempfile.mkdtemp(prefix="cpconf-bench-")
    os.environ["DATABASE_URL"] = f"sqlite:///{folder}/bench.sqlite3"


def _percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def home_page_figures() -> list[dict[str, object]]:
    from django.db import connection, reset_queries
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse

    from cpconf.accounts.models import User

    rows = []
    for user in User.objects.filter(role_assignments__isnull=False).distinct().order_by("email"):
        client = Client()
        client.force_login(user)
        # The request clears the query log when it starts: count from an empty log.
        reset_queries()
        with CaptureQueriesContext(connection) as queries:
            client.get(reverse("home:home"))
        # Count now: the next request clears the log the context reads from.
        query_count = len(queries)
        timings = []
        for _ in range(REQUESTS_PER_PAGE):
            started = time.perf_counter()
            response = client.get(reverse("home:home"))
            timings.append((time.perf_counter() - started) * 1000)
            assert response.status_code == 200  # noqa: S101  (a broken page is not a figure)
        roles = sorted({a.role for a in user.role_assignments.all()})
        rows.append(
            {
                "user": user.email,
                "roles": roles,
                "queries": query_count,
                "median_ms": round(statistics.median(timings), 2),
                "p95_ms": round(_percentile(timings, 0.95), 2),
            }
        )
    return rows


def report_figures() -> list[dict[str, object]]:
    from timing import median_ms

    """Per submitted demo report: queries and time for the author's version page, and the
    time and size of each copy in each format (the median of a few builds)."""
    import tracemalloc

    from django.db import connection, reset_queries
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse

    from cpconf.reports.models import ProfessionalReport, ReportStatus

    rows = []
    reports = ProfessionalReport.objects.filter(status=ReportStatus.SUBMITTED).select_related(
        "author", "agency"
    )
    # Three initial reports and three reviews, whose copies mark changes word by word.
    chosen = [*reports.filter(form_key="initial").order_by("pk")[:3]]
    chosen += [*reports.filter(form_key="review").order_by("pk")[:3]]
    for report in chosen:
        client = Client()
        client.force_login(report.author)
        page = reverse("reports:version", args=[report.pk, 1])
        reset_queries()
        with CaptureQueriesContext(connection) as queries:
            client.get(page)
        query_count = len(queries)
        row: dict[str, object] = {
            "report": f"{report.agency.name} ({report.form_key})",
            "page_queries": query_count,
            "page_ms": median_ms(lambda c=client, p=page: c.get(p), REPORT_REPEATS),
        }
        for copy in ("conference", "family"):
            for extension in ("docx", "pdf"):
                url = reverse("reports:download", args=[report.pk, copy, extension])
                tracemalloc.start()
                size = len(client.get(url).content)
                peak = tracemalloc.get_traced_memory()[1]
                tracemalloc.stop()
                row[f"{copy}_{extension}_ms"] = median_ms(lambda c=client, u=url: c.get(u), 3)
                row[f"{copy}_{extension}_kb"] = round(size / 1024, 1)
                row[f"{copy}_{extension}_peak_mb"] = round(peak / 2**20, 1)
        rows.append(row)
    return rows


REPORT_REPEATS = 10


def _report_markdown(rows: list[dict[str, object]], machine: str, database: str) -> str:
    lines = [
        "# Submitted reports: version page and copies",
        "",
        f"Django's test client, {database}, on {machine}. Milliseconds are medians (10 page "
        "loads, 3 builds of each file); peak MB is Python's allocation while one file is built.",
        "",
        "| report | page queries | page ms | conference PDF ms | KB | peak MB "
        "| family PDF ms | conference Word ms | KB |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for row in rows:
        lines.append(
            f"| {row['report']} | {row['page_queries']} | {row['page_ms']} "
            f"| {row['conference_pdf_ms']} | {row['conference_pdf_kb']} "
            f"| {row['conference_pdf_peak_mb']} | {row['family_pdf_ms']} "
            f"| {row['conference_docx_ms']} | {row['conference_docx_kb']} |"
        )
    return "\n".join(lines) + "\n"


def _markdown(rows: list[dict[str, object]], machine: str, database: str) -> str:
    lines = [
        "# Home page, per demo user",
        "",
        f"{REQUESTS_PER_PAGE} requests each through Django's test client (no network), "
        f"{database}, on {machine}.",
        "",
        "| user | roles | queries | median ms | p95 ms |",
        "|---|---|---:|---:|---:|",
    ]
    for row in rows:
        roles = ", ".join(row["roles"])  # type: ignore[arg-type]
        lines.append(
            f"| {row['user']} | {roles} | {row['queries']} | {row['median_ms']} | {row['p95_ms']} |"
        )
    return "\n".join(lines) + "\n"


def main() -> int:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cpconf.settings")
    os.environ.setdefault("CPCONF_ENV", "test")
    _configure_database()
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)
    call_command("seed_demo", verbosity=0)
    from django.db import connection

    rows = home_page_figures()
    machine = f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    database = connection.vendor
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "home_pages.json").write_text(
        json.dumps({"machine": machine, "database": database, "pages": rows}, indent=2) + "\n"
    )
    (RESULTS / "home_pages.md").write_text(_markdown(rows, machine, database))
    print(_markdown(rows, machine, database))
    reports = report_figures()
    (RESULTS / "reports.json").write_text(
        json.dumps({"machine": machine, "database": database, "reports": reports}, indent=2) + "\n"
    )
    (RESULTS / "reports.md").write_text(_report_markdown(reports, machine, database))
    print(_report_markdown(reports, machine, database))
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import quality  # bench/quality.py: the coach on a 5,000-word report, and proselint

    coach = quality.quality_figures()
    (RESULTS / "quality.json").write_text(json.dumps(coach, indent=2, default=str) + "\n")
    (RESULTS / "quality.md").write_text(quality.markdown(coach))
    print(quality.markdown(coach))
    pack_bench = Path(__file__).resolve().parent / "packs.py"
    if pack_bench.exists():
        import packs  # bench/packs.py: a 12-report pack, its build time and peak memory

        pack = packs.pack_figures()
        pack["machine"] = machine_figures()
        (RESULTS / "packs.json").write_text(json.dumps(pack, indent=2, default=str) + "\n")
        (RESULTS / "packs.md").write_text(packs.markdown(pack))
        print(packs.markdown(pack))
    if os.environ.get("BENCH_SKIP_LOAD") != "1":
        return large_authority_and_load()
    return 0


def machine_figures() -> dict[str, object]:
    from machine import machine

    return machine()


def large_authority_and_load() -> int:
    """The large authority on PostgreSQL, the load run and the slowest pages weighed against
    a cache (`page_floor.py`), each in its own process (their settings are not these:
    production for the server, another database)."""
    here = Path(__file__).resolve().parent
    scale = float(os.environ.get("BENCH_SCALE", "1"))
    env = dict(os.environ)
    env.setdefault("BENCH_LOAD_SECONDS", "120" if scale >= 0.5 else "30")
    env.pop("DATABASE_URL", None)
    env.pop("DJANGO_SETTINGS_MODULE", None)
    for step in ("generate.py", "load_run.py", "page_floor.py"):
        done = subprocess.run(  # noqa: S603  (this interpreter, a bench script)
            [sys.executable, str(here / step)], env=env, check=False
        )
        if done.returncode != 0:
            print(f"bench/{step} failed (exit status {done.returncode})", file=sys.stderr)
            return done.returncode
    from generate import DEFAULT_URL, plan_file

    generated = plan_file(os.environ.get("BENCH_POSTGRES_URL", DEFAULT_URL)).with_name(
        "generated.json"
    )
    if generated.exists():
        (RESULTS / "generate.json").write_text(generated.read_text())
    return 0


if __name__ == "__main__":
    sys.exit(main())

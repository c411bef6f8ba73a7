"""`make bench`: measured figures, written to bench/results/ as JSON and Markdown.

Benchmarks never assert: they measure. Today they time each demo user's home page (median
and 95th percentile over repeated requests) and count its queries, on a fresh database with
the demo data, so a change that adds a query per row shows up here.
"""

import json
import os
import platform
import statistics
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
    return 0


if __name__ == "__main__":
    sys.exit(main())

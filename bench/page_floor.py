"""Where the two slowest pages' time goes, and what remembering their reading would save.

The load run (`bench/load_run.py`) finds the chair's preparation view and the unit's home
over 3x the minimal page. This measures, in one process against the generated authority
(run `bench/generate.py` and `bench/load_run.py` first, or `make bench`), each page:

- as it is;
- with what the page reads from the database remembered (the chair's view of the
  conference, the unit's home page), as a cache would give it back: the lookup through the
  access scope, the audit event and the rendering still happen on every request;
- with the whole response remembered as well: only the middleware, the lookup and the audit
  event are left, the floor of any page that shows a family's record.

Before that, every page the load run times is split into the time spent waiting on the
database (each statement from sending it to its rows in Python) and the time spent in Python
(building and compiling the queries, making the objects, the rules, rendering): which of the
two a change must shorten to bring a page within 3x.

Nothing here is a cache the service has: the remembering is done by replacing the page's
functions for this run only, to weigh the design in docs/decisions/0014-*.md before it is
built. Writes ``bench/results/page_floor.json`` and ``page_floor.md``.

    CPCONF_ENV=test python bench/page_floor.py
"""

import json
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

BENCH_DIR = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH_DIR))

import statistics  # noqa: E402
import time  # noqa: E402

from generate import DEFAULT_URL, plan_file  # noqa: E402
from machine import describe, machine  # noqa: E402
from timing import median_ms  # noqa: E402

RESULTS = BENCH_DIR / "results"
REPEATS = int(os.environ.get("BENCH_FLOOR_REPEATS", "40"))


def _client(email: str) -> Any:
    from django.test import Client

    from cpconf.accounts.models import User

    client = Client(HTTP_X_FORWARDED_PROTO="https", secure=True)
    client.force_login(User.objects.get(email=email))
    return client


def _timed(client: Any, path: str) -> float:
    return median_ms(lambda: _get(client, path), REPEATS, warm=True)


def _remembered(function: Callable[..., Any], key: Callable[..., Any]) -> Callable[..., Any]:
    kept: dict[Any, Any] = {}

    def remembered(*args: Any) -> Any:
        found = key(*args)
        if found not in kept:
            kept[found] = function(*args)
        return kept[found]

    return remembered


def _responses_remembered(render: Callable[..., Any]) -> Callable[..., Any]:
    from django.http import HttpResponse

    kept: dict[str, bytes] = {}

    def remembered(request: Any, template: str, context: dict[str, Any]) -> HttpResponse:
        if template not in kept:
            kept[template] = render(request, template, context).content
        return HttpResponse(kept[template])

    return remembered


def _account(plan: dict[str, Any], role: str, needs: str = "email") -> dict[str, Any]:
    return [a for a in plan["accounts"] if a["role"] == role and a.get(needs)][-1]


def split_pages(plan: dict[str, Any]) -> list[tuple[str, Any, str]]:
    """The load run's pages that a GET reaches, each with a signed-in client and its path."""
    chair = _account(plan, "chair", "conference")
    chair_client = _client(chair["email"])
    version = _account(plan, "professional", "version")
    draft = _account(plan, "professional", "draft_report")
    pages = [
        (
            "minimal page (signed in, no role: home)",
            _client(_account(plan, "no_role")["email"]),
            "/",
        )
    ]
    pages += [
        (f"home: {role.replace('_', ' ')}", _client(_account(plan, role)["email"]), "/")
        for role in ("professional", "social_worker", "chair", "unit_administrator", "auditor")
    ]
    pages += [
        (
            "reports-received board",
            chair_client,
            f"/conferences/{chair['conference']}/reports-received/",
        ),
        ("conference page", chair_client, f"/conferences/{chair['conference']}/"),
        ("chair's preparation view", chair_client, f"/preparation/{chair['conference']}/"),
        (
            "report version: read",
            _client(version["email"]),
            f"/reports/{version['version'][0]}/versions/{version['version'][1]}/",
        ),
        (
            "report section: page",
            _client(draft["email"]),
            f"/reports/{draft['draft_report']}/parts/{draft['draft_section']}/",
        ),
        ("audit search", _client(_account(plan, "auditor")["email"]), "/audit/"),
    ]
    return pages


def split_rows(plan: dict[str, Any]) -> list[dict[str, Any]]:
    """Each page's median time, and how much of it was spent waiting on the database."""
    from django.db import connection

    waited = {"seconds": 0.0, "statements": 0}

    def timed_statement(execute: Any, sql: str, params: Any, many: bool, context: Any) -> Any:
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            waited["seconds"] += time.perf_counter() - started
            waited["statements"] += 1

    rows = []
    with connection.execute_wrapper(timed_statement):
        for name, client, path in split_pages(plan):
            totals, in_sql = [], []
            _get(client, path)
            for _ in range(REPEATS):
                waited.update(seconds=0.0, statements=0)
                started = time.perf_counter()
                _get(client, path)
                totals.append((time.perf_counter() - started) * 1000)
                in_sql.append(waited["seconds"] * 1000)
            total, sql = statistics.median(totals), statistics.median(in_sql)
            rows.append(
                {
                    "page": name,
                    "total_ms": round(total, 1),
                    "database_ms": round(sql, 1),
                    "python_ms": round(total - sql, 1),
                    "statements": waited["statements"],
                }
            )
    minimal = rows[0]["total_ms"]
    for row in rows:
        row["ratio"] = round(row["total_ms"] / minimal, 1)
        row["python_share"] = round(row["python_ms"] / row["total_ms"], 2)
    return rows


def _get(client: Any, path: str) -> None:
    response = client.get(path)
    if response.status_code != 200:
        raise RuntimeError(f"{path} answered {response.status_code}")


def page_rows(plan: dict[str, Any]) -> list[dict[str, Any]]:
    import cpconf.home.views as home
    import cpconf.preparation.views as preparation

    def account(role: str) -> dict[str, Any]:
        return [a for a in plan["accounts"] if a["role"] == role][-1]

    minimal = _timed(_client(account("no_role")["email"]), "/")
    chair = account("chair")
    pages = [
        (
            "chair's preparation view",
            _client(chair["email"]),
            f"/preparation/{chair['conference']}/",
            preparation,
            "chair_view_for",
            lambda user, conference: (user.pk, conference.pk),
        ),
        (
            "home: unit administrator",
            _client(account("unit_administrator")["email"]),
            "/",
            home,
            "home_page_for",
            lambda user, pages: user.pk,
        ),
    ]
    rows = [{"page": "minimal page (signed in, no role: home)", "as_is_ms": minimal}]
    for name, client, path, module, reader, key in pages:
        read, render = getattr(module, reader), module.render
        as_is = _timed(client, path)
        try:
            setattr(module, reader, _remembered(read, key))
            reading_kept = _timed(client, path)
            module.render = _responses_remembered(render)
            response_kept = _timed(client, path)
        finally:
            setattr(module, reader, read)
            module.render = render
        rows.append(
            {
                "page": name,
                "as_is_ms": as_is,
                "reading_remembered_ms": reading_kept,
                "response_remembered_ms": response_kept,
            }
        )
    for row in rows:
        for field in ("as_is_ms", "reading_remembered_ms", "response_remembered_ms"):
            if field in row:
                row[field.replace("_ms", "_ratio")] = round(row[field] / minimal, 1)
    return rows


def markdown(split: list[dict[str, Any]], rows: list[dict[str, Any]], found: dict[str, Any]) -> str:
    lines = [
        "# Where each page's time goes, and the slowest pages with their reading remembered",
        "",
        "Django's test client in one process, CPCONF_ENV=test settings, against the generated "
        f"PostgreSQL authority (80,000 reports at scale 1), on {describe(found)}. Milliseconds "
        f"are medians of {REPEATS} requests after one untimed; each ratio is against the "
        'minimal page in the same run. "Reading remembered": what the page reads from the '
        "database is given back as a cache would; the lookup, the audit event and the "
        'rendering still run. "Response remembered": the rendered page is given back too, so '
        "only the middleware, the lookup through the access scope and the audit event are "
        "left (the unit's home looks up no one record and audits no read, so only the "
        "middleware is). No such cache is in the service (docs/decisions/0014-*.md).",
        "",
        "## Database or Python",
        "",
        "Each page's median, split into the time its statements took from being sent to their "
        "rows being in Python (the database, its round trips and psycopg) and the rest (the "
        "middleware, building and compiling the queries, making the objects, the access rules, "
        "rendering). Statements: how many the last request sent.",
        "",
        "| page | ms | ratio | database ms | Python ms | Python's share | statements |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for row in split:
        cells = [
            row["page"],
            row["total_ms"],
            row["ratio"],
            row["database_ms"],
            row["python_ms"],
            f"{row['python_share']:.0%}",
            row["statements"],
        ]
        lines.append("| " + " | ".join(str(cell) for cell in cells) + " |")
    lines += [
        "",
        "## Remembering the slowest two",
        "",
        "| page | as is ms | ratio | reading remembered ms | ratio | response remembered ms "
        "| ratio |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for row in rows:
        cells = [row["page"], row["as_is_ms"], row["as_is_ratio"]]
        for field in ("reading_remembered", "response_remembered"):
            cells += [row.get(f"{field}_ms", "—"), row.get(f"{field}_ratio", "—")]
        lines.append("| " + " | ".join(str(cell) for cell in cells) + " |")
    return "\n".join(lines) + "\n"


def main() -> int:
    url = os.environ.get("BENCH_POSTGRES_URL", DEFAULT_URL)
    os.environ["DATABASE_URL"] = url
    os.environ.setdefault("DATABASE_CONN_MAX_AGE", "60")
    os.environ.setdefault("CPCONF_ENV", "test")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cpconf.settings")
    import django

    django.setup()
    plan = json.loads(plan_file(url).read_text())
    if not any(a["role"] == "no_role" for a in plan["accounts"]):
        raise SystemExit("Run bench/load_run.py first: it adds the minimal page's accounts.")
    split = split_rows(plan)
    rows = page_rows(plan)
    found = machine(url)
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "page_floor.json").write_text(
        json.dumps({"machine": found, "repeats": REPEATS, "split": split, "pages": rows}, indent=1)
        + "\n"
    )
    (RESULTS / "page_floor.md").write_text(markdown(split, rows, found))
    print(markdown(split, rows, found))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

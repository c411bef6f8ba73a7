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
    def get() -> None:
        response = client.get(path)
        if response.status_code != 200:
            raise RuntimeError(f"{path} answered {response.status_code}")

    return median_ms(get, REPEATS, warm=True)


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


def markdown(rows: list[dict[str, Any]], found: dict[str, Any]) -> str:
    lines = [
        "# The slowest pages: as they are, and with their reading remembered",
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
    rows = page_rows(plan)
    found = machine(url)
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "page_floor.json").write_text(
        json.dumps({"machine": found, "repeats": REPEATS, "pages": rows}, indent=1) + "\n"
    )
    (RESULTS / "page_floor.md").write_text(markdown(rows, found))
    print(markdown(rows, found))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Importing 5,000 families from the case system: how long `cpconf import_families` takes.

A CSV of BENCH_IMPORT_FAMILIES families (default 5,000; two children and two adults each, so
20,000 rows) is generated, and the command is run four times against a fresh database:
a dry run (every row checked, then everything done and rolled back), the real import, the
same file again (which changes nothing), and a file in which every family has a child
renamed (every family updated, a front sheet version kept for each). Each is timed once,
end to end, as a person running the command would see it. The aim is under a minute.

`python bench/family_import.py` uses a throwaway SQLite database, or BENCH_DATABASE_URL
(for PostgreSQL: a database of its own, which it empties first). Results go to
bench/results/family_import.{json,md}. Benchmarks measure; they never assert.
"""

import csv
import json
import os
import sys
import tempfile
import time
from datetime import date, timedelta
from io import StringIO
from pathlib import Path
from typing import Any

FAMILIES = int(os.environ.get("BENCH_IMPORT_FAMILIES", "5000"))
AUTHORITY = "bench-import"
RESULTS = Path(__file__).resolve().parent / "results"


def write_case_file(path: Path, families: int, *, renamed: bool = False) -> int:
    """The case system's export: two children and two adults per family (`renamed`: every
    first child with another first name, so every family changes). Rows written."""
    from cpconf.families.case_file import COLUMNS

    header = (*COLUMNS, "lives_in_household", "address")
    rows = 0
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.DictWriter(out, fieldnames=header)
        writer.writeheader()
        for number in range(families):
            reference = f"CS-{number:06d}"
            surname = f"Family{number}"
            born = date(2012, 1, 1) + timedelta(days=number % 3000)
            for person, given in enumerate(("Eva" if renamed else "Ava", "Noah")):
                writer.writerow(
                    {
                        "case_reference": reference,
                        "record_type": "child",
                        "reference": f"P-{number}-{person}",
                        "given_name": given,
                        "family_name": surname,
                        "date_of_birth": (born + timedelta(days=400 * person)).strftime("%d/%m/%Y"),
                    }
                )
            for person, (given, relationship) in enumerate(
                (("Sam", "mother"), ("Alex", "partner"))
            ):
                writer.writerow(
                    {
                        "case_reference": reference,
                        "record_type": "member",
                        "reference": f"A-{number}-{person}",
                        "given_name": given,
                        "family_name": surname,
                        "relationship": relationship,
                        "language": "Polish" if number % 7 == 0 else "English",
                        "interpreter_needed": "yes" if number % 7 == 0 else "no",
                        "access_needs": "Large print" if number % 11 == 0 else "",
                        "lives_in_household": "yes",
                        "address": "",
                    }
                )
            rows += 4
    return rows


def _timed(*args: str) -> tuple[float, str]:
    from django.core.management import call_command

    out = StringIO()
    started = time.perf_counter()
    call_command("import_families", *args, stdout=out)
    return round(time.perf_counter() - started, 1), out.getvalue().strip()


def import_figures(families: int = FAMILIES) -> dict[str, Any]:
    from django.db import connection

    from cpconf.families.models import Child, Family, FamilyMember
    from cpconf.organisations.models import LocalAuthority

    LocalAuthority.objects.get_or_create(
        slug=AUTHORITY, defaults={"name": "Bench Import Council", "policy_name": "northshire"}
    )
    folder = Path(tempfile.mkdtemp(prefix="cpconf-import-"))
    path = folder / "families.csv"
    rows = write_case_file(path, families)
    figures: dict[str, Any] = {
        "families": families,
        "rows": rows,
        "file_mb": round(path.stat().st_size / 2**20, 1),
        "database": connection.vendor,
    }
    changed = folder / "families-renamed.csv"
    write_case_file(changed, families, renamed=True)
    for run, file, args in (
        ("dry_run", path, ("--dry-run",)),
        ("import", path, ()),
        ("again", path, ()),
        ("changed", changed, ()),
    ):
        seconds, said = _timed(str(file), "--authority", AUTHORITY, *args)
        figures[run] = {"seconds": seconds, "output": said}
    figures["stored"] = {
        "families": Family.objects.count(),
        "children": Child.objects.count(),
        "members": FamilyMember.objects.count(),
    }
    return figures


def markdown(figures: dict[str, Any], machine: str) -> str:
    lines = [
        "# Importing families from the case system",
        "",
        f"`cpconf import_families` on a generated file of {figures['families']:,} families "
        f"({figures['rows']:,} rows, {figures['file_mb']} MB: two children and two adults each), "
        f"{figures['database']}, on {machine}. Each run timed once, end to end.",
        "",
        "| run | seconds | what it said |",
        "|---|---:|---|",
    ]
    for run, label in (
        ("dry_run", "dry run (checked, done, rolled back)"),
        ("import", "import"),
        ("again", "the same file again"),
        ("changed", "every family changed (a child renamed)"),
    ):
        row = figures[run]
        lines.append(f"| {label} | {row['seconds']} | {row['output']} |")
    stored = figures["stored"]
    lines += [
        "",
        f"Stored afterwards: {stored['families']:,} families, {stored['children']:,} children, "
        f"{stored['members']:,} family members.",
    ]
    return "\n".join(lines) + "\n"


def main() -> int:
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from machine import describe, machine

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cpconf.settings")
    os.environ.setdefault("CPCONF_ENV", "test")
    url = os.environ.get("BENCH_DATABASE_URL")
    os.environ["DATABASE_URL"] = url or (
        f"sqlite:///{tempfile.mkdtemp(prefix='cpconf-bench-')}/bench.sqlite3"
    )
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)
    if url:
        call_command("flush", interactive=False, verbosity=0)
    figures = import_figures()
    found = machine(url if url and url.startswith("postgres") else None)
    figures["machine"] = found
    name = "family_import_postgresql" if figures["database"] == "postgresql" else "family_import"
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / f"{name}.json").write_text(json.dumps(figures, indent=2) + "\n")
    (RESULTS / f"{name}.md").write_text(markdown(figures, describe(found)))
    print(markdown(figures, describe(found)))
    return 0


if __name__ == "__main__":
    sys.exit(main())

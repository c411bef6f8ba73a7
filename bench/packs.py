"""Building a 12-report conference pack: time and peak memory for each copy.

A conference is made beside the demo data with twelve submitted reports, their words taken in
turn from the demo's submitted reports, and each copy is built as the background job builds it
(`pack_build`: PDF and Word). Everything is written in one transaction and rolled back, so the
database is left as it was. Time is the median of a few builds; peak memory is Python's
allocation (tracemalloc) during one more build, which tracemalloc itself slows down.

``bench/run.py`` calls ``pack_figures`` and ``markdown`` once Django is set up with the demo
data; ``python bench/packs.py`` does the setting up itself. Benchmarks measure; they never
assert.
"""

import io
import os
import sys
import time
import tracemalloc
from datetime import timedelta
from pathlib import Path
from typing import Any

REPORTS = 12
REPEATS = int(os.environ.get("BENCH_PACK_REPEATS", "3"))


class _RollBack(Exception):
    """Raised at the end of the measured transaction, to leave the database as it was."""


def _conference_with_reports(count: int) -> Any:
    from django.utils import timezone

    from cpconf.accounts.models import User
    from cpconf.conferences.models import Conference
    from cpconf.organisations.models import Agency
    from cpconf.reports.models import ProfessionalReport, ReportStatus, ReportVersion

    sources = list(ReportVersion.objects.select_related("report__conference").order_by("pk"))
    if not sources:
        raise RuntimeError("The demo data has no submitted report to copy words from.")
    model = sources[0].report.conference
    conference = Conference.objects.create(
        family=model.family,
        meeting_type=model.meeting_type,
        stage=model.stage,
        starts_at=timezone.now() + timedelta(days=10),
        place="Bench room",
        chair=model.chair,
        previous=model.previous,
        pack_released_at=timezone.now(),
    )
    agencies = list(Agency.objects.filter(local_authority=model.family.local_authority))
    for number in range(count):
        source = sources[number % len(sources)]
        author = User.objects.create(email=f"bench.author.{number}@bench.example")
        report = ProfessionalReport.objects.create(
            conference=conference,
            author=author,
            agency=agencies[number % len(agencies)],
            status=ReportStatus.SUBMITTED,
            submitted_at=timezone.now(),
            form_key=source.content["form"],
        )
        ReportVersion.objects.create(
            report=report,
            number=1,
            content=source.content,
            fingerprint=source.fingerprint,
            signed_name=f"Bench Author {number + 1}",
            signed_role=source.signed_role,
            signed_at=timezone.now(),
        )
    return conference


def _measure(pack_id: int) -> dict[str, Any]:
    from django.db.models import F

    from cpconf.packs.models import ConferencePack
    from cpconf.packs.services import pack_build

    def request_a_build() -> None:
        # A build answers only a request it has not answered yet: ask again each time, as a
        # late report does, so each timed build does the whole work.
        ConferencePack.objects.filter(pk=pack_id).update(requested=F("requested") + 1)

    timings = []
    for _ in range(REPEATS):
        request_a_build()
        started = time.perf_counter()
        pack_build(pack_id=pack_id)
        timings.append((time.perf_counter() - started) * 1000)
    request_a_build()
    tracemalloc.start()
    pack_build(pack_id=pack_id)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    pack = ConferencePack.objects.get(pk=pack_id)
    pdf = bytes(pack.pdf)
    from pypdf import PdfReader

    return {
        "build_ms": round(sorted(timings)[len(timings) // 2], 1),
        "peak_mb": round(peak / 2**20, 1),
        "reports": len(pack.versions),
        "pages": len(PdfReader(io.BytesIO(pdf)).pages),
        "pdf_kb": round(len(pdf) / 1024, 1),
        "docx_kb": round(len(bytes(pack.docx)) / 1024, 1),
    }


def pack_figures(reports: int = REPORTS) -> dict[str, Any]:
    """Each copy of a pack of `reports` submitted reports, built and measured."""
    from django.db import connection, transaction

    from cpconf.packs.models import ConferencePack, PackCopy

    figures: dict[str, Any] = {
        "reports": reports,
        "repeats": REPEATS,
        "database": connection.vendor,
    }
    try:
        with transaction.atomic():
            conference = _conference_with_reports(reports)
            for copy in PackCopy.values:
                pack = ConferencePack.objects.create(conference=conference, copy=copy)
                figures[copy] = _measure(pack.pk)
            raise _RollBack
    except _RollBack:
        pass
    return figures


def markdown(figures: dict[str, Any]) -> str:
    lines = [
        "# Conference pack: building a 12-report pack",
        "",
        f"{figures['reports']} submitted reports, {figures['database']}; each copy built as the "
        f"background job builds it (PDF and Word). Milliseconds: median of {figures['repeats']} "
        "builds; peak MB: Python's allocation during one build (tracemalloc).",
        "",
        "| copy | reports | PDF pages | build ms | peak MB | PDF KB | Word KB |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for copy in ("conference", "family"):
        row = figures[copy]
        lines.append(
            f"| {copy} | {row['reports']} | {row['pages']} | {row['build_ms']} "
            f"| {row['peak_mb']} | {row['pdf_kb']} | {row['docx_kb']} |"
        )
    return "\n".join(lines) + "\n"


def main() -> int:
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import run  # bench/run.py: the same throwaway database and settings

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cpconf.settings")
    os.environ.setdefault("CPCONF_ENV", "test")
    run._configure_database()
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)
    call_command("seed_demo", verbosity=0)
    print(markdown(pack_figures()))
    return 0


if __name__ == "__main__":
    sys.exit(main())

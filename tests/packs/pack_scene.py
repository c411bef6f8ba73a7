"""Reports around a conference pack: a shared report, an unshared one, and ways to read the
built files back."""

import io
from typing import Any

from django.test import TestCase
from docx import Document
from pypdf import PdfReader

from cpconf.packs.models import ConferencePack
from cpconf.reports import services
from cpconf.reports.models import ProfessionalReport
from tests.report_scene import Scene, complete, save, start


def run_on_commit():
    """Run what the block registers to run on commit, at the block's end, as
    `django_capture_on_commit_callbacks(execute=True)` does within a test."""
    return TestCase.captureOnCommitCallbacks(execute=True)


NOT_SHARED_REASON = "Mother in hospital until the day of the conference."


def written(scene: Scene, author=None, conference=None, words: str = "") -> ProfessionalReport:
    return complete(start(scene, conference=conference, author=author), words)


def not_shared(report: ProfessionalReport) -> ProfessionalReport:
    save(
        report,
        "sharing",
        {"shared": "no", "not_shared_reason": NOT_SHARED_REASON, "shared_on": "", "method": ""},
    )
    report.refresh_from_db()
    return report


def submit_as(report: ProfessionalReport, name: str, **kwargs: Any):
    return services.report_submit(
        report=report, signed_name=name, signed_role="Practitioner", actor=report.author, **kwargs
    )


def chronology(report: ProfessionalReport, *entries: tuple[str, str, str]) -> None:
    save(
        report,
        "chronology",
        {"entries": [{"date": d, "event": e, "source": s} for d, e, s in entries]},
    )


def pdf_of(pack: ConferencePack) -> PdfReader:
    return PdfReader(io.BytesIO(bytes(pack.pdf)))


def pdf_text(pack: ConferencePack) -> str:
    return "\n".join(page.extract_text() for page in pdf_of(pack).pages)


def top_bookmarks(pack: ConferencePack) -> list[str]:
    return [item.title for item in pdf_of(pack).outline if not isinstance(item, list)]


def docx_of(pack: ConferencePack):
    return Document(io.BytesIO(bytes(pack.docx)))


def docx_text(pack: ConferencePack) -> str:
    document = docx_of(pack)
    cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


def docx_headings(pack: ConferencePack, style: str = "Heading 1") -> list[str]:
    return [p.text for p in docx_of(pack).paragraphs if p.style.name == style]

"""A signed version reads the same forever, whoever reads it and however.

Given a review report B signed against version 1 of the author's previous report A, when A is
amended to version 2 (other words, and this time not shared with the family), then B's
version 1 reads exactly as before on its page (author and chair), on the family's portal, in
the conference pack, and in its Word and PDF copies — the same words, the same insertions
and deletions — and its fingerprint still verifies."""

import io
from typing import Any

import pytest
from django.urls import reverse
from docx import Document
from pypdf import PdfReader

from cpconf.documents import DELETED, INSERTED, ReportDocument
from cpconf.packs.pack_contents import entries_for, pack_report
from cpconf.records import fingerprint
from cpconf.reports import services
from cpconf.reports.models import ProfessionalReport, ReportVersion
from tests.report_scene import (
    answers_for,
    complete,
    confirm_unchanged,
    review_conference,
    save,
    start,
    submit,
)

pytestmark = pytest.mark.django_db

CARRIED_OVER = ("worries", "going_well", "involvement", "needs_to_happen")


def signed_review(scene, previous: ProfessionalReport) -> ProfessionalReport:
    """B: starts from A, changes the worries, answers the rest, and is signed."""
    report = start(scene, conference=review_conference(scene))
    old = report.sections.get(key="worries").content["text"]
    save(report, "worries", {"text": old.replace("Lily and Noah", "Lily") + " Noah moved away."})
    for key, content in answers_for(report).items():
        if key not in CARRIED_OVER:
            save(report, key, content)
    confirm_unchanged(report)  # the rest still holds, and the author says so
    submit(report)
    return report


def amend_unshared(report: ProfessionalReport, words: str) -> ReportVersion:
    """A's next version: other worries, and not shared with the family this time."""
    services.report_amend(report=report, reason="New information", actor=report.author)
    save(report, "worries", {"text": words})
    save(report, "sharing", {"shared": "no", "not_shared_reason": "Mother in hospital"})
    return submit(report)


def marked(document: ReportDocument, change: str) -> str:
    return "".join(
        segment.text
        for section in document.sections
        for paragraph in section.paragraphs
        for segment in paragraph.segments
        if segment.change == change
    )


def word_runs(content: bytes) -> list[tuple[str, Any, Any]]:
    """Every run of the Word file with its marks: underlined inserted, struck deleted."""
    document = Document(io.BytesIO(content))
    return [(r.text, r.font.underline, r.font.strike) for p in document.paragraphs for r in p.runs]


def pdf_text(content: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


def how_it_reads(client, scene, report: ProfessionalReport) -> dict[str, Any]:
    """Version 1 of `report` as each reader gets it: the page's laid-out document (words
    and marks), the portal's and the conference pack's, and the downloads read back."""
    readings: dict[str, Any] = {}
    page = reverse("reports:version", args=[report.pk, 1])
    for who in ("author", "chair"):
        client.force_login(getattr(scene, who))
        readings[f"page as {who}"] = client.get(page).context["document"]
    client.force_login(scene.author)
    for copy in ("conference", "family"):
        for extension, read in (("docx", word_runs), ("pdf", pdf_text)):
            url = reverse("reports:download", args=[report.pk, copy, extension])
            readings[f"{copy} {extension}"] = read(client.get(url, {"version": 1}).content)
    client.force_login(scene.parent)
    readings["portal"] = client.get(reverse("portal:report", args=[report.pk])).context["document"]
    for copy in ("conference", "family"):
        entries = entries_for(report.conference, copy)
        readings[f"{copy} pack"] = [pack_report(e, copy).document for e in entries]
    return readings


@pytest.fixture
def previous(scene) -> ProfessionalReport:
    report = complete(start(scene))
    submit(report)
    return report


def test_amending_the_previous_report_changes_nothing_in_a_signed_review(client, scene, previous):
    review = signed_review(scene, previous)
    before = how_it_reads(client, scene, review)
    assert before["page as author"].marks_changes
    assert "moved away" in marked(before["page as author"], INSERTED)
    # The family reads the current words only, never change marks (issue 17).
    assert marked(before["portal"], DELETED) == "" and not before["portal"].marks_changes

    amend_unshared(previous, "Lily and Noah were seen at the park alone at night.")
    after = how_it_reads(client, scene, review)

    for reader, reading in before.items():
        assert after[reader] == reading, reader


def test_a_signed_version_names_the_version_it_was_compared_with(scene, previous):
    review = signed_review(scene, previous)
    first_of_previous = previous.versions.get(number=1)
    amend_unshared(previous, "Lily and Noah were seen at the park alone at night.")

    version = review.versions.get(number=1)

    assert version.compared_with == first_of_previous
    assert version.content["compared_with"]["fingerprint"] == first_of_previous.fingerprint
    assert fingerprint(version.content) == version.fingerprint
    assert version.fingerprint_verifies


def test_an_amendment_of_the_review_is_compared_with_the_previous_reports_latest(scene, previous):
    review = signed_review(scene, previous)
    latest_of_previous = amend_unshared(previous, "Lily and Noah were seen at the park.")
    services.report_amend(report=review, reason="Spelling", actor=scene.author)
    # Sharing is recorded per version: the amendment is shared afresh.
    save(review, "sharing", review.versions.get(number=1).content["parts"]["sharing"])

    second = submit(review)

    assert second.compared_with == latest_of_previous
    assert review.versions.get(number=1).compared_with == previous.versions.get(number=1)


def test_a_report_with_no_previous_report_is_compared_with_nothing(scene, previous):
    version = previous.versions.get()

    assert version.compared_with is None
    assert "compared_with" not in version.content
    assert version.fingerprint_verifies

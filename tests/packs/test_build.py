"""Releasing the pack builds both copies: read back as PDF and Word, the conference copy holds
every submitted report and the family copy nothing restricted and nothing unshared."""

import io
import re
from datetime import timedelta

import pytest
from django.core.management import call_command

from cpconf.audit.models import AuditEvent
from cpconf.conferences.models import Conference
from cpconf.packs import services
from cpconf.packs.models import ConferencePack, PackCopy, PackState
from cpconf.reports import services as report_services
from cpconf.reports.models import ProfessionalReport
from tests.packs.pack_scene import (
    NOT_SHARED_REASON,
    docx_headings,
    docx_of,
    docx_text,
    pdf_of,
    pdf_text,
    submit_as,
    top_bookmarks,
    written,
)
from tests.report_scene import RESTRICTED_TEXT, Scene, answers_for, build_scene, save
from tests.worlds import fresh, rolled_back_world

pytestmark = pytest.mark.django_db


def _packs(conference: Conference) -> dict[str, ConferencePack]:
    return {p.copy: p for p in ConferencePack.objects.filter(conference=conference)}


class TestReleased:
    """Tests that read one release, built once for the class (tests/packs/conftest.py)."""

    def test_release_sets_the_release_time_and_builds_both_copies(self, released):
        scene, shared, unshared = released

        packs = _packs(scene.conference)

        assert scene.conference.pack_released_at is not None
        assert {p.state for p in packs.values()} == {PackState.READY}
        conference, family = packs[PackCopy.CONFERENCE], packs[PackCopy.FAMILY]
        assert {v["report_id"] for v in conference.versions} == {shared.pk, unshared.pk}
        assert {v["report_id"] for v in family.versions} == {shared.pk}
        assert (conference.reports_done, conference.reports_total) == (2, 2)
        assert len(conference.fingerprint) == 64 and conference.fingerprint != family.fingerprint
        assert AuditEvent.objects.filter(action="pack_released", actor=scene.unit).exists()

    def test_the_conference_copy_pdf_has_a_bookmark_per_report_and_page_numbers(self, released):
        scene, shared, unshared = released
        pack = _packs(scene.conference)[PackCopy.CONFERENCE]

        bookmarks = top_bookmarks(pack)
        reader = pdf_of(pack)
        pages = [page.extract_text() for page in reader.pages]

        assert f"{shared.agency.name} — Priya Shah" in bookmarks
        assert f"{unshared.agency.name} — Sam Colleague" in bookmarks
        assert "Merged chronology" in bookmarks and "Reports received" in bookmarks
        total = len(pages)
        for number, text in enumerate(pages, start=1):
            assert f"Page {number} of {total}" in text
        text = "\n".join(pages)
        assert "Lily's reading has come on well." in text
        assert "Unshared words here." in text
        assert RESTRICTED_TEXT in re.sub(r"\s+", " ", text)
        assert f"Not shared: {NOT_SHARED_REASON}" in re.sub(r"\s+", " ", text)

    def test_each_report_starts_on_its_bookmarked_page(self, released):
        scene = released[0]
        reader = pdf_of(_packs(scene.conference)[PackCopy.CONFERENCE])

        for item in reader.outline:
            if isinstance(item, list) or "—" not in item.title:
                continue
            page = reader.pages[reader.get_destination_page_number(item)]
            assert page.extract_text().lstrip().startswith(item.title)

    def test_the_word_file_has_a_heading_per_report(self, released):
        scene, shared, unshared = released
        pack = _packs(scene.conference)[PackCopy.CONFERENCE]

        headings = docx_headings(pack)

        assert headings == [
            "Chair's brief",
            "Conference pack",
            *sorted(
                [f"{shared.agency.name} — Priya Shah", f"{unshared.agency.name} — Sam Colleague"]
            ),
        ]
        text = docx_text(pack)
        assert RESTRICTED_TEXT in text and "Unshared words here." in text

    def test_the_family_copy_holds_nothing_restricted_and_no_unshared_report(self, released):
        scene, shared, unshared = released
        pack = _packs(scene.conference)[PackCopy.FAMILY]

        for text in (pdf_text(pack), docx_text(pack)):
            flat = re.sub(r"\s+", " ", text)
            assert "Lily's reading has come on well." in flat
            assert RESTRICTED_TEXT not in flat
            assert "Alder Close" not in flat
            assert "Restricted information" not in flat
            assert "Unshared words here." not in flat
            assert unshared.agency.name not in flat
            assert NOT_SHARED_REASON not in flat
        assert top_bookmarks(pack) == [
            "Conference pack",
            "Reports received",
            "Merged chronology",
            "The parents' own report",
            f"{shared.agency.name} — Priya Shah",
        ]

    def test_the_cover_lists_each_report_received(self, released):
        scene, shared, unshared = released
        pack = _packs(scene.conference)[PackCopy.CONFERENCE]

        received = ["Agency", "Author", "Submitted", "Shared with the family"]
        table = next(
            t for t in docx_of(pack).tables if [c.text for c in t.rows[0].cells] == received
        )
        rows = {row.cells[0].text: [c.text for c in row.cells[1:]] for row in table.rows[1:]}

        author, submitted, sharing = rows[shared.agency.name]
        assert author == "Priya Shah, Practitioner"
        assert submitted.startswith("On time, ")
        assert sharing.startswith("Shared on ") and sharing.endswith("with Dawn Hartwell, mother")
        assert rows[unshared.agency.name][2] == f"Not shared: {NOT_SHARED_REASON}"
        text = re.sub(r"\s+", " ", pdf_text(pack))
        assert "The parents have not sent their own report." in text

    def test_an_amendment_after_release_replaces_the_version_in_the_pack(
        self, released, django_capture_on_commit_callbacks
    ):
        scene, shared, _ = released
        report_services.report_amend(report=shared, reason="Wrong date", actor=shared.author)
        save(shared, "worries", {"text": "Amended worries about Lily."})
        save(shared, "sharing", answers_for(shared)["sharing"])  # each version is shared afresh

        with django_capture_on_commit_callbacks(execute=True):
            submit_as(shared, "Priya Shah")

        family = _packs(scene.conference)[PackCopy.FAMILY]
        assert [(v["report_id"], v["number"]) for v in family.versions] == [(shared.pk, 2)]
        assert "Amended worries about Lily." in pdf_text(family)
        assert "Amended worries about Lily." in docx_text(family)


def test_a_late_report_after_release_is_built_into_both_copies(
    scene, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.pack_release(
            conference=scene.conference, actor=scene.unit, release_with_missing=True
        )
    assert _packs(scene.conference)[PackCopy.FAMILY].versions == []
    late = written(scene, words="Arrived after the pack went out.")

    an_hour_before = scene.conference.starts_at - timedelta(hours=1)

    with django_capture_on_commit_callbacks(execute=True):
        submit_as(late, "Priya Shah", now=an_hour_before)

    for pack in _packs(scene.conference).values():
        assert pack.state == PackState.READY
        assert [v["report_id"] for v in pack.versions] == [late.pk]
        text = re.sub(r"\s+", " ", pdf_text(pack))
        assert "Arrived after the pack went out." in text
        assert "Late, " in text


def _one_written() -> tuple[Scene, int]:
    """The author's report written in full, not yet submitted, and no release."""
    scene = build_scene()
    return scene, written(scene).pk


@pytest.fixture(scope="class")
def one_written_once(django_db_setup, django_db_blocker):
    """Written once for a class of tests (tests/worlds.py)."""
    yield from rolled_back_world(django_db_blocker, _one_written)


class TestOneWritten:
    """Tests that submit the author's written report, written once for the class (a class, so
    that `scene` within it is the class's own scene)."""

    @pytest.fixture
    def scene(self, one_written_once):
        """The class's scene, read afresh for each test."""
        return fresh(one_written_once[0])

    @pytest.fixture
    def report(self, one_written_once):
        """The author's written report, read afresh for each test."""
        return ProfessionalReport.objects.get(pk=one_written_once[1])

    def test_nothing_is_built_for_a_report_submitted_before_release(self, scene, report):
        submit_as(report, "Priya Shah")

        assert not ConferencePack.objects.filter(conference=scene.conference).exists()

    def test_a_failed_build_is_recorded_and_the_next_one_recovers(
        self, scene, report, django_capture_on_commit_callbacks, monkeypatch
    ):
        submit_as(report, "Priya Shah")

        def broken(document):
            raise RuntimeError("Renderer out of memory")

        monkeypatch.setattr(services, "pack_pdf", broken)
        with django_capture_on_commit_callbacks(execute=True):
            services.pack_release(
                conference=scene.conference, actor=scene.unit, release_with_missing=True
            )
        failed = _packs(scene.conference)[PackCopy.CONFERENCE]
        assert failed.state == PackState.FAILED and "out of memory" in failed.failure

        monkeypatch.undo()
        with django_capture_on_commit_callbacks(execute=True):
            services.pack_release(
                conference=scene.conference, actor=scene.unit, release_with_missing=True
            )
        assert _packs(scene.conference)[PackCopy.CONFERENCE].state == PackState.READY
        assert AuditEvent.objects.filter(action="pack_rebuild_requested").exists()

    def test_build_packs_builds_what_is_waiting_without_the_queue(self, scene, report):
        submit_as(report, "Priya Shah")
        services.pack_release(
            conference=scene.conference, actor=scene.unit, release_with_missing=True
        )  # not yet committed
        assert {p.state for p in _packs(scene.conference).values()} == {PackState.QUEUED}
        out = io.StringIO()

        call_command("build_packs", stdout=out)

        assert {p.state for p in _packs(scene.conference).values()} == {PackState.READY}
        assert "Built 2 pack copies." in out.getvalue()

    def test_many_requests_in_one_transaction_build_each_copy_once(
        self, scene, report, django_capture_on_commit_callbacks
    ):
        submit_as(report, "Priya Shah")

        with django_capture_on_commit_callbacks(execute=True):
            services.pack_release(
                conference=scene.conference, actor=scene.unit, release_with_missing=True
            )
            services.pack_queue(conference=scene.conference)

        built = AuditEvent.objects.filter(action__startswith="pack_", action__endswith="_built")
        assert sorted(built.values_list("action", flat=True)) == [
            "pack_conference_copy_built",
            "pack_family_copy_built",
        ]

    def test_a_request_during_a_build_leaves_the_pack_waiting_for_the_next(
        self, scene, report, monkeypatch
    ):
        submit_as(report, "Priya Shah")
        services.pack_release(
            conference=scene.conference, actor=scene.unit, release_with_missing=True
        )  # jobs not yet run
        pack = _packs(scene.conference)[PackCopy.CONFERENCE]
        real_pdf = services.pack_pdf

        def a_report_arrives_meanwhile(document):
            services.pack_queue(conference=scene.conference)
            return real_pdf(document)

        monkeypatch.setattr(services, "pack_pdf", a_report_arrives_meanwhile)
        assert services.pack_build(pack_id=pack.pk) == PackState.QUEUED
        monkeypatch.undo()

        assert services.pack_build(pack_id=pack.pk) == PackState.READY
        assert services.pack_build(pack_id=pack.pk) == PackState.READY  # nothing left to answer
        assert AuditEvent.objects.filter(action="pack_conference_copy_built").count() == 2

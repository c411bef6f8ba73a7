"""The pack and chronology pages: release, progress, downloads and who gets which copy;
the merged chronology's order and de-duplication on the page and in the pack's table."""

import re

import pytest
from django.urls import reverse

from cpconf.audit.models import AuditEvent, Outcome
from cpconf.conferences.models import Conference
from cpconf.packs.models import ConferencePack, PackCopy, PackState
from cpconf.packs.views import PACK_RELEASED
from cpconf.reports.models import ProfessionalReport
from tests.factories import InvitationFactory
from tests.packs.pack_scene import (
    chronology,
    docx_of,
    run_on_commit,
    submit_as,
    written,
)
from tests.report_scene import Scene, build_scene, review_conference
from tests.worlds import fresh, rolled_back_world

pytestmark = pytest.mark.django_db


def _review() -> tuple[Scene, int, int, int]:
    """A review at which the school and the colleague's agency both give a chronology, both
    recording one domestic incident (on adjacent days, in different words)."""
    scene = build_scene()
    conference = review_conference(scene)
    agency = scene.colleague.role_assignments.get().agency
    InvitationFactory(conference=conference, invitee=scene.colleague, agency=agency)
    school = written(scene, conference=conference)
    chronology(
        school,
        ("2026-02-10", "Police called to a domestic incident at home", "Mother"),
        ("2026-03-01", "Lily absent from school all week", "Register"),
    )
    submit_as(school, "Priya Shah")
    other = written(scene, author=scene.colleague, conference=conference)
    chronology(
        other,
        ("2026-02-11", "Police attended domestic incident at the family home", "Police log"),
        ("2026-01-05", "Core group meeting held", ""),
    )
    submit_as(other, "Sam Colleague")
    return scene, conference.pk, school.pk, other.pk


@pytest.fixture(scope="class")
def review_once(django_db_setup, django_db_blocker):
    """Written once for a class of tests (tests/worlds.py)."""
    yield from rolled_back_world(django_db_blocker, _review)


class TestReview:
    """The review's two chronologies, written once for the class (a class, so that `scene`
    within it is the class's own scene)."""

    @pytest.fixture
    def scene(self, review_once):
        """The class's scene, read afresh for each test."""
        return fresh(review_once[0])

    @pytest.fixture
    def review(self, review_once):
        """The review, the school's report and the other agency's, read afresh."""
        _scene, conference, school, other = review_once
        reports = ProfessionalReport.objects
        return Conference.objects.get(pk=conference), reports.get(pk=school), reports.get(pk=other)

    def test_the_chronology_page_merges_and_orders_events(self, client, scene, review):
        conference, school, other = review
        client.force_login(scene.chair)

        page = client.get(reverse("packs:chronology", args=[conference.pk])).content.decode()

        assert page.count('class="moj-timeline__item"') == 3
        dates = [page.index(d) for d in ("5 January 2026", "10 February 2026", "1 March 2026")]
        assert dates == sorted(dates)
        assert page.count("Police called to a domestic incident at home") == 2  # title and wording
        assert page.count("Police attended domestic incident at the family home") == 1
        assert "Recorded by 2 agencies" in page
        assert f"by {school.agency.name}, {other.agency.name}" in page

    def test_the_pack_s_chronology_table_shows_the_merged_event_once(
        self, client, scene, review, django_capture_on_commit_callbacks
    ):
        conference, school, other = review
        client.force_login(scene.unit)
        with django_capture_on_commit_callbacks(execute=True):
            client.post(reverse("packs:release", args=[conference.pk]))
        pack = ConferencePack.objects.get(conference=conference, copy=PackCopy.CONFERENCE)

        table = next(
            t
            for t in docx_of(pack).tables
            if [c.text for c in t.rows[0].cells][:2] == ["Date", "What happened"]
        )
        rows = [[c.text for c in row.cells] for row in table.rows[1:]]

        assert [row[0] for row in rows] == ["5 January 2026", "10 February 2026", "1 March 2026"]
        merged = rows[1]
        assert "Police called to a domestic incident at home" in merged[1]
        assert "11 February 2026: Police attended domestic incident at the family home" in merged[1]
        assert school.agency.name in merged[2] and other.agency.name in merged[2]
        assert "source: Police log" in merged[2]


def test_the_unit_releases_the_pack_from_the_page(
    client, scene, django_capture_on_commit_callbacks
):
    submit_as(written(scene), "Priya Shah")
    client.force_login(scene.unit)
    page = client.get(reverse("packs:detail", args=[scene.conference.pk])).content.decode()
    assert "Release the pack" in page

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("packs:release", args=[scene.conference.pk]), {"release_with_missing": "yes"}
        )

    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    assert str(PACK_RELEASED) in page
    assert page.count("Ready") == 2
    assert reverse("packs:download", args=[scene.conference.pk, "conference", "pdf"]) in page
    assert reverse("packs:download", args=[scene.conference.pk, "family", "docx"]) in page
    assert "Build the pack again" in page


def test_the_page_shows_progress_and_checks_again_while_building(client, scene):
    scene.conference.pack_released_at = scene.conference.starts_at
    scene.conference.save()
    ConferencePack.objects.create(
        conference=scene.conference,
        copy=PackCopy.CONFERENCE,
        state=PackState.BUILDING,
        reports_done=2,
        reports_total=5,
    )
    client.force_login(scene.chair)

    response = client.get(reverse("packs:detail", args=[scene.conference.pk]))

    page = re.sub(r"\s+", " ", response.content.decode())
    assert "Being built" in page
    assert "2 of 5 reports laid out" in page
    assert "Check again" in page
    assert response["Refresh"] == "5"
    assert "<script" not in page.split("</main>")[0]


def test_a_ready_pack_page_does_not_refresh(client, scene):
    ConferencePack.objects.create(
        conference=scene.conference, copy=PackCopy.CONFERENCE, state=PackState.READY
    )
    client.force_login(scene.chair)

    response = client.get(reverse("packs:detail", args=[scene.conference.pk]))

    assert "Refresh" not in response


def _built() -> Scene:
    scene = build_scene()
    submit_as(written(scene), "Priya Shah")
    with run_on_commit():
        from cpconf.packs.services import pack_release

        pack_release(conference=scene.conference, actor=scene.unit, release_with_missing=True)
    return scene


@pytest.fixture(scope="module")
def built_once(django_db_setup, django_db_blocker):
    """Built once for the tests that only look at a released pack: no test in this module
    counts rows across conferences, so the rest of the module may see it too."""
    yield from rolled_back_world(django_db_blocker, _built)


@pytest.fixture
def built(built_once):
    return fresh(built_once)


def test_an_invited_professional_gets_the_family_copy_only(client, built):
    scene = built
    client.force_login(scene.colleague)
    page = client.get(reverse("packs:detail", args=[scene.conference.pk])).content.decode()

    assert "Family copy" in page and "Conference copy" not in page
    assert "Release the pack" not in page and "Build the pack again" not in page
    family = client.get(reverse("packs:download", args=[scene.conference.pk, "family", "pdf"]))
    assert family.status_code == 200 and family["Content-Type"] == "application/pdf"
    refused = client.get(reverse("packs:download", args=[scene.conference.pk, "conference", "pdf"]))
    assert refused.status_code == 404
    assert AuditEvent.objects.filter(
        action="pack_conference_copy_downloaded", actor=scene.colleague, outcome=Outcome.REFUSED
    ).exists()


def test_each_download_is_audited(client, built):
    scene = built
    client.force_login(scene.chair)

    response = client.get(
        reverse("packs:download", args=[scene.conference.pk, "conference", "docx"])
    )

    assert response.status_code == 200
    assert "pack-conference-copy.docx" in response["Content-Disposition"]
    assert AuditEvent.objects.filter(
        action="pack_conference_copy_downloaded", actor=scene.chair, outcome=Outcome.SUCCESS
    ).exists()


def test_the_family_member_has_no_pack_page(client, built):
    client.force_login(built.parent)

    response = client.get(reverse("packs:detail", args=[built.conference.pk]))

    assert response.status_code == 404

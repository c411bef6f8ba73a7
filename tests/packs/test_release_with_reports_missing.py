"""Releasing a pack while invited reports have not arrived: given the school's report
submitted and the colleague's not, when the unit releases, then it is refused until the unit
confirms, the page names what is missing (agency and author), and the release is audited with
those names. The conference copy opens with the chair's brief; the family copy does not."""

import re

import pytest
from django.urls import reverse
from lxml import html

from cpconf.audit.models import AuditEvent
from cpconf.packs import services
from cpconf.packs.models import ConferencePack, PackCopy, PackRelease
from cpconf.packs.views import CONFIRM_MISSING
from tests.packs.pack_scene import (
    docx_headings,
    docx_text,
    pdf_of,
    pdf_text,
    submit_as,
    written,
)
from tests.report_scene import Scene, build_scene
from tests.worlds import fresh, rolled_back_world

pytestmark = pytest.mark.django_db


def _one_missing() -> tuple[Scene, tuple[str, str]]:
    """The school's report is in; the colleague (invited) has not started theirs."""
    scene = build_scene()
    submit_as(written(scene), "Priya Shah")
    agency = scene.colleague.role_assignments.get().agency
    return scene, (agency.name, scene.colleague.get_full_name())


@pytest.fixture(scope="class")
def one_missing_once(django_db_setup, django_db_blocker):
    """Written once for a class of tests (tests/worlds.py)."""
    yield from rolled_back_world(django_db_blocker, _one_missing)


class TestOneMissing:
    """The school's report in and the colleague's missing, written once for the class (no
    release: the tests below count releases and their audit events across conferences)."""

    @pytest.fixture
    def scene(self, one_missing_once):
        """The class's scene, read afresh for each test."""
        return fresh(one_missing_once[0])

    @pytest.fixture
    def one_missing(self, one_missing_once):
        """The missing report's agency and author."""
        return one_missing_once[1]

    def test_release_without_confirmation_is_refused_and_names_the_missing(
        self, scene, one_missing
    ):
        agency, author = one_missing

        with pytest.raises(services.ReportsMissing) as refused:
            services.pack_release(conference=scene.conference, actor=scene.unit)

        assert [(m.agency, m.author) for m in refused.value.missing] == [(agency, author)]
        scene.conference.refresh_from_db()
        assert scene.conference.pack_released_at is None
        assert not ConferencePack.objects.filter(conference=scene.conference).exists()
        assert not PackRelease.objects.exists()
        assert not AuditEvent.objects.filter(action="pack_released").exists()

    def test_confirmed_release_is_audited_with_the_names_of_what_was_missing(
        self, scene, one_missing, django_capture_on_commit_callbacks
    ):
        agency, author = one_missing

        with django_capture_on_commit_callbacks(execute=True):
            services.pack_release(
                conference=scene.conference, actor=scene.unit, release_with_missing=True
            )

        scene.conference.refresh_from_db()
        assert scene.conference.pack_released_at is not None
        release = PackRelease.objects.get(conference=scene.conference)
        assert [(m["agency"], m["author"]) for m in release.missing] == [(agency, author)]
        event = AuditEvent.objects.get(action="pack_released")
        assert (event.actor, event.object_type, event.object_id) == (
            scene.unit,
            "packs.packrelease",
            str(release.pk),
        )

    def test_the_page_names_the_missing_and_refuses_without_the_box_ticked(
        self, client, scene, one_missing, django_capture_on_commit_callbacks
    ):
        agency, author = one_missing
        client.force_login(scene.unit)
        _response, tree = _page(client, scene)
        listed = [
            " ".join(li.text_content().split())
            for li in tree.xpath("//*[@data-missing-reports]/li")
        ]
        assert listed == [f"{agency}: {author} (Not started)"]

        refused = client.post(reverse("packs:release", args=[scene.conference.pk]))

        assert refused.status_code == 302
        response = client.get(refused["Location"])
        page = re.sub(r"\s+", " ", response.content.decode())
        assert "There is a problem" in page and str(CONFIRM_MISSING) in page
        scene.conference.refresh_from_db()
        assert scene.conference.pack_released_at is None

        with django_capture_on_commit_callbacks(execute=True):
            released = client.post(
                reverse("packs:release", args=[scene.conference.pk]),
                {"release_with_missing": "yes"},
            )

        assert released.status_code == 302
        scene.conference.refresh_from_db()
        assert scene.conference.pack_released_at is not None
        _response, tree = _page(client, scene)
        assert not tree.xpath("//*[@data-missing-reports]")  # released: nothing left to confirm

    def test_the_conference_copy_opens_with_the_chairs_brief(
        self, scene, one_missing, django_capture_on_commit_callbacks
    ):
        agency, author = one_missing
        with django_capture_on_commit_callbacks(execute=True):
            services.pack_release(
                conference=scene.conference, actor=scene.unit, release_with_missing=True
            )
        packs = {p.copy: p for p in ConferencePack.objects.filter(conference=scene.conference)}
        conference, family = packs[PackCopy.CONFERENCE], packs[PackCopy.FAMILY]

        assert docx_headings(conference)[:2] == ["Chair's brief", "Conference pack"]
        for text in (docx_text(conference), re.sub(r"\s+", " ", pdf_text(conference))):
            assert "Scaling and recommendations, by child" in text
            assert "Not arrived" in text and agency in text and author in text
            assert "Child protection plan needed" in text or "Not given" in text
        pages = [page.extract_text() for page in pdf_of(conference).pages]
        assert "Chair's brief" in pages[0] and "Not arrived" in pages[0]  # one page, on its own
        assert "Chair's brief" not in pages[1] and pages[1].lstrip().startswith("Conference pack")
        assert "Chair's brief" not in docx_text(family)
        assert "Chair's brief" not in pdf_text(family)


def test_a_complete_release_needs_no_confirmation(scene, django_capture_on_commit_callbacks):
    submit_as(written(scene), "Priya Shah")
    submit_as(written(scene, author=scene.colleague), "Sam Colleague")

    with django_capture_on_commit_callbacks(execute=True):
        services.pack_release(conference=scene.conference, actor=scene.unit)

    assert PackRelease.objects.get(conference=scene.conference).missing == []


def _page(client, scene, query=""):
    url = reverse("packs:detail", args=[scene.conference.pk]) + query
    response = client.get(url)
    return response, html.fromstring(response.content.decode())

"""A release built once for the tests that only read it: building a pack lays out two PDFs
and two Word files, which takes seconds (see tests/worlds.py)."""

import pytest

from cpconf.packs import services
from cpconf.reports.models import ProfessionalReport
from tests.packs.pack_scene import (
    not_shared,
    run_on_commit,
    submit_as,
    written,
)
from tests.report_scene import Scene, build_scene
from tests.worlds import fresh, rolled_back_world


def _release() -> tuple[Scene, int, int]:
    """The author's report shared with the family; the colleague's not shared; then release."""
    scene = build_scene()
    shared = written(scene, words="Lily's reading has come on well.")
    submit_as(shared, "Priya Shah")
    unshared = not_shared(written(scene, author=scene.colleague, words="Unshared words here."))
    submit_as(unshared, "Sam Colleague")
    with run_on_commit():
        services.pack_release(
            conference=scene.conference, actor=scene.unit, release_with_missing=True
        )
    return scene, shared.pk, unshared.pk


@pytest.fixture(scope="class")
def released_once(django_db_setup, django_db_blocker):
    """The release, built once for a class of tests that read it (class, not module: tests
    elsewhere in a module count audit events and packs across every conference)."""
    yield from rolled_back_world(django_db_blocker, _release)


@pytest.fixture
def released(released_once):
    """The released scene, its shared report and its unshared one, as fresh instances."""
    scene, shared, unshared = released_once
    scene = fresh(scene)
    reports = ProfessionalReport.objects
    return scene, reports.get(pk=shared), reports.get(pk=unshared)

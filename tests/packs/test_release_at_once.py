""" "Release the pack" pressed many times at once (a double click, two tabs, two people in
the unit) releases it once, and each press is told what it did: one that the pack is
released, the rest that it is being built again, never all of them "released"."""

import pytest
from django.urls import reverse

from cpconf.audit.models import AuditEvent
from cpconf.packs.models import PackRelease
from cpconf.packs.views import PACK_RELEASED, PACK_REQUEUED
from tests.packs.pack_scene import submit_as, written
from tests.reports.concurrency import failures, press_at_once

# Each press that goes through queues both copies, built as it commits, so the presses are few
# and the race is run where it is a race: on PostgreSQL (SQLite takes one write at a time).
pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.postgres]
PRESSES = 4


def test_one_press_releases_the_pack_and_the_others_are_told_it_is_built_again(scene):
    submit_as(written(scene), "Priya Shah")
    url = reverse("packs:release", args=[scene.conference.pk])

    results = press_at_once(
        scene.unit,
        lambda client: client.post(url, {"release_with_missing": "yes"}, follow=True),
        presses=PRESSES,
    )

    assert failures(results) == []
    pages = [r.content.decode() for r in results]
    assert sum(str(PACK_RELEASED) in page for page in pages) == 1
    assert sum(str(PACK_REQUEUED) in page for page in pages) == PRESSES - 1
    assert PackRelease.objects.filter(conference=scene.conference).count() == 1
    assert AuditEvent.objects.filter(action="pack_released").count() == 1

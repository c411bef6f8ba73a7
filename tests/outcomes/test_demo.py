"""The demo's past conferences get their letters, one to each parent, once, however often the
demo is seeded."""

from types import SimpleNamespace

import pytest
from django.core import mail
from django.utils import timezone

from cpconf.demo.seeding import SeedSummary
from cpconf.outcomes.demo import seed_demo_part
from cpconf.outcomes.models import MinutesApproval, OutcomeLetter
from tests.factories import ConferenceFactory
from tests.outcomes.records import finalised_record

pytestmark = pytest.mark.django_db


def test_letters_are_issued_once_for_finalised_records_and_skipped_without(
    scene, django_capture_on_commit_callbacks
):
    version = finalised_record(scene.conference)
    unrecorded = ConferenceFactory(family=scene.family, chair=scene.chair)
    seeded = SimpleNamespace(
        summary=SeedSummary(),
        now=timezone.now(),
        conferences={"ashdown-initial": scene.conference, "carter-initial": unrecorded},
    )

    with django_capture_on_commit_callbacks(execute=True):
        seed_demo_part(seeded)
        seed_demo_part(seeded)

    letters = OutcomeLetter.objects.order_by("pk")
    assert [letter.addressed_to for letter in letters] == ["Dawn Hartwell", "Parent Account"]
    for letter in letters:
        assert letter.record_version == version
        assert letter.issued_by == scene.chair
        assert letter.issued_at <= seeded.now
    assert seeded.summary.created["outcome letters"] == 2
    assert seeded.summary.existing["outcome letters"] == 2
    assert mail.outbox == []
    # Its minutes approved once too, after the letter and never in the future.
    approval = MinutesApproval.objects.get()
    assert approval.record_version == version
    assert letters[0].issued_at <= approval.approved_at <= seeded.now
    assert seeded.summary.created["approvals of the minutes"] == 1

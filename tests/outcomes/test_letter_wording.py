"""The words of the letter follow what the chair recorded: after an initial conference, an
unborn baby is "likely to suffer significant harm" and never "has suffered" it, the category
is what could happen, and a child who gets no plan is not told a plan has ended."""

import datetime as dt

import pytest
from django.utils import timezone

from cpconf.conference_records.models import (
    ConferenceRecord,
    RecordStatus,
    RecordVersion,
    record_fingerprint,
)
from cpconf.documents.letter import letter_text
from cpconf.outcomes.services import outcome_issue
from tests.factories import ChildFactory

pytestmark = pytest.mark.django_db


def initial_record(scene, baby) -> RecordVersion:
    """The scene's initial conference, held yesterday: a plan for the unborn baby, early help
    for Lily, none for Noah."""
    conference = scene.conference
    conference.starts_at = timezone.now() - dt.timedelta(days=1)
    conference.save()
    lily, noah = scene.children
    later = (timezone.localdate() + dt.timedelta(days=9)).isoformat()

    def decision(child, outcome, suffered, likely, categories=(), unborn=False):
        return {
            "child_id": child.pk,
            "name": child.full_name,
            "unborn": unborn,
            "suffered_harm": suffered,
            "likely_to_suffer": likely,
            "outcome": outcome,
            "categories": list(categories),
            "professional_views": "",
            "consensus": "yes",
        }

    content = {
        "decisions": {
            "children": [
                decision(baby, "plan_starts", "", "yes", ["physical"], unborn=True),
                decision(lily, "ends_early_help", "no", "no"),
                decision(noah, "ends_no_further_action", "no", "no"),
            ],
            "chair_summary": "",
            "dissent": [],
        },
        "future_dates": {"core_group_on": later, "next_review_on": "2099-01-05"},
    }
    record = ConferenceRecord.objects.create(
        conference=conference, status=RecordStatus.FINALISED, finalised_at=timezone.now()
    )
    return RecordVersion.objects.create(
        record=record,
        number=1,
        content=content,
        fingerprint=record_fingerprint(content),
        finalised_by=conference.chair,
        finalised_at=timezone.now(),
    )


def test_an_unborn_baby_is_likely_to_suffer_and_the_others_never_had_a_plan(scene):
    baby = ChildFactory(
        family=scene.family,
        given_name="Baby",
        date_of_birth=None,
        expected_due_date=timezone.localdate() + dt.timedelta(days=60),
    )
    letter = outcome_issue(record_version=initial_record(scene, baby), actor=scene.chair)[0]

    text = " ".join(letter_text(letter.content).split())

    assert "Baby will have a child protection plan." in text
    assert "Baby is not born yet." in text
    assert (
        "The meeting decided that Baby is likely to suffer significant harm after the birth."
        in text
    )
    assert "Someone might hit, shake or hurt Baby. This is called physical abuse." in text
    assert "has suffered" not in text and "is being hurt" not in text
    assert "Lily will not have a child protection plan." in text
    assert "Instead, your family can get support from people like the school" in text
    assert "Noah will not have a child protection plan." in text
    assert "Social workers do not need to do anything more." in text
    assert "any more" not in text

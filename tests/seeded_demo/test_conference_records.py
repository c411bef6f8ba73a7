"""The demo's past conferences have finalised records that meet today's rules, so its upcoming
reviews start from them; seeding again adds nothing."""

import pytest

from cpconf.conference_records import record_content as parts
from cpconf.conference_records import services
from cpconf.conference_records.models import ConferenceRecord, RecordPart, RecordVersion
from cpconf.conference_records.selectors import latest_finalised_content
from cpconf.conferences.models import Conference
from cpconf.demo.seeding import seed_demo
from tests.worlds import FAST_HASHER

pytestmark = pytest.mark.django_db

PAST = {
    ("NS-2026-0141", "initial"),
    ("NS-2026-0097", "initial"),
    ("NS-2026-0097", "review"),
    ("NS-2026-0163", "safer_me_plus_initial"),
}


@pytest.fixture
def seeded(demo_seeded_once, settings):
    """The demo, seeded once for this module (tests/conftest.py); passwords were hashed
    quickly, and checking them needs the same hasher."""
    settings.PASSWORD_HASHERS = FAST_HASHER


def counts() -> tuple[int, int, int]:
    return (
        ConferenceRecord.objects.count(),
        RecordPart.objects.count(),
        RecordVersion.objects.count(),
    )


def test_each_past_conference_has_a_finalised_record_that_passes_the_rules(seeded):
    records = ConferenceRecord.objects.select_related("conference__family")
    finished = {
        (r.conference.family.case_reference, r.conference.meeting_type)
        for r in records
        if r.is_finalised
    }

    assert finished == PAST
    carter_first_review = Conference.objects.get(
        family__case_reference="NS-2026-0097", meeting_type="review", record__isnull=False
    )
    assert carter_first_review.previous is not None
    for record in records:
        # held, with attendance, a decision per child and every date after the meeting
        assert services.record_problems(record) == [], record
        assert services.record_warnings(record) == [], record  # quorate
        content = latest_finalised_content(record.conference)
        assert content is not None
        assert content[parts.INTRODUCTIONS]["participants"][0]["kind"] in parts.FAMILY_KINDS
        assert content[parts.SCALING]["scores"]
        assert content[parts.DISCUSSION]["entries"]


def test_the_carter_first_review_carried_its_plan_forward_from_the_initial(seeded):
    review = Conference.objects.get(
        family__case_reference="NS-2026-0097", meeting_type="review", record__isnull=False
    )

    actions = latest_finalised_content(review)[parts.PLAN]["actions"]

    assert [a["carried_forward"] for a in actions] == [True, True, True, False]
    assert [a["progress"] for a in actions[:3]] == ["done", "in_progress", "done"]


def test_an_upcoming_review_starts_from_its_previous_record(seeded):
    review = Conference.objects.get(family__case_reference="NS-2026-0141", meeting_type="review")
    assert not ConferenceRecord.objects.filter(conference=review).exists()

    record = services.record_start(conference=review, actor=review.chair)

    why = services.record_content(record)[parts.WHY_HERE]
    previous = latest_finalised_content(review.previous)
    assert why["danger_statement"] == previous[parts.WHY_HERE]["danger_statement"]
    assert why["danger_statement"].startswith("Professionals are worried")


def test_seeding_again_adds_no_records(seeded):
    before = counts()

    seed_demo()

    assert counts() == before
    assert before[2] == len(PAST)

"""Issuing the minutes and letter: frozen, once per version, by the chair or the unit only,
audited, and the family and invitees told without any case details."""

import pytest
from django.core import mail
from django.utils import timezone

from cpconf.audit.models import AuditEvent
from cpconf.conference_records.models import (
    ConferenceRecord,
    RecordStatus,
    RecordVersion,
    record_fingerprint,
)
from cpconf.outcomes import selectors
from cpconf.outcomes.models import OutcomeLetter
from cpconf.outcomes.services import (
    FAMILY_NOTICE,
    NOT_ALLOWED,
    NOT_FINALISED,
    OutcomeError,
    outcome_issue,
)
from tests.outcomes.records import corrected, finalised_record, review_content

pytestmark = pytest.mark.django_db


LETTER_KEYS = {
    "title",
    "addressed_to",
    "greeting",
    "letterhead",
    "recipient_address",
    "details",
    "notice",
    "format",
    "sections",
}


def test_issuing_freezes_the_letter_with_its_fingerprint(scene):
    version = finalised_record(scene.conference)

    letters = outcome_issue(record_version=version, actor=scene.chair)

    assert len(letters) == 2
    for letter in letters:
        assert set(letter.content) == LETTER_KEYS
        assert all(set(s) == {"heading", "paragraphs"} for s in letter.content["sections"])
        assert letter.fingerprint == record_fingerprint(letter.content)
        assert letter.issued_by == scene.chair
    letter = letters[0]
    letter.content["title"] = "Changed"
    with pytest.raises(ValueError, match="never changed"):
        letter.save()
    with pytest.raises(ValueError, match="never removed"):
        letter.delete()


def test_issuing_the_same_version_again_gives_back_the_same_letter(scene):
    version = finalised_record(scene.conference)
    first = outcome_issue(record_version=version, actor=scene.chair)

    second = outcome_issue(record_version=version, actor=scene.unit)

    assert [letter.pk for letter in second] == [letter.pk for letter in first]
    assert {letter.issued_by for letter in second} == {scene.chair}
    assert OutcomeLetter.objects.count() == 2
    assert AuditEvent.objects.filter(action="outcome_letter_issued").count() == 2


def test_a_correction_gets_a_new_letter_and_the_old_one_remains(scene):
    first_version = finalised_record(scene.conference)
    first = outcome_issue(record_version=first_version, actor=scene.chair)
    decisions = {**first_version.content["decisions"], "chair_summary": "Noah has seen a dentist."}
    second_version = corrected(
        first_version, "The dentist visit was missed out.", decisions=decisions
    )

    second = outcome_issue(record_version=second_version, actor=scene.chair)

    assert {letter.pk for letter in second}.isdisjoint(letter.pk for letter in first)
    for letter in first:
        letter.refresh_from_db()
        assert "Noah has seen a dentist." not in str(letter.content)
    assert all("Noah has seen a dentist." in str(letter.content) for letter in second)
    assert [letter.pk for letter in selectors.letters_of(scene.conference)] == [
        letter.pk for letter in second + first
    ]


def test_only_the_latest_version_is_issued(scene):
    first_version = finalised_record(scene.conference)
    corrected(first_version, "A date was wrong.")

    with pytest.raises(OutcomeError, match="version 2 replaces this one"):
        outcome_issue(record_version=first_version, actor=scene.chair)


def test_a_record_under_way_is_not_issued(scene):
    # A finalised record is never reopened (the database refuses it): this one is written
    # under way from the start, with a version beside it.
    record = ConferenceRecord.objects.create(
        conference=scene.conference, status=RecordStatus.IN_PROGRESS
    )
    content = review_content(scene.conference)
    version = RecordVersion.objects.create(
        record=record,
        number=1,
        content=content,
        fingerprint=record_fingerprint(content),
        finalised_by=scene.chair,
        finalised_at=timezone.now(),
    )

    with pytest.raises(OutcomeError, match=NOT_FINALISED):
        outcome_issue(record_version=version, actor=scene.chair)


@pytest.mark.parametrize("who", ["author", "parent"])
def test_only_the_chair_or_the_unit_issues(scene, who):
    version = finalised_record(scene.conference)

    with pytest.raises(OutcomeError, match=NOT_ALLOWED):
        outcome_issue(record_version=version, actor=getattr(scene, who))
    assert not OutcomeLetter.objects.exists()


def test_issuing_is_audited_under_the_family(scene):
    version = finalised_record(scene.conference)

    letters = outcome_issue(record_version=version, actor=scene.unit)

    events = AuditEvent.objects.filter(action="outcome_letter_issued")
    assert {event.family_id for event in events} == {scene.family.pk}
    assert {event.object_id for event in events} == {str(letter.pk) for letter in letters}


def test_the_family_and_invitees_are_told_without_case_details(
    scene, django_capture_on_commit_callbacks
):
    version = finalised_record(scene.conference)

    with django_capture_on_commit_callbacks(execute=True):
        outcome_issue(record_version=version, actor=scene.chair)

    sent = {message.to[0]: message for message in mail.outbox}
    assert set(sent) == {scene.parent.email, scene.author.email, scene.colleague.email}
    assert sent[scene.parent.email].body == FAMILY_NOTICE
    for message in mail.outbox:
        text = message.subject + message.body
        for detail in ("Lily", "Noah", "Hartwell", "neglect", "plan continues", "dentist"):
            assert detail not in text
    assert scene.family.case_reference not in sent[scene.parent.email].body


def test_the_letter_is_built_only_from_the_record(scene):
    content = review_content(scene.conference)
    version = finalised_record(scene.conference, content)

    letters = outcome_issue(record_version=version, actor=scene.chair)

    assert [letter.content["addressed_to"] for letter in letters] == [
        "Dawn Hartwell",
        "Parent Account",
    ]

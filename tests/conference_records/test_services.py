"""Running the record through the services: starting, saving part by part, finalising into
frozen versions, correcting, and starting a review's record from the last one."""

from datetime import timedelta

import pytest
from django.db import DatabaseError, IntegrityError, transaction

from cpconf.audit.models import AuditEvent
from cpconf.conference_records import record_content as parts
from cpconf.conference_records import services
from cpconf.conference_records.models import RecordStatus, RecordVersion, record_fingerprint
from cpconf.conference_records.selectors import latest_finalised_content, latest_version
from cpconf.conferences.models import ConferenceStatus
from tests.conference_records.builders import (
    DANGER,
    complete_content,
    finalised,
    held,
    next_review_day,
    write_all,
)

pytestmark = pytest.mark.django_db


def started(scene):
    return services.record_start(conference=scene.conference, actor=scene.chair)


def complete(scene):
    """Every part answered, for a meeting that started this morning."""
    held(scene.conference)
    record = started(scene)
    children = services.children_of(scene.conference)
    write_all(record, complete_content(children, next_review_day(scene.conference)), scene.chair)
    return record


def actions(action: str) -> list[AuditEvent]:
    return list(AuditEvent.objects.filter(action=action))


def test_starting_makes_every_part_once_and_is_audited_once(scene):
    record = started(scene)
    again = started(scene)

    assert again.pk == record.pk
    assert sorted(record.parts.values_list("key", flat=True)) == sorted(parts.PART_KEYS)
    assert set(record.parts.values_list("revision", flat=True)) == {0}
    decisions = record.parts.get(key=parts.DECISIONS).content["children"]
    assert [d["name"] for d in decisions] == ["Lily Hartwell", "Noah Hartwell"]
    [event] = actions("conference_record_started")
    assert event.family_id == scene.family.pk
    assert event.actor_id == scene.chair.pk


def test_a_save_moves_the_revision_on_and_a_stale_one_is_a_conflict(scene):
    record = started(scene)
    why = {**record.parts.get(key=parts.WHY_HERE).content, "danger_statement": DANGER}

    part = services.part_save(
        record=record, key=parts.WHY_HERE, content=why, revision=0, actor=scene.chair
    )
    assert part.revision == 1

    with pytest.raises(services.RecordConflict) as conflict:
        services.part_save(
            record=record,
            key=parts.WHY_HERE,
            content={**why, "danger_statement": "Typed in another tab"},
            revision=0,
            actor=scene.unit,
        )
    assert conflict.value.current.revision == 1
    assert conflict.value.current.content["danger_statement"] == DANGER
    assert record.parts.get(key=parts.WHY_HERE).content["danger_statement"] == DANGER
    assert len(actions("record_part_saved")) == 1


def test_a_save_keeps_every_field_of_the_part(scene):
    record = started(scene)
    review_on = next_review_day(scene.conference)  # after the meeting, whenever tests run

    services.part_save(
        record=record,
        key=parts.FUTURE_DATES,
        content={"next_review_on": review_on},
        revision=0,
        actor=scene.chair,
    )

    saved = record.parts.get(key=parts.FUTURE_DATES).content
    assert saved["next_review_on"] == review_on
    assert saved["core_group_members"] == [] and saved["appeal_explained"] is False


def test_a_score_outside_the_range_is_refused_and_nothing_is_saved(scene):
    record = started(scene)
    lily = scene.children[0]
    scores = {"scores": [{"participant": "Dawn Hartwell", "child_id": lily.pk, "score": 11}]}

    with pytest.raises(services.PartInvalid) as invalid:
        services.part_save(
            record=record, key=parts.SCALING, content=scores, revision=0, actor=scene.chair
        )

    [problem] = invalid.value.problems
    assert problem.field == "scores-0-score"
    assert problem.message == parts.SCORE_OUT_OF_RANGE.format(
        participant="Dawn Hartwell", name=lily.full_name, low=0, high=10
    )
    assert record.parts.get(key=parts.SCALING).revision == 0


def test_an_incomplete_record_is_not_finalised_and_says_what_is_missing(scene):
    held(scene.conference)
    record = started(scene)

    with pytest.raises(services.RecordIncomplete) as incomplete:
        services.record_finalise(record=record, actor=scene.chair)

    assert [p.message for p in incomplete.value.problems] == [
        "Record who was present at the conference",
        "Choose a decision for Lily Hartwell",
        "Choose a decision for Noah Hartwell",
    ]
    record.refresh_from_db()
    assert record.status == RecordStatus.IN_PROGRESS
    assert not record.versions.exists()
    assert services.record_problems(record) == incomplete.value.problems


def test_finalising_freezes_every_part_and_finalises_the_conference(scene):
    record = complete(scene)

    version = services.record_finalise(record=record, actor=scene.chair)

    assert version.number == 1
    assert version.content == services.record_content(record)
    assert tuple(version.content) == parts.PART_KEYS
    assert version.fingerprint == record_fingerprint(version.content)
    assert version.finalised_by == scene.chair
    record.refresh_from_db()
    scene.conference.refresh_from_db()
    assert record.status == RecordStatus.FINALISED and record.finalised_at == version.finalised_at
    assert scene.conference.status == ConferenceStatus.FINALISED
    assert latest_version(record) == version
    assert latest_finalised_content(scene.conference) == version.content
    [event] = actions("conference_record_finalised")
    assert event.object_type == "conference_records.recordversion"
    assert event.family_id == scene.family.pk


def test_a_finalised_record_is_not_changed_in_place(scene):
    record = complete(scene)
    services.record_finalise(record=record, actor=scene.chair)
    part = record.parts.get(key=parts.WHY_HERE)

    with pytest.raises(services.RecordNotEditable):
        services.part_save(
            record=record,
            key=parts.WHY_HERE,
            content=part.content,
            revision=part.revision,
            actor=scene.chair,
        )
    with pytest.raises(services.RecordNotEditable):
        services.record_finalise(record=record, actor=scene.chair)


def test_a_version_cannot_be_changed_by_the_model_or_the_database(scene):
    version = finalised(scene.conference, scene.chair)

    version.content = {"decisions": "changed"}
    with pytest.raises(ValueError):
        version.save()
    with pytest.raises((IntegrityError, DatabaseError)), transaction.atomic():
        RecordVersion.objects.filter(pk=version.pk).update(correction_reason="Changed by a script")
    with pytest.raises(ValueError):
        version.delete()
    with pytest.raises((IntegrityError, DatabaseError)), transaction.atomic():
        RecordVersion.objects.filter(pk=version.pk).delete()
    version.refresh_from_db()
    assert version.correction_reason == ""
    assert version.content[parts.WHY_HERE]["danger_statement"] == DANGER


def test_a_correction_needs_a_reason(scene):
    version = finalised(scene.conference, scene.chair)

    with pytest.raises(ValueError, match=services.ENTER_CORRECTION_REASON):
        services.record_correct(record=version.record, reason="  ", actor=scene.chair)
    version.record.refresh_from_db()
    assert not version.record.is_editable


def test_only_a_finalised_record_is_corrected(scene):
    with pytest.raises(services.RecordNotFinalised):
        services.record_correct(record=started(scene), reason="Typo", actor=scene.chair)


def test_a_correction_makes_version_two_with_its_reason_and_leaves_version_one(scene):
    first = finalised(scene.conference, scene.chair)
    record = first.record
    reason = "Noah's category was recorded wrongly"

    services.record_correct(record=record, reason=reason, actor=scene.chair)
    assert record.is_editable and record.is_being_corrected
    decisions = record.parts.get(key=parts.DECISIONS)
    changed = decisions.content
    changed["children"][1]["categories"] = ["neglect", "emotional"]
    services.part_save(
        record=record,
        key=parts.DECISIONS,
        content=changed,
        revision=decisions.revision,
        actor=scene.chair,
    )
    second = services.record_finalise(record=record, actor=scene.chair)

    assert (second.number, second.correction_reason) == (2, reason)
    assert second.content[parts.DECISIONS]["children"][1]["categories"] == ["neglect", "emotional"]
    assert second.fingerprint != first.fingerprint
    first.refresh_from_db()
    assert first.content[parts.DECISIONS]["children"][1]["categories"] == ["neglect"]
    assert first.correction_reason == ""
    record.refresh_from_db()
    assert record.correction_reason == "" and not record.is_editable
    assert latest_finalised_content(scene.conference) == second.content
    assert len(actions("conference_record_correction_started")) == 1


def test_a_review_record_starts_from_the_previous_conferences_latest_version(scene):
    first = finalised(scene.conference, scene.chair)
    services.record_correct(record=first.record, reason="Goals reworded", actor=scene.chair)
    why = first.record.parts.get(key=parts.WHY_HERE)
    services.part_save(
        record=first.record,
        key=parts.WHY_HERE,
        content={**why.content, "safety_goals": "Reworded goals"},
        revision=why.revision,
        actor=scene.chair,
    )
    services.record_finalise(record=first.record, actor=scene.chair)
    review = services.next_review_book(
        record=first.record,
        starts_at=scene.conference.starts_at + timedelta(days=60),
        place="Civic Centre",
        virtual_link="",
        actor=scene.unit,
    )

    record = services.record_start(conference=review, actor=scene.chair)
    content = services.record_content(record)

    assert content[parts.WHY_HERE]["danger_statement"] == DANGER
    assert content[parts.WHY_HERE]["safety_goals"] == "Reworded goals"
    actions_now = content[parts.PLAN]["actions"]
    assert [a["carried_forward"] for a in actions_now] == [True, True]
    assert [a["progress"] for a in actions_now] == ["not_started", "done"]
    assert content[parts.FUTURE_DATES]["core_group_members"] == ["Dawn Hartwell", "Priya Shah"]
    assert content[parts.INTRODUCTIONS]["participants"] == []


def test_finalising_can_be_dated_for_a_record_written_afterwards(scene):
    record = complete(scene)
    at = scene.conference.starts_at

    version = services.record_finalise(record=record, actor=scene.chair, at=at)

    assert version.finalised_at == at

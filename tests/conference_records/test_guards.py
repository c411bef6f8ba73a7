"""Given a finalised conference, when anyone goes around the application with SQL, then the
database refuses to change or remove its record versions, to un-finalise its record or move
it to another conference, and to move the conference to another family or change its type —
on SQLite and on PostgreSQL alike (decision 7)."""

import pytest
from django.db import IntegrityError, connection, transaction

from cpconf.conference_records import services
from cpconf.conference_records.models import ConferenceRecord, RecordStatus, RecordVersion
from cpconf.conferences.models import Conference, ConferenceStatus
from cpconf.dataprotection.frozen_versions import versions_destroyable
from tests.conference_records.builders import finalised
from tests.factories import ConferenceFactory, FamilyFactory
from tests.reports.test_guards import refused

pytestmark = pytest.mark.django_db

VERSION_REFUSED = "a finalised conference record version is never changed"
RECORD_REFUSED = "a finalised conference record stays finalised, for its conference"
CONFERENCE_REFUSED = "a finalised conference keeps its family, type, stage and status"
VERSIONS = "conference_records_recordversion"
RECORDS = "conference_records_conferencerecord"
CONFERENCES = "conferences_conference"


@pytest.fixture
def version(scene) -> RecordVersion:
    return finalised(scene.conference, scene.chair)


def test_a_version_update_is_refused(version):
    message = refused(
        "UPDATE conference_records_recordversion SET correction_reason = %s WHERE id = %s",
        ["Changed", version.pk],
    )

    assert VERSION_REFUSED in message
    assert RecordVersion.objects.get(pk=version.pk).correction_reason == ""


def test_a_version_delete_is_refused(version):
    message = refused("DELETE FROM conference_records_recordversion WHERE id = %s", [version.pk])

    assert VERSION_REFUSED in message
    assert RecordVersion.objects.filter(pk=version.pk).exists()


def test_a_version_of_the_same_number_is_refused(version):
    with pytest.raises(IntegrityError), transaction.atomic():
        RecordVersion.objects.create(
            record=version.record,
            number=version.number,
            content={"decisions": "changed"},
            fingerprint="0" * 64,
            finalised_by=version.finalised_by,
            finalised_at=version.finalised_at,
        )
    assert RecordVersion.objects.get(record=version.record).content == version.content


def test_a_finalised_record_cannot_be_reopened_by_sql(version):
    message = refused(
        "UPDATE conference_records_conferencerecord"
        " SET status = %s, finalised_at = NULL WHERE id = %s",
        [RecordStatus.IN_PROGRESS, version.record_id],
    )

    assert RECORD_REFUSED in message
    assert ConferenceRecord.objects.get(pk=version.record_id).status == RecordStatus.FINALISED


def test_a_finalised_record_cannot_move_to_another_conference(version, scene):
    elsewhere = ConferenceFactory(family=scene.family, chair=scene.chair)

    message = refused(
        "UPDATE conference_records_conferencerecord SET conference_id = %s WHERE id = %s",
        [elsewhere.pk, version.record_id],
    )

    assert RECORD_REFUSED in message
    assert ConferenceRecord.objects.get(pk=version.record_id).conference_id == scene.conference.pk


def test_a_finalised_records_time_cannot_go_back(version):
    earlier = version.finalised_at.replace(year=version.finalised_at.year - 1)

    message = refused(
        "UPDATE conference_records_conferencerecord SET finalised_at = %s WHERE id = %s",
        [earlier, version.record_id],
    )

    assert RECORD_REFUSED in message
    assert ConferenceRecord.objects.get(pk=version.record_id).finalised_at == version.finalised_at


def test_a_correction_still_goes_through(version, scene):
    record = ConferenceRecord.objects.get(pk=version.record_id)

    services.record_correct(record=record, reason="A name was misspelt", actor=scene.chair)
    second = services.record_finalise(record=record, actor=scene.chair)

    record.refresh_from_db()
    assert second.number == 2 and record.finalised_at == second.finalised_at
    assert record.correction_reason == ""


def test_a_finalised_conference_cannot_move_to_another_family(version, scene):
    other_family = FamilyFactory(local_authority=scene.authority)

    message = refused(
        "UPDATE conferences_conference SET family_id = %s WHERE id = %s",
        [other_family.pk, scene.conference.pk],
    )

    assert CONFERENCE_REFUSED in message
    assert Conference.objects.get(pk=scene.conference.pk).family_id == scene.family.pk


@pytest.mark.parametrize(
    ("column", "value"),
    [("status", ConferenceStatus.SCHEDULED), ("meeting_type", "review"), ("stage", "review")],
)
def test_a_finalised_conference_keeps_its_status_type_and_stage(version, scene, column, value):
    before = Conference.objects.values(column).get(pk=scene.conference.pk)

    message = refused(
        f"UPDATE {CONFERENCES} SET {column} = %s WHERE id = %s",  # noqa: S608
        [value, scene.conference.pk],
    )

    assert CONFERENCE_REFUSED in message
    assert Conference.objects.values(column).get(pk=scene.conference.pk) == before


def test_a_conference_not_yet_finalised_may_still_change(scene):
    other_family = FamilyFactory(local_authority=scene.authority)

    Conference.objects.filter(pk=scene.conference.pk).update(family=other_family)

    assert Conference.objects.get(pk=scene.conference.pk).family_id == other_family.pk


def test_retention_destruction_may_delete_a_version(version):
    with transaction.atomic(), versions_destroyable(), connection.cursor() as cursor:
        cursor.execute("DELETE FROM conference_records_recordversion WHERE id = %s", [version.pk])

    assert not RecordVersion.objects.filter(pk=version.pk).exists()

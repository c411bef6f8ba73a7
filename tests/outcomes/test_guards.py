"""Given an issued outcome letter, when anyone goes around the application with SQL, then the
database refuses to change it, remove it or put another in its place — on SQLite and on
PostgreSQL alike — except inside retention destruction (decision 7)."""

import pytest
from django.db import IntegrityError, connection, transaction

from cpconf.dataprotection.frozen_versions import versions_destroyable
from cpconf.outcomes.models import OutcomeLetter
from cpconf.outcomes.services import outcome_issue
from tests.outcomes.records import finalised_record
from tests.reports.test_guards import refused

pytestmark = pytest.mark.django_db

REFUSED = "an issued outcome letter is never changed"
TABLE = "outcomes_outcomeletter"


@pytest.fixture
def letter(scene) -> OutcomeLetter:
    """Dawn Hartwell's letter (Parent Account has their own beside it)."""
    version = finalised_record(scene.conference)
    return outcome_issue(record_version=version, actor=scene.chair, notify=False)[0]


def test_an_update_is_refused(letter):
    message = refused(
        "UPDATE outcomes_outcomeletter SET content = %s WHERE id = %s",
        ['{"title": "Changed"}', letter.pk],
    )

    assert REFUSED in message
    assert OutcomeLetter.objects.get(pk=letter.pk).content == letter.content


def test_a_delete_is_refused(letter):
    message = refused("DELETE FROM outcomes_outcomeletter WHERE id = %s", [letter.pk])

    assert REFUSED in message
    assert OutcomeLetter.objects.filter(pk=letter.pk).exists()


def test_replacing_a_letter_in_one_statement_is_refused(letter):
    columns = [f.column for f in OutcomeLetter._meta.concrete_fields]
    names = ", ".join(columns)
    copied = ", ".join("%s" if c == "content" else c for c in columns)
    select = f"SELECT {copied} FROM {TABLE} WHERE id = %s"  # noqa: S608
    if connection.vendor == "sqlite":
        sql = f"INSERT OR REPLACE INTO {TABLE} ({names}) {select}"
    else:
        sql = (
            f"INSERT INTO {TABLE} ({names}) {select} "
            "ON CONFLICT (id) DO UPDATE SET content = EXCLUDED.content"
        )

    message = refused(sql, ['{"title": "Changed"}', letter.pk])

    assert REFUSED in message
    assert OutcomeLetter.objects.get(pk=letter.pk).content == letter.content


def test_replacing_a_recipients_letter_under_a_new_id_is_refused(letter):
    """`INSERT OR REPLACE` (or an upsert) clashing on the version and recipient, not the id."""
    columns = [f.column for f in OutcomeLetter._meta.concrete_fields if f.column != "id"]
    names = ", ".join(columns)
    copied = ", ".join("%s" if c == "content" else c for c in columns)
    select = f"SELECT {copied} FROM {TABLE} WHERE id = %s"  # noqa: S608
    if connection.vendor == "sqlite":
        sql = f"INSERT OR REPLACE INTO {TABLE} ({names}) {select}"
    else:
        sql = (
            f"INSERT INTO {TABLE} ({names}) {select} ON CONFLICT (record_version_id, "
            "recipient_id) WHERE recipient_id IS NOT NULL DO UPDATE SET content = EXCLUDED.content"
        )

    message = refused(sql, ['{"title": "Changed"}', letter.pk])

    assert REFUSED in message
    assert OutcomeLetter.objects.get(pk=letter.pk).content == letter.content
    assert OutcomeLetter.objects.count() == 2


def test_a_second_letter_to_the_same_person_from_one_version_is_refused(letter):
    with pytest.raises(IntegrityError), transaction.atomic():
        OutcomeLetter.objects.create(
            record_version=letter.record_version,
            recipient=letter.recipient,
            issued_at=letter.issued_at,
            issued_by=letter.issued_by,
            content={"title": "Changed"},
            fingerprint="0" * 64,
        )
    assert OutcomeLetter.objects.get(pk=letter.pk).content == letter.content


def test_a_version_has_at_most_one_letter_to_the_family_as_a_whole(letter):
    def to_the_family():
        return OutcomeLetter.objects.create(
            record_version=letter.record_version,
            issued_at=letter.issued_at,
            issued_by=letter.issued_by,
            content={"title": "To the family"},
            fingerprint="0" * 64,
        )

    to_the_family()
    with pytest.raises(IntegrityError), transaction.atomic():
        to_the_family()
    assert OutcomeLetter.objects.filter(recipient__isnull=True).count() == 1


def test_retention_destruction_may_delete_them_and_the_guard_is_back_afterwards(letter, scene):
    version = letter.record_version
    with transaction.atomic():
        with versions_destroyable(), connection.cursor() as cursor:
            cursor.execute(
                "DELETE FROM outcomes_outcomeletter WHERE record_version_id = %s", [version.pk]
            )
        assert not OutcomeLetter.objects.exists()
        reissued = outcome_issue(record_version=version, actor=scene.chair, notify=False)
        assert len(reissued) == 2
        assert REFUSED in refused(
            "DELETE FROM outcomes_outcomeletter WHERE id = %s", [reissued[0].pk]
        )

"""What a finalised conference decided stays where it is, whatever code runs (decision 7).

- Record versions: 0002 made both databases refuse an UPDATE and PostgreSQL a DELETE outside
  retention destruction. SQLite now refuses a DELETE too unless the transaction holds the
  destruction permit (dataprotection 0003), and an INSERT that would take an existing
  version's id or number (`INSERT OR REPLACE` displaces rows without firing delete triggers).
- The record row: once finalised it stays finalised, for the same conference, and its
  finalisation time only moves forward (a correction's next version). The correction reason
  may change: that is how a correction starts.
- The conference row: once its record is finalised, the conference keeps its family, type,
  stage, previous conference and status. (Its date and place are the scheduling service's to
  refuse; retention's tests also move old conferences into the past.)

A finalised record or conference cannot be deleted while its versions exist: their foreign
keys refuse it on both databases, and the versions themselves are guarded.
"""

from django.db import migrations
from django.db.utils import NotSupportedError

PERMIT = "dataprotection_destruction_permit"
VERSION_MESSAGE = "a finalised conference record version is never changed"
RECORD_MESSAGE = "a finalised conference record stays finalised, for its conference"
CONFERENCE_MESSAGE = "a finalised conference keeps its family, type, stage and status"

RECORD_CHANGED = """OLD.status = 'finalised' AND (
        NEW.status {differs} OLD.status
        OR NEW.conference_id {differs} OLD.conference_id
        OR NEW.finalised_at < OLD.finalised_at
    )"""
CONFERENCE_CHANGED = """OLD.status = 'finalised' AND (
        NEW.status {differs} OLD.status
        OR NEW.family_id {differs} OLD.family_id
        OR NEW.meeting_type {differs} OLD.meeting_type
        OR NEW.stage {differs} OLD.stage
        OR NEW.previous_id {differs} OLD.previous_id
    )"""

POSTGRESQL_CREATE = [
    f"""
CREATE OR REPLACE FUNCTION finalised_record_stays_finalised() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION '{RECORD_MESSAGE}' USING ERRCODE = 'integrity_constraint_violation';
END;
$$ LANGUAGE plpgsql;
""",
    f"""
CREATE TRIGGER finalised_record_stays_finalised
    BEFORE UPDATE ON conference_records_conferencerecord
    FOR EACH ROW WHEN ({RECORD_CHANGED.format(differs="IS DISTINCT FROM")})
    EXECUTE FUNCTION finalised_record_stays_finalised();
""",
    f"""
CREATE OR REPLACE FUNCTION finalised_conference_stays_finalised() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION '{CONFERENCE_MESSAGE}' USING ERRCODE = 'integrity_constraint_violation';
END;
$$ LANGUAGE plpgsql;
""",
    f"""
CREATE TRIGGER finalised_conference_stays_finalised
    BEFORE UPDATE ON conferences_conference
    FOR EACH ROW WHEN ({CONFERENCE_CHANGED.format(differs="IS DISTINCT FROM")})
    EXECUTE FUNCTION finalised_conference_stays_finalised();
""",
]
POSTGRESQL_DROP = [
    "DROP TRIGGER IF EXISTS finalised_record_stays_finalised"
    " ON conference_records_conferencerecord;",
    "DROP FUNCTION IF EXISTS finalised_record_stays_finalised();",
    "DROP TRIGGER IF EXISTS finalised_conference_stays_finalised ON conferences_conference;",
    "DROP FUNCTION IF EXISTS finalised_conference_stays_finalised();",
]
SQLITE_CREATE = [
    f"""CREATE TRIGGER record_version_no_delete
    BEFORE DELETE ON conference_records_recordversion
    WHEN NOT EXISTS (SELECT 1 FROM {PERMIT})
    BEGIN SELECT RAISE(ABORT, '{VERSION_MESSAGE}'); END;""",  # nosec B608 (constant table and trigger names)
    f"""CREATE TRIGGER record_version_no_replace
    BEFORE INSERT ON conference_records_recordversion
    WHEN EXISTS (
        SELECT 1 FROM conference_records_recordversion
        WHERE id = NEW.id OR (record_id = NEW.record_id AND number = NEW.number)
    )
    BEGIN SELECT RAISE(ABORT, '{VERSION_MESSAGE}'); END;""",  # nosec B608 (constant table and trigger names)
    f"""CREATE TRIGGER finalised_record_stays_finalised
    BEFORE UPDATE ON conference_records_conferencerecord
    WHEN {RECORD_CHANGED.format(differs="IS NOT")}
    BEGIN SELECT RAISE(ABORT, '{RECORD_MESSAGE}'); END;""",
    f"""CREATE TRIGGER finalised_conference_stays_finalised
    BEFORE UPDATE ON conferences_conference
    WHEN {CONFERENCE_CHANGED.format(differs="IS NOT")}
    BEGIN SELECT RAISE(ABORT, '{CONFERENCE_MESSAGE}'); END;""",
]
SQLITE_DROP = [
    "DROP TRIGGER IF EXISTS record_version_no_delete;",
    "DROP TRIGGER IF EXISTS record_version_no_replace;",
    "DROP TRIGGER IF EXISTS finalised_record_stays_finalised;",
    "DROP TRIGGER IF EXISTS finalised_conference_stays_finalised;",
]


def _run(schema_editor, postgresql: list[str], sqlite: list[str]) -> None:
    vendor = schema_editor.connection.vendor
    statements = {"postgresql": postgresql, "sqlite": sqlite}.get(vendor)
    if statements is None:
        raise NotSupportedError(f"No finalised-record trigger written for {vendor}.")
    for statement in statements:
        schema_editor.execute(statement)


def create(apps, schema_editor) -> None:
    _run(schema_editor, POSTGRESQL_CREATE, SQLITE_CREATE)


def drop(apps, schema_editor) -> None:
    _run(schema_editor, POSTGRESQL_DROP, SQLITE_DROP)


class Migration(migrations.Migration):
    dependencies = [
        ("conference_records", "0002_versions_are_never_changed"),
        ("conferences", "0004_reminders"),
        ("dataprotection", "0003_destruction_permit_on_sqlite"),
    ]

    operations = [migrations.RunPython(create, drop)]

"""Finalised record versions are never edited in place or removed, whatever code runs.

The model refuses a second save and a delete; these triggers make the database refuse an
UPDATE too, so no shell, script or bug can change what a conference decided. PostgreSQL also
refuses a DELETE (its test runs empty tables with TRUNCATE, which the trigger leaves alone);
SQLite empties tables with DELETE between tests, so there the record's PROTECT foreign key
and the model guard stand against deletion (as for report versions, reports 0003).

Records past their retention period must still be destroyed, so, as for report versions
(dataprotection 0002), a DELETE goes through on PostgreSQL only while the transaction has set
`cpconf.destroying` to `on` (`cpconf.dataprotection.frozen_versions.versions_destroyable`).
"""

from django.db import migrations
from django.db.utils import NotSupportedError

MESSAGE = "a finalised conference record version is never changed"

POSTGRESQL_CREATE = [
    f"""
CREATE OR REPLACE FUNCTION record_version_is_frozen() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'DELETE' AND current_setting('cpconf.destroying', true) = 'on' THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION '{MESSAGE}' USING ERRCODE = 'integrity_constraint_violation';
END;
$$ LANGUAGE plpgsql;
""",
    """
CREATE TRIGGER record_version_is_frozen
    BEFORE UPDATE OR DELETE ON conference_records_recordversion
    FOR EACH ROW EXECUTE FUNCTION record_version_is_frozen();
""",
]
POSTGRESQL_DROP = [
    "DROP TRIGGER IF EXISTS record_version_is_frozen ON conference_records_recordversion;",
    "DROP FUNCTION IF EXISTS record_version_is_frozen();",
]
SQLITE_CREATE = [
    f"""CREATE TRIGGER record_version_no_update
    BEFORE UPDATE ON conference_records_recordversion
    BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END;""",
]
SQLITE_DROP = [
    "DROP TRIGGER IF EXISTS record_version_no_update;",
]


def _run(schema_editor, postgresql: list[str], sqlite: list[str]) -> None:
    vendor = schema_editor.connection.vendor
    statements = {"postgresql": postgresql, "sqlite": sqlite}.get(vendor)
    if statements is None:
        raise NotSupportedError(f"No frozen-version trigger written for {vendor}.")
    for statement in statements:
        schema_editor.execute(statement)


def create(apps, schema_editor) -> None:
    _run(schema_editor, POSTGRESQL_CREATE, SQLITE_CREATE)


def drop(apps, schema_editor) -> None:
    _run(schema_editor, POSTGRESQL_DROP, SQLITE_DROP)


class Migration(migrations.Migration):
    dependencies = [("conference_records", "0001_initial")]

    operations = [migrations.RunPython(create, drop)]

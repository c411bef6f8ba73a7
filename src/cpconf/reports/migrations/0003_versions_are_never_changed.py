"""Submitted report versions are never edited in place or removed, whatever code runs.

The model refuses a second save and a delete; these triggers make the database refuse an
UPDATE too, so no shell, script or bug can change what was signed. PostgreSQL also refuses a
DELETE (its test runs empty tables with TRUNCATE, which the trigger leaves alone); SQLite,
the embedded development database, empties tables with DELETE between tests, so there the
report's PROTECT foreign key and the model guard stand against deletion.
"""

from django.db import migrations
from django.db.utils import NotSupportedError

MESSAGE = "a submitted report version is never changed"

POSTGRESQL_CREATE = [
    f"""
CREATE OR REPLACE FUNCTION report_version_is_frozen() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION '{MESSAGE}' USING ERRCODE = 'integrity_constraint_violation';
END;
$$ LANGUAGE plpgsql;
""",
    """
CREATE TRIGGER report_version_is_frozen
    BEFORE UPDATE OR DELETE ON reports_reportversion
    FOR EACH ROW EXECUTE FUNCTION report_version_is_frozen();
""",
]
POSTGRESQL_DROP = [
    "DROP TRIGGER IF EXISTS report_version_is_frozen ON reports_reportversion;",
    "DROP FUNCTION IF EXISTS report_version_is_frozen();",
]
SQLITE_CREATE = [
    f"""CREATE TRIGGER report_version_no_update BEFORE UPDATE ON reports_reportversion
    BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END;""",
]
SQLITE_DROP = [
    "DROP TRIGGER IF EXISTS report_version_no_update;",
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
    dependencies = [("reports", "0002_report_working_copy_and_versions")]

    operations = [migrations.RunPython(create, drop)]

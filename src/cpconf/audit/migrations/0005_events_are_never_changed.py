"""Audit events are never changed or removed, whatever code runs.

The model refuses a second save and a delete; these triggers make the database refuse an
UPDATE too, so no shell, script or bug can rewrite the trail (and the hash chain shows anyone
who gets around them). PostgreSQL also refuses a DELETE; TRUNCATE, which fires no row
trigger, stays possible, as its test runs need. SQLite, the embedded development database,
empties tables with DELETE between tests, so there only UPDATE is refused.
"""

from django.db import migrations
from django.db.utils import NotSupportedError

MESSAGE = "an audit event is never changed or removed"
TABLE = "audit_auditevent"
POSTGRESQL_TRIGGER = "audit_event_is_append_only"
SQLITE_TRIGGER = "audit_event_no_update"

POSTGRESQL_CREATE = [
    f"""
CREATE OR REPLACE FUNCTION audit_event_is_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION '{MESSAGE}' USING ERRCODE = 'integrity_constraint_violation';
END;
$$ LANGUAGE plpgsql;
""",
    f"""
CREATE TRIGGER {POSTGRESQL_TRIGGER}
    BEFORE UPDATE OR DELETE ON {TABLE}
    FOR EACH ROW EXECUTE FUNCTION audit_event_is_append_only();
""",
]
POSTGRESQL_DROP = [
    f"DROP TRIGGER IF EXISTS {POSTGRESQL_TRIGGER} ON {TABLE};",
    "DROP FUNCTION IF EXISTS audit_event_is_append_only();",
]
SQLITE_CREATE = [
    f"""CREATE TRIGGER {SQLITE_TRIGGER} BEFORE UPDATE ON {TABLE}
    BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END;""",
]
SQLITE_DROP = [f"DROP TRIGGER IF EXISTS {SQLITE_TRIGGER};"]


def _run(schema_editor, postgresql: list[str], sqlite: list[str]) -> None:
    vendor = schema_editor.connection.vendor
    statements = {"postgresql": postgresql, "sqlite": sqlite}.get(vendor)
    if statements is None:
        raise NotSupportedError(f"No append-only audit trigger written for {vendor}.")
    for statement in statements:
        schema_editor.execute(statement)


def create(apps, schema_editor) -> None:
    _run(schema_editor, POSTGRESQL_CREATE, SQLITE_CREATE)


def drop(apps, schema_editor) -> None:
    _run(schema_editor, POSTGRESQL_DROP, SQLITE_DROP)


class Migration(migrations.Migration):
    dependencies = [("audit", "0004_sequence_required")]

    operations = [migrations.RunPython(create, drop)]

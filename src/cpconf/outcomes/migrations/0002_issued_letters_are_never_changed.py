"""An issued outcome letter is never changed or removed, whatever code runs (decision 7).

The model refuses a second save and a delete; these triggers make both databases refuse an
UPDATE, and a DELETE unless retention destruction is under way: on PostgreSQL while the
transaction has set `cpconf.destroying` to `on`, on SQLite while it holds the destruction
permit (dataprotection 0003). SQLite also refuses an INSERT that would take an existing
letter's id or record version, since `INSERT OR REPLACE` displaces a row without firing
delete triggers. PostgreSQL's test runs empty tables with TRUNCATE, which fires no row
trigger; SQLite's flush holds the permit (tests/conftest.py).
"""

from django.db import migrations
from django.db.utils import NotSupportedError

MESSAGE = "an issued outcome letter is never changed"
TABLE = "outcomes_outcomeletter"
PERMIT = "dataprotection_destruction_permit"

POSTGRESQL_CREATE = [
    f"""
CREATE OR REPLACE FUNCTION outcome_letter_is_frozen() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'DELETE' AND current_setting('cpconf.destroying', true) = 'on' THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION '{MESSAGE}' USING ERRCODE = 'integrity_constraint_violation';
END;
$$ LANGUAGE plpgsql;
""",
    f"""
CREATE TRIGGER outcome_letter_is_frozen
    BEFORE UPDATE OR DELETE ON {TABLE}
    FOR EACH ROW EXECUTE FUNCTION outcome_letter_is_frozen();
""",
]
POSTGRESQL_DROP = [
    f"DROP TRIGGER IF EXISTS outcome_letter_is_frozen ON {TABLE};",
    "DROP FUNCTION IF EXISTS outcome_letter_is_frozen();",
]
SQLITE_CREATE = [
    f"""CREATE TRIGGER outcome_letter_no_update BEFORE UPDATE ON {TABLE}
    BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END;""",
    f"""CREATE TRIGGER outcome_letter_no_delete BEFORE DELETE ON {TABLE}
    WHEN NOT EXISTS (SELECT 1 FROM {PERMIT})
    BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END;""",  # nosec B608 (constant table and trigger names)
    f"""CREATE TRIGGER outcome_letter_no_replace BEFORE INSERT ON {TABLE}
    WHEN EXISTS (
        SELECT 1 FROM {TABLE}
        WHERE id = NEW.id OR record_version_id = NEW.record_version_id
    )
    BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END;""",  # nosec B608 (constant table and trigger names)
]
SQLITE_DROP = [
    "DROP TRIGGER IF EXISTS outcome_letter_no_update;",
    "DROP TRIGGER IF EXISTS outcome_letter_no_delete;",
    "DROP TRIGGER IF EXISTS outcome_letter_no_replace;",
]


def _run(schema_editor, postgresql: list[str], sqlite: list[str]) -> None:
    vendor = schema_editor.connection.vendor
    statements = {"postgresql": postgresql, "sqlite": sqlite}.get(vendor)
    if statements is None:
        raise NotSupportedError(f"No issued-letter trigger written for {vendor}.")
    for statement in statements:
        schema_editor.execute(statement)


def create(apps, schema_editor) -> None:
    _run(schema_editor, POSTGRESQL_CREATE, SQLITE_CREATE)


def drop(apps, schema_editor) -> None:
    _run(schema_editor, POSTGRESQL_DROP, SQLITE_DROP)


class Migration(migrations.Migration):
    dependencies = [
        ("outcomes", "0001_initial"),
        ("dataprotection", "0003_destruction_permit_on_sqlite"),
    ]

    operations = [migrations.RunPython(create, drop)]

"""A conference's previous conference must be one of the same family.

A CHECK constraint cannot look at another row, so each database gets a trigger that refuses
the insert or update with an integrity error, the same error a CHECK would raise.
"""

from django.db import migrations
from django.db.utils import NotSupportedError

MESSAGE = "previous conference must belong to the same family"

POSTGRESQL_CREATE = """
CREATE OR REPLACE FUNCTION conference_previous_same_family() RETURNS trigger AS $$
BEGIN
    IF NEW.previous_id IS NOT NULL AND NOT EXISTS (
        SELECT 1 FROM conferences_conference
        WHERE id = NEW.previous_id AND family_id = NEW.family_id
    ) THEN
        RAISE EXCEPTION 'previous conference must belong to the same family'
            USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER conference_previous_same_family
    BEFORE INSERT OR UPDATE OF previous_id, family_id ON conferences_conference
    FOR EACH ROW EXECUTE FUNCTION conference_previous_same_family();
"""

POSTGRESQL_DROP = """
DROP TRIGGER IF EXISTS conference_previous_same_family ON conferences_conference;
DROP FUNCTION IF EXISTS conference_previous_same_family();
"""

SQLITE_CONDITION = """
    WHEN NEW.previous_id IS NOT NULL AND NOT EXISTS (
        SELECT 1 FROM conferences_conference
        WHERE id = NEW.previous_id AND family_id = NEW.family_id
    )
"""
SQLITE_CREATE = [
    f"""CREATE TRIGGER conference_previous_same_family_insert
    BEFORE INSERT ON conferences_conference {SQLITE_CONDITION}
    BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END;""",
    f"""CREATE TRIGGER conference_previous_same_family_update
    BEFORE UPDATE OF previous_id, family_id ON conferences_conference {SQLITE_CONDITION}
    BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END;""",
]
SQLITE_DROP = [
    "DROP TRIGGER IF EXISTS conference_previous_same_family_insert;",
    "DROP TRIGGER IF EXISTS conference_previous_same_family_update;",
]


def _run(schema_editor, postgresql: list[str], sqlite: list[str]) -> None:
    vendor = schema_editor.connection.vendor
    statements = {"postgresql": postgresql, "sqlite": sqlite}.get(vendor)
    if statements is None:
        raise NotSupportedError(f"No same-family trigger written for {vendor}.")
    for statement in statements:
        schema_editor.execute(statement)


def create_trigger(apps, schema_editor) -> None:
    _run(schema_editor, [POSTGRESQL_CREATE], SQLITE_CREATE)


def drop_trigger(apps, schema_editor) -> None:
    _run(schema_editor, [POSTGRESQL_DROP], SQLITE_DROP)


class Migration(migrations.Migration):
    dependencies = [("conferences", "0001_initial")]

    operations = [migrations.RunPython(create_trigger, drop_trigger)]

"""The destruction permit on SQLite: a one-row table whose row exists only inside a
transaction that destroys records (decision 7).

PostgreSQL's guard triggers let a DELETE of a written-once row through while the transaction
has set `cpconf.destroying` to `on` (migration 0002). SQLite has no session settings, so its
triggers ask this table instead: `WHEN NOT EXISTS (SELECT 1 FROM dataprotection_destruction_permit)`.
`cpconf.dataprotection.frozen_versions.versions_destroyable` writes the row and removes it
again inside the destroying transaction, so no other connection ever sees it. It is not a
Django model on purpose: Django's flush empties every model's table, in no fixed order, and
must never empty this one before the guarded tables.
"""

from django.db import migrations

TABLE = "dataprotection_destruction_permit"

SQLITE_CREATE = f"""
CREATE TABLE IF NOT EXISTS {TABLE} (
    id integer NOT NULL PRIMARY KEY CHECK (id = 1)
);
"""
SQLITE_DROP = f"DROP TABLE IF EXISTS {TABLE};"


def _on_sqlite(statement: str):
    def run(apps, schema_editor) -> None:
        if schema_editor.connection.vendor == "sqlite":
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("dataprotection", "0002_report_versions_destroyed_only_by_retention")]

    operations = [migrations.RunPython(_on_sqlite(SQLITE_CREATE), _on_sqlite(SQLITE_DROP))]

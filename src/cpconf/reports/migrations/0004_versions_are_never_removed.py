"""Submitted report versions are never removed on SQLite either, nor replaced (decision 7).

0003 made both databases refuse an UPDATE, and PostgreSQL a DELETE outside retention
destruction (dataprotection 0002). SQLite still let a version be deleted and a different one
inserted under the same number. Now its DELETE is refused unless the transaction holds the
destruction permit (dataprotection 0003), and an INSERT that would take an existing version's
id or number is refused too: `INSERT OR REPLACE` deletes the row it displaces without firing
delete triggers, so only a check before the insert stops it.
"""

from django.db import migrations

MESSAGE = "a submitted report version is never changed"
TABLE = "reports_reportversion"
PERMIT = "dataprotection_destruction_permit"

SQLITE_CREATE = [
    f"""CREATE TRIGGER report_version_no_delete BEFORE DELETE ON {TABLE}
    WHEN NOT EXISTS (SELECT 1 FROM {PERMIT})
    BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END;""",  # nosec B608 (constant table and trigger names)
    f"""CREATE TRIGGER report_version_no_replace BEFORE INSERT ON {TABLE}
    WHEN EXISTS (
        SELECT 1 FROM {TABLE}
        WHERE id = NEW.id OR (report_id = NEW.report_id AND number = NEW.number)
    )
    BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END;""",  # nosec B608 (constant table and trigger names)
]
SQLITE_DROP = [
    "DROP TRIGGER IF EXISTS report_version_no_delete;",
    "DROP TRIGGER IF EXISTS report_version_no_replace;",
]


def _on_sqlite(statements: list[str]):
    def run(apps, schema_editor) -> None:
        if schema_editor.connection.vendor == "sqlite":
            for statement in statements:
                schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [
        ("reports", "0003_versions_are_never_changed"),
        ("dataprotection", "0003_destruction_permit_on_sqlite"),
    ]

    operations = [migrations.RunPython(_on_sqlite(SQLITE_CREATE), _on_sqlite(SQLITE_DROP))]

"""Let retention destruction remove submitted report versions on PostgreSQL, and nothing else.

`reports.0003` makes PostgreSQL refuse every UPDATE and DELETE of a report version. Records
past their retention period must still be destroyed, versions included, so the trigger
function is replaced by one that lets a DELETE through when the transaction has set
`cpconf.destroying` to `on` (`SET LOCAL`, which `cpconf.dataprotection.frozen_versions` does
inside the destruction service's transaction and nowhere else). An UPDATE is still always
refused. SQLite's trigger refuses only UPDATE, so it needs no change.
"""

from django.db import migrations

MESSAGE = "a submitted report version is never changed"

ALLOW_DESTRUCTION = f"""
CREATE OR REPLACE FUNCTION report_version_is_frozen() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'DELETE' AND current_setting('cpconf.destroying', true) = 'on' THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION '{MESSAGE}' USING ERRCODE = 'integrity_constraint_violation';
END;
$$ LANGUAGE plpgsql;
"""

REFUSE_ALWAYS = f"""
CREATE OR REPLACE FUNCTION report_version_is_frozen() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION '{MESSAGE}' USING ERRCODE = 'integrity_constraint_violation';
END;
$$ LANGUAGE plpgsql;
"""


def _on_postgresql(statement: str):
    def run(apps, schema_editor) -> None:
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [
        ("dataprotection", "0001_initial"),
        ("reports", "0003_versions_are_never_changed"),
    ]

    operations = [
        migrations.RunPython(_on_postgresql(ALLOW_DESTRUCTION), _on_postgresql(REFUSE_ALWAYS))
    ]

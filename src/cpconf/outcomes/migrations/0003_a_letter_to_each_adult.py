"""A letter to each adult: a record version now has one letter per recipient (and at most
one to the family as a whole, which is what every letter issued before this was).

Letters already issued keep their words and get no recipient. SQLite rebuilds the table to
change the record version's column, which drops its triggers, and its guard against
`INSERT OR REPLACE` must now match a letter by record version *and* recipient; so its three
triggers are dropped first and written again after. PostgreSQL's trigger (0002) is untouched
by these changes and stays as it is.
"""

import importlib

import django.db.models.deletion
from django.db import migrations, models

issued = importlib.import_module("cpconf.outcomes.migrations.0002_issued_letters_are_never_changed")

SQLITE_CREATE = [
    *issued.SQLITE_CREATE[:2],
    f"""CREATE TRIGGER outcome_letter_no_replace BEFORE INSERT ON {issued.TABLE}
    WHEN EXISTS (
        SELECT 1 FROM {issued.TABLE}
        WHERE id = NEW.id
           OR (record_version_id = NEW.record_version_id AND recipient_id IS NEW.recipient_id)
    )
    BEGIN SELECT RAISE(ABORT, '{issued.MESSAGE}'); END;""",  # nosec B608 (constant table and trigger names)
]
OLD_SQLITE_CREATE = issued.SQLITE_CREATE


def _on_sqlite(schema_editor, statements: list[str]) -> None:
    if schema_editor.connection.vendor == "sqlite":
        for statement in statements:
            schema_editor.execute(statement)


def drop(apps, schema_editor) -> None:
    _on_sqlite(schema_editor, issued.SQLITE_DROP)


def create(apps, schema_editor) -> None:
    _on_sqlite(schema_editor, SQLITE_CREATE)


def create_old(apps, schema_editor) -> None:
    _on_sqlite(schema_editor, OLD_SQLITE_CREATE)


class Migration(migrations.Migration):
    dependencies = [
        ("conference_records", "0003_finalised_records_stay_finalised"),
        ("families", "0002_front_sheet_versions_and_imports"),
        ("outcomes", "0002_issued_letters_are_never_changed"),
    ]

    operations = [
        migrations.RunPython(drop, create_old),
        migrations.AlterModelOptions(
            name="outcomeletter",
            options={
                "ordering": ["issued_at", "pk"],
                "verbose_name": "outcome letter",
                "verbose_name_plural": "outcome letters",
            },
        ),
        migrations.AddField(
            model_name="outcomeletter",
            name="recipient",
            field=models.ForeignKey(
                blank=True,
                help_text="Empty for a letter to the family as a whole.",
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="outcome_letters",
                to="families.familymember",
                verbose_name="sent to",
            ),
        ),
        migrations.AlterField(
            model_name="outcomeletter",
            name="record_version",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT,
                related_name="outcome_letters",
                to="conference_records.recordversion",
                verbose_name="record version",
            ),
        ),
        migrations.AddConstraint(
            model_name="outcomeletter",
            constraint=models.UniqueConstraint(
                condition=models.Q(("recipient__isnull", False)),
                fields=("record_version", "recipient"),
                name="outcome_letter_one_per_recipient",
            ),
        ),
        migrations.AddConstraint(
            model_name="outcomeletter",
            constraint=models.UniqueConstraint(
                condition=models.Q(("recipient__isnull", True)),
                fields=("record_version",),
                name="outcome_letter_one_to_the_family",
            ),
        ),
        migrations.RunPython(create, drop),
    ]

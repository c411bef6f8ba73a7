"""Each signed version names the version of the previous report its changes are marked against.

Until now a review's marks were worked out against the previous report's latest version, so
amending that report changed how every later review's signed versions read. From now on the
comparison is fixed when a version is signed (`ReportVersion.compared_with`).

Versions signed before this migration are pinned to the base that was current when they were
signed: the previous report's latest version signed at or before their own signature (by
`signed_at`, then number). A version signed before any version of its previous report — which
the application never allowed — is pinned to that report's first version. Their content and
fingerprint are left exactly as signed; only new versions carry the base in their content.

Pinning writes to versions, which the database otherwise refuses: the guard is lifted for the
pinning only, inside this migration's transaction (PostgreSQL: the trigger is disabled; SQLite:
it is dropped and created again). On SQLite, removing the column (migrating back) rebuilds the
table and with it drops every trigger on it, so going back creates 0003's and 0004's again.
"""

from django.db import migrations, models

TABLE = "reports_reportversion"
MESSAGE = "a submitted report version is never changed"
PERMIT = "dataprotection_destruction_permit"

SQLITE_NO_UPDATE = f"""CREATE TRIGGER report_version_no_update BEFORE UPDATE ON {TABLE}
    BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END;"""
SQLITE_GUARDS = [  # as reports 0003 and 0004 made them
    SQLITE_NO_UPDATE,
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
SQLITE_GUARD_NAMES = [
    "report_version_no_update",
    "report_version_no_delete",
    "report_version_no_replace",
]


def _base_when_signed(version, earlier_versions):
    """The previous report's version current when `version` was signed."""
    signed_before = [v for v in earlier_versions if v.signed_at <= version.signed_at]
    if signed_before:
        return max(signed_before, key=lambda v: (v.signed_at, v.number))
    return min(earlier_versions, key=lambda v: v.number)


def _pin_all(apps) -> None:
    ReportVersion = apps.get_model("reports", "ReportVersion")
    reviews = ReportVersion.objects.filter(report__previous_report__isnull=False)
    for version in reviews.select_related("report").order_by("signed_at", "pk"):
        earlier = list(ReportVersion.objects.filter(report_id=version.report.previous_report_id))
        if earlier:
            base = _base_when_signed(version, earlier)
            ReportVersion.objects.filter(pk=version.pk).update(compared_with_id=base.pk)


def pin_comparison_bases(apps, schema_editor) -> None:
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute(f"ALTER TABLE {TABLE} DISABLE TRIGGER report_version_is_frozen;")
        _pin_all(apps)
        schema_editor.execute("SET CONSTRAINTS ALL IMMEDIATE;")
        schema_editor.execute(f"ALTER TABLE {TABLE} ENABLE TRIGGER report_version_is_frozen;")
    elif vendor == "sqlite":
        schema_editor.execute("DROP TRIGGER IF EXISTS report_version_no_update;")
        _pin_all(apps)
        schema_editor.execute(SQLITE_NO_UPDATE)


def restore_sqlite_guards(apps, schema_editor) -> None:
    """Going back: the column's removal rebuilt the table on SQLite without its triggers."""
    if schema_editor.connection.vendor != "sqlite":
        return
    for name in SQLITE_GUARD_NAMES:
        schema_editor.execute(f"DROP TRIGGER IF EXISTS {name};")
    for statement in SQLITE_GUARDS:
        schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("reports", "0004_versions_are_never_removed")]

    operations = [
        migrations.RunPython(migrations.RunPython.noop, restore_sqlite_guards),
        migrations.AddField(
            model_name="reportversion",
            name="compared_with",
            field=models.ForeignKey(
                blank=True,
                help_text=(
                    "For a review: the previous report's version its changes are marked "
                    "against, fixed when it was signed, so amending that report never changes "
                    "how this reads."
                ),
                null=True,
                on_delete=models.deletion.PROTECT,
                related_name="+",
                to="reports.reportversion",
                verbose_name="compared with",
            ),
        ),
        migrations.RunPython(pin_comparison_bases, migrations.RunPython.noop),
    ]

# The case system's reference for a person moves from the api app to families, where the
# case-system import that uses it lives. The table is kept as it is (api_externalreference):
# only Django's idea of which app owns the model changes.
import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("families", "0002_front_sheet_versions_and_imports"),
        ("api", "0003_cache_table"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="ExternalReference",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        (
                            "kind",
                            models.CharField(
                                choices=[("child", "Child"), ("member", "Family member")],
                                max_length=10,
                                verbose_name="kind",
                            ),
                        ),
                        (
                            "reference",
                            models.CharField(max_length=60, verbose_name="case system reference"),
                        ),
                        (
                            "child",
                            models.OneToOneField(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="external_reference",
                                to="families.child",
                                verbose_name="child",
                            ),
                        ),
                        (
                            "family",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="+",
                                to="families.family",
                                verbose_name="family",
                            ),
                        ),
                        (
                            "member",
                            models.OneToOneField(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="external_reference",
                                to="families.familymember",
                                verbose_name="family member",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "case system reference",
                        "verbose_name_plural": "case system references",
                        "db_table": "api_externalreference",
                        "constraints": [
                            models.UniqueConstraint(
                                fields=("family", "kind", "reference"),
                                name="external_reference_unique_in_family",
                            ),
                            models.CheckConstraint(
                                condition=models.Q(
                                    models.Q(
                                        ("child__isnull", False),
                                        ("kind", "child"),
                                        ("member__isnull", True),
                                    ),
                                    models.Q(
                                        ("child__isnull", True),
                                        ("kind", "member"),
                                        ("member__isnull", False),
                                    ),
                                    _connector="OR",
                                ),
                                name="external_reference_names_one_person",
                            ),
                        ],
                    },
                ),
            ],
            database_operations=[],
        ),
    ]

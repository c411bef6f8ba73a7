"""One young person per child, held by the database: the link from a child to the
family-member row their account for the family pages belongs to. Young people invited before
it are linked by name, as the invitation page matched them; where a child has several rows
(invitations pressed at the same moment before this), the first invited is linked and the
others are left for the unit to look at."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


def link_young_people(apps, schema_editor):
    FamilyMember = apps.get_model("families", "FamilyMember")
    Child = apps.get_model("families", "Child")
    YoungPerson = apps.get_model("portal", "YoungPerson")
    linked = set()
    members = FamilyMember.objects.filter(relationship="young_person").order_by("pk")
    for member in members.iterator():
        children = [
            child.pk
            for child in Child.objects.filter(family_id=member.family_id)
            if f"{child.given_name} {child.family_name}" == member.full_name
        ]
        if len(children) == 1 and children[0] not in linked:
            YoungPerson.objects.create(child_id=children[0], member_id=member.pk)
            linked.add(children[0])


class Migration(migrations.Migration):
    dependencies = [
        ("families", "0003_externalreference"),
        ("portal", "0002_access_needs_read_aloud"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="YoungPerson",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("created_at", models.DateTimeField(auto_now_add=True, verbose_name="created at")),
                ("modified_at", models.DateTimeField(auto_now=True, verbose_name="modified at")),
                (
                    "child",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="young_person",
                        to="families.child",
                        verbose_name="child",
                    ),
                ),
                (
                    "created_by",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="created by",
                    ),
                ),
                (
                    "member",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="young_person_of",
                        to="families.familymember",
                        verbose_name="family member",
                    ),
                ),
                (
                    "modified_by",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="modified by",
                    ),
                ),
            ],
            options={
                "verbose_name": "young person",
                "verbose_name_plural": "young people",
            },
        ),
        migrations.RunPython(link_young_people, migrations.RunPython.noop),
    ]

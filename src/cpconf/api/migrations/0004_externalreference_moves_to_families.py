# ExternalReference now belongs to the families app (families 0003); its table stays.
from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("api", "0003_cache_table"),
        ("families", "0003_externalreference"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="ExternalReference")],
            database_operations=[],
        ),
    ]

"""The database cache's table (`CACHES` in settings), so that `cpconf migrate` is all a new
database needs: the API's rate limits are kept there, shared by every web process.
`createcachetable` makes only tables that are missing, so running it again is harmless."""

from django.core.management import call_command
from django.db import migrations


def create_cache_table(apps, schema_editor):
    call_command("createcachetable", database=schema_editor.connection.alias, verbosity=0)


class Migration(migrations.Migration):
    dependencies = [("api", "0002_token_refusal_count")]

    operations = [migrations.RunPython(create_cache_table, migrations.RunPython.noop)]

"""The one way past the database's refusal to delete a submitted report version.

On PostgreSQL the trigger on `reports_reportversion` lets a DELETE through only while the
transaction has `cpconf.destroying` set to `on` (see migration 0002 of this app). SQLite's
trigger refuses only UPDATE, so there is nothing to switch.
"""

from collections.abc import Iterator
from contextlib import contextmanager

from django.db import connection

SETTING = "cpconf.destroying"


def _set(value: str) -> None:
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        # set_config(..., true) is SET LOCAL: it ends with the transaction, or with the
        # savepoint if that is rolled back, so it can never outlive the destruction.
        cursor.execute("SELECT set_config(%s, %s, true)", [SETTING, value])


@contextmanager
def versions_destroyable() -> Iterator[None]:
    """Inside the caller's transaction, allow report versions to be deleted until the block
    ends. Switched off again on the way out; on an error the rollback undoes it."""
    if not connection.in_atomic_block:
        raise RuntimeError("Report versions are destroyed only inside a transaction.")
    _set("on")
    yield
    _set("off")

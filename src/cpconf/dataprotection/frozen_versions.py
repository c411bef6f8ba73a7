"""The one way past the database's refusal to delete a written-once row: a signed report
version, a finalised record version, an issued letter (decision 7).

On PostgreSQL the guard triggers let a DELETE through only while the transaction has
`cpconf.destroying` set to `on` (migration 0002 of this app). SQLite has no session settings:
its triggers let a DELETE through only while `dataprotection_destruction_permit` holds its
one row (migration 0003), which is written and removed inside the destroying transaction, so
no other connection ever sees it. An UPDATE is refused on both, always.
"""

from collections.abc import Iterator
from contextlib import contextmanager

from django.db import connection

SETTING = "cpconf.destroying"
PERMIT_TABLE = "dataprotection_destruction_permit"
TAKE_PERMIT = "INSERT OR IGNORE INTO dataprotection_destruction_permit (id) VALUES (1)"
RETURN_PERMIT = "DELETE FROM dataprotection_destruction_permit"


def _set(on: bool) -> None:
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute(TAKE_PERMIT if on else RETURN_PERMIT)
        elif connection.vendor == "postgresql":
            # set_config(..., true) is SET LOCAL: it ends with the transaction, or with the
            # savepoint if that is rolled back, so it can never outlive the destruction.
            cursor.execute("SELECT set_config(%s, %s, true)", [SETTING, "on" if on else "off"])


@contextmanager
def versions_destroyable() -> Iterator[None]:
    """Inside the caller's transaction, allow written-once rows to be deleted until the block
    ends. Switched off again on the way out; on an error the rollback undoes it (the SQLite
    permit row is part of the transaction, as `SET LOCAL` is)."""
    if not connection.in_atomic_block:
        raise RuntimeError("Report versions are destroyed only inside a transaction.")
    _set(True)
    yield
    _set(False)


def with_destruction_permit(statements: list[str]) -> list[str]:
    """SQLite statements that delete written-once rows wholesale (Django's flush, which runs
    its statements in one transaction), wrapped so they hold the permit while they run."""
    if not statements:
        return statements
    return [f"{TAKE_PERMIT};", *statements, f"{RETURN_PERMIT};"]

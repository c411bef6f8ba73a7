"""What an attacker with database access could do to the audit table, for the tamper tests.

The append-only triggers stop UPDATE (and on PostgreSQL DELETE); an attacker who owns the
database can switch them off, so these helpers do the same, and put them back after. This
code lives in the tests only.
"""

import importlib
from collections.abc import Iterator
from contextlib import contextmanager

from django.db import connection

from cpconf.audit.chain import canonical_content, event_hash
from cpconf.audit.models import AuditEvent

trigger = importlib.import_module("cpconf.audit.migrations.0005_events_are_never_changed")
TABLE = trigger.TABLE


def run(sql: str, params: list | tuple = ()) -> None:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)


@contextmanager
def append_only_guard_lifted() -> Iterator[None]:
    if connection.vendor == "postgresql":
        run(f"ALTER TABLE {TABLE} DISABLE TRIGGER {trigger.POSTGRESQL_TRIGGER}")
    else:
        run(f"DROP TRIGGER {trigger.SQLITE_TRIGGER}")
    try:
        yield
    finally:
        if connection.vendor == "postgresql":
            run(f"ALTER TABLE {TABLE} ENABLE TRIGGER {trigger.POSTGRESQL_TRIGGER}")
        else:
            run(trigger.SQLITE_CREATE[0])


def change_action(sequence: int, action: str) -> None:
    with append_only_guard_lifted():
        run(f"UPDATE {TABLE} SET action = %s WHERE sequence = %s", [action, sequence])  # noqa: S608


def change_and_rehash(sequence: int, action: str) -> None:
    """Change an event and recompute its own hash, as someone who knows the algorithm would."""
    event = AuditEvent.objects.get(sequence=sequence)
    event.action = action
    digest = event_hash(event.previous_hash, canonical_content(event.recorded_fields()))
    with append_only_guard_lifted():
        run(
            f"UPDATE {TABLE} SET action = %s, hash = %s WHERE sequence = %s",  # noqa: S608
            [action, digest, sequence],
        )


def delete(sequence: int) -> None:
    with append_only_guard_lifted():
        run(f"DELETE FROM {TABLE} WHERE sequence = %s", [sequence])  # noqa: S608


def renumber(sequence: int, new_sequence: int) -> None:
    with append_only_guard_lifted():
        run(f"UPDATE {TABLE} SET sequence = %s WHERE sequence = %s", [new_sequence, sequence])  # noqa: S608


def swap(first: int, second: int) -> None:
    renumber(first, -first)
    renumber(second, first)
    renumber(-first, second)


def forge(sequence: int, previous_hash: str, action: str = "report_viewed") -> AuditEvent:
    """A well-formed event, hashed and linked as the real ones are, written straight to the
    table instead of through the audit service."""
    original = AuditEvent.objects.order_by("sequence").first()
    assert original is not None
    forged = AuditEvent(
        sequence=sequence,
        occurred_at=original.occurred_at,
        actor_label="someone@example.org",
        action=action,
        previous_hash=previous_hash,
        local_authority_id=original.local_authority_id,
    )
    forged.hash = event_hash(previous_hash, canonical_content(forged.recorded_fields()))
    forged.save(force_insert=True)
    return forged


def insert_between(before: int, action: str = "report_viewed") -> AuditEvent:
    """A forged event put in after sequence `before`, the later events moved up one."""
    later = list(
        AuditEvent.objects.filter(sequence__gt=before)
        .order_by("-sequence")
        .values_list("sequence", flat=True)
    )
    for sequence in later:
        renumber(sequence, sequence + 1)
    previous = AuditEvent.objects.get(sequence=before)
    return forge(before + 1, previous.hash, action)

"""Checking the stored audit trail against its hash chain, one event at a time."""

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace

from django.db import connection, transaction

from cpconf.audit.chain import Break, BreakKind, ChainedEvent, Verification, verify
from cpconf.audit.models import HEAD, AuditChainHead, AuditEvent

CHUNK = 2000


@contextmanager
def _one_snapshot() -> Iterator[None]:
    """The head and every event as of one moment, while appends carry on.

    PostgreSQL needs REPEATABLE READ for that (its default gives each query its own
    snapshot); an SQLite read transaction is one snapshot already. Inside a transaction that
    has begun (a test's), the isolation level is already set and is left alone.
    """
    fresh = not connection.in_atomic_block
    with transaction.atomic():
        if fresh and connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
        yield


def _stored_events() -> Iterator[ChainedEvent]:
    events = AuditEvent.objects.order_by("sequence")
    for event in events.iterator(chunk_size=CHUNK):
        yield event.chained()


def verify_stored_chain() -> Verification:
    with _one_snapshot():
        head = AuditChainHead.objects.filter(pk=HEAD).first()
        if head is None and AuditEvent.objects.exists():
            return _without_head(verify(_stored_events()))
        return verify(_stored_events(), head.as_head() if head is not None else None)


def _without_head(result: Verification) -> Verification:
    """Events but no head: someone removed it, and with it the check on the chain's end."""
    if result.broken is not None:
        return result
    reason = "the chain head is missing, so events deleted from the end would not show"
    return replace(result, broken=Break(BreakKind.MISSING, result.last.sequence, None, reason))

"""Events recorded before the chain existed join it when the migration runs."""

from datetime import UTC, datetime, timedelta

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from cpconf.audit.models import AuditChainHead, AuditEvent
from cpconf.audit.verifying import verify_stored_chain

BEFORE_CHAIN = [("audit", "0001_initial")]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.mark.django_db(transaction=True)
def test_events_already_recorded_are_chained_in_the_order_they_happened():
    latest = MigrationExecutor(connection).loader.graph.leaf_nodes("audit")
    old_apps = migrate(BEFORE_CHAIN)
    OldEvent = old_apps.get_model("audit", "AuditEvent")
    start = datetime(2026, 1, 5, 9, tzinfo=UTC)
    for minutes, action in ((2, "second"), (1, "first"), (3, "third")):
        old = OldEvent.objects.create(action=action, ip_address="192.0.2.7")
        OldEvent.objects.filter(pk=old.pk).update(occurred_at=start + timedelta(minutes=minutes))

    migrate(latest)

    events = list(AuditEvent.objects.order_by("sequence"))
    assert [(e.sequence, e.action) for e in events] == [(1, "first"), (2, "second"), (3, "third")]
    assert AuditChainHead.objects.get().sequence == 3
    assert verify_stored_chain().ok

"""Migrations that change rows already there: events recorded before the chain existed join
it; versions signed before their comparison was pinned are pinned to the base they had."""

from datetime import UTC, datetime, timedelta

import pytest
from django.db import IntegrityError, connection, transaction
from django.db.migrations.executor import MigrationExecutor

from cpconf.audit.models import AuditChainHead, AuditEvent
from cpconf.audit.verifying import verify_stored_chain
from cpconf.reports.models import ReportVersion
from cpconf.reports.services import report_amend
from tests.report_scene import complete, review_conference, share_again, start, submit

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


BEFORE_PINNING = [("reports", "0004_versions_are_never_removed")]


@pytest.mark.django_db(transaction=True)
def test_versions_signed_before_pinning_are_pinned_to_the_base_current_at_their_signing(scene):
    """Given a review signed against version 1 of the previous report, which was then amended,
    and the review amended after that: once the migration runs, the review's version 1 is
    compared with the previous report's version 1 and its version 2 with version 2 — each
    with the base it was read against when signed — and neither's fingerprint changes."""
    previous = complete(start(scene))
    submit(previous)
    review = complete(start(scene, conference=review_conference(scene)))
    submit(review)
    for report in (previous, review):
        report_amend(report=report, reason="New information", actor=report.author)
        share_again(report)
        submit(report)
    fingerprints = dict(ReportVersion.objects.values_list("pk", "fingerprint"))
    latest = MigrationExecutor(connection).loader.graph.leaf_nodes("reports")

    migrate(BEFORE_PINNING)
    migrate(latest)

    pinned = {
        version.number: version.compared_with
        for version in ReportVersion.objects.filter(report=review).select_related("compared_with")
    }
    assert pinned == {1: previous.versions.get(number=1), 2: previous.versions.get(number=2)}
    assert not previous.versions.exclude(compared_with=None).exists()
    assert dict(ReportVersion.objects.values_list("pk", "fingerprint")) == fingerprints
    # Going back and forth leaves the guards in place.
    for statement in (
        "UPDATE reports_reportversion SET signed_name = 'Mallory'",
        "DELETE FROM reports_reportversion",
    ):
        with pytest.raises(IntegrityError), transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(statement)
    assert ReportVersion.objects.count() == 4

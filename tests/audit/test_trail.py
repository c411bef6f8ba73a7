"""Appending to the audit trail: every event linked to the one before, written with the
action's transaction, and never changed afterwards — by the model or by the database."""

import itertools
import threading
import time

import pytest
from django.db import DatabaseError, IntegrityError, connection, transaction
from django.test import RequestFactory

from cpconf.accounts.models import Role, RoleAssignment
from cpconf.audit.chain import GENESIS_HASH, canonical_content, event_hash
from cpconf.audit.models import AuditChainHead, AuditEvent
from cpconf.audit.services import audit_record
from cpconf.audit.verifying import verify_stored_chain
from tests.factories import AgencyFactory, LocalAuthorityFactory, user_with_role

pytestmark = pytest.mark.django_db


def in_order() -> list[AuditEvent]:
    return list(AuditEvent.objects.order_by("sequence"))


def test_each_event_links_to_the_one_before(trail):
    events = in_order()

    assert [e.sequence for e in events] == [1, 2, 3, 4, 5]
    assert events[0].previous_hash == GENESIS_HASH
    for before, event in itertools.pairwise(events):
        assert event.previous_hash == before.hash
    for event in events:
        assert event.hash == event_hash(
            event.previous_hash, canonical_content(event.recorded_fields())
        )
    head = AuditChainHead.objects.get()
    assert (head.sequence, head.hash) == (5, events[-1].hash)
    assert verify_stored_chain().ok


def test_an_event_records_who_with_their_role_and_agency_in_that_authority():
    north, south = LocalAuthorityFactory(), LocalAuthorityFactory()
    school = AgencyFactory(local_authority=north, name="Alder Primary")
    person = user_with_role(Role.PROFESSIONAL, north, agency=school, email="p@example.org")
    RoleAssignment.objects.create(
        user=person,
        local_authority=south,
        role=Role.SOCIAL_WORKER,
        agency=AgencyFactory(local_authority=south, name="Southvale Children's Services"),
    )
    request = RequestFactory().get("/", REMOTE_ADDR="2001:0db8:0000::0001")
    request.request_id = "abc123"

    event = audit_record(
        action="report_viewed", actor=person, request=request, local_authority_id=north.pk
    )

    event = AuditEvent.objects.get(pk=event.pk)
    assert (event.actor_label, event.roles, event.agency) == (
        "p@example.org",
        "professional",
        "Alder Primary",
    )
    assert (event.request_id, event.ip_address) == ("abc123", "2001:db8::1")
    assert verify_stored_chain().ok  # the address reads back as it was hashed


def test_an_event_whose_action_rolls_back_leaves_no_event_and_no_gap():
    audit_record(action="first", actor=None)

    with pytest.raises(RuntimeError), transaction.atomic():
        audit_record(action="rolled_back", actor=None)
        raise RuntimeError("the action failed")
    audit_record(action="third", actor=None)

    assert [(e.sequence, e.action) for e in in_order()] == [(1, "first"), (2, "third")]
    assert verify_stored_chain().ok


def test_sequences_rise_strictly_and_are_unique(trail):
    sequences = [e.sequence for e in in_order()]
    times = [e.occurred_at for e in in_order()]

    assert sequences == sorted(set(sequences))
    assert times == sorted(times)
    with pytest.raises(IntegrityError), transaction.atomic():
        duplicate = AuditEvent(**(trail[0].recorded_fields() | {"hash": "", "previous_hash": ""}))
        duplicate.save(force_insert=True)


def test_the_model_refuses_to_change_or_remove_an_event(trail):
    event = trail[0]
    event.action = "something_else"

    with pytest.raises(ValueError):
        event.save()
    with pytest.raises(ValueError):
        event.delete()
    with pytest.raises(ValueError):
        AuditEvent.objects.filter(pk=event.pk).update(action="something_else")
    with pytest.raises(ValueError):
        AuditEvent.objects.all().delete()


def test_the_database_refuses_an_update(trail):
    with (
        pytest.raises((IntegrityError, DatabaseError)),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute(
            "UPDATE audit_auditevent SET action = 'nothing_to_see' WHERE id = %s", [trail[2].pk]
        )

    assert AuditEvent.objects.get(pk=trail[2].pk).action == trail[2].action


@pytest.mark.postgres
def test_the_database_refuses_a_delete_on_postgresql(trail):

    with (
        pytest.raises((IntegrityError, DatabaseError)),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute("DELETE FROM audit_auditevent WHERE id = %s", [trail[2].pk])

    assert AuditEvent.objects.filter(pk=trail[2].pk).exists()


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_appends_at_the_same_moment_queue_and_keep_the_chain_whole():
    writers = 8
    start = threading.Barrier(writers)
    failures: list[BaseException] = []

    def append(number: int) -> None:
        try:
            start.wait()
            with transaction.atomic():
                audit_record(action=f"concurrent_{number}", actor=None)
                time.sleep(0.02)  # hold the chain head, so the others wait for it
        except BaseException as error:  # reported by the assert below
            failures.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=append, args=(n,)) for n in range(writers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert failures == []
    events = in_order()
    assert [e.sequence for e in events] == list(range(1, writers + 1))
    assert [e.occurred_at for e in events] == sorted(e.occurred_at for e in events)
    assert verify_stored_chain().ok


def test_removing_an_account_changes_no_event():
    authority = LocalAuthorityFactory()
    person = user_with_role(Role.CHAIR, authority, email="leaving@example.org")
    event = audit_record(action="report_viewed", actor=person)

    person.delete()  # the database would refuse to null the event's actor

    kept = AuditEvent.objects.select_related("actor").get(pk=event.pk)
    assert (kept.actor_id, kept.actor, kept.actor_label) == (
        event.actor_id,
        None,
        "leaving@example.org",
    )
    assert verify_stored_chain().ok

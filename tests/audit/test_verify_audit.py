"""`cpconf verify_audit` on the stored trail: OK on an intact chain, and for a change,
deletion, insertion or reordering of any one event, the first broken event named."""

import pytest
from django.core.management import CommandError, call_command

from cpconf.audit.models import AuditChainHead, AuditEvent
from tests.audit import tampering

pytestmark = pytest.mark.django_db


def verify_audit() -> str:
    """The command's failure message; fails the test if the command finds nothing wrong."""
    with pytest.raises(CommandError) as failure:
        call_command("verify_audit")
    assert failure.value.returncode == 1
    return str(failure.value)


def id_of(sequence: int) -> int:
    return AuditEvent.objects.get(sequence=sequence).pk


def test_an_intact_trail_is_one_ok_line_with_the_count(trail, capsys):
    call_command("verify_audit")

    output = capsys.readouterr().out
    assert output.count("\n") == 1
    assert output.startswith("Audit trail OK: 5 events, last sequence 5, last hash ")
    assert trail[-1].hash in output


def test_an_empty_trail_is_ok(db, capsys):
    call_command("verify_audit")

    assert capsys.readouterr().out.startswith("Audit trail OK: 0 events")


@pytest.mark.parametrize("sequence", [1, 3, 5])
def test_a_changed_event_is_named(trail, sequence):
    tampering.change_action(sequence, "nothing_to_see")

    message = verify_audit()

    assert f"event sequence {sequence}, id {id_of(sequence)}: changed" in message
    assert "no longer match its hash" in message


def test_a_changed_and_rehashed_event_breaks_the_next_link(trail):
    tampering.change_and_rehash(3, "nothing_to_see")

    message = verify_audit()

    assert f"event sequence 4, id {id_of(4)}: missing" in message
    assert "not the hash of sequence 3" in message


@pytest.mark.parametrize("sequence", [1, 3])
def test_a_deleted_event_is_named_by_the_gap(trail, sequence):
    tampering.delete(sequence)

    message = verify_audit()

    following = sequence + 1
    assert f"event sequence {following}, id {id_of(following)}: missing" in message
    assert f"sequence {sequence} is missing before it: deleted" in message


def test_a_deleted_last_event_is_found_from_the_chain_head(trail):
    tampering.delete(5)

    message = verify_audit()

    assert "event sequence 5: missing" in message
    assert "missing at the end" in message


def test_a_deleted_chain_head_is_reported(trail):
    AuditChainHead.objects.all().delete()

    assert "the chain head is missing" in verify_audit()


def test_an_inserted_event_is_named(trail):
    forged = tampering.insert_between(2)

    message = verify_audit()

    assert f"event sequence 3, id {forged.pk}: inserted" in message


def test_an_event_added_at_the_end_outside_the_service_is_named(trail):
    forged = tampering.forge(6, trail[-1].hash)

    message = verify_audit()

    assert f"event sequence 6, id {forged.pk}: inserted" in message
    assert "beyond the chain head" in message


@pytest.mark.parametrize("first", [1, 2, 4])
def test_two_events_swapped_are_named_as_reordered(trail, first):
    moved_back = trail[first]  # the event recorded second of the two

    tampering.swap(first, first + 1)

    message = verify_audit()
    assert f"event sequence {first}, id {moved_back.pk}: reordered" in message

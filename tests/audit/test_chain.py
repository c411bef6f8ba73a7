"""The hash chain on its own, without a database: what the hash covers, and how `verify`
names the first broken event for each kind of tampering."""

import hashlib
from dataclasses import replace
from datetime import UTC, datetime, timedelta, timezone

import pytest

from cpconf.audit.chain import (
    GENESIS_HASH,
    RECORDED_FIELDS,
    BreakKind,
    ChainedEvent,
    ChainHead,
    canonical_content,
    event_hash,
    verify,
)

START = datetime(2026, 3, 27, 9, 30, 0, 123456, tzinfo=UTC)


def fields(sequence: int, **changes) -> dict:
    recorded = dict.fromkeys(RECORDED_FIELDS, "")
    recorded |= {
        "sequence": sequence,
        "occurred_at": START + timedelta(seconds=sequence),
        "actor_id": 7,
        "action": "report_viewed",
        "family_id": 12,
        "local_authority_id": 3,
        "ip_address": None,
    }
    return recorded | changes


def chain_of(count: int) -> list[ChainedEvent]:
    events, previous = [], GENESIS_HASH
    for sequence in range(1, count + 1):
        content = fields(sequence)
        digest = event_hash(previous, canonical_content(content))
        events.append(ChainedEvent(100 + sequence, sequence, previous, digest, content))
        previous = digest
    return events


def head_of(events: list[ChainedEvent]) -> ChainHead:
    return ChainHead(events[-1].sequence, events[-1].hash)


def test_the_content_is_canonical_json_of_every_recorded_field_with_utc_microseconds():
    london = timezone(timedelta(hours=1))
    content = canonical_content(
        fields(1, occurred_at=START.astimezone(london) + timedelta(seconds=1))
    )

    assert content.startswith('{"action":"report_viewed","actor_id":7,"actor_label":""')
    assert '"occurred_at":"2026-03-27T09:30:01.123456+00:00"' in content
    assert " " not in content
    assert canonical_content(dict(reversed(fields(1).items()))) == canonical_content(fields(1))


def test_the_hash_is_sha256_of_the_previous_hash_and_the_content():
    content = canonical_content(fields(1))

    assert (
        event_hash(GENESIS_HASH, content)
        == hashlib.sha256(f"{'0' * 64}\n{content}".encode()).hexdigest()
    )


def test_content_without_a_recorded_field_or_with_a_naive_time_is_refused():
    incomplete = fields(1)
    del incomplete["agency"]
    with pytest.raises(ValueError, match="agency"):
        canonical_content(incomplete)
    with pytest.raises(ValueError, match="aware"):
        canonical_content(fields(1, occurred_at=datetime(2026, 1, 1)))


def test_an_intact_chain_verifies_and_reports_its_end():
    events = chain_of(5)

    result = verify(events, head_of(events))

    assert result.ok
    assert (result.count, result.last) == (5, head_of(events))
    assert verify([]).ok


def test_a_changed_event_is_named():
    events = chain_of(5)
    events[2] = replace(events[2], fields=fields(3, action="nothing_to_see"))

    broken = verify(events, head_of(events)).broken

    assert broken is not None
    assert (broken.kind, broken.sequence, broken.event_id) == (BreakKind.CHANGED, 3, 103)


def test_a_deleted_event_is_named_by_the_gap_it_leaves():
    events = chain_of(5)
    del events[2]

    broken = verify(events, head_of(events)).broken

    assert broken is not None
    assert (broken.kind, broken.sequence, broken.event_id) == (BreakKind.MISSING, 4, 104)
    assert "sequence 3 is missing" in broken.reason


def test_a_deleted_last_event_is_found_from_the_head():
    events = chain_of(5)
    head = head_of(events)

    broken = verify(events[:-1], head).broken

    assert broken is not None
    assert (broken.kind, broken.sequence) == (BreakKind.MISSING, 5)


def test_an_inserted_event_is_named():
    events = chain_of(5)
    forged_content = fields(3, action="forged")
    forged = ChainedEvent(
        999,
        3,
        events[1].hash,
        event_hash(events[1].hash, canonical_content(forged_content)),
        forged_content,
    )
    moved_up = [replace(e, sequence=e.sequence + 1) for e in events[2:]]
    tampered = [*events[:2], forged, *moved_up]

    broken = verify(tampered, ChainHead(6, moved_up[-1].hash)).broken

    assert broken is not None
    assert (broken.kind, broken.sequence, broken.event_id) == (BreakKind.INSERTED, 3, 999)


def test_an_event_added_at_the_end_outside_the_service_is_named():
    events = chain_of(5)
    head = head_of(events)
    content = fields(6, action="forged")
    forged = ChainedEvent(
        999, 6, head.hash, event_hash(head.hash, canonical_content(content)), content
    )

    broken = verify([*events, forged], head).broken

    assert broken is not None
    assert (broken.kind, broken.sequence, broken.event_id) == (BreakKind.INSERTED, 6, 999)


def test_two_events_swapped_are_named_as_reordered():
    events = chain_of(5)
    second, third = events[1], events[2]
    tampered = [events[0], replace(third, sequence=2), replace(second, sequence=3), *events[3:]]

    broken = verify(tampered, head_of(events)).broken

    assert broken is not None
    assert (broken.kind, broken.sequence, broken.event_id) == (BreakKind.REORDERED, 2, 103)


def test_an_event_changed_and_rehashed_breaks_the_link_to_the_next():
    events = chain_of(5)
    content = fields(3, action="nothing_to_see")
    events[2] = replace(
        events[2], fields=content, hash=event_hash(events[1].hash, canonical_content(content))
    )

    broken = verify(events, head_of(events)).broken

    assert broken is not None
    assert (broken.kind, broken.sequence) == (BreakKind.MISSING, 4)
    assert "previous hash is not the hash of sequence 3" in broken.reason


def test_verify_reads_the_events_one_at_a_time():
    events = chain_of(50)
    handed_out = []

    def stream():
        for event in events:
            handed_out.append(event.sequence)
            yield event

    tampered = stream()
    result = verify(
        replace(e, fields=fields(10, action="x")) if e.sequence == 10 else e for e in tampered
    )

    assert result.broken is not None and result.broken.sequence == 10
    assert handed_out[-1] <= 11  # it stopped at the break, one event of look-ahead

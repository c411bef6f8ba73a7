"""The audit trail's hash chain, with no Django import: what an event's hash covers, and how
a chain is checked.

Each event's hash is SHA-256 over the previous event's hash and the event's canonical
content, so changing, removing, adding or moving any one event breaks the chain at that
point. The hash input is the text

    previous_hash + "\\n" + canonical_content(fields)

where canonical_content is the JSON of every recorded field (`RECORDED_FIELDS`), keys sorted,
no spaces, UTF-8, times as UTC ISO 8601 with microseconds. The first event's previous hash is
`GENESIS_HASH`.

`verify` reads events in sequence order one at a time (it keeps three in hand), so a chain of
any length is checked in constant memory.
"""

import hashlib
import json
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

__all__ = [
    "GENESIS_HASH",
    "RECORDED_FIELDS",
    "Break",
    "BreakKind",
    "ChainHead",
    "ChainedEvent",
    "Verification",
    "canonical_content",
    "event_hash",
    "verify",
]

GENESIS_HASH = "0" * 64

RECORDED_FIELDS = (
    "sequence",
    "occurred_at",
    "actor_id",
    "actor_label",
    "roles",
    "agency",
    "action",
    "object_type",
    "object_id",
    "family_id",
    "local_authority_id",
    "outcome",
    "request_id",
    "ip_address",
)

Scalar = str | int | None


def _canonical_value(name: str, value: Any) -> Scalar:
    if isinstance(value, datetime):
        if value.tzinfo is None:
            raise ValueError(f"{name} must be an aware datetime, not {value!r}")
        return value.astimezone(UTC).isoformat(timespec="microseconds")
    if isinstance(value, str):
        return str(value)  # a text choice is written as its value
    if value is None or (isinstance(value, int) and not isinstance(value, bool)):
        return value
    raise TypeError(f"{name} must be text, a whole number, a datetime or None, not {value!r}")


def canonical_content(fields: Mapping[str, Any]) -> str:
    """The one JSON text of an event's recorded fields: the same fields, the same text."""
    missing = [name for name in RECORDED_FIELDS if name not in fields]
    if missing:
        raise ValueError(f"an audit event's content needs {', '.join(missing)}")
    content = {name: _canonical_value(name, fields[name]) for name in RECORDED_FIELDS}
    return json.dumps(content, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def event_hash(previous_hash: str, content: str) -> str:
    return hashlib.sha256(f"{previous_hash}\n{content}".encode()).hexdigest()


@dataclass(frozen=True)
class ChainedEvent:
    """An event as stored: its place, its links, and the fields its hash covers."""

    id: int
    sequence: int
    previous_hash: str
    hash: str
    fields: Mapping[str, Any]

    @property
    def sealed(self) -> bool:
        """Whether the stored hash still matches the stored previous hash and content."""
        return event_hash(self.previous_hash, canonical_content(self.fields)) == self.hash


@dataclass(frozen=True)
class ChainHead:
    """Where the last append left the chain: the tail cannot be cut off unseen."""

    sequence: int
    hash: str


class BreakKind(StrEnum):
    CHANGED = "changed"
    MISSING = "missing"
    INSERTED = "inserted"
    REORDERED = "reordered"


@dataclass(frozen=True)
class Break:
    kind: BreakKind
    sequence: int
    event_id: int | None
    reason: str

    def __str__(self) -> str:
        at = f"sequence {self.sequence}"
        if self.event_id is not None:
            at += f", id {self.event_id}"
        return f"event {at}: {self.kind.value}: {self.reason}"


@dataclass(frozen=True)
class Verification:
    count: int
    last: ChainHead
    broken: Break | None

    @property
    def ok(self) -> bool:
        return self.broken is None


def _with_next(
    events: Iterable[ChainedEvent],
) -> Iterator[tuple[ChainedEvent, ChainedEvent | None]]:
    iterator = iter(events)
    current = next(iterator, None)
    while current is not None:
        following = next(iterator, None)
        yield current, following
        current = following


def _check(event: ChainedEvent, following: ChainedEvent | None, before: ChainHead) -> Break | None:
    """What is wrong with `event`, which should come straight after `before`, if anything."""
    expected = before.sequence + 1
    if event.sequence > expected:
        absent = (
            str(expected)
            if event.sequence == expected + 1
            else f"{expected} to {event.sequence - 1}"
        )
        return Break(
            BreakKind.MISSING,
            event.sequence,
            event.id,
            f"sequence {absent} is missing before it: deleted",
        )
    if event.sequence < expected:
        return Break(
            BreakKind.REORDERED,
            event.sequence,
            event.id,
            f"its sequence comes after {before.sequence} but is not greater",
        )
    if following is not None:
        if following.previous_hash == before.hash and event.previous_hash == following.hash:
            return Break(
                BreakKind.REORDERED,
                event.sequence,
                event.id,
                f"it was recorded after the event now at sequence {following.sequence}"
                " and has swapped places with it",
            )
        if following.previous_hash == before.hash:
            return Break(
                BreakKind.INSERTED,
                event.sequence,
                event.id,
                f"it was added afterwards: the next event follows sequence {before.sequence}"
                " directly",
            )
    if event.previous_hash != before.hash:
        if event_hash(before.hash, canonical_content(event.fields)) == event.hash:
            return Break(
                BreakKind.CHANGED, event.sequence, event.id, "its previous hash was changed"
            )
        return Break(
            BreakKind.MISSING,
            event.sequence,
            event.id,
            f"its previous hash is not the hash of sequence {before.sequence}: an event"
            " between them was deleted, or that event was changed and its hash recomputed",
        )
    if not event.sealed:
        return Break(
            BreakKind.CHANGED,
            event.sequence,
            event.id,
            "its recorded fields no longer match its hash",
        )
    return None


def _check_tail(last: ChainHead, head: ChainHead) -> Break | None:
    if head.sequence > last.sequence:
        absent = (
            str(head.sequence)
            if head.sequence == last.sequence + 1
            else f"{last.sequence + 1} to {head.sequence}"
        )
        return Break(
            BreakKind.MISSING,
            head.sequence,
            None,
            f"sequence {absent} is missing at the end: the chain head records"
            f" {head.sequence} events",
        )
    if head.hash != last.hash:
        return Break(
            BreakKind.CHANGED,
            last.sequence,
            None,
            "the last event's hash is not the one the chain head recorded",
        )
    return None


def verify(events: Iterable[ChainedEvent], head: ChainHead | None = None) -> Verification:
    """Check `events`, given in sequence order, and name the first one that is wrong.

    `head`, when given, is where the appends left the chain: events beyond it were added
    outside the audit service, and a head beyond the last event means the tail was deleted.
    """
    last = ChainHead(0, GENESIS_HASH)
    count = 0
    for event, following in _with_next(events):
        if head is not None and event.sequence > head.sequence:
            reason = f"it lies beyond the chain head at sequence {head.sequence}: added afterwards"
            return Verification(
                count, last, Break(BreakKind.INSERTED, event.sequence, event.id, reason)
            )
        broken = _check(event, following, last)
        if broken is not None:
            return Verification(count, last, broken)
        last = ChainHead(event.sequence, event.hash)
        count += 1
    broken = _check_tail(last, head) if head is not None else None
    return Verification(count, last, broken)

"""What retention allows to be destroyed, decided from plain data (no Django import).

Each family, conference and report is kept for its policy's years after its last contact. A
record is destroyed with everything under it, so it goes only when all of that has expired
too, when no later record that is kept refers back to it (a review conference to the one it
follows, a review report to the report it started from), and when its family is under no
legal hold. The destruction unit is the highest record that can go: a family, or else a
conference, or else a single report.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

__all__ = [
    "AUDIT",
    "CONFERENCE",
    "DESTROY",
    "FAMILY",
    "KEEP",
    "RECORD_KINDS",
    "REPORT",
    "WITH_PARENT",
    "KeptRecord",
    "RetentionEntry",
    "plan",
    "years_after",
]

FAMILY, CONFERENCE, REPORT, AUDIT = "family", "conference", "report", "audit"
RECORD_KINDS = (FAMILY, CONFERENCE, REPORT)
DESTROY, WITH_PARENT, KEEP = "destroy", "destroyed_with", "keep"

HELD = "kept: the family is under legal hold"
WAITS_FOR = "kept: {kind} {id} under it is kept"
WAITS_FOR_DUE = "kept: {kind} {id} under it is not due until {due}"
FOLLOWED_BY = "kept: {kind} {id} follows it and is kept"
FOLLOWED_BY_DUE = "kept: {kind} {id} follows it and is not due until {due}"
DESTROYED_WITH = "destroyed with {kind} {id}"
AUDIT_KEPT = "kept: {count} audit events; the audit trail is append-only"


def years_after(day: date, years: int) -> date:
    """The same day `years` later; 29 February becomes 28 February in a common year."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


@dataclass(frozen=True)
class KeptRecord:
    """One family, conference or report, as retention sees it.

    `parent_id` is the family of a conference or the conference of a report; `follows_id` the
    conference a review follows, or the report a review report started from.
    """

    kind: str
    id: int
    authority: str
    family_id: int
    parent_id: int | None
    follows_id: int | None
    last_contact: date
    years: int
    held: bool

    @property
    def key(self) -> tuple[str, int]:
        return (self.kind, self.id)

    @property
    def due(self) -> date:
        return years_after(self.last_contact, self.years)

    def expired_on(self, today: date) -> bool:
        return self.due <= today


@dataclass(frozen=True)
class RetentionEntry:
    record: KeptRecord
    action: str
    reason: str = ""

    @property
    def destroys(self) -> bool:
        return self.action == DESTROY


class _Graph:
    """Who is under whom, and who follows whom, among the records given."""

    def __init__(self, records: Iterable[KeptRecord]) -> None:
        self.records = {record.key: record for record in records}
        self.children: dict[tuple[str, int], list[KeptRecord]] = {}
        self.followers: dict[tuple[str, int], list[KeptRecord]] = {}
        for record in self.records.values():
            parent = self._parent_key(record)
            if parent is not None:
                self.children.setdefault(parent, []).append(record)
            if record.follows_id is not None:
                self.followers.setdefault((record.kind, record.follows_id), []).append(record)

    @staticmethod
    def _parent_key(record: KeptRecord) -> tuple[str, int] | None:
        if record.parent_id is None:
            return None
        return {CONFERENCE: (FAMILY, record.parent_id), REPORT: (CONFERENCE, record.parent_id)}.get(
            record.kind
        )

    def parent(self, record: KeptRecord) -> KeptRecord | None:
        key = self._parent_key(record)
        return self.records.get(key) if key else None

    def blockers(self, record: KeptRecord) -> list[tuple[KeptRecord, bool]]:
        """The records that must go before (or with) this one: (record, is_a_follower)."""
        under = [(child, False) for child in self.children.get(record.key, [])]
        return under + [(later, True) for later in self.followers.get(record.key, [])]


def _destroyable(graph: _Graph, today: date) -> set[tuple[str, int]]:
    """Every record that may go: expired, not held, and nothing it depends on stays."""
    able = {
        key for key, record in graph.records.items() if record.expired_on(today) and not record.held
    }
    changed = True
    while changed:
        changed = False
        for key in list(able):
            if any(blocker.key not in able for blocker, _ in graph.blockers(graph.records[key])):
                able.discard(key)
                changed = True
    return able


def _kept_reason(graph: _Graph, record: KeptRecord, able: set[tuple[str, int]], today: date) -> str:
    if record.held:
        return HELD
    # Name a record not yet due first: that is what the reader waits for.
    blockers = sorted(graph.blockers(record), key=lambda pair: pair[0].expired_on(today))
    for blocker, follows in blockers:
        if blocker.key in able:
            continue
        words = {"kind": blocker.kind, "id": blocker.id, "due": blocker.due.isoformat()}
        if blocker.expired_on(today):
            return (FOLLOWED_BY if follows else WAITS_FOR).format(**words)
        return (FOLLOWED_BY_DUE if follows else WAITS_FOR_DUE).format(**words)
    return HELD


def plan(records: Iterable[KeptRecord], today: date) -> list[RetentionEntry]:
    """An entry for every expired record: destroy it (as a unit), destroyed with the unit it is
    under, or kept and why. Records not yet due are left out."""
    graph = _Graph(records)
    able = _destroyable(graph, today)
    entries = []
    for record in graph.records.values():
        if not record.expired_on(today):
            continue
        if record.key not in able:
            entries.append(RetentionEntry(record, KEEP, _kept_reason(graph, record, able, today)))
            continue
        unit = record
        while (parent := graph.parent(unit)) is not None and parent.key in able:
            unit = parent
        if unit is record:
            entries.append(RetentionEntry(record, DESTROY))
        else:
            reason = DESTROYED_WITH.format(kind=unit.kind, id=unit.id)
            entries.append(RetentionEntry(record, WITH_PARENT, reason))
    order = {kind: index for index, kind in enumerate(RECORD_KINDS)}
    return sorted(
        entries, key=lambda e: (e.record.authority, order[e.record.kind], e.record.due, e.record.id)
    )

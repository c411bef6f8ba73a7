"""Merging every agency's chronology into one timeline, showing an event two agencies both
recorded once, with both wordings and both sources, instead of twice.

Two entries are the same event when they come from different agencies, fall on the same or
adjacent days (one agency writes down the day of a police call-out, another the morning after)
and say much the same thing. "Much the same" is measured on the content words of each wording:
lower-cased, stop words dropped, plural and past-tense endings cut, so "Police called to a
domestic incident at home" and "Police attended domestic incident at the family home" compare
as {police, call, domestic, incident, home} and {police, attend, domestic, incident, family,
home}. The measure is the Dice coefficient, 2·|A∩B| / (|A|+|B|): the share of all the content
words that the two wordings have in common, whatever order they come in.

The threshold, 0.6, means that of two five-word wordings at least three words must be shared.
The paraphrases in tests/chronology (the same incident told by the police and the school, by
the GP and the health visitor) score from 0.67 up; different events of the same day in the
same setting — a home visit by the health visitor and one by the social worker — share their
setting words and score 0.5 or less. Three things keep look-alikes apart whatever the score:
one wording says something did not happen (not, missed, refused...) and the other does not;
both give numbers and the numbers differ (attendance of 71% and of 88%); both name a child
and the names differ (Lily's A&E visit is not Noah's).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

__all__ = [
    "ADJACENT_DAYS",
    "SIMILAR_ENOUGH",
    "AgencyEvent",
    "MergedEvent",
    "merge_chronologies",
    "similarity",
]

ADJACENT_DAYS = 1
SIMILAR_ENOUGH = 0.6

_WORD = re.compile(r"[a-z0-9&]+(?:'[a-z]+)?")
_NUMBER = re.compile(r"^\d+$")
_STOP_WORDS = """a an the to at of in on for and or with by from was were is are be been being
has had have did do does he she her his him they them their this that these those it its as into
up out after before about over then there who which what when where while also again very i we
our us you your"""
STOP_WORDS = frozenset(_STOP_WORDS.split())
# Words that say an event did not happen: a wording with one never matches one without.
_NEGATIONS = """not no never without nobody nothing miss missed fail failed refuse refused
decline declined cancel cancelled"""
NEGATIONS = frozenset(_NEGATIONS.split())
# Irregular forms, and the words people use for the same person.
_SAME_WORD = {
    "children": "child",
    "went": "go",
    "saw": "see",
    "mum": "mother",
    "mom": "mother",
    "dad": "father",
    "hospital": "a&e",
}


@dataclass(frozen=True)
class AgencyEvent:
    """One entry of one agency's chronology: when, what happened, and who told the agency."""

    on: date | None
    event: str
    agency: str
    source: str = ""


@dataclass(frozen=True)
class MergedEvent:
    """One event of the merged timeline, with every agency's wording of it."""

    wordings: tuple[AgencyEvent, ...]

    @property
    def on(self) -> date | None:
        dates = [w.on for w in self.wordings if w.on is not None]
        return min(dates) if dates else None

    @property
    def agencies(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(w.agency for w in self.wordings))

    @property
    def is_merged(self) -> bool:
        return len(self.wordings) > 1


@dataclass(frozen=True)
class _Words:
    content: frozenset[str]
    negative: bool
    numbers: frozenset[str]
    names: frozenset[str]


def _stem(word: str) -> str:
    if word in _SAME_WORD:
        return _SAME_WORD[word]
    word = word.removesuffix("'s")
    if len(word) > 4 and word.endswith("s") and not word.endswith("ss"):
        word = word[:-1]
    for ending in ("ing", "ed"):
        if len(word) > len(ending) + 2 and word.endswith(ending):
            return word[: -len(ending)]
    return word


def _words(text: str, names: frozenset[str]) -> _Words:
    tokens = _WORD.findall(text.lower().replace("\u2019", "'").replace("n't", " not"))
    stems = [_stem(token) for token in tokens if token not in STOP_WORDS]
    return _Words(
        content=frozenset(s for s in stems if s not in NEGATIONS),
        negative=any(token in NEGATIONS for token in tokens),
        numbers=frozenset(s for s in stems if _NUMBER.match(s)),
        names=frozenset(t.removesuffix("'s") for t in tokens) & names,
    )


def similarity(first: str, second: str, *, names: Iterable[str] = ()) -> float:
    """How alike two wordings are, from 0 to 1 (the Dice coefficient of their content words);
    0 when one is negative and the other not, or their numbers or named children differ."""
    known = frozenset(name.lower() for name in names)
    a, b = _words(first, known), _words(second, known)
    if a.negative != b.negative:
        return 0.0
    if a.numbers and b.numbers and a.numbers != b.numbers:
        return 0.0
    if a.names and b.names and a.names != b.names:
        return 0.0
    if not a.content or not b.content:
        return 1.0 if a.content == b.content and first.strip() else 0.0
    return 2 * len(a.content & b.content) / (len(a.content) + len(b.content))


def _near(first: date | None, second: date | None) -> bool:
    return first is not None and second is not None and abs((first - second).days) <= ADJACENT_DAYS


def _fit(
    event: AgencyEvent, group: list[AgencyEvent], names: frozenset[str], threshold: float
) -> float:
    """How well the event joins this group: its best score against a wording on a near day;
    0 if its agency already has a wording there (an agency's own entries stay apart)."""
    if any(w.agency == event.agency for w in group):
        return 0.0
    scores = [similarity(event.event, w.event, names=names) for w in group if _near(event.on, w.on)]
    best = max(scores, default=0.0)
    return best if best >= threshold else 0.0


def _order(event: AgencyEvent) -> tuple[date, str, str]:
    return (event.on or date.max, event.agency.casefold(), event.event.casefold())


def merge_chronologies(
    events: Iterable[AgencyEvent],
    *,
    names: Iterable[str] = (),
    threshold: float = SIMILAR_ENOUGH,
) -> list[MergedEvent]:
    """Every event in date order (undated ones last), near-duplicates from different agencies
    merged into one entry. `names` are the children's names, so events about different
    children are never merged."""
    known = frozenset(name.lower() for name in names)
    groups: list[list[AgencyEvent]] = []
    for event in sorted(events, key=_order):
        scored = [(_fit(event, group, known, threshold), n) for n, group in enumerate(groups)]
        best, index = max(scored, default=(0.0, -1))
        if best > 0:
            groups[index].append(event)
        else:
            groups.append([event])
    merged = [MergedEvent(tuple(group)) for group in groups]
    return sorted(merged, key=lambda m: _order(m.wordings[0]))

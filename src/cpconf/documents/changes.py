"""Word-level changes between two versions of an answer.

A review report starts from the author's previous report, and the paper process asks authors to
show what changed in a different colour. This module finds those changes so the documents can
mark them, without the author having to.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Literal

__all__ = [
    "DELETED",
    "INSERTED",
    "SAME",
    "Change",
    "Segment",
    "has_changes",
    "whole_changes",
    "word_changes",
]

Change = Literal["same", "inserted", "deleted"]
SAME: Change = "same"
INSERTED: Change = "inserted"
DELETED: Change = "deleted"

# A word keeps its inner apostrophes, hyphens and separators ("don't", "well-being",
# "12/03/2025", "1,500"); every other mark stands alone, so "school." -> "school," changes only
# the full stop. Each token carries the whitespace before it, so words added at the end of an
# answer leave its last word alone, and no token is as common as a bare space would be (which
# keeps long answers quick to compare). Trailing whitespace is a token of its own.
_WORD = r"\w+(?:['\u2019./:,-]\w+)*"
_TOKEN = re.compile(rf"\s*(?:{_WORD}|[^\w\s])|\s+\Z")
# Within a changed stretch, words and spaces apart, to find what its two sides share.
_PIECE = re.compile(rf"{_WORD}|\s+|[^\w\s]")


@dataclass(frozen=True)
class Segment:
    """A stretch of text that is unchanged, inserted or deleted."""

    text: str
    change: Change = SAME


def word_changes(before: str, after: str) -> list[Segment]:
    """The changes that turn `before` into `after`, word by word.

    The 'same' and 'inserted' texts joined give `after` exactly; the 'same' and 'deleted' texts
    joined give `before` exactly. Within a changed stretch the deleted text comes first, so
    "the boy ran" -> "a girl ran" reads as one deletion ("the boy") and one insertion
    ("a girl"). Neighbouring segments of the same kind are merged.
    """
    old, new = _TOKEN.findall(before), _TOKEN.findall(after)
    matcher = SequenceMatcher(None, old, new, autojunk=False)
    segments: list[Segment] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        removed, added = "".join(old[i1:i2]), "".join(new[j1:j2])
        if tag == "equal":
            segments.append(Segment(added))
        else:
            segments += _change(removed, added)
    return _merged(segments)


def whole_changes(before: str, after: str) -> list[Segment]:
    """`before` replaced by `after` as a whole, never word by word: for words quoted from
    someone (the family's own comments), where marking only the words that differ would splice
    two quotes into one sentence nobody said. Unchanged text is one unmarked segment."""
    if before == after:
        return [Segment(after)] if after else []
    return _merged([Segment(before, DELETED), Segment(after, INSERTED)])


def has_changes(segments: Iterable[Segment]) -> bool:
    """Whether any segment is inserted or deleted."""
    return any(segment.change != SAME for segment in segments)


def _change(removed: str, added: str) -> list[Segment]:
    """A deletion then an insertion, leaving unmarked the words and spaces both share at their
    start or end ("Lily is" -> "Since May Lily is" marks only "Since May ")."""
    old, new = _PIECE.findall(removed), _PIECE.findall(added)
    head = _shared_count(old, new)
    tail = _shared_count(old[head:][::-1], new[head:][::-1])
    return [
        Segment("".join(old[:head])),
        Segment("".join(old[head : len(old) - tail]), DELETED),
        Segment("".join(new[head : len(new) - tail]), INSERTED),
        Segment("".join(old[len(old) - tail :])),
    ]


def _shared_count(first: list[str], second: list[str]) -> int:
    """How many pieces `first` and `second` both begin with."""
    pairs = zip(first, second, strict=False)
    return next((n for n, (a, b) in enumerate(pairs) if a != b), min(len(first), len(second)))


def _merged(segments: list[Segment]) -> list[Segment]:
    """Drop empty segments and join neighbours of the same kind."""
    merged: list[Segment] = []
    for segment in segments:
        if not segment.text:
            continue
        if merged and merged[-1].change == segment.change:
            merged[-1] = Segment(merged[-1].text + segment.text, segment.change)
        else:
            merged.append(segment)
    return merged

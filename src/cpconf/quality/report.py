"""Findings that need more than one sentence: repetition across the report, and a worries
section that never says what the worry means for the child."""

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import NamedTuple

from cpconf.quality.cue_lists import child_states, child_words, cue_data, impact
from cpconf.quality.results import Finding
from cpconf.quality.sentences import Span
from cpconf.quality.wording import make_finding

SUFFIXES = ("ing", "ed", "es", "s")
# Without the children's names, a name that is not a title or an adult's role may be a child's.
UNTITLED_NAME = re.compile(r"(?<!Mr )(?<!Mrs )(?<!Ms )(?<!Miss )(?<!Dr )\b[A-Z][a-z]+\b")


class Remembered(NamedTuple):
    """A sentence already read, kept to compare later ones with."""

    text: str
    section: str | None
    content: frozenset[str]


@cache
def _not_a_child() -> frozenset[str]:
    return frozenset(cue_data()["impact"]["not_children"])


@cache
def _stopwords() -> frozenset[str]:
    return frozenset(cue_data()["repetition"]["stopwords"])


@lru_cache(maxsize=16384)
def _stem(word: str) -> str:
    for suffix in SUFFIXES:
        if len(word) > len(suffix) + 3 and word.endswith(suffix):
            return word[: -len(suffix)]
    return word


def content_words(sentence_words: list[str]) -> frozenset[str]:
    return frozenset(filter(None, map(_content_word, sentence_words)))


@lru_cache(maxsize=32768)
def _content_word(word: str) -> str:
    """The word's stem, or "" for a stop word."""
    word = word.casefold()
    return "" if word in _stopwords() else _stem(word)


@dataclass
class RepetitionIndex:
    """Every sentence read so far in the report, indexed so that each new sentence is
    compared only with those that could be near copies of it.

    Two sentences are near copies when they share enough of their content words (Jaccard
    similarity at least the threshold). Put each sentence's words in one fixed order, longest
    (and so rarest) first: two near copies must then share a word among the first few of
    each (prefix filtering), so a sentence is indexed, and looked up, by those words only,
    and the common words further down its list never bring the whole report back."""

    remembered: list[Remembered] = field(default_factory=list)
    postings: dict[str, list[int]] = field(default_factory=dict)
    latest: dict[frozenset[str], int] = field(default_factory=dict)
    """The latest sentence with exactly these content words: a copy needs no comparing."""

    def findings(
        self,
        text: str,
        spans: Sequence[Span],
        tokens: Sequence[list[str]],
        section: str | None,
        skip: Sequence[bool],
    ) -> list[Finding]:
        settings = cue_data()["repetition"]
        threshold, shortest = float(settings["similarity"]), int(settings["min_content_words"])
        found = []
        for span, sentence_words, skipped in zip(spans, tokens, skip, strict=True):
            if skipped:
                continue
            content = content_words(sentence_words)
            if len(content) < shortest:
                continue
            sentence = Remembered(text[span.start : span.end], section, content)
            if (copied := self.latest.get(content)) is not None:
                # The same words again: nothing is more similar, and it is not indexed again.
                if threshold <= 1:
                    found.append(_repetition(text, span, self.remembered[copied], section))
                self._remember(sentence, [])
                continue
            prefix = _prefix(content, threshold)
            earlier = self._most_similar(content, prefix, threshold)
            if earlier is not None:
                found.append(_repetition(text, span, earlier, section))
            self._remember(sentence, prefix)
        return found

    def _most_similar(
        self, content: frozenset[str], prefix: list[str], threshold: float
    ) -> Remembered | None:
        """The most similar earlier sentence at or over the threshold; of equals, the latest
        (copies are indexed once, as their first, and stand for their latest)."""
        postings, remembered, latest = self.postings, self.remembered, self.latest
        candidates = {
            latest[remembered[index].content] for word in prefix for index in postings.get(word, ())
        }
        best, best_key = None, (threshold, -1)
        for index in candidates:
            other = remembered[index].content
            count = len(content & other)
            key = (count / (len(content) + len(other) - count), index)
            if key >= best_key:
                best, best_key = remembered[index], key
        return best

    def _remember(self, sentence: Remembered, prefix: list[str]) -> None:
        position = len(self.remembered)
        self.remembered.append(sentence)
        self.latest[sentence.content] = position
        for word in prefix:
            self.postings.setdefault(word, []).append(position)


def _prefix(content: frozenset[str], threshold: float) -> list[str]:
    """The words a near copy must share at least one of: the first of the content words in
    the fixed order, as many as the words that could be missing, plus one."""
    ordered = sorted(sorted(content), key=len, reverse=True)  # longest first, then A to Z
    return ordered[: len(ordered) - _least_shared(len(ordered), threshold) + 1]


@lru_cache(maxsize=256)
def _least_shared(size: int, threshold: float) -> int:
    """The fewest words a sentence of ``size`` content words can share with another of any
    size and still reach the threshold (worked out as the comparison itself does it)."""
    largest = max(size, math.ceil(size / threshold) + 1) if threshold > 0 else size
    return min(
        (
            shared
            for other in range(1, largest + 1)
            for shared in range(min(size, other) + 1)
            if shared / (size + other - shared) >= threshold
        ),
        default=size,
    )


def _repetition(text: str, span: Span, earlier: Remembered, section: str | None) -> Finding:
    where = ""
    if earlier.section is not None and earlier.section != section:
        where = f" in the “{earlier.section.replace('_', ' ')}” section"
    other = " ".join(earlier.text.split())
    if len(other) > 100:
        other = other[:99].rstrip() + "…"
    return make_finding("repetition", text, span.start, span.end, where=where, other=other)


def missing_impact_findings(
    text: str,
    spans: Sequence[Span],
    section: str | None,
    skip: Sequence[bool],
    children: Sequence[str] = (),
) -> list[Finding]:
    if section not in cue_data()["impact"]["sections"]:
        return []
    written = [span for span, skipped in zip(spans, skip, strict=True) if not skipped]
    if not written or any(_says_impact(text, span, children) for span in written):
        return []
    return [make_finding("missing_impact", text, written[0].start, written[-1].end)]


def _says_impact(text: str, span: Span, children: Sequence[str]) -> bool:
    """An explicit impact ("this means …"), or how a child is doing in a sentence about a
    child ("Lily is often hungry"): "Mum is tired" says nothing about the child."""
    if impact().search(text, span) is not None:
        return True
    if child_states().search(text, span) is None:
        return False
    sentence = text[span.start : span.end]
    if child_words().search(sentence) is not None:
        return True
    if children:
        return any(_names(child).search(sentence) for child in children)
    return any(name not in _not_a_child() for name in UNTITLED_NAME.findall(sentence))


@cache
def _names(child: str) -> re.Pattern[str]:
    names = {child.strip(), *child.split()[:1]} - {""}
    return re.compile("|".join(rf"\b{re.escape(name)}\b" for name in names))

"""Findings that need more than one sentence: repetition across the report, and a worries
section that never says what the worry means for the child."""

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache

from cpconf.quality.cue_lists import child_states, child_words, cue_data, impact
from cpconf.quality.results import Finding
from cpconf.quality.sentences import Span
from cpconf.quality.wording import make_finding

SUFFIXES = ("ing", "ed", "es", "s")
# Without the children's names, a name that is not a title or an adult's role may be a child's.
UNTITLED_NAME = re.compile(r"(?<!Mr )(?<!Mrs )(?<!Ms )(?<!Miss )(?<!Dr )\b[A-Z][a-z]+\b")


@dataclass(frozen=True)
class Remembered:
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


def content_words(tokens: list[re.Match[str]]) -> frozenset[str]:
    stop = _stopwords()
    found = (match.group().casefold() for match in tokens)
    return frozenset(_stem(word) for word in found if word not in stop)


@dataclass
class RepetitionIndex:
    """Every sentence read so far in the report, indexed by its content words, so each new
    sentence is compared only with those sharing a word with it."""

    remembered: list[Remembered] = field(default_factory=list)
    postings: dict[str, list[int]] = field(default_factory=dict)

    def findings(
        self,
        text: str,
        spans: Sequence[Span],
        tokens: Sequence[list[re.Match[str]]],
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
            earlier = self._most_similar(content, threshold)
            if earlier is not None:
                found.append(_repetition(text, span, earlier, section))
            self._remember(Remembered(text[span.start : span.end], section, content))
        return found

    def _most_similar(self, content: frozenset[str], threshold: float) -> Remembered | None:
        shared = Counter(index for word in content for index in self.postings.get(word, ()))
        best, best_score = None, threshold
        for index, count in shared.items():
            other = self.remembered[index].content
            score = count / (len(content) + len(other) - count)
            if score >= best_score:
                best, best_score = self.remembered[index], score
        return best

    def _remember(self, sentence: Remembered) -> None:
        position = len(self.remembered)
        self.remembered.append(sentence)
        for word in sentence.content:
            self.postings.setdefault(word, []).append(position)


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
    if impact().search(text, span.start, span.end) is not None:
        return True
    if child_states().search(text, span.start, span.end) is None:
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

"""Which cue patterns could match a sentence at all, from the words it contains.

Most cue patterns find nothing in most sentences, yet a regular expression has to try its
alternatives at every word of every sentence to say so. So each pattern is read once, when
it is compiled, for the words any match of it must contain at the start of a word: "seems"
or "seem…" for ``\\bseems?\\b``; "risk" rather than "the" for ``\\bthe\\s+risks?``; every
judging word, not "is", for "is" followed by a judging word. Each sentence's words are looked
up once (a dictionary look-up per word, remembered for the process), which gives the set of
patterns worth searching; the others cannot match and are not run. A pattern whose matches
need no particular word is always run. A pattern that needs one word from each of two sets
("made" and then "disclosure") is run only where the sentence holds both: the rarest set
chooses its bit, and the rarest other set that is not common adds a second bit, which a
sentence must have too (``also_required``). That spared about a sixth of the searches on
the benchmark report.

The words are worked out from the pattern's own structure (``re._parser``, the parser the
``re`` module compiles with), so a cue list can change without anyone keeping a second list
in step. Matching ignores case the way ``re`` does: the four letters outside ASCII that
``re.IGNORECASE`` equates with an ASCII letter are folded to it first (``FOLD``). The
property that matters — a pattern that matches has its words in the sentence — is tested
with Hypothesis against every pattern (``tests/quality/test_prefilter.py``).

Where a pattern is searched, the letters a match can start with are put first as a look
ahead (``(?=[ahw])``): the engine then enters the pattern's branches only at those letters.
That look finds exactly what the pattern finds (tested too) and cut the instructions the
coach runs on the benchmark report by about 8% (valgrind; wall-clock gains are smaller). The
modules hand the prefilter each pattern as written, so that it is compiled once, with its
look; the letters are stored beside the words, since working them out takes as long as
compiling.
"""

import hashlib
import json
import re
import threading
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache, cached_property, lru_cache, reduce
from operator import or_
from pathlib import Path
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser  # type: ignore[attr-defined]
from typing import Any, Protocol

# Letters outside ASCII that re.IGNORECASE matches with an ASCII letter: dotted and dotless
# capital/small i, the long s and the Kelvin sign.
FOLDED = "\u0130\u0131\u017f\u212a"
FOLD = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})
# The start of each word: a run of letters and digits.
PIECE = re.compile(r"[^\W_]+")
MOST_WORDS = 600
MOST_REMEMBERED = 200_000
MOST_MASKS = 4096
LONGEST_WORD = 20
COMMON = frozenset(
    [
        "a",
        "an",
        "the",
        "and",
        "or",
        "but",
        "of",
        "to",
        "in",
        "on",
        "at",
        "for",
        "with",
        "by",
        "from",
        "as",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "has",
        "have",
        "had",
        "do",
        "does",
        "did",
        "it",
        "its",
        "this",
        "that",
        "these",
        "those",
        "there",
        "he",
        "him",
        "his",
        "she",
        "her",
        "they",
        "them",
        "their",
        "i",
        "me",
        "my",
        "we",
        "us",
        "our",
        "you",
        "your",
        "not",
        "no",
        "so",
        "if",
        "will",
        "would",
        "could",
        "should",
        "can",
        "may",
        "might",
        "must",
        "also",
        "very",
        "all",
        "any",
        "some",
        "when",
        "what",
        "who",
        "which",
        "mum",
        "dad",
        "one",
        "two",
    ]
)
COMMON_COST = 200.0
MOST_ALSO = 1
START_COST = {1: 400.0, 2: 200.0, 3: 20.0}


class Written(Protocol):
    """A pattern as written: its text and flags (a compiled pattern, or a ``Source``)."""

    @property
    def pattern(self) -> str: ...
    @property
    def flags(self) -> int: ...


@dataclass(frozen=True)
class Source:
    """A pattern's text and flags, not compiled: the searched form is compiled instead."""

    pattern: str
    flags: int


def _written(pattern: re.Pattern[str] | str, flags: int) -> Written:
    if not isinstance(pattern, str):
        return pattern
    # As the compiled pattern would carry them: str patterns are Unicode unless ASCII.
    return Source(pattern, int(flags if flags & re.ASCII else flags | re.UNICODE))


Item = tuple[Any, Any]
# Where these match, the character before is not part of a word (when the next one is).
WORD_STARTS = (sre.AT_BOUNDARY, sre.AT_BEGINNING, sre.AT_BEGINNING_STRING, sre.AT_BEGINNING_LINE)
# Where these match after a letter, the word ends there.
WORD_ENDS = (sre.AT_BOUNDARY, sre.AT_END, sre.AT_END_STRING)
REPEATS = (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT)
CONSUMERS = (sre.LITERAL, sre.NOT_LITERAL, sre.IN, sre.CATEGORY, sre.ANY)
# An item standing for "anything may follow": the end of what is known.
UNKNOWN: Item = ("unknown", None)


@dataclass(frozen=True)
class Words:
    """What a pattern needs: a word equal to one of ``whole``, or starting with one of
    ``starts`` (folded to lower case)."""

    whole: frozenset[str]
    starts: frozenset[str]

    @cached_property
    def cost(self) -> float:
        """About how likely a sentence is to hold one of these words: a common word, or the
        first letter or two of any word, is very likely; a rarer word seldom."""
        whole = sum(COMMON_COST if word in COMMON else 1.0 for word in self.whole)
        return whole + sum(START_COST.get(len(start), 1.5) for start in self.starts)

    def __or__(self, other: "Words") -> "Words":
        return Words(self.whole | other.whole, self.starts | other.starts)


# The words of a way that only goes round a loop: none of its own.
NOTHING = Words(frozenset(), frozenset())


def required_words(pattern: Written) -> Words | None:
    """The words any match of ``pattern`` needs, or None when a match need not contain any
    particular word."""
    items = _parser.parse(pattern.pattern, pattern.flags).data
    words = _Reader().best(items, False)
    return None if words is None else _without_repeats(words)


def also_required(pattern: Written) -> list[Words]:
    """Other sets of words any match of ``pattern`` needs one of, besides ``required_words``:
    the rarest few that are not common and that a sentence with the required words does not
    hold already. "made" is rarer than "disclosure" by the cost, but "made … disclosures" is
    searched only where both are."""
    items = _parser.parse(pattern.pattern, pattern.flags).data
    found = _Reader().every_needed(items, False)
    if not found:
        return []
    chosen = [_without_repeats(min(found, key=_cost))]  # required_words
    for words in sorted(map(_without_repeats, found), key=_cost):
        if words.cost >= COMMON_COST or any(_implies(other, words) for other in chosen):
            continue
        chosen.append(words)
        if len(chosen) > MOST_ALSO:
            break
    return chosen[1:]


def _cost(words: Words) -> float:
    return words.cost


def _implies(first: Words, second: Words) -> bool:
    """Every word that holds one of ``first`` holds one of ``second``."""
    return all(_holds(word, second) for word in first.whole) and all(
        any(start[:length] in second.starts for length in range(1, len(start) + 1))
        for start in first.starts
    )


def _holds(word: str, words: Words) -> bool:
    return word in words.whole or any(
        word[:length] in words.starts for length in range(1, len(word) + 1)
    )


class _Reader:
    """Reads one parsed pattern. The words from each point on are remembered, since the
    parts of a word list (a trie) are reached by many paths."""

    def __init__(self) -> None:
        self._next: dict[tuple[Any, ...], Words | None] = {}
        self._optional: dict[int, Item] = {}
        self._reading: dict[tuple[Any, ...], int] = {}
        self._loop = 0

    def best(self, items: list[Item], guard: bool, stop: int | None = None) -> Words | None:
        """The rarest words required at any of the first ``stop`` items (the rest follow
        them). ``guard``: the character before ``items`` cannot be part of a word."""
        candidates = self.every_needed(items, guard, stop)
        return min(candidates, key=_cost) if candidates else None

    def every_needed(self, items: list[Item], guard: bool, stop: int | None = None) -> list[Words]:
        """Each set of words of which a match needs one, found at the first ``stop`` items
        and inside the groups among them (every one is needed: the items follow each other).
        Alternatives give the union of each one's rarest."""
        found: list[Words | None] = []
        for position, (op, value) in enumerate(items[:stop]):
            rest = items[position + 1 :]
            found.append(_some(self.next_word(items[position:], guard)))
            if op in (sre.SUBPATTERN, sre.ATOMIC_GROUP):
                inner = _inside(op, value)
                found.extend(self.every_needed(inner + rest, guard, len(inner)))
            elif op is sre.BRANCH:
                branches = [self.best(b.data + rest, guard, len(b.data)) for b in value[1]]
                if all(branch is not None for branch in branches):
                    found.append(_union(branches))
            guard = _after(op, value, guard)
        return [words for words in found if words is not None]

    def next_word(self, items: list[Item], guard: bool) -> Words | None:
        """What a match of ``items`` needs from the next word on (spaces and punctuation
        before it are passed over). None when there may be no next word."""
        key = (guard, *map(id, items))
        if key in self._next:
            return self._next[key]
        if key in self._reading:
            # Round a repeat and back: that way adds nothing to the ways out of the loop,
            # and what is found inside the loop is not remembered until it is closed.
            self._loop = min(self._loop, self._reading[key])
            return NOTHING
        level = self._reading[key] = len(self._reading)
        outer, self._loop = self._loop, level
        found = self._next_word(items, guard)
        del self._reading[key]
        if self._loop >= level:
            self._next[key] = found
        self._loop = min(outer, self._loop)
        return found

    def _next_word(self, items: list[Item], guard: bool) -> Words | None:
        if not items:
            return None
        op, value = items[0]
        rest = items[1:]
        if op is sre.AT or op in (sre.ASSERT, sre.ASSERT_NOT):
            return self.next_word(rest, guard or (op is sre.AT and value in WORD_STARTS))
        if op in CONSUMERS and not _may_be_word(op, value):
            return self.next_word(rest, True)
        if op in REPEATS and _spacing(value[2]):
            return self.next_word(rest, guard or value[0] >= 1)
        if _letters(op, value) is not None:
            return self.in_word(items, "", False) if guard else None
        if op in (sre.SUBPATTERN, sre.ATOMIC_GROUP):
            return self.next_word(_inside(op, value) + rest, guard)
        if op is sre.BRANCH:
            return _all_ways([self.next_word(branch.data + rest, guard) for branch in value[1]])
        if op in REPEATS:
            least, most, item = value
            ways = [self.next_word(rest, guard)] if least == 0 else []
            if most != 0:
                again = [] if most == 1 else [self._again(items[0])]
                ways.append(self.next_word(item.data + again + rest, guard))
            return _all_ways(ways)
        if op in CONSUMERS:
            return self.next_word(rest, False)  # a character that may be part of any word
        return None

    def _again(self, repeat: Item) -> Item:
        """After one time round a repeat: the same repeat, now optional (one item for each
        repeat, so that what is remembered about it is found again)."""
        op, (least, most, item) = repeat
        if least == 0:
            return repeat
        if id(repeat) not in self._optional:
            self._optional[id(repeat)] = (op, (0, most, item))
        return self._optional[id(repeat)]

    def in_word(self, items: list[Item], word: str, guard: bool) -> Words:
        """What a match needs, having read ``word`` (the start of a word) and then ``items``:
        that word, or a rarer one after it."""
        if not items:
            return Words(frozenset(), frozenset({word}))
        op, value = items[0]
        rest = items[1:]
        if op is sre.AT or op in (sre.ASSERT, sre.ASSERT_NOT):
            if op is sre.AT and value in WORD_ENDS:
                return self._word_ends(word, rest)
            return self.in_word(rest, word, guard)
        letters = _letters(op, value)
        if letters is not None:
            if len(word) >= LONGEST_WORD:
                return Words(frozenset(), frozenset({word}))
            return _union([self.in_word(rest, word + letter, False) for letter in letters])
        if op in (sre.SUBPATTERN, sre.ATOMIC_GROUP):
            return self.in_word(_inside(op, value) + rest, word, guard)
        if op is sre.BRANCH:
            return _union([self.in_word(branch.data + rest, word, guard) for branch in value[1]])
        if op in REPEATS:
            return self._repeated(items, word, guard)
        if op in CONSUMERS and not _may_be_word(op, value):
            return self._word_ends(word, items)
        return Words(frozenset(), frozenset({word}))

    def _repeated(self, items: list[Item], word: str, guard: bool) -> Words:
        (_, (least, most, item)), rest = items[0], items[1:]
        ways = []
        if least == 0 and most != 1 and _spacing(item):
            # "\s*": no space may follow, and the word run on into whatever comes next.
            ways.append(Words(frozenset(), frozenset({word})))
        elif least == 0:
            ways.append(self.in_word(rest, word, guard))
        if most == 1:
            ways.append(self.in_word(item.data + rest, word, guard))
        elif most != 0 and _spacing(item):
            ways.append(self._word_ends(word, items))
        elif most != 0:
            ways.append(self.in_word([*item.data, UNKNOWN], word, guard))
        return _union(ways)

    def _word_ends(self, word: str, rest: list[Item]) -> Words:
        """The word is complete: it, or the next word if that is rarer."""
        whole = Words(frozenset({word}), frozenset())
        later = _some(self.next_word(rest, False))
        return later if later is not None and later.cost < whole.cost else whole


def _all_ways(ways: Sequence[Words | None]) -> Words | None:
    """Every way must need a word, or nothing is needed."""
    return None if not ways or any(way is None for way in ways) else _union(ways)


def _some(words: Words | None) -> Words | None:
    """None for NOTHING (only ways round a loop): it must not stand for a word needed."""
    return words if words is not None and (words.whole or words.starts) else None


def _union(all_words: Sequence[Words | None]) -> Words:
    whole: set[str] = set()
    starts: set[str] = set()
    for words in all_words:
        if words is not None:
            whole |= words.whole
            starts |= words.starts
    if len(whole) + len(starts) > MOST_WORDS:
        # Too many to keep: the first three letters of each, which is still true.
        starts = {word[:3] for word in whole | starts}
        whole = set()
    return Words(frozenset(whole), frozenset(starts))


def _without_repeats(words: Words) -> Words:
    """Whole words already covered by a start ("care" by "car") are left out."""
    whole = {
        word
        for word in words.whole
        if not any(word[:length] in words.starts for length in range(1, len(word) + 1))
    }
    return Words(frozenset(whole), words.starts)


def _letters(op: Any, value: Any) -> tuple[str, ...] | None:
    """The letters or digits an item matches, folded, when it matches only those."""
    if op is sre.LITERAL:
        return _letters_of((value,))
    if op is sre.IN and all(kind is sre.LITERAL for kind, _ in value):
        return _letters_of(tuple(code for _, code in value))
    return None


@lru_cache(maxsize=4096)
def _letters_of(codes: tuple[int, ...]) -> tuple[str, ...] | None:
    folded = [chr(code).translate(FOLD).lower() for code in codes]
    if all(len(char) == 1 and char.isascii() and char.isalnum() for char in folded):
        return tuple(sorted(set(folded)))
    return None


def _inside(op: Any, value: Any) -> list[Item]:
    """The items of a group."""
    data: list[Item] = (value[-1] if op is sre.SUBPATTERN else value).data
    return data


def _spacing(item: Any) -> bool:
    """One character that is never part of a word (a space, a hyphen, an apostrophe)."""
    items = item.data
    return len(items) == 1 and items[0][0] in CONSUMERS and not _may_be_word(*items[0])


def _after(op: Any, value: Any, guard: bool) -> bool:
    """Whether, after the item, the character before cannot be part of a word."""
    if op is sre.AT:
        return guard or value in WORD_STARTS
    if op in (sre.ASSERT, sre.ASSERT_NOT):
        return guard
    if op in (sre.SUBPATTERN, sre.ATOMIC_GROUP):
        return _after_all(_inside(op, value), guard)
    if op is sre.BRANCH:
        return all(_after_all(branch.data, guard) for branch in value[1])
    if op in REPEATS:
        once = _after_all(value[2].data, guard)
        return once if value[0] >= 1 else guard and once
    return not _may_be_word(op, value)


def _after_all(items: list[Item], guard: bool) -> bool:
    for op, value in items:
        guard = _after(op, value, guard)
    return guard


NOT_WORD_CATEGORIES = (sre.CATEGORY_SPACE, sre.CATEGORY_NOT_WORD, sre.CATEGORY_LINEBREAK)
WORD_CHARACTER = re.compile(r"\w")


def _may_be_word(op: Any, value: Any) -> bool:
    """Whether the item may match a character that is part of a word."""
    if op is sre.LITERAL:
        return _word_character(value)
    if op is sre.CATEGORY:
        return value not in NOT_WORD_CATEGORIES
    if op is sre.IN:
        return any(
            kind is sre.NEGATE
            or kind is sre.RANGE
            or (kind is sre.LITERAL and _word_character(code))
            or (kind is sre.CATEGORY and code not in NOT_WORD_CATEGORIES)
            for kind, code in value
        )
    return True


@lru_cache(maxsize=4096)
def _word_character(code: int) -> bool:
    return WORD_CHARACTER.match(chr(code)) is not None


class Prefilter:
    """Every gated pattern's words, and each word's set of patterns (bits), remembered."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._whole: dict[str, int] = {}
        self._starts: dict[str, int] = {}
        self._lengths: tuple[int, ...] = ()
        self._known: dict[str, int] = {}
        self._also: dict[Words, int] = {}
        self.assigned = 0
        """The bits given out so far; a sentence's bits for later patterns are all set."""
        self.patterns: list[Written] = []
        """Every gated pattern, in the order they were compiled."""

    def add(self, pattern: Written, words: Words | None) -> int:
        """A bit for a pattern needing ``words``; -1 (always search) when it needs none."""
        self.patterns.append(pattern)
        if words is None:
            return -1
        with self._lock:
            return self._new_bit(words)

    def also(self, also_needed: Sequence[Words]) -> int:
        """The bits for a pattern's further sets of words (``also_required``), one bit for
        each set, shared by every pattern that needs the same set."""
        bits = 0
        with self._lock:
            for words in also_needed:
                if words not in self._also:
                    self._also[words] = self._new_bit(words)
                bits |= self._also[words]
        return bits

    def _new_bit(self, words: Words) -> int:
        bit = (self.assigned + 1) & ~self.assigned
        for word in words.whole:
            self._whole[word] = self._whole.get(word, 0) | bit
        for start in words.starts:
            self._starts[start] = self._starts.get(start, 0) | bit
        self._lengths = tuple(sorted({len(start) for start in self._starts}))
        self._known = {}  # before the bit is given out: see sentence_bits
        self.assigned |= bit
        return bit

    def sentence_bits(self, words: Iterable[str]) -> int:
        """The patterns that need one of ``words`` (a sentence's words, as runs of letters and
        digits with apostrophes inside), with every bit not yet given out set."""
        assigned = self.assigned
        known = self._known
        if len(known) > MOST_REMEMBERED:
            known = self._known = {}
        try:
            return reduce(or_, map(known.__getitem__, words), ~assigned)
        except KeyError:  # a word not met before: learn it, then look them all up again
            found = [known[w] if w in known else self._learn(known, w) for w in words]
            return reduce(or_, found, ~assigned)

    def _learn(self, known: dict[str, int], word: str) -> int:
        bits = known[word] = self._word_bits(word)
        return bits

    def _word_bits(self, word: str) -> int:
        bits = 0
        for piece in PIECE.findall(fold(word)):  # "don't": "don" and "t"
            bits |= self._piece_bits(piece)
        return bits

    def _piece_bits(self, piece: str) -> int:
        bits = self._whole.get(piece, 0)
        for length in self._lengths:
            if length > len(piece):
                break
            bits |= self._starts.get(piece[:length], 0)
        return bits


PREFILTER = Prefilter()


def fold(text: str) -> str:
    """The text as the prefilter reads it: letters folded to lower case as ``re`` does when it
    ignores case (the same length as the text, so offsets carry over)."""
    if not text.isascii() and any(letter in text for letter in FOLDED):
        text = text.translate(FOLD)
    return text.lower()


def words_needed(pattern: Written) -> Words | None:
    """``required_words``, read from ``data/prefilter.json`` when it holds the pattern: working
    them out takes longer than reading every other data file, and a process that reads
    one report (``cpconf quality``) should not wait for it. A pattern not in the file (a cue
    list changed since it was written) is worked out as it is compiled."""
    stored = _stored("patterns").get(pattern_key(pattern), MISSING)
    if stored is MISSING:
        return required_words(pattern)
    if stored is None:
        return None
    return Words(frozenset(stored["whole"]), frozenset(stored["starts"]))


def also_needed(pattern: Written) -> list[Words]:
    """``also_required``, read from ``data/prefilter.json`` when it holds the pattern."""
    stored = _stored("also").get(pattern_key(pattern), MISSING)
    if stored is MISSING:
        return also_required(pattern)
    return [Words(frozenset(words["whole"]), frozenset(words["starts"])) for words in stored]


MISSING: Any = object()
STORED_WORDS = Path(__file__).resolve().parent / "data" / "prefilter.json"


def pattern_key(pattern: Written) -> str:
    return hashlib.sha256(f"{pattern.flags}:{pattern.pattern}".encode()).hexdigest()[:32]


@cache
def _stored(section: str) -> dict[str, Any]:
    """One section of ``data/prefilter.json`` (empty if the file or the section is missing)."""
    stored: dict[str, Any] = _stored_document().get(section, {})
    return stored


@cache
def _stored_document() -> dict[str, Any]:
    try:
        document: dict[str, Any] = json.loads(STORED_WORDS.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return document


def stored_form(words: Words | None) -> dict[str, list[str]] | None:
    if words is None:
        return None
    return {"whole": sorted(words.whole), "starts": sorted(words.starts)}


def stored_also(also: Sequence[Words]) -> list[dict[str, list[str]]]:
    return [{"whole": sorted(words.whole), "starts": sorted(words.starts)} for words in also]


def write_stored_words(patterns: Sequence[Written]) -> None:
    """Write ``data/prefilter.json`` for these patterns (every gated one, once the coach has
    compiled them all): ``python -m cpconf.quality.data``."""
    entries = {pattern_key(pattern): stored_form(required_words(pattern)) for pattern in patterns}
    first = {pattern_key(pattern): first_letters(pattern) for pattern in patterns}
    also = {pattern_key(pattern): stored_also(also_required(pattern)) for pattern in patterns}
    document = {
        "about": "Written by `python -m cpconf.quality.data` from the cue patterns; "
        "the words each pattern needs, the further words it also needs, and the letters "
        "a match can start with (see prefilter.py). Rewrite it when cues change.",
        "patterns": dict(sorted(entries.items())),
        "first": dict(sorted(first.items())),
        "also": dict(sorted(also.items())),
    }
    STORED_WORDS.write_text(json.dumps(document, indent=1) + "\n", encoding="utf-8")


class Region(Protocol):
    """A stretch of text to search, with the prefilter's bits for it (a sentence's span)."""

    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def cues(self) -> int: ...


def with_first_letters(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """A pattern searched without the prefilter's bits, after the same look at the letters
    a match can start with as ``GatedPattern`` puts first (worked out as it is compiled)."""
    letters = first_letters(pattern)
    return re.compile(f"(?=[{letters}]){pattern.pattern}", pattern.flags) if letters else pattern


def first_letters(pattern: Written) -> str:
    """The letters a match can start with, as a character class's contents; or "" where a
    match can start anywhere or be empty. Stored in ``data/prefilter.json`` beside the
    words, since working them out costs as much as compiling the pattern."""
    if not pattern.flags & re.IGNORECASE or (
        pattern.pattern.startswith("(?") and pattern.pattern[2:3].isalpha()
    ):
        return ""  # the look must fold case as the pattern does; a global flag stays first
    try:
        first = _first_characters(_parser.parse(pattern.pattern, pattern.flags).data)
    except (re.error, RecursionError):  # pragma: no cover - every cue pattern parses
        return ""
    if first is None:
        return ""
    return "".join(sorted(re.escape(char) for char in first))


ZERO_WIDTH = (sre.AT, sre.ASSERT, sre.ASSERT_NOT)
REPEATS = (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT)


def _first_characters(items: Sequence[Item]) -> frozenset[str] | None:
    """The characters a match of ``items`` can start with, or None when unknown or when a
    match can be empty. Lower-case letters stand for both cases (the look compiles with the
    pattern's flags; a pattern without IGNORECASE gets both cases written out)."""
    found: set[str] = set()
    for position, (op, value) in enumerate(items):
        rest = items[position + 1 :]
        if op in ZERO_WIDTH:
            continue
        if op is sre.LITERAL:
            return frozenset(found | _cases(chr(value)))
        if op is sre.IN:
            chars = _set_characters(value)
            return None if chars is None else frozenset(found | chars)
        if op is sre.BRANCH:
            branches = [_first_or_rest(list(branch.data), rest) for branch in value[1]]
            if any(branch is None for branch in branches):
                return None
            return frozenset(found.union(*branches))  # type: ignore[arg-type]
        if op in (sre.SUBPATTERN, sre.ATOMIC_GROUP):
            inner = list(value[-1].data) if op is sre.SUBPATTERN else list(value.data)
            return _join(found, _first_or_rest(inner, rest))
        if op in REPEATS:
            low, _, body = value
            inside = _first_characters(list(body.data))
            if inside is None:
                return None
            if low >= 1:
                return frozenset(found | inside)
            found |= inside
            continue
        return None
    return None  # the match can be empty


def _first_or_rest(items: list[Item], rest: Sequence[Item]) -> frozenset[str] | None:
    return _first_characters(items + list(rest))


def _join(found: set[str], more: frozenset[str] | None) -> frozenset[str] | None:
    return None if more is None else frozenset(found | more)


def _cases(char: str) -> set[str]:
    return {char, char.lower(), char.upper()}


def _set_characters(value: list[Item]) -> set[str] | None:
    chars: set[str] = set()
    for op, item in value:
        if op is sre.LITERAL:
            chars |= _cases(chr(item))
        elif op is sre.RANGE and item[1] - item[0] < 30:
            for code in range(item[0], item[1] + 1):
                chars |= _cases(chr(code))
        else:
            return None
    return chars


class GatedPattern:
    """A pattern searched only where one of the words it needs is present, and one of each
    further set it needs (``need``: every one of those bits must be set). ``pattern`` is
    what is searched: the pattern as written, after a look at the letters a match can start
    with where they are few (``(?=[ahw])``), compiled once; ``source`` is it as written.

    A pattern written with a leading ``^`` is ``anchored``: it is tried only where the region
    searched (a sentence) begins, which is what ``^`` means in the cue lists ("Worried that
    …" opening a sentence, a heading opening a note), in any sentence of a text."""

    __slots__ = ("_written", "anchored", "bit", "need", "pattern")

    def __init__(self, pattern: re.Pattern[str] | str, flags: int = 0) -> None:
        written = _written(pattern, flags)
        self._written = written
        self.bit = PREFILTER.add(written, words_needed(written))
        self.need = 0 if self.bit == -1 else self.bit | PREFILTER.also(also_needed(written))
        self.anchored = written.pattern.startswith("^")
        searched = written.pattern[1:] if self.anchored else written.pattern
        letters = _stored("first").get(pattern_key(written))
        if letters is None:
            letters = first_letters(written)
        if letters:
            self.pattern = re.compile(f"(?=[{letters}]){searched}", written.flags)
        elif self.anchored:
            self.pattern = re.compile(searched, written.flags)
        else:
            self.pattern = self.source

    @property
    def source(self) -> re.Pattern[str]:
        written = self._written
        if isinstance(written, re.Pattern):
            return written
        return re.compile(written.pattern, written.flags)

    def allows(self, cues: int) -> bool:
        """Whether a region with these cue bits holds the words a match needs."""
        return cues & self.need == self.need

    def search(self, text: str, region: Region) -> re.Match[str] | None:
        if region.cues & self.need != self.need:
            return None
        return self.find(text, region.start, region.end)

    def find(self, text: str, start: int, end: int) -> re.Match[str] | None:
        """The first match from `start`; an anchored pattern's only at `start`."""
        if self.anchored:
            return self.pattern.match(text, start, end)
        return self.pattern.search(text, start, end)

    def finditer(self, text: str, region: Region) -> Iterator[re.Match[str]]:
        if region.cues & self.need != self.need:
            return iter(())
        if self.anchored:
            found = self.pattern.match(text, region.start, region.end)
            return iter(() if found is None else (found,))
        return self.pattern.finditer(text, region.start, region.end)


class GatedAlternatives:
    """Several patterns found as their alternation ``(?:p1)|(?:p2)|…`` would find them, each
    searched only where its own words are: the leftmost match, and of matches starting at
    the same place, the earliest pattern's. A sentence with "been" in it is then searched
    for the one cue that needs "been", not for all of them."""

    __slots__ = ("_always", "_by_bit", "_gated", "_need", "_relevant", "_searched", "bit", "parts")

    def __init__(self, patterns: Sequence[re.Pattern[str] | str], flags: int = 0) -> None:
        self.parts = [GatedPattern(pattern, flags) for pattern in patterns]
        numbered = list(enumerate(self.parts))
        self._always = [(number, part) for number, part in numbered if part.bit == -1]
        self._by_bit = {part.bit: (number, part) for number, part in numbered}
        self._by_bit.pop(-1, None)
        self._need = {part.bit: part.need for part in self.parts if part.bit != -1}
        self._gated = sum(self._by_bit)
        self._relevant = reduce(or_, self._need.values(), 0)
        self._searched: dict[int, list[tuple[int, GatedPattern]]] = {}
        self.bit = -1 if self._always else self._gated

    def search(self, text: str, region: Region) -> re.Match[str] | None:
        if not region.cues & self.bit:
            return None
        return self._leftmost(text, region.start, region.end, region.cues)

    def finditer(self, text: str, region: Region) -> Iterator[re.Match[str]]:
        """Like ``re.finditer``, for patterns that never match the empty string. Each
        pattern's next match is kept until the search has passed it: a match found from an
        earlier position, starting at or after the current one, is the one a search from
        here would find, so only the patterns left behind are searched again."""
        if not region.cues & self.bit:
            return
        start, end = region.start, region.end
        upcoming = [
            (number, pattern, pattern.find(text, start, end))
            for number, pattern in self.searched(region.cues)
        ]
        while True:
            best: re.Match[str] | None = None
            best_key = (end + 1, 0)
            for number, _, found in upcoming:
                if found is not None and (key := (found.start(), number)) < best_key:
                    best, best_key = found, key
            if best is None:
                return
            yield best
            position = max(best.end(), best.start() + 1)
            upcoming = [
                (number, pattern, None if pattern.anchored else pattern.find(text, position, end))
                if found is not None and found.start() < position
                else (number, pattern, found)
                for number, pattern, found in upcoming
            ]

    def searched(self, cues: int) -> list[tuple[int, GatedPattern]]:
        """The patterns worth searching where these cue bits are set, with their numbers:
        those always searched, then each whose bits (``GatedPattern.need``) are all set.
        Worked out once for each set of the bits that matter here (sentences share a few
        hundred of them), since the same bits always give the same patterns."""
        relevant = cues & self._relevant
        searched = self._searched.get(relevant)
        if searched is None:
            if len(self._searched) >= MOST_MASKS:
                self._searched.clear()
            need = self._need
            wanted = [
                bit
                for bit in _each_bit(relevant & self._gated)
                if relevant & need[bit] == need[bit]
            ]
            searched = [*self._always, *map(self._by_bit.__getitem__, wanted)]
            self._searched[relevant] = searched
        return searched

    def _leftmost(self, text: str, start: int, end: int, cues: int) -> re.Match[str] | None:
        searched = self.searched(cues)
        if len(searched) == 1:
            return searched[0][1].find(text, start, end)
        best: re.Match[str] | None = None
        best_key = (end + 1, 0)
        for number, pattern in searched:
            found = pattern.find(text, start, end)
            if found is not None and (key := (found.start(), number)) < best_key:
                best, best_key = found, key
        return best


def _each_bit(bits: int) -> Iterator[int]:
    while bits:
        lowest = bits & -bits
        yield lowest
        bits ^= lowest

"""Splitting a report into sentences and words, keeping exact offsets into the text.

Reports are typed into text boxes or Word, so a line break usually ends a thought even
without a full stop (lists, headings); a line that ends mid-phrase and carries on in lower
case is one sentence wrapped. Full stops after titles and abbreviations ("Mr.", "e.g.") do
not end a sentence.
"""

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache

from cpconf.quality.cue_lists import cue_data
from cpconf.quality.prefilter import PREFILTER

WORD = re.compile(r"[^\W_]+(?:[\x27\u2019][^\W_]+)*")
# The same words in a text that is all ASCII (``str.isascii`` says so at once): letters and
# digits are then only these, and there is no curly apostrophe. The Unicode classes cost the
# engine a table look-up for every character.
ASCII_WORD = re.compile(r"[A-Za-z0-9]+(?:'[A-Za-z0-9]+)*")
# Where a sentence can end: terminal punctuation (with closing quotes or brackets), or a run
# of line breaks. Every kind of line break counts, not only "\n". The two are found apart,
# each from its first character (which the regular expression engine looks for quickly),
# and never overlap. Runs that start only at the run's first character keep this linear on
# long runs of punctuation.
END_PUNCTUATION = re.compile(r"[.!?…](?<![.!?…][.!?…])[.!?…]*+[\"\x27”\u2019)\]]*+(?=\s|$)")
# A run of line breaks is written as one break and then any more, so that the engine can
# skip to the first (as "[…]++" it tried a match at every character: twice as slow).
LINE_BREAKS = re.compile(
    r"[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029][\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]*+"
)
LINE_BREAK = re.compile(r"[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]")
# List markers, headings and quote marks at the start of a line are not part of the sentence.
LEADING_MARKER = re.compile(
    r"(?:\s|[-*•·‣◦▪●\u2013—>#]++(?=\s)|\(?\d{1,3}[.)](?=\s)|\(?[a-z][.)](?=\s))*+"
)
ABBREVIATION_BEFORE = re.compile(r"(?<![^\W\d_])[^\W\d_]+(?:\.[^\W\d_]+)*$")


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    cues: int = field(default=-1, compare=False)
    """The cue patterns worth searching here (the prefilter's bits); by default, all."""
    words: list[str] = field(default_factory=list, compare=False, repr=False)
    """The sentence's words, as ``words`` finds them (empty for a part of a sentence)."""


@cache
def _abbreviations() -> frozenset[str]:
    return frozenset(cue_data()["abbreviations"])


@cache
def _longest_abbreviation() -> int:
    return max(map(len, _abbreviations()), default=0)


def words(text: str, start: int = 0, end: int | None = None) -> list[str]:
    """The words of ``text[start:end]``: runs of letters and digits, apostrophes inside."""
    return WORD.findall(text, start, len(text) if end is None else end)


def word_matches(text: str, span: Span) -> list[re.Match[str]]:
    """The same words with their offsets (``words`` for a sentence, where offsets matter)."""
    return list(WORD.finditer(text, span.start, span.end))


def split_sentences(text: str) -> list[Span]:
    """The sentences of the text, trimmed of list markers and spaces; none without a word.
    Each knows which cue patterns its words allow."""
    spans = []
    word = ASCII_WORD if text.isascii() else WORD
    for start, end in _raw_sentences(text):
        trimmed = _trimmed(text, start, end)
        if trimmed is not None and (found := word.findall(text, *trimmed)):
            spans.append(Span(*trimmed, PREFILTER.sentence_bits(found), found))
    return spans


def _raw_sentences(text: str) -> Iterator[tuple[int, int]]:
    start = 0
    for boundary in boundaries(text):
        if _ends_sentence(text, boundary):
            yield start, boundary.end()
            start = boundary.end()
    if start < len(text):
        yield start, len(text)


def boundaries(text: str) -> list[re.Match[str]]:
    """Where a sentence may end, in order."""
    found = [*END_PUNCTUATION.finditer(text), *LINE_BREAKS.finditer(text)]
    found.sort(key=re.Match.start)
    return found


def _ends_sentence(text: str, boundary: re.Match[str]) -> bool:
    if boundary.re is LINE_BREAKS:
        return not _wrapped_line(text, boundary)
    following = text[boundary.end() : boundary.end() + 3].lstrip()
    if following[:1].islower():
        return False
    return boundary.group()[0] != "." or not _after_abbreviation(text, boundary.start())


def _wrapped_line(text: str, boundary: re.Match[str]) -> bool:
    """A single line break between a lower-case word (or comma) and a lower-case word."""
    if len(boundary.group()) > 1 and boundary.group() not in ("\r\n",):
        return False
    before = text[boundary.start() - 1 : boundary.start()]
    after = text[boundary.end() : boundary.end() + 1]
    return (before.islower() or before == ",") and after.islower()


def _after_abbreviation(text: str, dot: int) -> bool:
    longest = _longest_abbreviation()
    if dot > longest and text[dot - longest - 1 : dot].isalpha():
        return False  # the word before the dot is longer than any abbreviation
    match = ABBREVIATION_BEFORE.search(text, max(0, dot - 12), dot)
    if match is None:
        return False
    word = match.group()
    if len(word) == 1 and word.isupper():
        return True  # an initial, as in "J. Smith"
    return word.lower() in _abbreviations()


def _trimmed(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The sentence without leading markers and spaces (it may then have no word)."""
    first = start
    while first < end and text[first].isspace():
        first += 1
    if first < end and text[first].isupper():
        start = first  # no list marker starts with a capital
    elif (lead := LEADING_MARKER.match(text, start, end)) is not None:
        start = lead.end()
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else None

"""Plain language: jargon, acronyms not spelled out, and sentences too long to follow."""

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from itertools import pairwise

from cpconf.quality.lexicon import (
    Acronym,
    AcronymTable,
    acronym_table,
    everyday_senses,
    jargon_index,
    movement_terms,
    token_key,
)
from cpconf.quality.prefilter import fold
from cpconf.quality.results import Finding
from cpconf.quality.sentences import Span, word_matches
from cpconf.quality.wording import make_finding, rule_setting

# What may sit between the words of one phrase: spaces, a hyphen or slash, a comma, one dot.
PHRASE_GAP = re.compile(r"(?:[\s\-\u2010\u2011/,]|(?<![.])\.(?![.]))+")
# A capitalised word with at least two capitals (anything else is never an acronym).
# It starts with the capital, so that the expression engine can look for capitals quickly,
# and then looks behind it.
ACRONYM = re.compile(
    r"[A-Z](?<![\w&\x27\u2019-][A-Z])(?=[a-z0-9&]*[A-Z])[A-Za-z0-9&]*[A-Za-z0-9](?![\w&])"
)
# A surname in capitals after a first name ("Lily SMITH"); not after a word that opens a
# sentence or a phrase ("An NSP was served", "Under MAPPA").
NAME_BEFORE = re.compile(
    r"(?:^|\s)(?!(?:A|An|The|This|That|These|Those|Their|His|Her|Our|My|Its|Any|No|Each|Every|"
    r"Some|Another|Both|One|Two|Three|Under|Per|From|With|Via|By|At|In|On|Of|For|To|After|"
    r"Before|Following|If|When|New|Latest|Initial|Further)\b)[A-Z][a-z]+[\x27\u2019]?\s+$"
)
SPELLING_WORDS = re.compile(r"[^\W_]+")
NOT_SPACE_BEFORE = re.compile(r"\S*$")
NOT_SPACE_AFTER = re.compile(r"\S*")
NOT_INITIALS = frozenset({"and", "of", "the", "for", "to", "in", "on", "with", "a", "an"})
UNKNOWN_LONGEST = 6


def jargon_findings(text: str, span: Span, sentence_words: list[str]) -> list[Finding]:
    """Each lexicon phrase among the sentence's words, longest match first, never
    overlapping; then the words for how a case moves between services, where no phrase is.
    A move that takes in the service the case went to ("stepped down to early help") is one
    finding, in place of the phrases inside it."""
    findings = _lexicon_findings(text, span, sentence_words)
    for found in _movement_findings(text, span):
        overlapping = [
            other for other in findings if found.start < other.end and other.start < found.end
        ]
        if all(found.start <= other.start and other.end <= found.end for other in overlapping):
            findings = [other for other in findings if other not in overlapping]
            findings.append(found)
    return findings


def _movement_findings(text: str, span: Span) -> list[Finding]:
    findings: list[Finding] = []
    if not span.cues & _movement_bits():
        return findings
    for term in movement_terms():
        if not term.pattern.allows(span.cues):
            continue
        for match in term.pattern.pattern.finditer(text, span.start, span.end):
            start, end = _term(match)
            findings.append(make_finding("jargon", text, start, end, plain=term.plain))
    return findings


@cache
def _movement_bits() -> int:
    bits = 0
    for term in movement_terms():
        bits |= term.pattern.bit
    return bits


def _term(match: re.Match[str]) -> tuple[int, int]:
    """The words the finding quotes: the first named group that took part, or the match."""
    for name in match.re.groupindex:
        if match.start(name) >= 0:
            return match.span(name)
    return match.span()


def _lexicon_findings(text: str, span: Span, sentence_words: list[str]) -> list[Finding]:
    index = jargon_index()
    keys = list(map(token_key, sentence_words))
    if index.needed.isdisjoint(keys):
        return []
    if index.single.isdisjoint(keys) and index.pairs.isdisjoint(pairwise(keys)):
        return []
    lengths = index.lengths
    starts = {
        position: found
        for position, key in enumerate(keys)
        if key in lengths and (found := _phrase_lengths(keys, position))
    }
    if not starts:
        return []
    tokens = word_matches(text, span)  # offsets, now that a phrase is here
    findings = []
    after = 0  # the first word not inside a phrase already found
    for position, found in starts.items():  # in reading order
        if position < after:
            continue
        taken = _longest_joined(text, tokens, position, found)
        if taken:
            first, last = tokens[position], tokens[position + taken - 1]
            term = index.phrases[tuple(keys[position : position + taken])]
            findings.append(
                make_finding("jargon", text, first.start(), last.end(), plain=term.plain)
            )
            after = position + taken
    return _not_everyday(text, span, findings)


def _longest_joined(
    text: str, tokens: list[re.Match[str]], position: int, lengths: list[int]
) -> int:
    """The longest of the phrase lengths at ``position`` whose words run on (0 if none)."""
    for length in lengths:
        if _joined(text, tokens[position : position + length]):
            return length
    return 0


def _not_everyday(text: str, span: Span, findings: list[Finding]) -> list[Finding]:
    everyday = everyday_senses()
    if everyday is None or not findings:
        return findings
    senses = [match.span() for match in everyday.finditer(text, span.start, span.end)]
    return [
        found
        for found in findings
        if not any(start <= found.start and found.end <= end for start, end in senses)
    ]


def _phrase_lengths(keys: list[str], position: int) -> list[int]:
    """The lengths of the lexicon's phrases written at ``position``, longest first."""
    index = jargon_index()
    return [
        length
        for length in index.lengths.get(keys[position], ())
        if position + length <= len(keys)
        and tuple(keys[position : position + length]) in index.phrases
    ]


def _joined(text: str, tokens: list[re.Match[str]]) -> bool:
    """The words run on within one phrase: no sentence punctuation between them."""
    for before, after in pairwise(tokens):
        gap = PHRASE_GAP.fullmatch(text, before.end(), after.start())
        if gap is None:
            return False
    return True


def long_sentence_findings(text: str, span: Span, count: int) -> list[Finding]:
    limit = _longest_sentence()
    if count <= limit:
        return []
    return [make_finding("long_sentence", text, span.start, span.end, words=count, limit=limit)]


@dataclass
class AcronymReader:
    """Acronyms across a report, in reading order: each is flagged once, the first time it
    appears without having been spelled out."""

    introduced: set[str] = field(default_factory=set)

    def findings(self, text: str, spans: Sequence[Span]) -> list[Finding]:
        """The text is searched once; a capitalised word outside the spans is passed over.
        (A span ends before a space or the end of the text, so a word is never cut by it.)"""
        table = acronym_table()
        found = []
        pending = iter(spans)
        span = next(pending, None)
        first = spans[0].start if spans else 0
        for match in ACRONYM.finditer(text, first, spans[-1].end if spans else 0):
            while span is not None and span.end <= match.start():
                span = next(pending, None)
            if span is None:
                break
            if span.start <= match.start():
                finding = self._check(text, match, table, span)
                if finding is not None:
                    found.append(finding)
        return found

    def _check(
        self, text: str, match: re.Match[str], table: AcronymTable, span: Span
    ) -> Finding | None:
        letters = acronym_letters(match.group(), table)
        if letters is None or letters in self.introduced or _in_an_address(text, match):
            return None
        known = table.known.get(letters)
        if _spelled_out(text, match, letters, known):
            self.introduced.add(letters)
            return None
        if known is None and (_capitals_only(text, span) or _after_a_name(text, match.start())):
            return None  # a heading in capitals, or a surname: "Lily SMITH"
        if known is None and len(letters) > UNKNOWN_LONGEST:
            return None  # a word in capitals for emphasis, not an abbreviation
        self.introduced.add(letters)
        return _acronym_finding(text, match, known)


@cache
def _longest_sentence() -> int:
    return int(rule_setting("long_sentence", "limit"))


def _capitals_only(text: str, span: Span) -> bool:
    return not any(char.islower() for char in text[span.start : span.end])


def acronym_letters(token: str, table: AcronymTable) -> str | None:
    """The acronym a capitalised token stands for ("ACEs" is ACE), or None if it is not one."""
    if token in table.allow:
        return None
    base = token[:-1] if token.endswith("s") and token[:-1].isupper() else token
    capitals = sum(1 for char in base if char.isupper())
    if capitals < 2:
        return None
    if base.isupper():
        return None if base in table.allow or base in table.not_acronyms else base
    upper = token.upper()
    return upper if upper in table.known else None


def _spelled_out(text: str, match: re.Match[str], letters: str, known: Acronym | None) -> bool:
    if known is not None and _full_form_before(text, match.start(), known):
        return True
    return _bracketed_definition(text, match, letters)


def _full_form_before(text: str, end: int, known: Acronym) -> bool:
    """The full form written before ``end``. The search starts where its first word first
    appears, if it appears at all (no match can start before that)."""
    start = 0
    if known.first_word:
        start = fold(text[:end]).find(known.first_word)
        if start < 0:
            return False
    return known.full_form.search(text, start, end) is not None


def _bracketed_definition(text: str, match: re.Match[str], letters: str) -> bool:
    """ "Team Around the Family (TAF)" or "TAF (Team Around the Family)"."""
    before = text[max(0, match.start() - 200) : match.start()]
    if before.endswith("(") and text[match.end() : match.end() + 1] == ")":
        return _initials(SPELLING_WORDS.findall(before), letters, from_end=True)
    after = re.match(r"\s*\(([^)]{1,200})\)", text[match.end() : match.end() + 210])
    if after is not None:
        return _initials(SPELLING_WORDS.findall(after.group(1)), letters, from_end=False)
    return False


def _initials(found_words: list[str], letters: str, *, from_end: bool) -> bool:
    initials = [word[0].upper() for word in found_words if word.casefold() not in NOT_INITIALS]
    wanted = [char for char in letters if char.isalpha()]
    if len(initials) < len(wanted):
        return False
    chosen = initials[-len(wanted) :] if from_end else initials[: len(wanted)]
    return chosen == wanted


def _in_an_address(text: str, match: re.Match[str]) -> bool:
    """Part of an email or web address ("IRO.CP5@wigan.gov.uk"), not an abbreviation."""
    left = NOT_SPACE_BEFORE.search(text, max(0, match.start() - 80), match.start())
    right = NOT_SPACE_AFTER.match(text, match.end(), match.end() + 80)
    chunk = (left.group() if left else "") + match.group() + (right.group() if right else "")
    return "@" in chunk or "://" in chunk or chunk.casefold().startswith("www.")


def _after_a_name(text: str, start: int) -> bool:
    return NAME_BEFORE.search(text[max(0, start - 40) : start]) is not None


def _acronym_finding(text: str, match: re.Match[str], known: Acronym | None) -> Finding:
    if known is None:
        return make_finding("acronym", text, match.start(), match.end(), variant="unknown")
    plain_note = f" (in everyday words: {known.plain})" if known.plain else ""
    return make_finding(
        "acronym",
        text,
        match.start(),
        match.end(),
        stands_for=known.stands_for,
        plain_note=plain_note,
    )

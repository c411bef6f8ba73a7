"""The jargon lexicon and the acronym table, read from ``data/`` and indexed for speed.

Jargon is matched word by word against a dictionary of phrases (every listed form and its
-s/-ed/-ing inflections), so the cost per word is a few dictionary look-ups however long the
lexicon grows.
"""

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from cpconf.quality.cue_lists import load
from cpconf.quality.prefilter import GatedPattern

WORD = re.compile(r"[^\W_]+(?:[\x27\u2019][^\W_]+)*")


@dataclass(frozen=True)
class JargonTerm:
    words: str
    plain: str
    domain: str


@dataclass(frozen=True)
class JargonIndex:
    phrases: dict[tuple[str, ...], JargonTerm]
    longest: int
    first_words: frozenset[str]
    lengths: dict[str, tuple[int, ...]]
    """For each word that starts a phrase, the lengths of those phrases, longest first."""
    single: frozenset[str]
    """The one-word phrases."""
    pairs: frozenset[tuple[str, str]]
    """The first two words of the longer phrases."""
    needed: frozenset[str]
    """The longest (and so rarest) word of each phrase: a sentence with none has no phrase."""


@dataclass(frozen=True)
class Acronym:
    letters: str
    stands_for: str
    plain: str
    full_form: re.Pattern[str]
    """The full form as a report might write it: any case, any spacing or punctuation."""
    first_word: str = ""
    """The full form's first word in lower case, when it is ASCII: a match needs it in the
    folded text (``prefilter.fold``), and ``str.find`` looks for it many times faster than
    the pattern can (it starts with ``\\b`` and ignores case, so the engine tries it at
    every character)."""


@dataclass(frozen=True)
class AcronymTable:
    known: dict[str, Acronym]
    allow: frozenset[str]
    not_acronyms: frozenset[str]


@lru_cache(maxsize=32768)
def token_key(token: str) -> str:
    return token.casefold().replace("\u2019", "'")


def phrase_key(phrase: str) -> tuple[str, ...]:
    return tuple(token_key(match.group()) for match in WORD.finditer(phrase))


@cache
def _uninflected() -> frozenset[str]:
    return frozenset(load("jargon")["uninflected"])


def inflections(word: str) -> set[str]:
    """The word with its likely -s, -es, -ed and -ing forms; over-generating is harmless."""
    if len(word) < 4 or word in _uninflected() or not word.isalpha():
        return {word}
    bases = {word}
    for suffix, replacements in (
        ("ing", ("", "e")),
        ("ied", ("y",)),
        ("ies", ("y",)),
        ("ed", ("", "e")),
        ("es", ("", "e")),
        ("s", ("",)),
    ):
        if word.endswith(suffix) and not word.endswith("ss"):
            bases.update(word[: -len(suffix)] + ending for ending in replacements)
            break
    forms = set()
    for base in bases:
        forms.update({base, base + "s", base + "es", base + "ed", base + "d", base + "ing"})
        if base.endswith("e"):
            forms.add(base[:-1] + "ing")
        if base.endswith("y"):
            forms.update({base[:-1] + "ies", base[:-1] + "ied"})
    return forms


def _phrase_forms(phrase: str, inflect: bool) -> set[tuple[str, ...]]:
    key = phrase_key(phrase)
    if not inflect:
        return {key}
    # Only the first and last words inflect ("lacked insight", "parental capacities"): the
    # words between rarely change, and inflecting them all multiplies the forms.
    forms: set[tuple[str, ...]] = {()}
    for position, word in enumerate(key):
        variants = inflections(word) if position in (0, len(key) - 1) else {word}
        forms = {(*form, variant) for form in forms for variant in variants}
    return forms


@cache
def jargon_index() -> JargonIndex:
    """Every written form first, then inflections: an exact form of one term beats an
    inflection of another."""
    phrases: dict[tuple[str, ...], JargonTerm] = {}
    entries = load("jargon")["term"]
    for inflecting in (False, True):
        for entry in entries:
            if inflecting and not entry.get("inflect", True):
                continue
            term = JargonTerm(entry["words"], entry["plain"], entry.get("domain", ""))
            for written in (entry["words"], *entry.get("forms", [])):
                for form in _phrase_forms(written, inflecting):
                    if form:
                        phrases.setdefault(form, term)
    longest = max(len(form) for form in phrases)
    lengths: dict[str, set[int]] = {}
    for form in phrases:
        lengths.setdefault(form[0], set()).add(len(form))
    return JargonIndex(
        phrases,
        longest,
        frozenset(lengths),
        {word: tuple(sorted(found, reverse=True)) for word, found in lengths.items()},
        frozenset(form[0] for form in phrases if len(form) == 1),
        frozenset((form[0], form[1]) for form in phrases if len(form) > 1),
        frozenset(max(form, key=len) for form in phrases),
    )


@dataclass(frozen=True)
class MovementTerm:
    """Words for how a case moves between services, found by a pattern (``[[movement]]``)."""

    pattern: GatedPattern
    plain: str


@cache
def movement_terms() -> tuple[MovementTerm, ...]:
    return tuple(
        MovementTerm(GatedPattern(entry["pattern"], re.IGNORECASE), entry["plain"])
        for entry in load("jargon").get("movement", [])
    )


@cache
def everyday_senses() -> re.Pattern[str] | None:
    """Where a lexicon word is used in its everyday sense ("got engaged to her partner")."""
    patterns = load("jargon").get("everyday", [])
    return re.compile("|".join(patterns), re.IGNORECASE) if patterns else None


def _full_form(stands_for: str) -> re.Pattern[str]:
    words = [re.escape(match.group()) for match in WORD.finditer(_written_out(stands_for))]
    return re.compile(r"\b" + r"[\W_]+".join(words) + r"\b", re.IGNORECASE)


def _first_word(stands_for: str) -> str:
    first = WORD.search(_written_out(stands_for))
    word = first.group().lower() if first is not None else ""
    return word if word.isascii() else ""


def _written_out(stands_for: str) -> str:
    """The words a report would write out, without a note in brackets after them."""
    return stands_for.split(" (")[0]


@cache
def acronym_table() -> AcronymTable:
    data = load("acronyms")
    known = {
        letters: Acronym(
            letters,
            entry["stands_for"],
            entry.get("plain", ""),
            _full_form(entry["stands_for"]),
            _first_word(entry["stands_for"]),
        )
        for letters, entry in data["acronym"].items()
    }
    return AcronymTable(
        known=known,
        allow=frozenset(data["allow"]),
        not_acronyms=frozenset(data["not_acronyms"]),
    )

"""The coach's data files, read once and compiled once.

The rules live as data (``data/*.toml``) so that a word list can grow without a code change;
everything here is cached, because the coach runs on every pause in typing.
"""

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cpconf.quality.prefilter import GatedAlternatives

if TYPE_CHECKING:
    from cpconf.quality.sentences import Span

DATA = Path(__file__).resolve().parent / "data"
FLAGS = re.IGNORECASE


@dataclass(frozen=True)
class CueGroup:
    """One list of patterns compiled into a single expression, with the reason it gives."""

    name: str
    why: str
    pattern: GatedAlternatives

    def search(self, text: str, span: "Span") -> re.Match[str] | None:
        return self.pattern.search(text, span)


@cache
def load(name: str) -> dict[str, Any]:
    with (DATA / f"{name}.toml").open("rb") as data_file:
        return tomllib.load(data_file)


def cue_data() -> dict[str, Any]:
    return load("cues")


def rule_texts(rule: str) -> dict[str, Any]:
    texts: dict[str, Any] = load("rules")[rule]
    return texts


def any_of(patterns: list[str]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{pattern})" for pattern in patterns), FLAGS)


def gated_any_of(patterns: list[str]) -> GatedAlternatives:
    """Any of the patterns, each searched only in sentences holding a word it needs."""
    return GatedAlternatives(patterns, FLAGS)


def alternatives(words: list[str]) -> str:
    """Any of the words or phrases, as a trie ("car(?:e(?:rs?)?)?"): Python's regular
    expressions try a flat list of words one by one at every position, a trie only follows
    the letters that match. A space matches any spacing, a hyphen a hyphen or space or none,
    an apostrophe a straight or curly one."""
    trie: dict[str, Any] = {}
    for word in words:
        node = trie
        for char in word.casefold():
            node = node.setdefault(char, {})
        node[""] = {}
    return f"(?:{_branches(trie)})"


SPECIAL_CHARACTERS = {" ": r"\s+", "-": r"[\s-]?", "'": r"[\x27\u2019]", "\u2019": r"[\x27\u2019]"}


def _branches(node: dict[str, Any]) -> str:
    branches = [
        SPECIAL_CHARACTERS.get(char, re.escape(char)) + _branches(child)
        for char, child in sorted(node.items())
        if char
    ]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if "" in node:
        return f"(?:{body})?"
    return body


def words_pattern(words: list[str]) -> str:
    """Whole words or phrases only."""
    return rf"\b{alternatives(words)}\b"


def _group(section: dict[str, Any], name: str) -> CueGroup:
    table = section[name]
    return CueGroup(name, table.get("why", ""), gated_any_of(table["patterns"]))


@cache
def kind_cues() -> dict[str, CueGroup]:
    section = cue_data()["kind"]
    return {name: _group(section, name) for name in section}


@cache
def source_cues() -> dict[str, CueGroup]:
    section = cue_data()["source"]
    return {name: _group(section, name) for name in section}


@cache
def unattributed_cues() -> CueGroup:
    return _group(cue_data(), "unattributed")


@cache
def named_by() -> re.Pattern[str]:
    return re.compile(cue_data()["unattributed"]["named_by"], FLAGS)


@cache
def harm() -> GatedAlternatives:
    return gated_any_of(cue_data()["harm"]["patterns"])


@cache
def harm_negation() -> re.Pattern[str]:
    return re.compile(cue_data()["harm"]["negation"], FLAGS)


@cache
def impact() -> GatedAlternatives:
    return gated_any_of(cue_data()["impact"]["patterns"])


@cache
def child_states() -> GatedAlternatives:
    return gated_any_of(cue_data()["impact"]["child_states"])


@cache
def child_words() -> re.Pattern[str]:
    return re.compile(cue_data()["impact"]["child_words"], FLAGS)


@cache
def stock_answers() -> frozenset[str]:
    return frozenset(normalise_answer(answer) for answer in cue_data()["stock_answers"])


@cache
def stock_initials() -> frozenset[str]:
    """The first letters of the stock answers: a sentence starting otherwise is not one."""
    return frozenset(answer[:1] for answer in stock_answers())


def normalise_answer(text: str) -> str:
    return " ".join(re.sub(r"[^\w/]+", " ", text.casefold()).split())

"""Faster forms of the coach's searches find what the plain forms found: the second set of
words a cue pattern needs (``also_required``) never hides a match; an acronym's full form is
found with its first word looked for first; children's names with the look behind them put
after the name."""

import json
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cpconf.quality.children import _name_pattern
from cpconf.quality.engine import compile_cues
from cpconf.quality.lexicon import acronym_table
from cpconf.quality.plain_language import _full_form_before
from cpconf.quality.prefilter import (
    PREFILTER,
    STORED_WORDS,
    Words,
    also_required,
    pattern_key,
    stored_also,
)
from cpconf.quality.sentences import ASCII_WORD, WORD, split_sentences
from tests.quality.test_prefilter import ODD, PATTERNS, SETTINGS, TEXTS


@SETTINGS
@given(text=TEXTS)
def test_a_pattern_that_matches_has_every_bit_it_needs(text):
    for span in split_sentences(text):
        for name, gated in PATTERNS:
            if gated.pattern.search(text, span.start, span.end) is not None:
                assert span.cues & gated.need == gated.need, (name, text[span.start : span.end])


def test_some_patterns_need_a_second_set_of_words():
    assert sum(gated.need != gated.bit for _, gated in PATTERNS) > len(PATTERNS) / 5


@pytest.mark.parametrize(
    ("pattern", "also"),
    [
        (
            r"\bmade\s+(?:a\s+)?disclosures?\b",
            [Words(frozenset({"disclosure", "disclosures"}), frozenset())],
        ),
        (
            r"\b(?:lazy|unkind)\s+(?:parents?|carers?)\b",
            [Words(frozenset({"parent", "parents", "carer", "carers"}), frozenset())],
        ),
        # The other word is common: nearly every sentence has it, so it is not worth a bit.
        (r"\bthe\s+risks?\b", []),
        (r"\b(?:lazy|unkind)\s+(?:mum|dad)\b", []),
        # One word only, or words that come with the first: nothing more to need.
        (r"\bseems?\b", []),
        (r"\bpunch\w*", []),
        (r"\d", []),
    ],
)
def test_the_further_words_a_pattern_needs(pattern, also):
    assert also_required(re.compile(pattern, re.IGNORECASE)) == also


def test_the_stored_further_words_are_those_the_patterns_need():
    compile_cues()
    stored = json.loads(STORED_WORDS.read_text(encoding="utf-8"))["also"]
    needed = {pattern_key(p): stored_also(also_required(p)) for p in PREFILTER.patterns}
    assert stored == needed, "The cue lists have changed: run python -m cpconf.quality.data"


def _odd_letters(form: str) -> str:
    """Letters that ignoring case matches with an ASCII one: dotless i, long s."""
    return form.replace("i", "\u0131").replace("s", "\u017f")


FULL_FORMS = [acronym.stands_for.split(" (")[0] for acronym in acronym_table().known.values()]
SPELLINGS = st.one_of(
    st.sampled_from(FULL_FORMS),
    st.sampled_from(FULL_FORMS).map(str.upper),
    st.sampled_from(FULL_FORMS).map(lambda form: form.replace(" ", "-")),
    st.sampled_from(FULL_FORMS).map(
        lambda form: form.replace("i", "\u0131").replace("s", "\u017f")
    ),
    st.sampled_from(ODD),
    st.text(max_size=6),
)
PARTS = st.lists(SPELLINGS, max_size=6).map(" ".join)


@SETTINGS
@given(text=PARTS, end=st.integers(0, 400))
def test_a_full_form_is_found_as_its_pattern_finds_it(text, end):
    end = min(end, len(text))
    for acronym in acronym_table().known.values():
        expected = acronym.full_form.search(text, 0, end) is not None
        assert _full_form_before(text, end, acronym) == expected, acronym.letters


def _names_looking_behind_first(children: list[str]) -> list[re.Pattern[str]]:
    """The children's names as they were searched before."""
    patterns = []
    for child in children:
        first = child.split()[0]
        names = {child, child.title(), first, first.title()}
        alternatives = "|".join(re.escape(name) for name in sorted(names, key=len, reverse=True))
        patterns.append(re.compile(rf"(?<![\w])(?:{alternatives})(?![\w])"))
    return patterns


CHILDREN = st.lists(
    st.sampled_from(
        ["Lily", "lily", "Lily Smith", "Jack", "Mae-Lee", "O'Neil", "\u00c9lodie", "a.b"]
    ),
    min_size=1,
    max_size=3,
)
NAMED = st.lists(
    st.one_of(
        st.sampled_from(["Lily", "LilySmith", "xLily", "Lily Smith", "_Jack", "O'Neil", ","]), PARTS
    ),
    max_size=8,
).map(" ".join)


@SETTINGS
@given(children=CHILDREN, text=NAMED, start=st.integers(0, 20))
def test_children_are_found_as_when_the_look_behind_came_first(children, text, start):
    for new, old in zip(
        _name_pattern(children), _names_looking_behind_first(children), strict=True
    ):
        assert [m.span() for m in new.finditer(text, start)] == [
            m.span() for m in old.finditer(text, start)
        ]


ASCII = st.text(alphabet=st.characters(max_codepoint=127), max_size=60)


@SETTINGS
@given(text=st.one_of(ASCII, TEXTS.filter(str.isascii)), start=st.integers(0, 10))
def test_words_in_ascii_are_found_as_the_unicode_classes_find_them(text, start):
    assert ASCII_WORD.findall(text, start) == WORD.findall(text, start)


@SETTINGS
@given(text=st.one_of(ASCII, TEXTS))
def test_the_first_letters_of_children_and_adults_find_what_the_patterns_find(text):
    from cpconf.quality import children

    adults = children._adults()
    for looked in (adults.male, adults.female, adults.anyone, children._description()):
        plain = re.compile(re.sub(r"^\(\?=\[[^\]]*\]\)", "", looked.pattern), looked.flags)
        assert plain.pattern != looked.pattern
        assert [m.span() for m in looked.finditer(text)] == [m.span() for m in plain.finditer(text)]

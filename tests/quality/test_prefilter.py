"""The prefilter never hides a match (Hypothesis): wherever a cue pattern matches in a
sentence, the sentence's words let it be searched; alternatives searched one by one find
what their alternation finds; and the coach reads any text exactly as it does with every
pattern searched everywhere. The repetition index finds what comparing every pair finds."""

import json
import re
import string
import unicodedata

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cpconf.quality import analyse, attribution, children, classify, cue_lists, judgement
from cpconf.quality.engine import compile_cues
from cpconf.quality.prefilter import (
    FOLDED,
    PREFILTER,
    STORED_WORDS,
    GatedAlternatives,
    GatedPattern,
    Words,
    first_letters,
    pattern_key,
    required_words,
    stored_form,
    words_needed,
)
from cpconf.quality.report import RepetitionIndex, content_words
from cpconf.quality.sentences import Span, boundaries, split_sentences, words
from tests.quality.accuracy import DEV_SET, load_rows

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
SENTENCES = [row["text"] for row in load_rows(DEV_SET)]
VOCABULARY = sorted({word for sentence in SENTENCES for word in re.findall(r"\S+", sentence)})
ODD = [
    "\u0130t",
    "\u0131s",
    "\u017feems",
    "\u212aicked",
    "don\u2019t",
    "I\u2019m",
    "_was",
    "-",
    "x_",
]
PIECES = st.one_of(
    st.sampled_from(SENTENCES),
    st.sampled_from(VOCABULARY),
    st.sampled_from(ODD),
    st.text(alphabet=string.ascii_letters + " '\u2019.,\n", max_size=12),
    st.text(max_size=4),
)
CASES = st.sampled_from([str, str.upper, str.lower, str.title])
TEXTS = st.lists(st.tuples(PIECES, CASES), max_size=25).map(
    lambda parts: " ".join(case(piece) for piece, case in parts)
)


def _gated() -> dict[str, GatedPattern | GatedAlternatives]:
    found: dict[str, GatedPattern | GatedAlternatives] = {
        f"kind {name}": group.pattern for name, group in cue_lists.kind_cues().items()
    }
    found |= {f"source {name}": group.pattern for name, group in cue_lists.source_cues().items()}
    found |= {
        "unattributed": cue_lists.unattributed_cues().pattern,
        "harm": cue_lists.harm(),
        "impact": cue_lists.impact(),
        "child states": cue_lists.child_states(),
        "speech": attribution._speech_frame(),
        "predicate": judgement._predicate(),
        "evidence": judgement._evidence(),
        "child references": children._references(),
        "first person": classify.FIRST_PERSON,
    }
    return found


GATED = _gated()
PATTERNS = [
    (f"{name} {number}", part)
    for name, gated in GATED.items()
    for number, part in enumerate(gated.parts if isinstance(gated, GatedAlternatives) else [gated])
]


@SETTINGS
@given(text=TEXTS)
def test_a_pattern_that_matches_is_always_searched(text):
    for span in split_sentences(text):
        for name, gated in PATTERNS:
            if gated.pattern.search(text, span.start, span.end) is not None:
                assert span.cues & gated.bit, (name, text[span.start : span.end])


@SETTINGS
@given(text=TEXTS)
def test_the_look_at_the_first_letter_finds_what_the_pattern_finds(text):
    for name, gated in PATTERNS:
        written = gated.source
        # An anchored pattern is searched without its "^", at a sentence's start only.
        body = re.compile(written.pattern[1:], written.flags) if gated.anchored else written
        assert [_where(match) for match in gated.pattern.finditer(text)] == [
            _where(match) for match in body.finditer(text)
        ], name


def test_most_patterns_have_a_look_at_their_first_letter():
    looked = [name for name, gated in PATTERNS if gated.pattern is not gated.source]
    assert len(looked) > len(PATTERNS) / 2


@SETTINGS
@given(text=TEXTS)
def test_alternatives_are_found_as_their_alternation_finds_them(text):
    for name, gated in GATED.items():
        if not isinstance(gated, GatedAlternatives):
            continue
        for span in split_sentences(text):
            expected = _as_the_alternation_finds(gated, text, span)
            assert _where(gated.search(text, span)) == _where(expected[0] if expected else None)
            every = [_where(match) for match in gated.finditer(text, span)]
            assert every == [_where(match) for match in expected], name


def _as_the_alternation_finds(gated: GatedAlternatives, text: str, span: Span) -> list:
    """What ``(?:p1)|(?:p2)|…`` finds in the sentence, where an anchored part may match only
    at the sentence's start: there the earliest part that matches wins, as in an alternation."""
    flags = gated.parts[0].pattern.flags
    loose = [(number, part) for number, part in enumerate(gated.parts) if not part.anchored]
    joined = "|".join(f"(?P<_p{number}>{part.pattern.pattern})" for number, part in loose)
    alternation = re.compile(joined or "(?!)", flags)
    found = list(alternation.finditer(text, span.start, span.end))
    at_start = [
        (number, match)
        for number, part in enumerate(gated.parts)
        if part.anchored and (match := part.pattern.match(text, span.start, span.end))
    ]
    if not at_start:
        return found
    number, anchored = at_start[0]
    head = found[0] if found and found[0].start() == span.start else None
    if head is not None and min(n for n, _ in loose if head.group(f"_p{n}") is not None) < number:
        return found
    return [anchored, *alternation.finditer(text, anchored.end(), span.end)]


def test_an_anchored_cue_is_found_at_any_sentences_start_and_nowhere_else():
    # The opinion frame's "^…worried that": a worry noted without "I am".
    frame = cue_lists.kind_cues()["opinion_frame"].pattern
    text = "Ava was at nursery. Worried that she is tired. Nan is worried that she is tired."
    found = [frame.search(text, span) for span in split_sentences(text)]
    assert [match.group().strip() if match else None for match in found] == [
        None,
        "Worried that",
        None,
    ]


def test_the_judging_alternatives_are_the_one_judging_expression():
    """Splitting "\\b(?:a|b)\\b" into "\\b(?:a)\\b" and "\\b(?:b)\\b" changes nothing."""
    predicate = judgement._predicate()
    inner = "|".join(part.source.pattern[len(r"\b(?:") : -len(r")\b")] for part in predicate.parts)
    whole = re.compile(rf"\b(?:{inner})\b", re.IGNORECASE)
    for sentence in SENTENCES + _examples():
        span = Span(0, len(sentence))
        assert _where(predicate.search(sentence, span)) == _where(whole.search(sentence))


@SETTINGS
@given(text=TEXTS, names=st.sampled_from([(), ("Lily", "Jack"), ("Ruby", "Mason")]))
def test_the_coach_reads_as_it_does_with_every_pattern_searched_everywhere(text, names):
    filtered = analyse(text, children=names, section="worries").to_dict()
    PREFILTER.sentence_bits = lambda found: -1  # type: ignore[method-assign]
    try:
        unfiltered = analyse(text, children=names, section="worries").to_dict()
    finally:
        del PREFILTER.sentence_bits
    assert filtered == unfiltered


def test_letters_that_ignoring_case_makes_ascii_are_folded():
    ascii_letter = re.compile("[a-z0-9]", re.IGNORECASE)
    found = {
        chr(code)
        for code in range(0x80, 0x110000)
        if unicodedata.category(chr(code)) != "Cs" and ascii_letter.fullmatch(chr(code))
    }
    assert found == set(FOLDED)


@pytest.mark.parametrize(
    ("pattern", "needed"),
    [
        (r"\bseems?\b", Words(frozenset({"seem", "seems"}), frozenset())),
        (r"\bpunch\w*", Words(frozenset(), frozenset({"punch"}))),
        (r"\bthe\s+risks?\s+(?:is|are)\s+high", Words(frozenset(), frozenset({"high"}))),
        (
            r"\b(?:is|was)\s+(?:very\s+)*(?:lazy|unkind)\b",
            Words(frozenset({"lazy", "unkind"}), frozenset()),
        ),
        (
            r"\b(?-i:I)\s+(?:\w+\s+){0,2}?(?:visited|saw)\b",
            Words(frozenset({"visited", "saw"}), frozenset()),
        ),
        (r"\bfoo\s*bar", Words(frozenset(), frozenset({"foo"}))),
        (r"\d", None),
        (r"x(?:y|\w)", None),
        (r"\b(?:a|\w+)\b", None),
    ],
)
def test_the_words_a_pattern_needs(pattern, needed):
    assert required_words(re.compile(pattern, re.IGNORECASE)) == needed


REPETITION = cue_lists.cue_data()["repetition"]
WORDS = st.lists(
    st.sampled_from(["mum", "dad", "lily", "jack", "school", "late", "hungry", "visit", "home"])
)


@SETTINGS
@given(sentences=st.lists(WORDS.map(" ".join), max_size=40))
def test_repetition_finds_what_comparing_every_pair_finds(sentences):
    text = ". ".join(sentence.capitalize() for sentence in sentences if sentence)
    spans = split_sentences(text)
    tokens = [words(text, span.start, span.end) for span in spans]
    found = RepetitionIndex().findings(text, spans, tokens, None, [False] * len(spans))
    assert [(f.start, f.end, f.message) for f in found] == _every_pair(text, spans, tokens)


def _every_pair(text, spans, tokens):
    from cpconf.quality.report import Remembered, _repetition

    earlier: list[Remembered] = []
    found = []
    for span, sentence_words in zip(spans, tokens, strict=True):
        content = content_words(sentence_words)
        if len(content) < int(REPETITION["min_content_words"]):
            continue
        scored = [
            (len(content & other.content) / len(content | other.content), index)
            for index, other in enumerate(earlier)
        ]
        best = max((key for key in scored if key[0] >= REPETITION["similarity"]), default=None)
        if best is not None:
            finding = _repetition(text, span, earlier[best[1]], None)
            found.append((finding.start, finding.end, finding.message))
        earlier.append(Remembered(text[span.start : span.end], None, content))
    return found


def _where(match):
    return None if match is None else (match.start(), match.end(), match.group())


def _examples() -> list[str]:
    examples = cue_lists.load("examples")
    return [
        item
        for table in examples.values()
        for group in table.values()
        if isinstance(group, list)
        for item in group
        if isinstance(item, str)
    ]


# The old single expression for where a sentence may end.
ONE_BOUNDARY = re.compile(
    r"(?<![.!?…])[.!?…]++[\"\x27”\u2019)\]]*+(?=\s|$)"
    r"|[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]++"
)
BREAKS = st.text(alphabet=".!?…\"'”\u2019)] \n\r\v\f\x1c\x85\u2028\u2029ab", max_size=60)


@SETTINGS
@given(text=st.one_of(TEXTS, BREAKS))
def test_sentence_ends_are_found_as_one_expression_finds_them(text):
    assert [_where(found) for found in boundaries(text)] == [
        _where(found) for found in ONE_BOUNDARY.finditer(text)
    ]


def test_the_stored_words_are_those_the_patterns_need():
    compile_cues()
    stored = json.loads(STORED_WORDS.read_text(encoding="utf-8"))["patterns"]
    needed = {pattern_key(p): stored_form(required_words(p)) for p in PREFILTER.patterns}
    assert stored == needed, "The cue lists have changed: run python -m cpconf.quality.data"


def test_the_stored_first_letters_are_those_of_the_patterns():
    compile_cues()
    stored = json.loads(STORED_WORDS.read_text(encoding="utf-8"))["first"]
    assert stored == {pattern_key(p): first_letters(p) for p in PREFILTER.patterns}


def test_a_pattern_not_stored_is_worked_out():
    pattern = re.compile(r"\bzebras?\s+crossings?\b", re.IGNORECASE)
    assert (
        words_needed(pattern)
        == required_words(pattern)
        == Words(frozenset({"zebra", "zebras"}), frozenset())
    )


# The acronym expression as it was, looking behind first.
LOOKING_BEHIND_FIRST = re.compile(
    r"(?<![\w&\x27\u2019-])(?=[A-Z][a-z0-9&]*[A-Z])[A-Z][A-Za-z0-9&]*[A-Za-z0-9](?![\w&])"
)
CAPITALS = st.text(alphabet="ABCZabz09&'\u2019-_ .\u00c9\n", max_size=40)


@SETTINGS
@given(text=st.one_of(TEXTS, CAPITALS), start=st.integers(0, 5))
def test_acronyms_are_found_as_before(text, start):
    from cpconf.quality.plain_language import ACRONYM

    assert [_where(m) for m in ACRONYM.finditer(text, start)] == [
        _where(m) for m in LOOKING_BEHIND_FIRST.finditer(text, start)
    ]


@SETTINGS
@given(text=st.one_of(TEXTS, CAPITALS), skip=st.sets(st.integers(0, 30)))
def test_acronyms_are_found_in_one_pass_as_sentence_by_sentence(text, skip):
    from cpconf.quality.lexicon import acronym_table
    from cpconf.quality.plain_language import ACRONYM, AcronymReader

    spans = [span for number, span in enumerate(split_sentences(text)) if number not in skip]
    reader, table, one_by_one = AcronymReader(), acronym_table(), []
    for span in spans:
        for match in ACRONYM.finditer(text, span.start, span.end):
            finding = reader._check(text, match, table, span)
            if finding is not None:
                one_by_one.append(finding)
    assert AcronymReader().findings(text, spans) == one_by_one

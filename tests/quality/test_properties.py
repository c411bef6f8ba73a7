"""No input crashes the coach or gives an offset outside the text (Hypothesis)."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cpconf.quality import KINDS, RULES, SEVERITIES, SOURCES, analyse, analyse_report

SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
REPORT_WORDS = [
    "Mum",
    "Dad",
    "Lily",
    "Jack",
    "he",
    "she",
    "the child",
    "CAMHS",
    "LAC",
    "A&E",
    "GP",
    "presenting as",
    "lacks insight",
    "It was reported that",
    "I saw",
    "is aggressive",
    "apparently",
    "I think",
    "told me that",
    "hit",
    "No concerns identified",
    "Not known",
    "Mr.",
    "e.g.",
    "12",
    "3 May",
    "...",
    "!",
    "?",
    "(",
    ")",
    "“",
    "”",
    "-",
    "•",
    ",",
    ";",
]
LINE_BREAKS = st.sampled_from(["\n", "\r\n", "\r", "\n\n", "\u2028", "\x0b", "\x85", " "])
REPORT_LIKE = st.lists(
    st.one_of(st.sampled_from(REPORT_WORDS), LINE_BREAKS, st.text(max_size=6)), max_size=120
).map(" ".join)
PUNCTUATION = st.text(alphabet=".!?…,;:-\u2013—()[]\"'“”\u2018\u2019*•#/\\ \n\r\t", max_size=400)
ANY_TEXT = st.one_of(st.text(), REPORT_LIKE, PUNCTUATION)
CHILDREN = st.lists(st.one_of(st.sampled_from(["Lily", "Jack Smith", ""]), st.text()), max_size=3)


def _assert_well_formed(text: str, result: dict) -> None:
    reading = result["reading"]
    assert reading["words"] >= 0 and reading["sentences"] == len(result["sentences"])
    assert isinstance(reading["reading_age"], float)
    for sentence in result["sentences"]:
        assert 0 <= sentence["start"] < sentence["end"] <= len(text)
        assert text[sentence["start"] : sentence["end"]] == sentence["text"]
        assert sentence["kind"] in KINDS and sentence["source"] in SOURCES
        for cue in sentence["cues"]:
            assert sentence["start"] <= cue["start"] <= cue["end"] <= sentence["end"]
            assert text[cue["start"] : cue["end"]] == cue["text"]
    for finding in result["findings"]:
        assert 0 <= finding["start"] < finding["end"] <= len(text)
        assert text[finding["start"] : finding["end"]] == finding["text"]
        assert finding["rule"] in RULES and finding["severity"] in SEVERITIES
        assert finding["message"] and finding["suggestion"]


@SETTINGS
@given(text=ANY_TEXT, children=CHILDREN, section=st.sampled_from([None, "worries", "x"]))
def test_any_text_is_analysed_with_offsets_inside_it(text, children, section):
    _assert_well_formed(text, analyse(text, children=children, section=section).to_dict())


@SETTINGS
@given(sections=st.dictionaries(st.sampled_from(["worries", "going_well", "x"]), ANY_TEXT))
def test_any_report_is_analysed_with_offsets_inside_each_section(sections):
    report = analyse_report(sections, children=["Lily", "Jack"])
    for key, analysis in report.sections.items():
        _assert_well_formed(sections[key], analysis.to_dict())


@settings(max_examples=10, deadline=None)
@given(piece=st.one_of(ANY_TEXT, st.sampled_from(REPORT_WORDS)), repeats=st.integers(500, 5000))
def test_huge_repetitive_text(piece, repeats):
    text = ((piece or ".") * repeats)[:200_000]
    _assert_well_formed(text, analyse(text, children=["Lily", "Jack"]).to_dict())


def test_long_runs_without_punctuation_or_spaces():
    for text in ("a" * 100_000, " " * 100_000 + "x", "." * 100_000 + "x", "\r\n" * 50_000):
        _assert_well_formed(text, analyse(text).to_dict())

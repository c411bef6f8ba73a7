"""The engine's behaviour beyond single rules: sentences and offsets, stock answers,
reports read section by section, reading figures, and staying free of Django."""

import subprocess
import sys

from cpconf.quality import analyse, analyse_report
from cpconf.quality.lexicon import acronym_table, jargon_index
from cpconf.quality.reading import syllables
from cpconf.quality.sentences import split_sentences

PURITY_CHECK = (
    "import sys, cpconf.quality; cpconf.quality.analyse('Mum is kind.'); "
    "print(','.join(sorted(m for m in sys.modules if m.split('.')[0] == 'django')))"
)


def _sentences(text: str) -> list[str]:
    return [text[span.start : span.end] for span in split_sentences(text)]


def test_importing_and_running_the_coach_loads_no_django():
    result = subprocess.run(
        [sys.executable, "-c", PURITY_CHECK], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == ""


def test_sentences_end_at_full_stops_but_not_after_titles_and_abbreviations():
    text = "Mr. Jones visited, e.g. on 3 May. Olivia weighed 8.2 kg! Was she well? Yes."
    assert _sentences(text) == [
        "Mr. Jones visited, e.g. on 3 May.",
        "Olivia weighed 8.2 kg!",
        "Was she well?",
        "Yes.",
    ]


def test_line_breaks_lists_and_headings_split_sentences_and_markers_are_left_out():
    text = "# Worries\r\n- Dad drinks most days\r\n• Mum is tired\r2) Rent arrears\u2028Debt"
    assert _sentences(text) == [
        "Worries",
        "Dad drinks most days",
        "Mum is tired",
        "Rent arrears",
        "Debt",
    ]


def test_a_line_wrapped_mid_sentence_stays_one_sentence():
    assert _sentences("Mum told me that she has been\nfinding it hard.") == [
        "Mum told me that she has been\nfinding it hard."
    ]


def test_stock_answers_are_accepted_without_findings():
    for answer in ("No concerns identified", "Not applicable.", "Not known", "not known."):
        analysis = analyse(answer, children=["Lily", "Jack"], section="worries")
        assert analysis.findings == []
        assert analysis.reading.sentences == 1


def test_reading_figures():
    analysis = analyse("The cat sat on the mat. It was happy.")
    assert (analysis.reading.words, analysis.reading.sentences) == (9, 2)
    assert 5 <= analysis.reading.reading_age < 8
    dense = analyse(
        "Notwithstanding considerable multi-agency intervention, parental capacity "
        "demonstrates insufficient sustainability regarding safeguarding responsibilities."
    )
    assert dense.reading.reading_age > 20
    assert analyse("").reading.to_dict() == {"words": 0, "sentences": 0, "reading_age": 0.0}


def test_syllable_heuristic():
    assert [syllables(w) for w in ("cat", "make", "jumped", "wanted", "families", "table")] == [
        1,
        1,
        1,
        2,
        3,
        2,
    ]


def test_each_sentence_says_which_cues_decided_it():
    sentence = analyse("I saw Jack flinch when his stepfather raised his voice.").sentences[0]
    assert (sentence.kind, sentence.source) == ("observation", "author")
    kind_cue, source_cue = sentence.cues
    assert kind_cue.decides == "kind" and kind_cue.text == "I saw"
    assert source_cue.decides == "source" and source_cue.text == "I"
    assert kind_cue.why and source_cue.why


def test_an_acronym_spelled_out_in_an_earlier_section_is_not_flagged_later():
    report = analyse_report(
        {
            "involvement": "Lily sees Child and Adolescent Mental Health Services (CAMHS).",
            "worries": "CAMHS have seen Lily twice. The PLO letter was sent. PLO began in May.",
        }
    )
    flagged = [f.text for _, f in report.findings() if f.rule == "acronym"]
    assert flagged == ["PLO"]


def test_repetition_across_sections_sits_in_the_later_section_and_names_the_earlier():
    report = analyse_report(
        {
            "worries": "Jack has arrived at school without breakfast on six occasions.",
            "going_well": "Jack has arrived at school without any breakfast on 6 occasions.",
        }
    )
    repeated = [(key, f) for key, f in report.findings() if f.rule == "repetition"]
    assert [key for key, _ in repeated] == ["going_well"]
    assert "“worries” section" in repeated[0][1].message


def test_report_totals_and_warning_count():
    report = analyse_report(
        {
            "worries": "Mum is neglectful. It was reported that Dad drinks.",
            "going_well": "Not known",
        },
        children=["Lily", "Jack"],
    )
    result = report.to_dict()
    assert set(result) == {"reading", "sections", "warnings"}
    assert result["reading"]["sentences"] == 3
    assert report.warning_count == result["warnings"] >= 2


def test_an_opinion_as_fact_suggestion_shows_the_rewrite():
    finding = next(f for f in analyse("The parents are uncooperative.").findings)
    assert finding.rule == "opinion_as_fact"
    assert "In my view, the parents are uncooperative." in finding.suggestion


def test_ambiguous_child_suggests_the_names():
    finding = analyse("He was late 12 times.", children=["Lily Smith", "Jack Smith"]).findings[0]
    assert finding.rule == "ambiguous_child" and finding.text == "He"
    assert "“Lily” or “Jack”" in finding.suggestion


def test_the_lexicons_are_big_enough():
    terms = {term.words for term in jargon_index().phrases.values()}
    assert len(terms) >= 200
    assert all(term.plain for term in jargon_index().phrases.values())
    table = acronym_table()
    assert {"GP", "A&E", "NHS"} <= table.allow
    assert all(acronym.stands_for for acronym in table.known.values())


def test_one_child_named_twice_is_still_one_child():
    assert analyse("He was late 12 times.", children=["Lily", " Lily "]).findings == []
    clear = analyse("Lily was late. She was tired.", children=["lily", "jack"])
    assert [f.rule for f in clear.findings] == []

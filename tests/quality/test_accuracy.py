"""The coach scored on labelled sentences. Run with ``pytest -s`` to see the figures.

- ``dev_set.jsonl``: a copy of ../shared/quality/dev_set.jsonl (kept here so a clean clone
  needs nothing outside the repository); the rules were written against it.
- ``tuning_set.jsonl``: sentences written for this project in the families the dev set
  missed (reported speech, hearsay, judgements phrased as progress, how a case moves between
  services), also tuned on.
- ``unseen_set.jsonl``: held out. Written before any tuning in those families, never tuned
  on: it measures how the coach does on sentences it was not fitted to. Before the tuning its
  kind accuracy was 0.787 (100/127) and its jargon recall 0.600.
- ``unseen_set_2.jsonl``: held out too, 59 sentences written fresh in the same families (and
  pronouns that mean an adult) before the second round of tuning, and committed before it
  with the engine's figures then: kind 0.700 (35/50), source 0.932. That round grew the
  tuning set (t099-t145) by families of sentence, never from these sentences. Its authors
  knew which families the held-out sets missed (an honest caveat: the sets measure sentences
  the rules were not written from, not a blind test); a new held-out set should be written
  before the next round.
- ``unseen_set_3.jsonl``: 41 sentences written once that round was settled, scored once,
  blind: kind 0.629 (22/35), source 0.854. The third round (tuning t146-t170) was written
  in the families it missed, so it too now measures informed rules.
- ``unseen_set_4.jsonl``: 44 sentences written once the third round was settled, scored
  once, blind: kind 0.667 (26/39), source 0.841. It is the honest figure for sentences of
  a kind nobody has written rules from; it is kept blind (never tuned on, its misses never
  turned into rules), and its test holds the coach to what it scored then.
"""

import pytest

from cpconf.quality.cue_lists import load
from tests.quality.accuracy import DEV_SET, HERE, Scores, load_rows, score

TUNING_SET = HERE / "tuning_set.jsonl"
UNSEEN_SET = HERE / "unseen_set.jsonl"
SECOND_UNSEEN_SET = HERE / "unseen_set_2.jsonl"
THIRD_UNSEEN_SET = HERE / "unseen_set_3.jsonl"
HELD_OUT = (UNSEEN_SET, SECOND_UNSEEN_SET, THIRD_UNSEEN_SET)
BLIND_SET = HERE / "unseen_set_4.jsonl"
TARGET_ACCURACY = 0.9
TARGET_JARGON = 0.9
TARGET_F1 = 0.85
# The held-out set: what the coach achieved once its rules were settled on the other two.
UNSEEN_KIND = 0.95
UNSEEN_SOURCE = 0.95
UNSEEN_JARGON = 1.0
# The blind set: what the coach scored the one time it was read (see the note above).
BLIND_KIND = 26 / 39
BLIND_SOURCE = 37 / 44
BLIND_JARGON_RECALL = 1.0


def _scored(path) -> Scores:
    scores = score(load_rows(path))
    print(f"\nQuality coach on {path.name}\n" + scores.report())
    if scores.mistakes:
        print("Mistakes:\n  " + "\n  ".join(scores.mistakes))
    return scores


def test_the_labelled_sets_are_here_and_complete():
    assert len(load_rows(DEV_SET)) == 100
    assert len(load_rows(TUNING_SET)) >= 90
    assert len(load_rows(UNSEEN_SET)) >= 120
    assert len(load_rows(SECOND_UNSEEN_SET)) >= 55
    assert len(load_rows(THIRD_UNSEEN_SET)) >= 40
    assert len(load_rows(BLIND_SET)) >= 40
    for path in (DEV_SET, TUNING_SET, *HELD_OUT, BLIND_SET):
        assert {"text", "kind", "source", "jargon", "children"} <= load_rows(path)[0].keys()


def test_no_sentence_is_in_two_sets():
    sets = (DEV_SET, TUNING_SET, *HELD_OUT, BLIND_SET)
    texts = [{row["text"] for row in load_rows(path)} for path in sets]
    for first, one in enumerate(texts):
        for other in texts[first + 1 :]:
            assert not one & other


def test_no_rule_example_is_a_held_out_sentence():
    # The rule examples are tuned on too (data/examples.toml).
    examples = load("examples")
    tuned = {
        sentence
        for table in examples.values()
        for values in table.values()
        if isinstance(values, list)
        for sentence in values
        if isinstance(sentence, str)
    }
    for path in (*HELD_OUT, BLIND_SET):
        assert not tuned & {row["text"] for row in load_rows(path)}, path.name


@pytest.mark.parametrize("path", [DEV_SET, TUNING_SET], ids=["dev", "tuning"])
def test_every_figure_is_perfect_on_the_sets_tuned_on(path):
    scores = _scored(path)
    assert scores.mistakes == []
    assert scores.kind_accuracy == scores.source_accuracy == 1.0
    assert scores.jargon.precision == scores.jargon.recall == 1.0


def test_accuracy_on_the_dev_set():
    scores = _scored(DEV_SET)
    assert scores.kind_accuracy >= TARGET_ACCURACY
    assert scores.source_accuracy >= TARGET_ACCURACY
    assert scores.jargon.recall >= TARGET_JARGON
    assert scores.jargon.precision >= TARGET_JARGON
    for flag, counts in scores.flags.items():
        assert counts.f1 >= TARGET_F1, flag


@pytest.mark.parametrize("path", HELD_OUT, ids=["held-out", "second", "third"])
def test_accuracy_on_sentences_never_tuned_on(path):
    scores = _scored(path)
    assert scores.kind_accuracy >= UNSEEN_KIND
    assert scores.source_accuracy >= UNSEEN_SOURCE
    assert scores.jargon.precision >= UNSEEN_JARGON
    assert scores.jargon.recall >= UNSEEN_JARGON
    for flag, counts in scores.flags.items():
        assert counts.f1 >= TARGET_F1, flag


def test_accuracy_on_the_blind_set_does_not_fall():
    scores = _scored(BLIND_SET)
    assert scores.kind_accuracy >= BLIND_KIND
    assert scores.source_accuracy >= BLIND_SOURCE
    assert scores.jargon.recall >= BLIND_JARGON_RECALL

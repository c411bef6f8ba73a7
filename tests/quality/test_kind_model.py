"""The kind model: the committed file is what training made of the labelled sets as they are
now, read here exactly as scikit-learn read it (its readings are stored beside the model, so
these tests need no scikit-learn); the sets kept blind are never trained on; and the model
overrules the cue lists only where it is sure of another kind, never when it reads a sentence
as none of the four, and never on the report form's stock answers."""

import gzip
import json
import math

import pytest
from training import kind_model as training

from cpconf.quality import analyse, classify, kind_model
from cpconf.quality.classify import KIND_MODEL_SURE, WHY_WORDING
from cpconf.quality.kind_model import OTHER, probabilities, read_kind, terms_of
from cpconf.quality.results import KINDS
from cpconf.quality.sentences import words

HARBOUR = "The family moved to Harbour Road in May."


@pytest.fixture(scope="module")
def trained():
    """The labelled sentences, and what scikit-learn read for each when it trained the model
    (written by `make kind-model` beside it)."""
    rows = training.labelled_rows()
    stored = json.loads(gzip.decompress(training.READINGS_FILE.read_bytes()))
    return rows, stored


def test_the_committed_model_reads_every_labelled_sentence_as_scikit_learn_does(trained):
    rows, stored = trained
    assert len(stored["probabilities"]) == len(rows)
    for row, chances in zip(rows, stored["probabilities"], strict=True):
        read = probabilities(words(row["text"]))
        difference = max(abs(read[name] - chances[n]) for n, name in enumerate(stored["classes"]))
        assert difference < 1e-6, row["text"]


def test_the_committed_model_was_trained_on_the_labelled_sentences_as_they_are(trained):
    # A sentence added, changed or relabelled without `make kind-model` fails here.
    rows, stored = trained
    assert stored["fingerprint"] == training.fingerprint(rows)
    committed = json.loads(kind_model.MODEL_FILE.read_text(encoding="utf-8"))
    assert committed["classes"] == stored["classes"] == sorted([*KINDS, OTHER])
    assert len(committed["terms"]) == training.TERMS_KEPT


def test_the_fingerprint_changes_with_any_sentence_or_label():
    rows = [{"id": "a", "text": "Mum was tearful.", "kind": "observation"}]
    relabelled = [{**rows[0], "kind": "opinion"}]
    reworded = [{**rows[0], "text": "Mum was tearful at the visit."}]
    fingerprints = {training.fingerprint(r) for r in (rows, relabelled, reworded)}
    assert len(fingerprints) == 3


def test_the_sets_kept_blind_are_never_trained_on():
    trained_on = {row["id"] for row in training.labelled_rows()}
    for name in training.KEPT_BLIND:
        blind = training.LABELLED / name
        ids = {json.loads(line)["id"] for line in blind.read_text().splitlines() if line}
        assert ids and not ids & trained_on, name


def test_sentences_labelled_with_no_kind_are_trained_as_other():
    rows = training.labelled_rows()
    assert {training.label(row) for row in rows if row["kind"] is None} == {OTHER}
    assert sum(row["kind"] is None for row in rows) > 100


def test_it_counts_the_coach_s_own_words_in_lower_case():
    assert terms_of(words("I think Mum's flat is on the 2nd floor.")) == [
        "i",
        "think",
        "mum's",
        "flat",
        "is",
        "on",
        "the",
        "2nd",
        "floor",
    ]


def test_a_word_found_twice_counts_less_than_twice():
    # Sublinear: 1 + log 2 times the word's weight, as scikit-learn counts it.
    once, twice = probabilities(["worried"]), probabilities(["worried", "worried"])
    assert once == pytest.approx(twice)  # one word, scaled to unit length either way
    mixed = probabilities(["worried", "worried", "visit"])
    assert mixed != pytest.approx(probabilities(["worried", "visit"]))


def test_a_sentence_of_unknown_words_gets_the_model_s_prior():
    model = kind_model.kind_model()
    top = max(model.intercepts)
    prior = [math.exp(value - top) for value in model.intercepts]
    read = probabilities(words("Zzqx vvbnm."))
    assert sum(read.values()) == pytest.approx(1.0)
    for name, value in zip(model.classes, prior, strict=True):
        assert read[name] == pytest.approx(value / sum(prior))


def test_read_kind_is_the_most_likely_class():
    sentence = words("I think Mum is doing her best for the children.")
    chances = probabilities(sentence)
    reading = read_kind(sentence)
    best = max(chances, key=lambda name: chances[name])
    assert reading.kind == (None if best == OTHER else best)
    assert reading.probability == pytest.approx(chances[best])


def _first_sentence(text, monkeypatch, kind, probability):
    """The sentence as the coach reads it, with the model made to read it as `kind` with
    `probability` (the rest of the classes share what is left)."""
    rest = (1.0 - probability) / 4
    chances = {name: rest for name in kind_model.kind_model().classes}
    chances[kind] = probability
    order = kind_model.kind_model().classes
    fixed = [math.log(chances[name]) for name in order]
    monkeypatch.setattr(kind_model, "scores_of", lambda sentences: [fixed for _ in sentences])
    return analyse(text).sentences[0]


def test_the_model_overrules_the_cues_when_sure(monkeypatch):
    sentence = _first_sentence(HARBOUR, monkeypatch, "opinion", KIND_MODEL_SURE)
    assert sentence.kind == "opinion"
    assert sentence.cues[0].why == WHY_WORDING["opinion"]


def test_the_cues_stand_when_the_model_is_not_sure(monkeypatch):
    sentence = _first_sentence(HARBOUR, monkeypatch, "opinion", KIND_MODEL_SURE - 0.01)
    assert sentence.kind == "fact"
    assert sentence.cues[0].why == classify.WHY_FACT


def test_the_cues_stand_when_the_model_reads_none_of_the_four(monkeypatch):
    sentence = _first_sentence(HARBOUR, monkeypatch, OTHER, 0.99)
    assert sentence.kind == "fact"
    assert sentence.cues[0].why == classify.WHY_FACT


def test_a_stock_answer_is_never_overruled(monkeypatch):
    sentence = _first_sentence("Not applicable.", monkeypatch, "opinion", 0.99)
    assert sentence.kind == "fact"
    assert sentence.cues[0].why == classify.WHY_STOCK


def test_news_passed_on_that_claims_no_harm_is_not_made_an_allegation():
    # Labelled with no kind in the dev set (d081, d082): the cue lists read them as facts
    # told by someone else, and the model leaves them so.
    for text in (
        "Mum told me she has stopped drinking since the last conference.",
        "Dad says he is now working full-time at the warehouse.",
    ):
        assert analyse(text).sentences[0].kind == "fact", text


def test_the_model_s_reason_is_given_for_every_kind():
    assert set(WHY_WORDING) == set(KINDS)


def test_a_model_file_for_other_classes_is_refused(tmp_path, monkeypatch):
    other = tmp_path / "kind_model.json"
    other.write_text(
        json.dumps({"classes": ["fact", "opinion"], "intercepts": [0, 0], "terms": {}})
    )
    monkeypatch.setattr(kind_model, "MODEL_FILE", other)
    kind_model.kind_model.cache_clear()
    try:
        with pytest.raises(ValueError, match="four kinds"):
            kind_model.kind_model()
    finally:
        kind_model.kind_model.cache_clear()

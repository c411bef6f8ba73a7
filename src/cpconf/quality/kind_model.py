"""A sentence's kind as a trained model reads it from its wording as a whole.

The cue lists decide a kind from the words that mark it ("I think", "told the police",
"appeared"). New writers keep finding new ways to say the same thing, and a list only knows
the ways it was shown. The model weighs every word of the sentence at once, as learned from
the labelled sentences in ``tests/quality`` (``training/kind_model.py`` trains it with
scikit-learn and writes ``data/kind_model.json``): a logistic regression over the TF-IDF
weights of the sentence's words, the words the coach already splits every sentence into.
Besides the four kinds it knows a fifth class, `OTHER`: sentences its labellers gave no kind
(news passed on that claims no harm, plans). Reading one of those, it has nothing to say
against the cue lists.

Reading it here takes no numerical library, so the coach still installs and runs with the
standard library alone: the same terms, weights and softmax as scikit-learn's, added up with
dictionaries. A test holds this reading to scikit-learn's on every labelled sentence.
"""

import json
import math
from collections import Counter
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import cast

from cpconf.quality.results import KINDS, Kind

MODEL_FILE = Path(__file__).resolve().parent / "data" / "kind_model.json"
OTHER = "other"


@dataclass(frozen=True)
class KindModel:
    classes: tuple[str, ...]  # the four kinds and OTHER, in scikit-learn's (sorted) order
    intercepts: tuple[float, ...]
    # Each word: its inverse document frequency squared, then the IDF times each class's weight.
    terms: dict[str, tuple[float, ...]]


@dataclass(frozen=True)
class KindReading:
    kind: Kind | None  # None: none of the four (OTHER)
    probability: float


@cache
def kind_model() -> KindModel:
    data = json.loads(MODEL_FILE.read_text(encoding="utf-8"))
    if sorted(data["classes"]) != sorted([*KINDS, OTHER]):
        raise ValueError(f"The kind model must read the coach's four kinds and {OTHER!r}.")
    return KindModel(
        classes=tuple(data["classes"]),
        intercepts=tuple(data["intercepts"]),
        terms={term: tuple(values) for term, values in data["terms"].items()},
    )


def terms_of(words: list[str]) -> list[str]:
    """The terms the model counts: the sentence's words (``sentences.words``), lower case.
    Training counts them with this too, so the model is read as it was trained."""
    return list(map(str.lower, words))


def scores(words: list[str]) -> list[float]:
    """The model's score for each class (in `KindModel.classes` order) for one sentence."""
    return scores_of([words])[0]


def scores_of(sentences: list[list[str]]) -> list[list[float]]:
    """Each sentence's score for each class: sublinear term frequency times IDF, scaled to
    unit length, times each class's weights, plus its intercept. The file holds, for each
    term, its squared IDF and its IDF times each class's weight, so a term found once is only
    added up. Written out for the five classes, as plain sums, over every sentence in one
    run (before the cue lists' searches, where it takes half the time it takes read a
    sentence at a time among them): the coach reads a whole report on each pause in typing."""
    model = kind_model()
    term = model.terms.get
    first_intercept, second_intercept, third_intercept, fourth_intercept, fifth_intercept = (
        model.intercepts
    )
    found_scores = []
    for words in sentences:
        rows = list(filter(None, map(term, terms_of(words))))
        if len(set(map(id, rows))) < len(rows):  # a term found more than once
            rows = _counted(rows)
        squares = first = second = third = fourth = fifth = 0.0
        for squared, weight_1, weight_2, weight_3, weight_4, weight_5 in rows:
            squares += squared
            first += weight_1
            second += weight_2
            third += weight_3
            fourth += weight_4
            fifth += weight_5
        length = math.sqrt(squares) or 1.0
        found_scores.append(
            [
                first_intercept + first / length,
                second_intercept + second / length,
                third_intercept + third / length,
                fourth_intercept + fourth / length,
                fifth_intercept + fifth / length,
            ]
        )
    return found_scores


def _counted(rows: list[tuple[float, ...]]) -> list[tuple[float, ...]]:
    """Each term's row once, scaled for how often it is found (sublinear: 1 + log count).
    A term's row is one object in the model, so rows found twice are the same term twice."""
    by_term = {id(row): row for row in rows}
    counted = []
    for term, count in Counter(map(id, rows)).items():
        row = by_term[term]
        if count == 1:
            counted.append(row)
            continue
        times = 1.0 + math.log(count)
        squared, *weights = row
        counted.append((times * times * squared, *(times * weight for weight in weights)))
    return counted


def probabilities(words: list[str]) -> dict[str, float]:
    """How likely each class is: the softmax of the scores (a multinomial regression's)."""
    found = scores(words)
    top = max(found)
    exponentials = [math.exp(score - top) for score in found]
    whole = sum(exponentials)
    classes = kind_model().classes
    return {name: value / whole for name, value in zip(classes, exponentials, strict=True)}


def read_kind(words: list[str]) -> KindReading:
    """The model's most likely kind for the sentence (None for `OTHER`), and how likely."""
    found = scores(words)
    best = _best(found)
    return KindReading(_kind_named(kind_model().classes[best]), _chance(found, best))


def overruling_kind(found: list[float], kind: Kind, sure: float) -> Kind | None:
    """Another kind than `kind`, if the model's scores for a sentence (`scores`) make it that
    kind with a probability of at least `sure`; None otherwise. Most sentences are read as
    the cue lists read them, and for those no probability is worked out."""
    best = _best(found)
    other = _kind_named(kind_model().classes[best])
    if other is None or other == kind or _chance(found, best) < sure:
        return None
    return other


def _best(found: list[float]) -> int:
    """Where the highest score is (the first, if two are equal)."""
    return found.index(max(found))


def _kind_named(name: str) -> Kind | None:
    return None if name == OTHER else cast(Kind, name)


def _chance(found: list[float], best: int) -> float:
    """The softmax's probability of the best class."""
    top = found[best]
    return 1.0 / sum(math.exp(score - top) for score in found)

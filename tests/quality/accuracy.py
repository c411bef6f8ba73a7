"""Scoring the coach against labelled sentences (the dev set's fields are described in
../shared/quality/README.md; a null label is not scored)."""

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cpconf.quality import Analysis, analyse

HERE = Path(__file__).resolve().parent
DEV_SET = HERE / "dev_set.jsonl"
FLAGS = ("unattributed_report", "opinion_as_fact", "ambiguous_child")
PLAIN_LANGUAGE = ("jargon", "acronym")


@dataclass
class Counts:
    true_positive: int = 0
    false_positive: int = 0
    false_negative: int = 0

    @property
    def precision(self) -> float:
        found = self.true_positive + self.false_positive
        return self.true_positive / found if found else 1.0

    @property
    def recall(self) -> float:
        wanted = self.true_positive + self.false_negative
        return self.true_positive / wanted if wanted else 1.0

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0


@dataclass
class Scores:
    kind_right: int = 0
    kind_scored: int = 0
    source_right: int = 0
    source_scored: int = 0
    jargon: Counts = field(default_factory=Counts)
    flags: dict[str, Counts] = field(default_factory=lambda: {flag: Counts() for flag in FLAGS})
    mistakes: list[str] = field(default_factory=list)

    @property
    def kind_accuracy(self) -> float:
        return self.kind_right / self.kind_scored if self.kind_scored else 1.0

    @property
    def source_accuracy(self) -> float:
        return self.source_right / self.source_scored if self.source_scored else 1.0

    def report(self) -> str:
        lines = [
            f"kind accuracy    {self.kind_accuracy:.3f} ({self.kind_right}/{self.kind_scored})",
            f"source accuracy  {self.source_accuracy:.3f} "
            f"({self.source_right}/{self.source_scored})",
            f"jargon+acronym   precision {self.jargon.precision:.3f}, "
            f"recall {self.jargon.recall:.3f}",
        ]
        lines += [f"{flag:<16} F1 {counts.f1:.3f}" for flag, counts in self.flags.items()]
        return "\n".join(lines)


def first_reading(text: str) -> tuple[str, str]:
    """The kind and source the coach gives the first sentence of `text`."""
    sentence = analyse(text).sentences[0]
    return sentence.kind, sentence.source


def load_rows(path: Path = DEV_SET) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def score(rows: list[dict[str, Any]]) -> Scores:
    scores = Scores()
    for row in rows:
        analysis = analyse(row["text"], children=row.get("children") or ())
        _score_kind_and_source(scores, row, analysis)
        _score_plain_language(scores, row, analysis)
        _score_flags(scores, row, analysis)
    return scores


def _main_sentence(analysis: Analysis) -> dict[str, Any]:
    sentences = analysis.to_dict()["sentences"]
    return max(sentences, key=lambda sentence: sentence["end"] - sentence["start"])


def _score_kind_and_source(scores: Scores, row: dict[str, Any], analysis: Analysis) -> None:
    sentence = _main_sentence(analysis)
    if row["kind"] is not None:
        scores.kind_scored += 1
        scores.kind_right += sentence["kind"] == row["kind"]
        if sentence["kind"] != row["kind"]:
            scores.mistakes.append(f"{row['id']} kind {sentence['kind']} != {row['kind']}")
    if row["source"] is not None:
        scores.source_scored += 1
        scores.source_right += sentence["source"] == row["source"]
        if sentence["source"] != row["source"]:
            scores.mistakes.append(f"{row['id']} source {sentence['source']} != {row['source']}")


def _gold_spans(row: dict[str, Any]) -> list[tuple[int, int]]:
    """Where each labelled term is: as a whole word where it is one, so that "SEN" is found in
    "the SEN register" and not inside "SENCO" (a term labelled beside it)."""
    lowered = row["text"].casefold()
    spans = []
    for term in row["jargon"]:
        word = re.search(rf"(?<!\w){re.escape(term.casefold())}(?!\w)", lowered)
        start = word.start() if word is not None else lowered.find(term.casefold())
        spans.append((start, start + len(term)) if start >= 0 else (-1, -1))
    return spans


def _overlaps(first: tuple[int, int], second: tuple[int, int]) -> bool:
    return first[0] < second[1] and second[0] < first[1]


def _score_plain_language(scores: Scores, row: dict[str, Any], analysis: Analysis) -> None:
    found = [(f.start, f.end) for f in analysis.findings if f.rule in PLAIN_LANGUAGE]
    gold = _gold_spans(row)
    for span in gold:
        hit = any(_overlaps(span, other) for other in found)
        scores.jargon.true_positive += hit
        scores.jargon.false_negative += not hit
        if not hit:
            scores.mistakes.append(f"{row['id']} jargon missed {row['text'][span[0] : span[1]]!r}")
    for span in found:
        if not any(_overlaps(span, other) for other in gold):
            scores.jargon.false_positive += 1
            scores.mistakes.append(f"{row['id']} jargon extra {row['text'][span[0] : span[1]]!r}")


def _score_flags(scores: Scores, row: dict[str, Any], analysis: Analysis) -> None:
    rules = {finding.rule for finding in analysis.findings}
    for flag in FLAGS:
        wanted, flagged = bool(row[flag]), flag in rules
        counts = scores.flags[flag]
        counts.true_positive += wanted and flagged
        counts.false_positive += flagged and not wanted
        counts.false_negative += wanted and not flagged
        if wanted != flagged:
            scores.mistakes.append(f"{row['id']} {flag} {'missed' if wanted else 'extra'}")

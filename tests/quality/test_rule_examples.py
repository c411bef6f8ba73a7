"""Each rule against its own examples, kept as data beside the rules (data/examples.toml)."""

from typing import Any

import pytest

from cpconf.quality import RULES, analyse, analyse_report
from cpconf.quality.cue_lists import load

EXAMPLES = load("examples")


def _cases(wanted: str) -> list[Any]:
    return [
        pytest.param(rule, example, id=f"{rule}: {str(example)[:60]}")
        for rule in RULES
        for example in EXAMPLES[rule][wanted]
    ]


def _rules_found(rule: str, example: Any) -> set[str]:
    table = EXAMPLES[rule]
    if isinstance(example, list):
        report = analyse_report({f"section_{n}": text for n, text in enumerate(example)})
        return {finding.rule for _, finding in report.findings()}
    analysis = analyse(example, children=table.get("children", ()), section=table.get("section"))
    return {finding.rule for finding in analysis.findings}


def test_every_rule_has_examples_both_ways():
    for rule in RULES:
        assert EXAMPLES[rule]["must"], rule
        assert EXAMPLES[rule]["must_not"], rule


@pytest.mark.parametrize(("rule", "example"), _cases("must"))
def test_example_triggers_its_rule(rule, example):
    assert rule in _rules_found(rule, example)


@pytest.mark.parametrize(("rule", "example"), _cases("must_not"))
def test_example_does_not_trigger_its_rule(rule, example):
    assert rule not in _rules_found(rule, example)


@pytest.mark.parametrize(
    ("kind", "sentence"),
    [(kind, sentence) for kind, sentences in EXAMPLES["kinds"].items() for sentence in sentences],
)
def test_sentence_kind(kind, sentence):
    assert analyse(sentence).sentences[0].kind == kind


@pytest.mark.parametrize(
    ("source", "sentence"),
    [
        (source, sentence)
        for source, sentences in EXAMPLES["sources"].items()
        for sentence in sentences
    ],
)
def test_sentence_source(source, sentence):
    assert analyse(sentence).sentences[0].source == source

"""Which child a pronoun means, when a report covers several children: a pronoun that means
an adult ("Mum said she …", "her partner … he") is not an unclear child, and every pronoun
is read, not only the first ("Mum said she was pleased with him": "him" is still unclear)."""

import pytest

from cpconf.quality import analyse

CHILDREN = ("Ella", "Max")


def _unclear(text: str) -> list[str]:
    findings = analyse(text, children=CHILDREN).findings
    return [text[f.start : f.end] for f in findings if f.rule == "ambiguous_child"]


@pytest.mark.parametrize(
    "text",
    [
        "Mum said she was tired after the night shift.",
        "Dad told me he has started a new job.",
        "Her partner told me he had stopped drinking.",
        "Mum's boyfriend said he would move out by Friday.",
        "Ms Cole told me her partner says he will help with the school run.",
        "His girlfriend said she would stay with her sister.",
        "Ms Cole said she and her boyfriend had argued but he did not hurt her.",
        "Mum said she had lost her keys again.",
    ],
)
def test_a_pronoun_for_an_adult_is_clear(text):
    assert _unclear(text) == []


@pytest.mark.parametrize(
    ("text", "unclear"),
    [
        ("Mum said she was pleased with him.", "him"),
        ("Dad told me he would take her swimming.", "her"),
        ("She was late to school on Monday.", "She"),
        ("Mum said she would take her to the GP.", "her"),
        ("Dad said he would pick him up at three.", "him"),
    ],
)
def test_a_pronoun_for_a_child_is_still_unclear(text, unclear):
    assert _unclear(text) == [unclear]


def test_a_named_child_makes_the_pronouns_clear():
    assert _unclear("Mum said she was pleased with Max and his reading.") == []


def test_one_finding_a_sentence_however_many_pronouns():
    assert len(_unclear("He told me she took his coat and his bag.")) == 1

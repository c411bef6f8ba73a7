"""The easy-read summary at the front of a family member's copy, for someone who asked for
easy read: short lines, one idea each, in plain words.

Everything in it comes from the report: the writer and their job from the front sheet, each
child's recommendation and scale from the writer's view on a plan, and the first sentences
the writer wrote about worries, what is going well and what needs to happen, word for word.
Nothing is made up or reworded beyond the framing words, so the summary can never say
something the report does not.
"""

import re
from collections.abc import Mapping
from typing import Any

from cpconf.reportform import ReportForm
from cpconf.reports import report_content as parts

__all__ = ["EASY_READ_TITLE", "easy_read_summary"]

EASY_READ_TITLE = "The report in short"

# The parts of the report the summary quotes from, in the order a family reads them.
KEY_PARTS = ("worries", "going_well", "needs_to_happen")
SENTENCES_PER_PART = 3

# Each recommendation in plain words; a form's own recommendation falls back to its label.
RECOMMENDATION_WORDS = {
    "child_protection_plan": "{agency} thinks {child} needs a child protection plan.",
    "child_in_need": "{agency} thinks {child} needs a child in need plan.",
    "early_help": "{agency} thinks your family should get early help.",
    "no_further_action": "{agency} thinks {child} does not need a plan.",
}
OTHER_RECOMMENDATION = "{agency} recommends for {child}: {label}."

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\"'(A-Z0-9])")
_IDEA_BREAK = re.compile(r"\s*;\s*")


def easy_read_summary(
    *, form: ReportForm, content: Mapping[str, Any], agency: str
) -> tuple[str, ...]:
    """The summary's lines, one idea each, from the family's copy of the report."""
    front = parts.FrontSheet.from_json(content.get(parts.FRONT_SHEET))
    lines = [f"This is a short version of the report from {agency}."]
    if front.name:
        lines.append(f"{front.name} wrote it.")
        if front.role:
            lines.append(f"Their job is: {front.role}.")
    for section in form.sections_for_family():
        if section.kind == "assessment":
            lines += _recommendations(form, content.get(section.key), agency)
    for key in KEY_PARTS:
        lines += _key_part(form, content, key, agency)
    lines.append("You can read the whole report below.")
    lines.append("If something is hard to understand, ask the writer or your social worker.")
    return tuple(lines)


def _recommendations(form: ReportForm, answer: Mapping[str, Any] | None, agency: str) -> list[str]:
    lines = []
    labels = dict(form.recommendations)
    for child in parts.Assessment.from_json(answer).children:
        name, key = child.name or "the child", child.recommendation
        if key in RECOMMENDATION_WORDS:
            lines.append(RECOMMENDATION_WORDS[key].format(agency=agency, child=name))
        elif key:
            label = labels.get(key, key)
            lines.append(OTHER_RECOMMENDATION.format(agency=agency, child=name, label=label))
        if child.scaling is not None:
            lines.append(f"On the safety scale, {agency} gave {name} {child.scaling}.")
    return lines


def _key_part(form: ReportForm, content: Mapping[str, Any], key: str, agency: str) -> list[str]:
    """The part's family heading, then its first sentences, one idea a line."""
    try:
        section = form.section(key)
    except KeyError:
        return []
    if not section.family_sees:
        return []
    text = parts.TextPart.from_json(content.get(key)).text.strip()
    if not text:
        return []
    ideas = [
        _as_sentence(idea)
        for sentence in _SENTENCE_END.split(" ".join(text.split()))[:SENTENCES_PER_PART]
        for idea in _IDEA_BREAK.split(sentence)
        if idea.strip(" .")
    ]
    return [f"{section.title_for_family(agency)}:", *ideas]


def _as_sentence(idea: str) -> str:
    """An idea split off at a semicolon, written as a sentence of its own."""
    idea = idea.strip()
    idea = idea[0].upper() + idea[1:]
    return idea if idea[-1] in ".!?" else f"{idea}."

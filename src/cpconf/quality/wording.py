"""Turning a rule's match into a finding, worded from ``data/rules.toml``."""

from functools import cache
from typing import Any, cast

from cpconf.quality.cue_lists import rule_texts
from cpconf.quality.results import Finding, Severity


def make_finding(
    rule: str,
    text: str,
    start: int,
    end: int,
    *,
    variant: str = "",
    **fields: Any,
) -> Finding:
    """A finding for ``text[start:end]``; ``variant`` picks an alternative wording
    (``unknown_message`` for an unknown acronym)."""
    severity, message, suggestion = _wording(rule, variant)
    found = text[start:end]
    values = {"text": _shortened(found), **fields}
    return Finding(
        rule=rule,
        severity=severity,
        start=start,
        end=end,
        text=found,
        message=message.format_map(values),
        suggestion=suggestion.format_map(values),
    )


@cache
def _wording(rule: str, variant: str) -> tuple[Severity, str, str]:
    texts = rule_texts(rule)
    prefix = f"{variant}_" if variant else ""
    severity = cast(Severity, texts["severity"])
    return severity, texts[f"{prefix}message"], texts[f"{prefix}suggestion"]


def rule_setting(rule: str, name: str) -> Any:
    return rule_texts(rule)[name]


def _shortened(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"

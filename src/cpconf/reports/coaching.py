"""The quality coach beside the report: findings for one section's text, with the words each
finding is about; each sentence with its kind (fact, observation, allegation, opinion) and
where it comes from, so the author sees how a parent and the conference will read it; and a
count per section for the check-your-answers page and the board.

The coach advises; it never blocks saving or submission."""

from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _

from cpconf.quality import analyse
from cpconf.reports import report_content as parts
from cpconf.reports.models import ProfessionalReport

COACHED_KINDS = ("text", "restricted")
CONTEXT = 40  # characters shown either side of the words a finding is about


@dataclass(frozen=True)
class Finding:
    rule: str
    severity: str
    message: str
    suggestion: str
    before: str
    words: str
    after: str


def children_of(report: ProfessionalReport) -> tuple[str, ...]:
    """The children's names as they stand in the report's own list of children."""
    content = next((s.content for s in report.sections.all() if s.key == parts.CHILDREN), None)
    names = (child.name.strip() for child in parts.Children.from_json(content).children)
    return tuple(name for name in names if name)


def coach(report: ProfessionalReport, key: str, text: str) -> dict[str, Any]:
    """The engine's analysis (the `cpconf quality --json` shape) of one section's text."""
    return analyse(text, children=children_of(report), section=key).to_dict()


def findings_in(text: str, analysis: dict[str, Any]) -> list[Finding]:
    found = []
    for item in analysis["findings"]:
        start, end = item["start"], item["end"]
        found.append(
            Finding(
                rule=item["rule"],
                severity=item["severity"],
                message=item["message"],
                suggestion=item.get("suggestion") or "",
                before=("…" if start > CONTEXT else "") + text[max(0, start - CONTEXT) : start],
                words=text[start:end],
                after=text[end : end + CONTEXT] + ("…" if end + CONTEXT < len(text) else ""),
            )
        )
    return found


@dataclass(frozen=True)
class SentenceReading:
    """One sentence as the coach reads it, with the words shown beside it."""

    text: str
    kind: str
    kind_label: str
    tag: str
    """The GOV.UK tag colour for the kind: each kind keeps its colour everywhere."""
    source: str
    source_label: str
    why: str
    """Why the coach reads the sentence as that kind, in the engine's words."""


KIND_TAGS = {
    "fact": "govuk-tag--blue",
    "observation": "govuk-tag--green",
    "allegation": "govuk-tag--pink",
    "opinion": "govuk-tag--purple",
}


def _kind_labels() -> dict[str, str]:
    return {
        "fact": _("Fact"),
        "observation": _("Observation"),
        "allegation": _("Allegation"),
        "opinion": _("Opinion"),
    }


def _source_labels() -> dict[str, str]:
    # Addressed to the author: "you" are the writer; a third party is someone they name.
    return {
        "author": _("you"),
        "third_party": _("someone you name"),
        "record": _("a record"),
        "unknown": _("not said"),
    }


def sentences_in(analysis: dict[str, Any]) -> list[SentenceReading]:
    """Each sentence of the analysis, in order, with its kind and source in words."""
    kinds, sources = _kind_labels(), _source_labels()
    readings = []
    for sentence in analysis["sentences"]:
        kind, source = sentence["kind"], sentence["source"]
        why = next((cue["why"] for cue in sentence.get("cues", ()) if cue["decides"] == "kind"), "")
        readings.append(
            SentenceReading(
                text=sentence["text"],
                kind=kind,
                kind_label=kinds[kind],
                tag=KIND_TAGS[kind],
                source=source,
                source_label=sources[source],
                why=why,
            )
        )
    return readings


@dataclass(frozen=True)
class SectionCoaching:
    key: str
    title: str
    warnings: int
    advice: int


def report_coaching(report: ProfessionalReport, content: dict[str, Any]) -> list[SectionCoaching]:
    """Per coached section, how many warnings and pieces of advice the coach has."""
    from cpconf.reports.selectors import form_of

    summary = []
    for section in form_of(report).sections:
        if section.kind not in COACHED_KINDS:
            continue
        text = parts.TextPart.from_json(content.get(section.key)).text
        if not text:
            continue
        findings = coach(report, section.key, text)["findings"]
        summary.append(
            SectionCoaching(
                key=section.key,
                title=section.title,
                warnings=sum(1 for f in findings if f["severity"] == "warning"),
                advice=sum(1 for f in findings if f["severity"] == "advice"),
            )
        )
    return summary


def warning_count(report: ProfessionalReport, content: dict[str, Any]) -> int:
    return sum(item.warnings for item in report_coaching(report, content))

"""What the coach returns: sentences with their kind and source, findings, reading figures.

Every offset is a character offset into the text as given, so ``text[start:end]`` is always
the sentence's or finding's own text. ``to_dict`` gives the JSON shape that the command line,
the JSON endpoint and other tools rely on (see DESIGN.md, "Interfaces"): extend it, never
rename it.
"""

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, Literal

Kind = Literal["fact", "observation", "allegation", "opinion"]
Source = Literal["author", "third_party", "record", "unknown"]
Severity = Literal["advice", "warning"]
Decides = Literal["kind", "source"]

KINDS: tuple[Kind, ...] = ("fact", "observation", "allegation", "opinion")
SOURCES: tuple[Source, ...] = ("author", "third_party", "record", "unknown")
SEVERITIES: tuple[Severity, ...] = ("advice", "warning")
RULES = (
    "jargon",
    "acronym",
    "long_sentence",
    "unattributed_report",
    "opinion_as_fact",
    "ambiguous_child",
    "repetition",
    "missing_impact",
)


@dataclass(frozen=True)
class Cue:
    """Why a sentence got its kind or source: the words that decided it, and the reason."""

    decides: Decides
    value: str
    why: str
    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "decides": self.decides,
            "value": self.value,
            "why": self.why,
            "start": self.start,
            "end": self.end,
            "text": self.text,
        }


@dataclass(frozen=True)
class Sentence:
    text: str
    start: int
    end: int
    kind: Kind
    source: Source
    cues: tuple[Cue, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "kind": self.kind,
            "source": self.source,
            "cues": [cue.to_dict() for cue in self.cues],
        }


@dataclass(frozen=True)
class Finding:
    rule: str
    severity: Severity
    start: int
    end: int
    text: str
    message: str
    suggestion: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "rule": self.rule,
            "severity": self.severity,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "message": self.message,
            "suggestion": self.suggestion,
        }


@dataclass(frozen=True)
class Reading:
    words: int
    sentences: int
    reading_age: float
    """Flesch-Kincaid grade plus five, from 5 to 25: the age at which most people could read
    it; 0 when there are no words."""
    syllables: int = field(default=0, repr=False, compare=False)

    def to_dict(self) -> dict[str, Any]:
        return {"words": self.words, "sentences": self.sentences, "reading_age": self.reading_age}


@dataclass
class Analysis:
    """One text (a section, or a whole file) as the coach read it."""

    text: str
    reading: Reading
    sentences: list[Sentence]
    findings: list[Finding]

    def to_dict(self) -> dict[str, Any]:
        return {
            "reading": self.reading.to_dict(),
            "sentences": [sentence.to_dict() for sentence in self.sentences],
            "findings": [finding.to_dict() for finding in self.findings],
        }

    @property
    def warning_count(self) -> int:
        return sum(1 for finding in self.findings if finding.severity == "warning")


@dataclass
class ReportAnalysis:
    """A whole report, section by section; findings across sections sit in the later section."""

    sections: dict[str, Analysis]
    reading: Reading
    children: tuple[str, ...] = field(default=())

    def findings(self) -> Iterator[tuple[str, Finding]]:
        for key, analysis in self.sections.items():
            for finding in analysis.findings:
                yield key, finding

    @property
    def warning_count(self) -> int:
        return sum(analysis.warning_count for analysis in self.sections.values())

    def to_dict(self) -> dict[str, Any]:
        return {
            "reading": self.reading.to_dict(),
            "sections": {key: analysis.to_dict() for key, analysis in self.sections.items()},
            "warnings": self.warning_count,
        }

"""The coach's entry points: one text, or a whole report section by section."""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache

from cpconf.quality import kind_model
from cpconf.quality.attribution import compile_patterns as attribution_patterns
from cpconf.quality.attribution import unattributed_findings
from cpconf.quality.children import ambiguous_child_findings
from cpconf.quality.children import compile_patterns as child_patterns
from cpconf.quality.classify import Signs, classify, is_bare_judgement, read_signs
from cpconf.quality.cue_lists import (
    child_states,
    harm,
    impact,
    kind_cues,
    source_cues,
    unattributed_cues,
)
from cpconf.quality.judgement import compile_patterns as judgement_patterns
from cpconf.quality.judgement import opinion_as_fact_findings
from cpconf.quality.lexicon import acronym_table, jargon_index, movement_terms
from cpconf.quality.plain_language import (
    AcronymReader,
    jargon_findings,
    long_sentence_findings,
)
from cpconf.quality.reading import combined, reading
from cpconf.quality.report import RepetitionIndex, missing_impact_findings
from cpconf.quality.results import RULES, Analysis, Finding, ReportAnalysis
from cpconf.quality.sentences import Span, split_sentences


@dataclass
class ReportReader:
    """What carries from one section to the next: acronyms already spelled out or flagged,
    and the sentences already read."""

    acronyms: AcronymReader = field(default_factory=AcronymReader)
    repetition: RepetitionIndex = field(default_factory=RepetitionIndex)


@cache
def compile_cues() -> None:
    """Every cue pattern compiled before the first text is split into sentences, so that it
    is read with the prefilter's bits for all of them (``prefilter.py``)."""
    kind_cues()
    source_cues()
    unattributed_cues()
    harm()
    impact()
    child_states()
    attribution_patterns()
    judgement_patterns()
    child_patterns()
    acronym_table()
    jargon_index()
    movement_terms()


def analyse(text: str, children: Iterable[str] = (), section: str | None = None) -> Analysis:
    """Read one text: its sentences' kind and source, its findings and reading figures.

    ``children`` are the names of the children the report covers (the ambiguous-child rule
    needs two or more); ``section`` is the report form's section key, for section rules
    ("worries" must say what the worry means for the child)."""
    return _analyse(text, tuple(children), section, ReportReader(), None)


def analyse_report(sections: Mapping[str, str], children: Iterable[str] = ()) -> ReportAnalysis:
    """Read a report's sections in order, so acronyms spelled out earlier count and
    repetition across sections is found (its finding sits in the later section)."""
    names = tuple(children)
    reader = ReportReader()
    analyses = {key: _analyse(text, names, key, reader, key) for key, text in sections.items()}
    report_reading = combined(analysis.reading for analysis in analyses.values())
    return ReportAnalysis(analyses, report_reading, names)


def _analyse(
    text: str,
    children: tuple[str, ...],
    section: str | None,
    reader: ReportReader,
    section_key: str | None,
) -> Analysis:
    compile_cues()
    spans = split_sentences(text)
    tokens = [span.words for span in spans]
    kind_scores = kind_model.scores_of(tokens)
    signs = [read_signs(text, span) for span in spans]
    skip = [sign.stock for sign in signs]
    written = [span for span, skipped in zip(spans, skip, strict=True) if not skipped]
    findings: list[Finding] = []
    for span, sentence_words, sign in zip(spans, tokens, signs, strict=True):
        if not sign.stock:
            findings.extend(_sentence_findings(text, span, sentence_words, sign))
    findings.extend(reader.acronyms.findings(text, written))
    findings.extend(ambiguous_child_findings(text, written, children))
    findings.extend(reader.repetition.findings(text, spans, tokens, section_key, skip))
    findings.extend(missing_impact_findings(text, spans, section, skip, children))
    findings.sort(key=_reading_order)
    sentences = [
        classify(text, span, sign, found)
        for span, sign, found in zip(spans, signs, kind_scores, strict=True)
    ]
    return Analysis(text, reading(tokens), sentences, findings)


RULE_ORDER = {rule: number for number, rule in enumerate(RULES)}


def _reading_order(finding: Finding) -> tuple[int, int, int]:
    return finding.start, finding.end, RULE_ORDER[finding.rule]


def _sentence_findings(
    text: str, span: Span, sentence_words: list[str], signs: Signs
) -> list[Finding]:
    findings = jargon_findings(text, span, sentence_words)
    findings.extend(long_sentence_findings(text, span, len(sentence_words)))
    findings.extend(unattributed_findings(text, signs.attribution))
    if is_bare_judgement(signs) and signs.judgement is not None:
        findings.extend(opinion_as_fact_findings(text, signs.judgement))
    return findings

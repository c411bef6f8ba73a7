"""The quality coach: reads a child protection conference report as it is written and
explains, sentence by sentence, what would make it plainer, fairer and easier to act on.

No Django import: the web pages, the JSON endpoint and the ``cpconf quality`` command all
call this, and it is tested on its own. Everything runs offline from the data files in
``data/`` (lexicons and cue lists), read once per process.
"""

from cpconf.quality.engine import analyse, analyse_report
from cpconf.quality.results import (
    KINDS,
    RULES,
    SEVERITIES,
    SOURCES,
    Analysis,
    Cue,
    Finding,
    Reading,
    ReportAnalysis,
    Sentence,
)

__all__ = [
    "KINDS",
    "RULES",
    "SEVERITIES",
    "SOURCES",
    "Analysis",
    "Cue",
    "Finding",
    "Reading",
    "ReportAnalysis",
    "Sentence",
    "analyse",
    "analyse_report",
]

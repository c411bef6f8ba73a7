"""`cpconf quality FILE`: the quality coach on a report file (.txt, .md or .docx), for
writers checking a draft and for scripts (``--json``).

It needs nothing of the web application: ``cpconf quality …`` comes straight here from the
console script (``cpconf/__main__.py``) without setting Django up, so it answers as fast as
the coach reads. The Django management command of the same name runs the same code.
"""

import argparse
import json
import sys
from bisect import bisect_right
from collections.abc import Sequence
from gettext import gettext as _
from pathlib import Path
from typing import TextIO

from cpconf.quality.engine import analyse
from cpconf.quality.results import Analysis, Finding

USAGE_ERROR = 2
SUPPORTED = (".txt", ".md", ".docx")
HELP = _(
    "Check a report with the quality coach: plain language, fact and opinion, who said "
    "it, which child, impact and repetition. Reads .txt, .md and .docx files."
)
NOT_FOUND = _("Cannot find the file {path}")
NOT_SUPPORTED = _("The file {path} must be a .txt, .md or .docx file")
UNREADABLE = _("Cannot read the file {path}: {reason}")
EMPTY = _("The file {path} is empty")
NOT_TEXT = _("it is not a text file")
NOT_WORD = _("it is not a Word (.docx) document")


class ReportFileError(Exception):
    """A report file the coach cannot use, with the one line that says why."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", help=_("The report: a .txt, .md or .docx file."))
    parser.add_argument("--json", action="store_true", help=_("Print one JSON object."))
    parser.add_argument(
        "--child",
        action="append",
        default=[],
        metavar="NAME",
        help=_("A child the report covers; give it once for each child."),
    )
    parser.add_argument(
        "--section", metavar="KEY", help=_("The report form section, such as worries.")
    )


def output(file: str, children: Sequence[str], section: str | None, as_json: bool) -> str:
    """What the command prints for a report file (raises ReportFileError)."""
    path = Path(file)
    text = read_report(path)
    analysis = analyse(text, children=children, section=section)
    if as_json:
        return json.dumps(analysis.to_dict(), ensure_ascii=False)
    return "\n".join(describe(path.name, text, analysis))


def main(
    argv: Sequence[str] | None = None, stdout: TextIO | None = None, stderr: TextIO | None = None
) -> int:
    """The command line: prints the findings and returns the exit status (2 for a file it
    cannot use, with one line saying why)."""
    parser = argparse.ArgumentParser(prog="cpconf quality", description=HELP)
    add_arguments(parser)
    options = parser.parse_args(argv)
    try:
        printed = output(options.file, options.child, options.section, options.json)
    except ReportFileError as error:
        print(error, file=stderr or sys.stderr)
        return USAGE_ERROR
    print(printed, file=stdout or sys.stdout)
    return 0


def read_report(path: Path) -> str:
    if path.suffix.lower() not in SUPPORTED:
        raise ReportFileError(NOT_SUPPORTED.format(path=path))
    if not path.exists():
        raise ReportFileError(NOT_FOUND.format(path=path))
    try:
        text = _docx_text(path) if path.suffix.lower() == ".docx" else _plain_text(path)
    except (OSError, ValueError, KeyError) as error:
        raise ReportFileError(UNREADABLE.format(path=path, reason=_reason(error))) from None
    if not text.strip():
        raise ReportFileError(EMPTY.format(path=path))
    return text


def _plain_text(path: Path) -> str:
    data = path.read_bytes()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        if b"\x00" in data:
            raise ValueError(NOT_TEXT) from None
        # Notepad and older Word exports save Windows-1252, not UTF-8.
        return data.decode("cp1252", errors="strict")


def _docx_text(path: Path) -> str:
    from docx import Document  # Imported here: only .docx files need it.
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = Document(str(path))
    except PackageNotFoundError:
        raise ValueError(NOT_WORD) from None
    paragraphs = [paragraph.text for paragraph in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            paragraphs.extend(cell.text for cell in row.cells)
    return "\n".join(paragraphs)


def _reason(error: Exception) -> str:
    if isinstance(error, OSError) and error.strerror:
        return error.strerror.lower()
    return str(error) or type(error).__name__


def describe(name: str, text: str, analysis: Analysis) -> list[str]:
    """The findings sentence by sentence, each with its line and character offsets."""
    reading = analysis.reading
    warnings = analysis.warning_count
    lines = [
        f"{name}: {reading.words} words, {reading.sentences} sentences, "
        f"reading age {reading.reading_age:g}",
        f"{len(analysis.findings)} findings ({warnings} warnings, "
        f"{len(analysis.findings) - warnings} advice)",
    ]
    starts = _line_starts(text)
    for sentence in analysis.sentences:
        found = [f for f in analysis.findings if sentence.start <= f.start < sentence.end]
        if found:
            line = bisect_right(starts, sentence.start)
            lines += [
                "",
                f"Line {line}, characters {sentence.start} to {sentence.end}: {sentence.text}",
            ]
            lines.append(f"  {sentence.kind}, from {sentence.source.replace('_', ' ')}")
            lines += [_finding_line(finding) for finding in found]
    return lines


def _finding_line(finding: Finding) -> str:
    return (
        f"  {finding.severity} {finding.rule} ({finding.start} to {finding.end}): "
        f"{finding.message} {finding.suggestion}"
    )


def _line_starts(text: str) -> list[int]:
    starts, position = [0], 0
    for line in text.splitlines(keepends=True):
        position += len(line)
        starts.append(position)
    return starts

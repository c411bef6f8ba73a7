"""`cpconf quality FILE`: the quality coach on a report file (.txt, .md or .docx), for
writers checking a draft and for scripts (``--json``)."""

import json
from argparse import ArgumentParser
from bisect import bisect_right
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from cpconf.quality import Analysis, Finding, analyse

USAGE_ERROR = 2
SUPPORTED = (".txt", ".md", ".docx")
NOT_FOUND = "Cannot find the file {path}"
NOT_SUPPORTED = "The file {path} must be a .txt, .md or .docx file"
UNREADABLE = "Cannot read the file {path}: {reason}"
EMPTY = "The file {path} is empty"
LINE_BREAKS = ("\r\n", "\n", "\r", "\v", "\f", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029")


def _fail(template: str, **values: object) -> CommandError:
    return CommandError(template.format(**values), returncode=USAGE_ERROR)


class Command(BaseCommand):
    help = (
        "Check a report with the quality coach: plain language, fact and opinion, who said "
        "it, which child, impact and repetition. Reads .txt, .md and .docx files."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("file", help="The report: a .txt, .md or .docx file.")
        parser.add_argument("--json", action="store_true", help="Print one JSON object.")
        parser.add_argument(
            "--child",
            action="append",
            default=[],
            metavar="NAME",
            help="A child the report covers; give it once for each child.",
        )
        parser.add_argument(
            "--section", metavar="KEY", help="The report form section, such as worries."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        path = Path(options["file"])
        text = read_report(path)
        analysis = analyse(text, children=options["child"], section=options["section"])
        if options["json"]:
            self.stdout.write(json.dumps(analysis.to_dict(), ensure_ascii=False))
            return
        self.stdout.write("\n".join(describe(path.name, text, analysis)))


def read_report(path: Path) -> str:
    if path.suffix.lower() not in SUPPORTED:
        raise _fail(NOT_SUPPORTED, path=path)
    if not path.exists():
        raise _fail(NOT_FOUND, path=path)
    try:
        text = _docx_text(path) if path.suffix.lower() == ".docx" else _plain_text(path)
    except (OSError, ValueError, KeyError) as error:
        raise _fail(UNREADABLE, path=path, reason=_reason(error)) from None
    if not text.strip():
        raise _fail(EMPTY, path=path)
    return text


def _plain_text(path: Path) -> str:
    data = path.read_bytes()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        if b"\x00" in data:
            raise ValueError("it is not a text file") from None
        # Notepad and older Word exports save Windows-1252, not UTF-8.
        return data.decode("cp1252", errors="strict")


def _docx_text(path: Path) -> str:
    from docx import Document  # Imported here: only .docx files need it.
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = Document(str(path))
    except PackageNotFoundError:
        raise ValueError("it is not a Word (.docx) document") from None
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

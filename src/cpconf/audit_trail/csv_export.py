"""The audit trail as CSV: the recorded fields only, safe to open in a spreadsheet."""

import csv
from collections.abc import Iterable, Iterator
from typing import Any

from cpconf.audit.chain import RECORDED_FIELDS
from cpconf.audit.models import AuditEvent

# Every recorded field (the chain's hash input), then the event's hash.
COLUMNS = (*RECORDED_FIELDS, "hash")
# A cell starting with one of these is read by spreadsheets as a formula (OWASP, "CSV
# injection"); a leading quote makes it text.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value: Any) -> str:
    text = "" if value is None else str(value)
    return f"'{text}" if text.startswith(FORMULA_STARTS) else text


def _row(event: AuditEvent) -> list[str]:
    values = {name: getattr(event, name) for name in COLUMNS}
    values["occurred_at"] = event.occurred_at.isoformat(timespec="microseconds")
    return [spreadsheet_safe(values[name]) for name in COLUMNS]


class _Line:
    """csv.writer writes to this and gets back the line it wrote, for streaming."""

    def write(self, line: str) -> str:
        return line


def csv_lines(events: Iterable[AuditEvent]) -> Iterator[str]:
    writer = csv.writer(_Line())
    yield "\ufeff" + writer.writerow(COLUMNS)  # the mark tells spreadsheets it is UTF-8
    for event in events:
        yield writer.writerow(_row(event))

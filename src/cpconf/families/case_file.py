"""Reading a file of families from the case system, and checking every row of it.

The file is CSV in UTF-8 with a header row, one row per person: each child and each adult of
each family, the family named by its case reference. Rows are numbered as a spreadsheet
shows them (the header is row 1). Nothing here writes: the import service takes the
families this makes, once no row has a problem.
"""

import csv
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.utils.translation import gettext as _

from cpconf.accounts.models import User
from cpconf.families.case_system import FamilyRecord, PersonRecord
from cpconf.families.dates import child_dates_problem, date_from_text
from cpconf.families.models import Relationship
from cpconf.families.nhs_numbers import nhs_number_problem

COLUMNS = (
    "case_reference",
    "record_type",
    "reference",
    "given_name",
    "family_name",
    "date_of_birth",
    "expected_date",
    "relationship",
    "language",
    "interpreter_needed",
    "access_needs",
)
OPTIONAL_COLUMNS = (
    "family_known_as",
    "lives_in_household",
    "address",
    "nhs_number",
    "allocated_social_worker",
)
# The API's pattern too: a case reference is part of the family's address in the API.
REFERENCE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,59}$")
YES, NO = {"yes", "y", "true", "1"}, {"no", "n", "false", "0", ""}
LIMITS = {
    "given_name": 100,
    "family_name": 100,
    "language": 100,
    "access_needs": 2000,
    "address": 1000,
    "family_known_as": 200,
}
FULL_NAME_LIMIT = 200  # an adult's first and last names together

EMPTY_FILE = "The file is empty"
NOT_UTF8 = "The file is not UTF-8 text: save it from your spreadsheet as CSV UTF-8 and try again"
NOT_CSV = "The file is not a CSV file: save it from your spreadsheet as CSV UTF-8 and try again"
MISSING_COLUMNS = "The file has no column called %(columns)s: the first row must name the columns"
COLUMN_TWICE = "The file has the column %(column)s twice"
NO_ROWS = "The file has no rows below its header"
ROW_PROBLEM = "row %(row)s, column %(column)s: %(problem)s"
ENTER_VALUE = "Enter the %(column)s"
BAD_REFERENCE = "Enter up to 60 letters, numbers, dots, hyphens or underscores"
BAD_RECORD_TYPE = "Enter child or member"
TOO_LONG = "Must be %(limit)s characters or fewer"
BAD_DATE = "Enter a date like 3/4/2019 or 2019-04-03"
BAD_YES_NO = "Enter yes or no"
BAD_RELATIONSHIP = "Enter one of: %(choices)s"
NO_SUCH_SOCIAL_WORKER = "Enter the email address of a social worker in this local authority"
SAME_PERSON_TWICE = "The same person is also on row %(row)s"
NEW_FAMILY_NEEDS_CHILD = "Family %(reference)s is new, so it needs a row for at least one child"


class BadFile(Exception):
    """A file that cannot be read as the case system's CSV at all: one line says why."""


@dataclass(frozen=True)
class Problem:
    row: int
    column: str
    message: str

    def __str__(self) -> str:
        return _(ROW_PROBLEM) % {"row": self.row, "column": self.column, "problem": self.message}


@dataclass
class CaseFile:
    rows: int = 0
    families: list[FamilyRecord] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def people(self) -> int:
        return sum(len(f.children) + len(f.members) for f in self.families)


def read_rows(raw: bytes, columns: Iterable[str] = COLUMNS) -> list[dict[str, str]]:
    """The rows, each a column → text mapping; BadFile if the file is not the CSV we need
    (`columns`: those it must have; other files from the case system need other columns)."""
    if not raw.strip():
        raise BadFile(_(EMPTY_FILE))
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise BadFile(_(NOT_UTF8)) from None
    if "\x00" in text:
        raise BadFile(_(NOT_CSV))
    try:
        reader = csv.reader(text.splitlines(keepends=True), strict=True)
        header = [name.strip().lower() for name in next(reader)]
        records = list(reader)
    except csv.Error:
        raise BadFile(_(NOT_CSV)) from None
    _check_header(header, tuple(columns))
    rows = [
        {name: (cells[i] if i < len(cells) else "").strip() for i, name in enumerate(header)}
        for cells in records
        if any(cell.strip() for cell in cells)
    ]
    if not rows:
        raise BadFile(_(NO_ROWS))
    return rows


def _check_header(header: list[str], columns: tuple[str, ...]) -> None:
    missing = [c for c in columns if c not in header]
    if missing:
        raise BadFile(_(MISSING_COLUMNS) % {"columns": ", ".join(missing)})
    for name in header:
        if name and header.count(name) > 1:
            raise BadFile(_(COLUMN_TWICE) % {"column": name})


def _yes(value: str) -> bool | None:
    lowered = value.lower()
    return True if lowered in YES else False if lowered in NO else None


def _relationship(value: str) -> str | None:
    lowered = value.lower().replace("-", "_").replace(" ", "_")
    for choice, label in Relationship.choices:
        if lowered in (choice, str(label).lower().replace("-", "_").replace(" ", "_")):
            return choice
    return None


class _RowReader:
    """One row's values, noting each problem against its column."""

    def __init__(self, number: int, row: dict[str, str], problems: list[Problem]) -> None:
        self.number, self.row, self.problems = number, row, problems

    def problem(self, column: str, message: str) -> None:
        self.problems.append(Problem(self.number, column, message))

    def text(self, column: str, *, required: bool = False) -> str:
        value = self.row.get(column, "")
        if required and not value:
            self.problem(column, _(ENTER_VALUE) % {"column": column.replace("_", " ")})
        elif column in LIMITS and len(value) > LIMITS[column]:
            self.problem(column, _(TOO_LONG) % {"limit": LIMITS[column]})
        return value

    def reference(self, column: str) -> str:
        value = self.text(column, required=True)
        if value and not REFERENCE.match(value):
            self.problem(column, _(BAD_REFERENCE))
        return value

    def day(self, column: str) -> date | None:
        value = self.row.get(column, "")
        parsed = date_from_text(value) if value else None
        if value and parsed is None:
            self.problem(column, _(BAD_DATE))
        return parsed

    def yes_no(self, column: str, values: dict[str, Any], name: str) -> None:
        if column not in self.row:
            return
        answer = _yes(self.row[column])
        if answer is None:
            self.problem(column, _(BAD_YES_NO))
        values[name] = bool(answer)


def _child(reader: _RowReader, today: date) -> dict[str, Any]:
    values: dict[str, Any] = {
        "given_name": reader.text("given_name", required=True),
        "family_name": reader.text("family_name", required=True),
    }
    born, expected = reader.day("date_of_birth"), reader.day("expected_date")
    bad_dates = {p.column for p in reader.problems if p.row == reader.number}
    if not bad_dates & {"date_of_birth", "expected_date"}:
        wrong = child_dates_problem(born, expected, today)
        if wrong is not None:
            reader.problem(*wrong)
    values.update(date_of_birth=born, expected_due_date=expected)
    if "nhs_number" in reader.row:
        digits = reader.row["nhs_number"].replace(" ", "")
        bad_number = nhs_number_problem(digits) if digits else None
        if bad_number is not None:
            reader.problem("nhs_number", bad_number)
        values["nhs_number"] = digits
    return values


def _member(reader: _RowReader) -> dict[str, Any]:
    given = reader.text("given_name", required=True)
    surname = reader.text("family_name")
    values: dict[str, Any] = {"full_name": f"{given} {surname}".strip()}
    if len(values["full_name"]) > FULL_NAME_LIMIT:
        reader.problem("family_name", _(TOO_LONG) % {"limit": FULL_NAME_LIMIT - len(given) - 1})
    relationship = _relationship(reader.row.get("relationship", ""))
    if relationship is None:
        choices = ", ".join(choice for choice, _label in Relationship.choices)
        reader.problem("relationship", _(BAD_RELATIONSHIP) % {"choices": choices})
    values["relationship"] = relationship
    values["language"] = reader.text("language") or "English"
    values["access_needs"] = reader.text("access_needs")
    reader.yes_no("interpreter_needed", values, "needs_interpreter")
    reader.yes_no("lives_in_household", values, "lives_in_household")
    values.setdefault("lives_in_household", False)
    if "address" in reader.row:
        values["address"] = reader.text("address")
    return values


@dataclass
class _FamilyRows:
    first_row: int
    values: dict[str, Any] = field(default_factory=dict)
    children: list[PersonRecord] = field(default_factory=list)
    members: list[PersonRecord] = field(default_factory=list)
    surnames: list[str] = field(default_factory=list)


def _family_values(
    family: _FamilyRows, reader: _RowReader, social_workers: dict[str, User]
) -> None:
    row = reader.row
    if row.get("family_known_as") and "name" not in family.values:
        family.values["name"] = reader.text("family_known_as")
    email = row.get("allocated_social_worker", "").lower()
    if email and "allocated_social_worker" not in family.values:
        worker = social_workers.get(email)
        if worker is None:
            reader.problem("allocated_social_worker", _(NO_SUCH_SOCIAL_WORKER))
        family.values["allocated_social_worker"] = worker


def check_rows(
    rows: list[dict[str, str]],
    *,
    known_families: Iterable[str],
    social_workers: dict[str, User],
    today: date,
) -> CaseFile:
    """Every row checked (every problem found, not just the first), and the families."""
    result = CaseFile(rows=len(rows))
    families: dict[str, _FamilyRows] = {}
    seen: dict[tuple[str, str, str], int] = {}
    for index, row in enumerate(rows):
        reader = _RowReader(index + 2, row, result.problems)
        case_reference = reader.reference("case_reference")
        kind = row.get("record_type", "").lower()
        if kind not in ("child", "member"):
            reader.problem("record_type", _(BAD_RECORD_TYPE))
        reference = reader.reference("reference")
        key = (case_reference, kind, reference)
        if key in seen:
            reader.problem("reference", _(SAME_PERSON_TWICE) % {"row": seen[key]})
        seen.setdefault(key, reader.number)
        family = families.setdefault(case_reference, _FamilyRows(reader.number))
        _family_values(family, reader, social_workers)
        if kind == "child":
            values = _child(reader, today)
            if "address" in row and row["address"] and "address" not in family.values:
                family.values["address"] = reader.text("address")
            family.children.append(PersonRecord(reference, values))
            family.surnames.append(values["family_name"])
        elif kind == "member":
            family.members.append(PersonRecord(reference, _member(reader)))
            family.surnames.append(row.get("family_name", ""))
    _finish(result, families, set(known_families))
    result.problems.sort(key=lambda p: p.row)
    return result


def _finish(result: CaseFile, families: dict[str, _FamilyRows], known: set[str]) -> None:
    for case_reference, family in families.items():
        if case_reference not in known:
            if not family.children:
                result.problems.append(
                    Problem(
                        family.first_row,
                        "record_type",
                        _(NEW_FAMILY_NEEDS_CHILD) % {"reference": case_reference},
                    )
                )
            family.values.setdefault("name", next((s for s in family.surnames if s), ""))
        result.families.append(
            FamilyRecord(case_reference, family.values, family.children, family.members)
        )

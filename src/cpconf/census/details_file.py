"""Reading the census items the case system holds for each child, from its CSV export.

The file is CSV in UTF-8 with a header row, one row per child, the child named by the case
system's references for the family and for them (`case_reference` and `child_reference`, as
the families import gave them: a child's reference is the family's own, so both are needed).
Any of the other columns may be left out: only the columns the file has are changed, so a
file of UPNs alone changes nothing else. A blank cell in a column the file has clears that item
(the case system does not know it, so the return lists it as missing). A UPN given replaces
a reason it was not known, and a reason given replaces a UPN.

Each row is checked as the child's **Census details** page checks it (the same form, the same
DfE codes and the same messages), and each problem is given as `row N, column X: problem`,
rows numbered as a spreadsheet shows them. Nothing here writes.
"""

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _

from cpconf.census.forms import ChildCensusDetailsForm
from cpconf.census.models import CENSUS_ITEMS
from cpconf.families.case_file import BAD_DATE, BadFile, Problem, read_rows
from cpconf.families.dates import date_from_text
from cpconf.families.models import Child, ExternalReference, ReferenceKind
from cpconf.organisations.models import LocalAuthority

CASE_REFERENCE = "case_reference"
CHILD_REFERENCE = "child_reference"
REQUIRED_COLUMNS = (CASE_REFERENCE, CHILD_REFERENCE)
ITEM_COLUMNS = CENSUS_ITEMS
# Codes are the DfE's, in capitals; the file may have them in either case.
CODE_COLUMNS = ("upn_unknown", "gender", "ethnicity", "referral_source")
# Several disability codes in one cell: separated by semicolons, commas or spaces.
CODE_SEPARATORS = re.compile(r"[;,\s]+")
REFERRAL_DATE_PARTS = ("referral_date_day", "referral_date_month", "referral_date_year")

ENTER_CASE_REFERENCE = "Enter the case system's reference for the family"
ENTER_CHILD_REFERENCE = "Enter the case system's reference for the child"
NO_SUCH_CHILD = (
    "No child of family %(family)s in %(authority)s has the case system reference %(reference)s"
)
SAME_CHILD_TWICE = "The same child is also on row %(row)s"
NO_ITEM_COLUMNS = "The file has none of the census columns: %(columns)s"


@dataclass(frozen=True)
class ChildItems:
    """One row's child and the items to set (only the columns the file has)."""

    row: int
    child: Child
    values: dict[str, Any]


@dataclass
class DetailsFile:
    rows: int = 0
    columns: tuple[str, ...] = ()
    children: list[ChildItems] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def check_details_file(authority: LocalAuthority, raw: bytes) -> DetailsFile:
    """Every row read and checked; `children` holds them only when no row has a problem.
    BadFile (from `cpconf.families.case_file`) when the file cannot be read at all."""
    rows = read_rows(raw, REQUIRED_COLUMNS)
    columns = tuple(c for c in ITEM_COLUMNS if c in rows[0])
    if not columns:
        raise BadFile(_(NO_ITEM_COLUMNS) % {"columns": ", ".join(ITEM_COLUMNS)})
    checked = DetailsFile(rows=len(rows), columns=columns)
    known = _children_by_reference(authority, (row[CASE_REFERENCE] for row in rows))
    first_row: dict[int, int] = {}
    for number, row in enumerate(rows, start=2):
        child = _child(authority, number, row, known, checked.problems)
        values = _items(number, row, columns, checked.problems)
        if child is None or values is None:
            continue
        if child.pk in first_row:
            message = _(SAME_CHILD_TWICE) % {"row": first_row[child.pk]}
            checked.problems.append(Problem(number, CHILD_REFERENCE, message))
            continue
        first_row[child.pk] = number
        checked.children.append(ChildItems(number, child, values))
    if checked.problems:
        checked.children = []
    return checked


def _children_by_reference(
    authority: LocalAuthority, case_references: Iterable[str]
) -> dict[tuple[str, str], Child]:
    """The children of the authority's families with these case references, by (case
    reference, child's reference), in one query."""
    found = ExternalReference.objects.filter(
        kind=ReferenceKind.CHILD,
        family__local_authority=authority,
        family__case_reference__in={r for r in case_references if r},
        child__isnull=False,
    ).select_related("family", "child__family")
    return {
        (ref.family.case_reference, ref.reference): ref.child
        for ref in found
        if ref.child is not None
    }


def _child(
    authority: LocalAuthority,
    number: int,
    row: dict[str, str],
    known: dict[tuple[str, str], Child],
    problems: list[Problem],
) -> Child | None:
    family, reference = row[CASE_REFERENCE], row[CHILD_REFERENCE]
    if not family:
        problems.append(Problem(number, CASE_REFERENCE, _(ENTER_CASE_REFERENCE)))
    if not reference:
        problems.append(Problem(number, CHILD_REFERENCE, _(ENTER_CHILD_REFERENCE)))
    if not (family and reference):
        return None
    child = known.get((family, reference))
    if child is None:
        message = _(NO_SUCH_CHILD) % {
            "family": family,
            "authority": authority.name,
            "reference": reference,
        }
        problems.append(Problem(number, CHILD_REFERENCE, message))
    return child


def _items(
    number: int, row: dict[str, str], columns: tuple[str, ...], problems: list[Problem]
) -> dict[str, Any] | None:
    """The row's items, checked by the Census details form; None if any is wrong."""
    items, found = items_checked(row, columns)
    problems += [Problem(number, column, message) for column, message in found]
    return items


def items_checked(
    cells: dict[str, str], columns: tuple[str, ...]
) -> tuple[dict[str, Any] | None, list[tuple[str, str]]]:
    """Census items given as text (a file's cells, or the API's values written out), checked
    by the Census details page's form: the items to set, or None and each (column, problem).
    Only `columns` are read and set."""
    data: dict[str, Any] = {}
    found: list[tuple[str, str]] = []
    for column in columns:
        cell = cells.get(column, "").strip()
        if column == "referral_date":
            data.update(_date_parts(cell, found))
        elif column == "disabilities":
            data[column] = [code.upper() for code in CODE_SEPARATORS.split(cell) if code]
        else:
            data[column] = cell.upper() if column in CODE_COLUMNS else cell
    form = ChildCensusDetailsForm(data)
    form.is_valid()
    for name, errors in form.errors.items():
        column = _column_of(name)
        if column in columns:
            found += [(column, str(error)) for error in errors]
    if found:
        return None, found
    values = form.values()
    items = {column: values[column] for column in columns}
    # A UPN now known replaces the reason it was not, and the other way round, as the page's
    # one form with both allows only one of them.
    if items.get("upn") and "upn_unknown" not in items:
        items["upn_unknown"] = ""
    if items.get("upn_unknown") and "upn" not in items:
        items["upn"] = ""
    return items, []


def _date_parts(cell: str, problems: list[tuple[str, str]]) -> dict[str, str]:
    if not cell:
        return {}
    day = date_from_text(cell)
    if day is None:
        problems.append(("referral_date", _(BAD_DATE)))
        return {}
    return dict(
        zip(REFERRAL_DATE_PARTS, (str(day.day), str(day.month), str(day.year)), strict=True)
    )


def _column_of(form_field: str) -> str:
    if form_field in REFERRAL_DATE_PARTS:
        return "referral_date"
    if form_field == "__all__":
        return CHILD_REFERENCE
    return form_field

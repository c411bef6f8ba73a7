"""The editor for each kind of report part: which form or row set it uses, how the saved
content fills it, and how what was posted becomes content again."""

from dataclasses import dataclass, field
from typing import Any, TypeVar

from django import forms
from django.forms import formset_factory
from django.http import QueryDict

from cpconf.policy import Scaling
from cpconf.reportform import ReportForm
from cpconf.reports import forms as report_forms
from cpconf.reports import report_content as parts
from cpconf.reports.report_content import Part
from cpconf.stored_json import StoredJson


@dataclass
class Editor:
    """A bound or unbound editor for one part. `form` always exists (it carries the
    "completed" question); `rows` is the row set for parts made of rows."""

    part: Part
    form: report_forms.PartForm
    rows: Any = None
    row_fields: tuple[str, ...] = ()
    errors: list[tuple[str, str]] = field(default_factory=list)

    @property
    def template(self) -> str:
        return f"reports/parts/{self.part.kind}.html"

    def is_valid(self) -> bool:
        valid = self.form.is_valid()
        if self.rows is not None:
            valid = self.rows.is_valid() and valid
        if (
            valid
            and self.form.marks_completed()
            and not parts.is_answered(self.part.kind, self.to_content())
        ):
            first = _first_field(self)
            self.form.add_error(None, report_forms.COMPLETE_FIRST)
            self.errors.append((first, report_forms.COMPLETE_FIRST))
            valid = False
        self.errors = self._summary() if not valid else []
        return valid

    def _summary(self) -> list[tuple[str, str]]:
        """(field id, message) for the GOV.UK error summary, in page order."""
        found: list[tuple[str, str]] = []
        first = _first_field(self)
        for message in self.form.non_field_errors():
            found.append((first, str(message)))
        forms_in_order = list(self.rows.forms) if self.rows is not None else []
        for row in forms_in_order:
            for name, messages in row.errors.items():
                target = row[name].auto_id if name in row.fields else first
                found.extend((target, str(m)) for m in messages)
        for name, messages in self.form.errors.items():
            if name == "__all__":
                continue
            found.extend((str(self.form[name].auto_id), str(m)) for m in messages)
        return found

    def completed(self) -> bool | None:
        return self.form.marks_completed()

    def to_content(self) -> dict[str, Any]:
        kind = self.part.kind
        if self.rows is None:
            return self.form.to_content()  # type: ignore[attr-defined]
        rows = [row.cleaned_data for row in self.rows.forms if row.cleaned_data]
        match kind:
            case "children":
                children = [_child(row, index, self) for index, row in enumerate(rows)]
                return parts.Children(children=children).to_json()
            case "family_members":
                members = [_row(parts.FamilyMember, row) for row in _filled_rows(rows)]
                return parts.FamilyMembers(members=members).to_json()
            case "assessment":
                assessed = [
                    parts.ChildAssessment(
                        child_id=row.get("child_id"),
                        name=row.get("name", ""),
                        scaling=row.get("scaling"),
                        recommendation=row.get("recommendation", ""),
                        reason=row.get("reason", ""),
                    )
                    for row in rows
                ]
                return parts.Assessment(children=assessed).to_json()
            case "chronology":
                entries = [_row(parts.ChronologyEntry, row) for row in _filled_rows(rows)]
                return parts.Chronology(entries=entries).to_json()
            case "factors":
                factors = [_row(parts.Factor, row) for row in _filled_rows(rows)]
                return parts.Factors(factors=factors).to_json()
        raise ValueError(f"No row editor for {kind}")


def _first_field(editor: Editor) -> str:
    if editor.rows is not None and editor.rows.forms:
        row = editor.rows.forms[0]
        for name, bound in ((n, row[n]) for n in row.fields):
            if not row.fields[name].widget.is_hidden:
                return str(bound.auto_id)
    for name in editor.form.fields:
        return str(editor.form[name].auto_id)
    return "main-content"


RowT = TypeVar("RowT", bound=StoredJson)


def _filled_rows(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [row for row in rows if not report_forms.is_blank_row(row)]


def _row(row_type: type[RowT], row: dict[str, Any]) -> RowT:
    """A posted row of text answers as its type: each of the type's fields, "" if not posted."""
    return row_type(**{name: row.get(name, "") for name in row_type.shape()})


def _child(row: dict[str, Any], index: int, editor: Editor) -> parts.ChildRow:
    return parts.ChildRow(
        child_id=row.get("child_id"),
        name=row.get("name", ""),
        date_of_birth=row.get("date_of_birth", ""),
        unborn=editor.rows.forms[index].unborn,
        id_number=row.get("id_number", ""),
    )


def editor_for(
    part: Part,
    report_form: ReportForm,
    scaling: Scaling,
    content: dict[str, Any],
    data: QueryDict | None = None,
    extra_rows: int = 0,
) -> Editor:
    """The editor for `part`, filled from saved `content`, or bound to posted `data`."""
    kind = part.kind
    match kind:
        case "front_sheet":
            form: report_forms.PartForm = report_forms.FrontSheetForm(data, initial=content)
            return Editor(part, form)
        case "text" if part.section is not None:
            return Editor(part, report_forms.TextForm(data, initial=content, section=part.section))
        case "restricted" if part.section is not None:
            return Editor(
                part, report_forms.RestrictedForm(data, initial=content, section=part.section)
            )
        case "sharing":
            return Editor(
                part,
                report_forms.SharingForm(
                    data, initial=report_forms.SharingForm.initial_from(content)
                ),
            )
    form = report_forms.PartForm(data)
    rows = _rows_for(kind, report_form, scaling, content, data, extra_rows)
    return Editor(part, form, rows)


def _date_initial(name: str, value: str) -> dict[str, str]:
    return report_forms.DateParts(name, "", future=None).initial(value or "")


def _rows_for(
    kind: str,
    report_form: ReportForm,
    scaling: Scaling,
    content: dict[str, Any],
    data: QueryDict | None,
    extra_rows: int,
) -> forms.BaseFormSet:
    match kind:
        case "children":
            children = content.get("children", [])
            initial = [
                {**child, **_date_initial("date_of_birth", child.get("date_of_birth", ""))}
                for child in children
            ]
            return report_forms.ChildFormSet(  # type: ignore[call-arg]
                data,
                initial=initial,
                prefix="children",
                unborn=[bool(child.get("unborn")) for child in children],
            )
        case "family_members":
            return _with_extra(
                report_forms.MemberRowForm, data, content.get("members", []), "members", extra_rows
            )
        case "assessment":
            return report_forms.AssessmentFormSet(
                data,
                initial=content.get("children", []),
                prefix="assessment",
                form_kwargs={"scaling": scaling, "report_form": report_form},
            )
        case "chronology":
            initial = [
                {**entry, **_date_initial("date", entry.get("date", ""))}
                for entry in content.get("entries", [])
            ]
            return _with_extra(
                report_forms.ChronologyRowForm, data, initial, "chronology", extra_rows
            )
        case "factors":
            return _with_extra(
                report_forms.FactorRowForm, data, content.get("factors", []), "factors", extra_rows
            )
    raise ValueError(f"No editor for report parts of kind {kind!r}")


def _with_extra(
    row_form: type[forms.Form],
    data: QueryDict | None,
    initial: list[dict[str, Any]],
    prefix: str,
    extra_rows: int,
) -> forms.BaseFormSet:
    """Rows for what was saved, plus blank ones to add to (more after "Add another")."""
    formset_class = formset_factory(row_form, extra=report_forms.BLANK_ROWS + extra_rows)
    return formset_class(data, initial=initial, prefix=prefix)

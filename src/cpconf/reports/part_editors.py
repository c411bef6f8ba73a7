"""The editor for each kind of report part: which form or row set it uses, how the saved
content fills it, and how what was posted becomes content again."""

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any, TypeVar

from django import forms
from django.forms import formset_factory
from django.http import QueryDict
from django.utils import timezone
from django.utils.translation import gettext as _

from cpconf.families.dates import earliest_birth
from cpconf.named_errors import named
from cpconf.policy import Scaling
from cpconf.reportform import ReportForm
from cpconf.reports import forms as report_forms
from cpconf.reports import report_content as parts
from cpconf.reports.report_content import Part
from cpconf.stored_json import StoredJson

if TYPE_CHECKING:
    from cpconf.reports.models import ProfessionalReport


@dataclass(frozen=True)
class Setting:
    """What a part's page needs beyond the part's own content: the children on the family's
    record (the only rows the children and the assessment parts may have, in the record's
    order), and the earliest date a chronology event (`events_from`, with why) or the
    sharing with the family (`shared_from`) may have."""

    children: tuple[parts.ChildRow, ...] = ()
    events_from: date | None = None
    events_too_early: str = ""
    shared_from: date | None = None


def setting_for(report: "ProfessionalReport") -> Setting:
    """The setting of `report`'s pages. Events go back to the last conference for a review
    (the section asks what happened since); with no last conference, to the earliest date
    of birth a child on the record may have (`families.dates.earliest_birth`)."""
    conference = report.conference
    previous = conference.previous
    if previous is not None:
        events_from = timezone.localtime(previous.starts_at).date()
        too_early = _(report_forms.EVENT_BEFORE_LAST_CONFERENCE)
    else:
        events_from = earliest_birth(timezone.localdate())
        too_early = _(report_forms.EVENT_TOO_LONG_AGO)
    return Setting(
        children=tuple(
            parts.child_row(child) for child in conference.family.children.order_by("pk")
        ),
        events_from=events_from,
        events_too_early=too_early % {"date": parts.display_date(events_from.isoformat())},
        shared_from=timezone.localtime(report.created_at).date(),
    )


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
        if valid and self.form.marks_completed():
            missing = parts.unanswered(self.part.kind, self.to_content())
            self._mark_unanswered(missing)
            valid = not missing
        self.errors = self._summary() if not valid else []
        return valid

    def _mark_unanswered(self, missing: list[parts.Unanswered]) -> None:
        """ "Answer this first" beside each field still to answer, so the summary links to
        it and the field shows it (the GOV.UK pattern); on the part if no field is there."""
        for row, name in missing:
            form: forms.Form = self.form if row is None else self._row(row)
            target = next((f for f in (name, f"{name}_day") if f in form.fields), None)
            message = _(report_forms.COMPLETE_FIRST)
            if row is not None and hasattr(form, "row_name"):
                message = named(form.row_name(), message)
            if target is None:
                form = self.form
            form.add_error(target, message)

    def _row(self, index: int) -> forms.Form:
        rows = list(self.rows.forms) if self.rows is not None else []
        return rows[index] if index < len(rows) else self.form

    def _summary(self) -> list[tuple[str, str]]:
        """(field id, message) for the GOV.UK error summary, in page order."""
        found: list[tuple[str, str]] = []
        first = _first_field(self)
        for message in self.form.non_field_errors():
            found.append((first, str(message)))
        if self.rows is not None:
            found.extend((first, str(message)) for message in self.rows.non_form_errors())
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
                children = [_child(row) for row in self.rows.forms]
                return parts.Children(children=children).to_json()
            case "family_members":
                members = [_row(parts.FamilyMember, row) for row in _filled_rows(rows)]
                return parts.FamilyMembers(members=members).to_json()
            case "assessment":
                assessed = [_assessed(row) for row in self.rows.forms]
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


def _child(row: report_forms.ChildRowForm) -> parts.ChildRow:
    """Which child, and whether unborn, from the family's record; the rest as corrected."""
    data = row.cleaned_data
    return parts.ChildRow(
        child_id=row.child.child_id,
        name=data.get("name", ""),
        date_of_birth=data.get("date_of_birth", ""),
        unborn=row.child.unborn,
        id_number=data.get("id_number", ""),
    )


def _assessed(row: report_forms.AssessmentRowForm) -> parts.ChildAssessment:
    """A child's score and recommendation, held against the child the record names."""
    data = row.cleaned_data
    return parts.ChildAssessment(
        child_id=row.child.child_id,
        name=row.child.name,
        scaling=data.get("scaling"),
        recommendation=data.get("recommendation", ""),
        reason=data.get("reason", ""),
    )


def editor_for(
    part: Part,
    report_form: ReportForm,
    scaling: Scaling,
    content: dict[str, Any],
    data: QueryDict | None = None,
    extra_rows: int = 0,
    *,
    report: "ProfessionalReport",
) -> Editor:
    """The editor for `part`, filled from saved `content`, or bound to posted `data`.

    `report` gives the setting (`setting_for`): the family's children as its record has
    them now, and how far back dates may go."""
    setting = setting_for(report)
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
            initial = report_forms.SharingForm.initial_from(content)
            sharing = report_forms.SharingForm(
                data, initial=initial, shared_from=setting.shared_from
            )
            return Editor(part, sharing)
    form = report_forms.PartForm(data)
    rows = _rows_for(kind, report_form, scaling, content, data, extra_rows, setting)
    return Editor(part, form, rows)


def _date_initial(name: str, value: str) -> dict[str, str]:
    return report_forms.DateParts(name, "", future=None).initial(value or "")


def _children_initial(
    children: Sequence[parts.ChildRow], saved: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    """Each child on the record as the report last saved them, or (a child it did not have,
    or one born or recorded as unborn since) as the record has them."""
    by_id = {row.get("child_id"): row for row in saved}
    initial = []
    for child in children:
        row = by_id.get(child.child_id)
        if row is None or bool(row.get("unborn")) != child.unborn:
            row = child.to_json()
        initial.append({**row, **_date_initial("date_of_birth", row.get("date_of_birth", ""))})
    return initial


def _rows_for(
    kind: str,
    report_form: ReportForm,
    scaling: Scaling,
    content: dict[str, Any],
    data: QueryDict | None,
    extra_rows: int,
    setting: Setting,
) -> forms.BaseFormSet:
    match kind:
        case "children":
            return report_forms.ChildFormSet(  # type: ignore[call-arg]
                data,
                initial=_children_initial(setting.children, content.get("children", [])),
                prefix="children",
                children=setting.children,
            )
        case "family_members":
            return _with_extra(
                report_forms.MemberRowForm, data, content.get("members", []), "members", extra_rows
            )
        case "assessment":
            by_id = {row.get("child_id"): row for row in content.get("children", [])}
            return report_forms.AssessmentFormSet(  # type: ignore[call-arg]
                data,
                initial=[by_id.get(child.child_id, {}) for child in setting.children],
                prefix="assessment",
                children=setting.children,
                form_kwargs={"scaling": scaling, "report_form": report_form},
            )
        case "chronology":
            initial = [
                {**entry, **_date_initial("date", entry.get("date", ""))}
                for entry in content.get("entries", [])
            ]
            return _with_extra(
                report_forms.ChronologyRowForm,
                data,
                initial,
                "chronology",
                extra_rows,
                numbered=True,
                earliest=setting.events_from,
                too_early=setting.events_too_early,
            )
        case "factors":
            factors = content.get("factors", [])
            return _with_extra(
                report_forms.FactorRowForm, data, factors, "factors", extra_rows, numbered=True
            )
    raise ValueError(f"No editor for report parts of kind {kind!r}")


def _with_extra(
    row_form: type[forms.Form],
    data: QueryDict | None,
    initial: list[dict[str, Any]],
    prefix: str,
    extra_rows: int,
    numbered: bool = False,
    **form_kwargs: Any,
) -> forms.BaseFormSet:
    """Rows for what was saved, plus blank ones to add to (more after "Add another")."""
    formset_class = formset_factory(
        row_form,
        formset=report_forms.NumberedRows if numbered else forms.BaseFormSet,
        extra=report_forms.BLANK_ROWS + extra_rows,
    )
    return formset_class(data, initial=initial, prefix=prefix, form_kwargs=form_kwargs)

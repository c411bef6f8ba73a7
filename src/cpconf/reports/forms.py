"""One Django form per kind of report part. Each turns posted fields into that part's content
(see `cpconf.reports.report_content`) and back, and says which field is wrong and why.

Nothing here is required field by field: a draft may be saved half-written at any time. What
must be there is checked when the author marks a part completed, and again at submission.
"""

from collections.abc import Sequence
from datetime import date
from typing import Any

from django import forms
from django.forms import formset_factory
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cpconf.date_input import DateParts
from cpconf.families.dates import child_dates_problem
from cpconf.named_errors import NamedRowErrors
from cpconf.policy import Scaling
from cpconf.reportform import ReportForm, Section
from cpconf.reports import report_content as parts

COMPLETED_CHOICES = (
    ("yes", "Yes, I've completed this section"),
    ("no", "No, I'll come back later"),
)
COMPLETE_FIRST = "Answer every question in this section before you mark it as completed"
NOT_THE_FAMILYS_CHILDREN = (
    "The rows on this page must be the children on the family's record, one each, and "
    "nothing was saved. Check the children below and save again"
)
NOT_THIS_CHILD = (
    "This row is not for the child on the family's record, so nothing was saved. Check the "
    "details and save again"
)
SHARED_BEFORE_STARTED = "Date shared must be on or after %(date)s, when the report was started"
EVENT_BEFORE_LAST_CONFERENCE = (
    "Date of the event must be on or after %(date)s, the date of the last conference"
)
EVENT_TOO_LONG_AGO = "Date of the event must be on or after %(date)s"
BLANK_ROWS = 2
ROW_TEXT_LIMIT = 2000  # a row's longer answers: what happened, the evidence for a factor


class PartForm(forms.Form):
    """The question every part ends with, as in GOV.UK's "complete multiple tasks" pattern."""

    completed = forms.ChoiceField(
        choices=COMPLETED_CHOICES,
        required=False,
        widget=forms.RadioSelect,
        label="Have you completed this section?",
    )

    def marks_completed(self) -> bool | None:
        value = self.cleaned_data.get("completed")
        return {"yes": True, "no": False}.get(value or "")


class FrontSheetForm(PartForm):
    name = forms.CharField(label="Your name", max_length=200, required=False)
    role = forms.CharField(label="Your role", max_length=200, required=False)
    workplace = forms.CharField(label="Workplace", max_length=200, required=False)
    email = forms.EmailField(
        label="Email address",
        max_length=254,
        required=False,
        error_messages={
            "invalid": "Enter an email address in the correct format, like name@example.gov.uk"
        },
    )
    field_order = ["name", "role", "workplace", "email", "completed"]

    def to_content(self) -> dict[str, Any]:
        return {f: self.cleaned_data.get(f, "") for f in ("name", "role", "workplace", "email")}


class TextForm(PartForm):
    text = forms.CharField(required=False, strip=True, widget=forms.Textarea)
    field_order = ["text", "completed"]

    def __init__(self, *args: Any, section: Section, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.section = section
        field = self.fields["text"]
        field.label = "Your answer"  # the question is the page's lead paragraph
        field.max_length = section.max_length  # type: ignore[attr-defined]
        field.validators.append(_max_length(section.max_length, "Your answer"))

    def to_content(self) -> dict[str, Any]:
        return {"text": self.cleaned_data.get("text", "")}


class RestrictedForm(TextForm):
    reason = forms.CharField(
        label="Why must this not be shared with the family?",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    field_order = ["text", "reason", "completed"]

    def __init__(self, *args: Any, section: Section, **kwargs: Any) -> None:
        super().__init__(*args, section=section, **kwargs)
        self.fields["reason"].validators.append(_max_length(2000, "Why it must not be shared"))

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if (data.get("text") or "").strip() and not (data.get("reason") or "").strip():
            self.add_error("reason", "Say why this information must not be shared with the family")
        return data

    def to_content(self) -> dict[str, Any]:
        return {
            "text": self.cleaned_data.get("text", ""),
            "reason": self.cleaned_data.get("reason", ""),
        }


def _max_length(limit: int, label: str) -> Any:
    def check(value: str) -> None:
        if len(value) > limit:
            raise forms.ValidationError(
                f"{label} must be {limit:,} characters or fewer; it has {len(value):,}"
            )

    return check


class SharingForm(PartForm):
    shared = forms.ChoiceField(
        label="Have you shared this report with the family?",
        choices=(("yes", "Yes"), ("no", "No")),
        required=False,
        widget=forms.RadioSelect,
    )
    method = forms.ChoiceField(
        label="How was it shared?",
        choices=parts.SHARING_METHODS,
        required=False,
        widget=forms.RadioSelect,
    )
    language_support = forms.ChoiceField(
        label="Was an interpreter or a translation used?",
        choices=parts.LANGUAGE_SUPPORT,
        required=False,
        widget=forms.RadioSelect,
    )
    shared_with = forms.CharField(
        label="Who was it shared with?",
        help_text="Names and how they are related to the children",
        max_length=500,
        required=False,
    )
    comments = forms.CharField(
        label="The family's comments, word for word",
        required=False,
        widget=forms.Textarea,
    )
    not_shared_reason = forms.CharField(
        label="Why has it not been shared?",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    shared_on = DateParts(
        "shared_on", "Date shared", future="Date shared must be today or in the past"
    )

    def __init__(self, *args: Any, shared_from: date | None = None, **kwargs: Any) -> None:
        """`shared_from`: the day the report was started; it cannot have been shared before."""
        super().__init__(*args, **kwargs)
        self.shared_from = shared_from
        self.shared_on.add_fields(self)
        self.fields["comments"].validators.append(_max_length(10000, "The family's comments"))
        self.fields["not_shared_reason"].validators.append(_max_length(2000, "The reason"))

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        data["shared_on"] = self.shared_on.clean(self)
        if _before(data["shared_on"], self.shared_from):
            when = parts.display_date(str(self.shared_from))
            self.add_error("shared_on_day", _(SHARED_BEFORE_STARTED) % {"date": when})
        if self.marks_completed():
            if data.get("shared") == "yes":
                for name, message in (
                    ("shared_on_day", "Enter the date you shared the report"),
                    ("method", "Select how you shared the report"),
                    ("shared_with", "Enter who you shared the report with"),
                ):
                    value = data.get("shared_on") if name == "shared_on_day" else data.get(name)
                    if not value and name not in self.errors:
                        self.add_error(name, message)
            elif data.get("shared") == "no":
                if not (data.get("not_shared_reason") or "").strip():
                    self.add_error("not_shared_reason", "Say why the report has not been shared")
            else:
                self.add_error("shared", "Select yes if you have shared the report with the family")
        return data

    def to_content(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {
            "shared": data.get("shared", ""),
            "shared_on": data.get("shared_on", ""),
            "method": data.get("method", ""),
            "language_support": data.get("language_support") or "none",
            "shared_with": data.get("shared_with", ""),
            "comments": data.get("comments", ""),
            "not_shared_reason": data.get("not_shared_reason", ""),
        }

    @classmethod
    def initial_from(cls, content: dict[str, Any]) -> dict[str, Any]:
        initial = {k: v for k, v in content.items() if k != "shared_on"}
        initial.update(cls.shared_on.initial(content.get("shared_on", "")))
        return initial


def _before(value: str, earliest: date | None) -> bool:
    """An ISO date (as a form cleans it) earlier than `earliest`; False when either is unset."""
    return bool(value) and earliest is not None and date.fromisoformat(value) < earliest


# Rows: children, family members, assessment per child, chronology entries, factors.


class FamilyChildRow(NamedRowErrors, forms.Form):
    """A row about one child on the family's record (`child`, from the record, never from
    the page). The page sends the child's id back; a row whose id is not that child's is
    refused, so a score or a date is never saved against someone else's child."""

    # On this field if the row is not the child's: the id itself is hidden, not typed.
    first_field = ""

    def __init__(self, *args: Any, child: parts.ChildRow, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.child = child

    def is_the_child(self) -> bool:
        return self.data.get(self.add_prefix("child_id")) == str(self.child.child_id)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not self.is_the_child():
            self.add_error(self.first_field, _(NOT_THIS_CHILD))
        return data


class ChildRowForm(FamilyChildRow):
    """A child's details as the report gives them: the author may correct the name, the
    date and the ID number; whether the child is unborn is the family record's."""

    name = forms.CharField(label="Name", max_length=200, required=False)
    id_number = forms.CharField(label="NHS or other ID number", max_length=60, required=False)
    first_field = "name"

    def __init__(self, *args: Any, child: parts.ChildRow, **kwargs: Any) -> None:
        super().__init__(*args, child=child, **kwargs)
        label = "Expected due date" if child.unborn else "Date of birth"
        # The rule for a child's dates is the front sheet's (`child_dates_problem`).
        self.born = DateParts("date_of_birth", label, future=None)
        self.born.add_fields(self)

    @property
    def unborn(self) -> bool:
        return self.child.unborn

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if not self.is_the_child():
            return data  # the row is refused whole: nothing in it is about this child
        data["date_of_birth"] = self.born.clean(self)
        if data["date_of_birth"]:
            day = date.fromisoformat(data["date_of_birth"])
            born, expected = (None, day) if self.unborn else (day, None)
            problem = child_dates_problem(born, expected, timezone.localdate())
            if problem is not None:
                self.add_error("date_of_birth_day", problem[1])
        if not (data.get("name") or "").strip():
            self.add_error("name", "Enter the child's name")
        return data


class MemberRowForm(NamedRowErrors, forms.Form):
    name = forms.CharField(label="Name", max_length=200, required=False)
    relationship = forms.CharField(label="Relationship", max_length=100, required=False)
    household = forms.ChoiceField(
        label="Lives in the household",
        choices=parts.HOUSEHOLD,
        required=False,
        widget=forms.RadioSelect,
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if any(data.get(f) for f in ("relationship", "household")) and not data.get("name"):
            self.add_error("name", "Enter the family member's name")
        return data


class AssessmentRowForm(FamilyChildRow):
    scaling = forms.IntegerField(
        label="Scaling score",
        required=False,
        error_messages={"invalid": "Scaling score must be a whole number"},
    )
    recommendation = forms.ChoiceField(
        label="Your recommendation", choices=(), required=False, widget=forms.RadioSelect
    )
    reason = forms.CharField(
        label="Your reasons", required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    first_field = "scaling"

    def __init__(
        self,
        *args: Any,
        child: parts.ChildRow,
        scaling: Scaling,
        report_form: ReportForm,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, child=child, **kwargs)
        self.scale = scaling
        self.fields["recommendation"].choices = list(report_form.recommendations)  # type: ignore[attr-defined]
        self.fields["scaling"].help_text = (
            f"From {scaling.low} to {scaling.high}. {scaling.low}: {scaling.low_means} "
            f"{scaling.high}: {scaling.high_means}"
        )
        self.fields["reason"].validators.append(_max_length(5000, "Your reasons"))

    def row_name(self) -> str:
        return self.child.name

    def clean_scaling(self) -> int | None:
        score = self.cleaned_data.get("scaling")
        if score is not None and not self.scale.contains(score):
            raise forms.ValidationError(
                f"Scaling score must be between {self.scale.low} and {self.scale.high}"
            )
        return score


class NumberedRow(NamedRowErrors, forms.Form):
    """A row named by its place on the page, as its heading is ("Event 2", "Factor 1"), so
    each error says which row it is about."""

    heading: Any = ""  # with %(number)s

    def __init__(self, *args: Any, number: int = 0, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.number = number

    def row_name(self) -> str:
        return str(self.heading) % {"number": self.number} if self.number else ""


class ChronologyRowForm(NumberedRow):
    event = forms.CharField(
        label="What happened", required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    source = forms.CharField(label="Source", max_length=200, required=False)
    heading = gettext_lazy("Event %(number)s")

    def __init__(
        self, *args: Any, earliest: date | None = None, too_early: str = "", **kwargs: Any
    ) -> None:
        """`earliest`: no event may be dated before it (`too_early` says why)."""
        super().__init__(*args, **kwargs)
        self.earliest, self.too_early = earliest, too_early
        self.happened = DateParts(
            "date", "Date of the event", future="Date of the event must be today or in the past"
        )
        self.happened.add_fields(self)
        self.fields["event"].validators.append(_max_length(ROW_TEXT_LIMIT, "What happened"))

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        data["date"] = self.happened.clean(self)
        if _before(data["date"], self.earliest):
            self.add_error("date_day", self.too_early)
        if (
            (data.get("event") or data.get("source"))
            and not data["date"]
            and "date_day" not in self.errors
        ):
            self.add_error("date_day", "Enter the date of the event")
        if (data["date"] or data.get("source")) and not data.get("event"):
            self.add_error("event", "Say what happened")
        return data


class FactorRowForm(NumberedRow):
    factor = forms.CharField(label="Risk or protective factor", max_length=500, required=False)
    kind = forms.ChoiceField(
        label="Kind", choices=parts.FACTOR_KINDS, required=False, widget=forms.RadioSelect
    )
    change = forms.ChoiceField(
        label="Since the last conference it has",
        choices=parts.FACTOR_CHANGES,
        required=False,
        widget=forms.RadioSelect,
    )
    how_much = forms.CharField(label="By how much", max_length=500, required=False)
    evidence = forms.CharField(
        label="Evidence", required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    heading = gettext_lazy("Factor %(number)s")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["evidence"].validators.append(_max_length(ROW_TEXT_LIMIT, "Evidence"))

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if any(data.get(f) for f in ("change", "how_much", "evidence")) and not data.get("factor"):
            self.add_error("factor", "Name the risk or protective factor")
        if data.get("factor") and not data.get("change"):
            self.add_error(
                "change", "Select whether it has increased, diminished or stayed the same"
            )
        return data


class NumberedRows(forms.BaseFormSet):
    """Rows that each know their number on the page (`NumberedRow`)."""

    def get_form_kwargs(self, index: int | None) -> dict[str, Any]:
        number = 0 if index is None else index + 1
        return {**super().get_form_kwargs(index), "number": number}


class FamilyChildrenRows(forms.BaseFormSet):
    """One row per child on the family's record, in the record's order, and no others.

    The rows come from `children` (the record), not from the page's row count: a post with
    more rows (a made-up child), fewer, or rows for other children is refused whole, so
    nothing of it is saved."""

    def __init__(self, *args: Any, children: Sequence[parts.ChildRow], **kwargs: Any) -> None:
        self.children = tuple(children)
        super().__init__(*args, **kwargs)

    def total_form_count(self) -> int:
        return len(self.children)

    def initial_form_count(self) -> int:
        return len(self.children)

    def get_form_kwargs(self, index: int | None) -> dict[str, Any]:
        child = parts.ChildRow() if index is None else self.children[index]
        return {**super().get_form_kwargs(index), "child": child}

    def clean(self) -> None:
        posted = self.management_form.cleaned_data.get("TOTAL_FORMS")
        if self.is_bound and posted is not None and posted != len(self.children):
            raise forms.ValidationError(_(NOT_THE_FAMILYS_CHILDREN))


ChildFormSet = formset_factory(ChildRowForm, formset=FamilyChildrenRows, extra=0)
AssessmentFormSet = formset_factory(AssessmentRowForm, formset=FamilyChildrenRows, extra=0)


def is_blank_row(data: dict[str, Any], ignore: tuple[str, ...] = ()) -> bool:
    return not any(value for key, value in data.items() if key not in ignore)


class SignForm(forms.Form):
    """The typed signature: the author's name and role; the date and time are recorded."""

    signed_name = forms.CharField(
        label="Your full name",
        max_length=200,
        error_messages={"required": "Enter your full name to sign the report"},
    )
    signed_role = forms.CharField(
        label="Your role",
        max_length=200,
        error_messages={"required": "Enter your role"},
    )
    confirm = forms.BooleanField(
        label="I confirm this report is accurate to the best of my knowledge, and that I have "
        "shared it with the family or said why not",
        error_messages={"required": "Confirm the report is accurate before you submit it"},
    )
    # The fingerprint of the report as the page showed it (`selectors.fingerprint_to_sign`).
    shown = forms.CharField(widget=forms.HiddenInput, required=False, max_length=64)


class AmendForm(forms.Form):
    reason = forms.CharField(
        label="Why are you amending this report?",
        help_text="This is kept with the new version, and everyone who can read the report sees it",
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        error_messages={
            "required": "Enter why you are amending the report",
            "max_length": "The reason must be 2,000 characters or fewer",
        },
    )

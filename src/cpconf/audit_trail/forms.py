"""The auditor's search: every filter optional, dates as GOV.UK date inputs."""

from datetime import date
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from cpconf.audit.actions import action_label
from cpconf.audit_trail.selectors import AuditSearch
from cpconf.date_input import DateParts

END_BEFORE_START = _("The end date must be the same as or after the start date")
ANY_ACTION = _("Any action")


class AuditSearchForm(forms.Form):
    child = forms.CharField(
        label=_("Child"),
        help_text=_("Their ID number in this system, or their name"),
        required=False,
        max_length=200,
    )
    family = forms.CharField(
        label=_("Family case reference"),
        help_text=_("For example, NS-2026-0141"),
        required=False,
        max_length=60,
    )
    user = forms.CharField(
        label=_("Person's email address"),
        help_text=_("All or part of it"),
        required=False,
        max_length=254,
    )
    action = forms.ChoiceField(label=_("Action"), required=False)

    def __init__(self, *args: Any, actions: list[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        action_field: forms.ChoiceField = self.fields["action"]  # type: ignore[assignment]
        action_field.choices = [("", ANY_ACTION)] + [
            (action, action_label(action)) for action in actions
        ]
        self.start = DateParts("start", str(_("Start date")), future=None)
        self.end = DateParts("end", str(_("End date")), future=None)
        self.start.add_fields(self)
        self.end.add_fields(self)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = self.start.clean(self), self.end.clean(self)
        data["start"] = date.fromisoformat(start) if start else None
        data["end"] = date.fromisoformat(end) if end else None
        if data["start"] and data["end"] and data["end"] < data["start"]:
            self.add_error("end_day", END_BEFORE_START)
        return data

    def search(self) -> AuditSearch:
        data = self.cleaned_data
        return AuditSearch(
            child=data["child"].strip(),
            family=data["family"].strip(),
            user=data["user"].strip(),
            action=data["action"],
            start=data["start"],
            end=data["end"],
        )

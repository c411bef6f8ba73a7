"""The GOV.UK date input: a date asked for as day, month and year, checked the GOV.UK way.

Used by any form that asks for a date (a child's date of birth, when a report was shared, a
meeting's date); the template tag `date_input` in `home/templatetags/govuk.py` draws it.
"""

from datetime import date

from django import forms
from django.utils import timezone


def _today() -> date:
    return timezone.localdate()


PART_LIMIT = 12


class DateParts:
    """A GOV.UK date input: day, month and year fields named `<name>_day` and so on. Errors
    are put on the day field, which the error summary links to."""

    def __init__(
        self, name: str, label: str, *, future: str | None, past: str | None = None
    ) -> None:
        self.name = name
        self.label = label
        self.future = future  # the message when a future date is wrong, or None if allowed
        self.past = past  # the message when a date before today is wrong, or None if allowed

    def add_fields(self, form: forms.BaseForm) -> None:
        # Longer than a part can be, so a year typed with five digits reaches `clean` and is
        # named ("Year in start date must include 4 numbers"), not refused by the field with a
        # message that names nothing; the limit only stops a page posting a novel.
        for part in ("day", "month", "year"):
            form.fields[f"{self.name}_{part}"] = forms.CharField(
                required=False, max_length=PART_LIMIT, label=part.capitalize()
            )

    def initial(self, value: str) -> dict[str, str]:
        if not value:
            return {}
        year, month, day = value.split("-")
        return {
            f"{self.name}_day": str(int(day)),
            f"{self.name}_month": str(int(month)),
            f"{self.name}_year": year,
        }

    def clean(self, form: forms.BaseForm) -> str:
        """The date as ISO text, "" if left blank; an error on the form if it is wrong."""
        data = form.cleaned_data
        day, month, year = (
            (data.get(f"{self.name}_{part}") or "").strip() for part in ("day", "month", "year")
        )
        if not (day or month or year):
            return ""
        field = f"{self.name}_day"
        if not (day and month and year):
            form.add_error(field, f"{self.label} must include a day, month and year")
            return ""
        if len(year) != 4:
            form.add_error(field, f"Year in {self.label.lower()} must include 4 numbers")
            return ""
        try:
            value = date(int(year), int(month), int(day))
        except ValueError:
            form.add_error(field, f"{self.label} must be a real date")
            return ""
        if self.future and value > _today():
            form.add_error(field, self.future)
            return ""
        if self.past and value < _today():
            form.add_error(field, self.past)
            return ""
        return value.isoformat()

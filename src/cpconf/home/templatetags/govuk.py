"""Template tags for GOV.UK components Django's widgets don't render the GOV.UK way."""

from typing import Any

from django import forms, template

register = template.Library()


@register.inclusion_tag("includes/date_input.html")
def date_input(form: forms.BaseForm, name: str, label: str, hint: str = "") -> dict[str, Any]:
    """A date as three inputs (day, month, year); its errors are on the day field."""
    return {
        "day": form[f"{name}_day"],
        "inputs": [
            (form[f"{name}_day"], 2, "Day"),
            (form[f"{name}_month"], 2, "Month"),
            (form[f"{name}_year"], 4, "Year"),
        ],
        "label": label,
        "hint": hint or "For example, 27 3 2026",
    }

"""Template tags for GOV.UK components Django's widgets don't render the GOV.UK way."""

from typing import Any

from django import forms, template
from django.core.paginator import Page
from django.http import QueryDict

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


@register.inclusion_tag("audit/_pagination.html")
def pagination_of(page: Page | None, parameter: str, query: QueryDict) -> dict[str, Any]:
    """The GOV.UK pagination for one of several paginated lists on a page: its page number
    is `parameter` in the query string, and the other lists keep the page they are on."""
    if page is None:
        return {"show": False}

    def href(number: int) -> str:
        kept = query.copy()
        kept[parameter] = str(number)
        return f"?{kept.urlencode()}"

    items: list[dict[str, Any]] = []
    for number in page.paginator.get_elided_page_range(page.number, on_each_side=1, on_ends=1):
        if isinstance(number, int):
            items.append({"number": number, "href": href(number), "current": number == page.number})
        else:
            items.append({"ellipsis": True})
    return {
        "items": items,
        "previous": href(page.previous_page_number()) if page.has_previous() else "",
        "next": href(page.next_page_number()) if page.has_next() else "",
        "show": page.paginator.num_pages > 1,
    }

"""Audit events in words (actions, roles and kinds of record as people say them), and the
GOV.UK pagination for a page of them."""

from typing import Any

from django import template
from django.apps import apps
from django.core.paginator import Page

from cpconf.accounts.models import role_labels as role_labels_of
from cpconf.audit.actions import action_label as action_label_of

register = template.Library()


@register.filter
def action_label(action: str) -> str:
    return action_label_of(action)


@register.filter
def role_labels(roles: str) -> str:
    return role_labels_of(roles)


@register.filter
def record_label(object_type: str) -> str:
    """ "reports.professionalreport" as "professional report"; "" for no record."""
    if not object_type:
        return ""
    try:
        return str(apps.get_model(object_type)._meta.verbose_name)
    except (LookupError, ValueError):
        return object_type


@register.filter
def reference_in(family_id: int | None, references: dict[int, str]) -> str:
    """The family's case reference, or its id if it is no longer there to look up."""
    if family_id is None:
        return ""
    return references.get(family_id) or str(family_id)


def _href(query: str, number: int) -> str:
    return f"?{query}&page={number}" if query else f"?page={number}"


@register.inclusion_tag("audit/_pagination.html")
def pagination(page: Page, query: str) -> dict[str, Any]:
    """Previous, numbered (with gaps elided) and next links, keeping the search's filters."""
    items: list[dict[str, Any]] = []
    for number in page.paginator.get_elided_page_range(page.number, on_each_side=1, on_ends=1):
        if isinstance(number, int):
            items.append(
                {"number": number, "href": _href(query, number), "current": number == page.number}
            )
        else:
            items.append({"ellipsis": True})
    return {
        "items": items,
        "previous": _href(query, page.previous_page_number()) if page.has_previous() else "",
        "next": _href(query, page.next_page_number()) if page.has_next() else "",
        "show": page.paginator.num_pages > 1,
    }

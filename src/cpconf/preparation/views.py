"""The chair's preparation view and scaling over time. Views translate HTTP: who may see
what is decided in cpconf.access, the reading in selectors."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from cpconf.access.lookups import get_visible_or_404
from cpconf.conferences.models import Conference
from cpconf.conferences.selectors import conferences_for
from cpconf.preparation import history, selectors
from cpconf.preparation.chair_view import chair_view_for
from cpconf.preparation.meeting import meeting_section


def _conference(request: HttpRequest, conference_pk: int, action: str) -> Conference:
    return get_visible_or_404(
        conferences_for(request.user),
        request,
        action=action,
        permission="prepare",
        pk=conference_pk,
    )


def prepare(request: HttpRequest, conference_pk: int) -> HttpResponse:
    conference = _conference(request, conference_pk, "preparation_viewed")
    view = chair_view_for(request.user, conference)  # type: ignore[arg-type]
    context = {"preparation": view.preparation, "view": view, "brief": view.brief}
    return render(request, "preparation/prepare.html", context)


def meeting(request: HttpRequest, conference_pk: int, section: str | None = None) -> HttpResponse:
    """One agenda section at a time, the reports' parts for it beside it."""
    conference = _conference(request, conference_pk, "meeting_mode_viewed")
    view = chair_view_for(request.user, conference)  # type: ignore[arg-type]
    current = meeting_section(view, section)
    context = {"meeting": current, "view": view, "brief": view.brief}
    return render(request, "preparation/meeting.html", context)


def child_scaling(request: HttpRequest, child_pk: int) -> HttpResponse:
    child = get_visible_or_404(
        selectors.children_for(request.user), request, action="scaling_viewed", pk=child_pk
    )
    scaling = history.family_scaling(request.user, child.family)[child.pk]  # type: ignore[arg-type]
    return render(request, "preparation/child_scaling.html", {"child": child, "scaling": scaling})

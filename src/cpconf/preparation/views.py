"""The chair's preparation view and scaling over time. Views translate HTTP: who may see
what is decided in cpconf.access, the reading in selectors."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from cpconf.access.lookups import get_visible_or_404
from cpconf.conferences.selectors import conferences_for
from cpconf.preparation import history, selectors


def prepare(request: HttpRequest, conference_pk: int) -> HttpResponse:
    conference = get_visible_or_404(
        conferences_for(request.user),
        request,
        action="preparation_viewed",
        permission="prepare",
        pk=conference_pk,
    )
    preparation = selectors.preparation_for(request.user, conference)  # type: ignore[arg-type]
    return render(request, "preparation/prepare.html", {"preparation": preparation})


def child_scaling(request: HttpRequest, child_pk: int) -> HttpResponse:
    child = get_visible_or_404(
        selectors.children_for(request.user), request, action="scaling_viewed", pk=child_pk
    )
    scaling = history.family_scaling(request.user, child.family)[child.pk]  # type: ignore[arg-type]
    return render(request, "preparation/child_scaling.html", {"child": child, "scaling": scaling})

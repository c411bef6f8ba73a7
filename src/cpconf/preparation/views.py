"""The chair's preparation view and scaling over time. Views translate HTTP: who may see
what is decided in cpconf.access, the reading in selectors."""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from cpconf.access import may
from cpconf.conferences.selectors import conference_for
from cpconf.preparation import history, selectors


def prepare(request: HttpRequest, conference_pk: int) -> HttpResponse:
    conference = conference_for(request, conference_pk, action="preparation_viewed")
    if not may(request.user, "prepare", conference):
        raise Http404("No such conference.")
    preparation = selectors.preparation_for(request.user, conference)  # type: ignore[arg-type]
    return render(request, "preparation/prepare.html", {"preparation": preparation})


def child_scaling(request: HttpRequest, child_pk: int) -> HttpResponse:
    child = selectors.child_for(request, child_pk)
    scaling = history.family_scaling(request.user, child.family)[child.pk]  # type: ignore[arg-type]
    return render(request, "preparation/child_scaling.html", {"child": child, "scaling": scaling})

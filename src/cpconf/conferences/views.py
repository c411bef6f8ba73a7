from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from cpconf.conferences import selectors


def conference_detail(request: HttpRequest, pk: int) -> HttpResponse:
    user = request.user
    conference = selectors.conference_for(request, pk)
    context = {
        "conference": conference,
        "children": conference.family.children.all(),
        "invitations": selectors.invitations_for(user, conference),  # type: ignore[arg-type]
        "reports": selectors.reports_for(user, conference),  # type: ignore[arg-type]
    }
    return render(request, "conferences/conference_detail.html", context)

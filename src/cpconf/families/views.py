from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from cpconf.access import may
from cpconf.families import selectors


def family_detail(request: HttpRequest, pk: int) -> HttpResponse:
    family = selectors.family_for(request, pk)
    context = {
        "family": family,
        "children": family.children.all(),
        "members": family.members.all(),
        "conferences": selectors.conferences_of(request.user, family),  # type: ignore[arg-type]
        "may_book": may(request.user, "book_conference", family),
    }
    return render(request, "families/family_detail.html", context)

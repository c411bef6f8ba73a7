from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from cpconf.home.selectors import home_page_for


def home(request: HttpRequest) -> HttpResponse:
    """Everything the signed-in user needs to act on, a section for each role they hold."""
    page = home_page_for(request.user)  # type: ignore[arg-type]
    return render(request, "home/home.html", {"page": page})

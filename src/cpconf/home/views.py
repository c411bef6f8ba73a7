from django.contrib.auth.decorators import login_not_required
from django.db import connection
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from cpconf.accounts.middleware import second_factor_not_required
from cpconf.home.selectors import home_page_for
from cpconf.home.worker import worker_state


def home(request: HttpRequest) -> HttpResponse:
    """Everything the signed-in user needs to act on, a section for each role they hold."""
    page = home_page_for(request.user, request.GET)  # type: ignore[arg-type]
    return render(request, "home/home.html", {"page": page})


@require_safe
@login_not_required
@second_factor_not_required
def health(request: HttpRequest) -> HttpResponse:
    """For the load balancer: 200 "OK" when this process answers and its database does.
    Nothing about anyone; the same for everyone, signed in or not (also the load run's
    minimal page, which the other pages' figures are compared with)."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    body = f"OK\n{worker_state().describe()}\n"
    return HttpResponse(body, content_type="text/plain; charset=utf-8")


@require_safe
@login_not_required
@second_factor_not_required
def health_worker(request: HttpRequest) -> HttpResponse:
    """For a monitor: 503 when the background worker has taken no job for too long. Kept apart
    from /health/ so a load balancer never takes healthy web processes out for a dead worker."""
    state = worker_state()
    return HttpResponse(
        state.describe() + "\n",
        status=200 if state.alive else 503,
        content_type="text/plain; charset=utf-8",
    )

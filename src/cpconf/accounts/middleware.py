"""Sign-in rules applied to every request: sessions run out, the second factor comes before
anything else, and no page shown to a signed-in person is kept by the browser or a proxy."""

from collections.abc import Callable
from typing import Any, TypeVar

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext_lazy, ngettext

from cpconf.accounts.second_factor import second_factor_passed
from cpconf.accounts.services import (
    IDLE,
    session_end,
    session_expiry_reason,
    session_forgotten_end,
    session_seen,
)

V = TypeVar("V", bound=Callable[..., Any])


def second_factor_not_required(view: V) -> V:
    """Mark a view a signed-in person may reach before their second factor (the code pages
    and sign-out), as Django's `login_not_required` marks those open to everyone."""
    view.second_factor_required = False  # type: ignore[attr-defined]
    return view


def duration_text(seconds: int) -> str:
    if seconds % 3600 == 0:
        hours = seconds // 3600
        return ngettext("%(count)d hour", "%(count)d hours", hours) % {"count": hours}
    minutes = max(1, seconds // 60)
    return ngettext("%(count)d minute", "%(count)d minutes", minutes) % {"count": minutes}


SESSION_ENDED_IDLE = gettext_lazy(
    "You were signed out because you did nothing for %(wait)s. Sign in again to carry on."
)
SESSION_ENDED_TOO_LONG = gettext_lazy(
    "You were signed out because you signed in more than %(wait)s ago. Sign in again to carry on."
)


def session_ended_message(reason: str) -> str:
    if reason == IDLE:
        return str(SESSION_ENDED_IDLE) % {"wait": duration_text(settings.SESSION_IDLE_SECONDS)}
    return str(SESSION_ENDED_TOO_LONG) % {"wait": duration_text(settings.SESSION_MAX_SECONDS)}


class SessionLifetimeMiddleware:
    """Ends a signed-in session idle for SESSION_IDLE_SECONDS, or SESSION_MAX_SECONDS after
    sign-in however busy; otherwise notes this request as the latest activity. Either way,
    and when the session store has already forgotten the session, the sign-in page says why."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        if request.user.is_authenticated:
            reason = session_expiry_reason(request.session)
            if reason is None:
                session_seen(request.session)
            else:
                session_end(request=request, action="session_expired")
                messages.info(request, session_ended_message(reason))
        elif (reason := session_forgotten_end(request=request)) is not None:
            messages.info(request, session_ended_message(reason))
        return self.get_response(request)


class SecondFactorRequiredMiddleware:
    """Sends a person who has given their password but not yet a code to the code page."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        return self.get_response(request)

    def process_view(
        self,
        request: HttpRequest,
        view_func: Callable[..., Any],
        view_args: Any,
        view_kwargs: Any,
    ) -> HttpResponse | None:
        if not request.user.is_authenticated or second_factor_passed(request):
            return None
        if not getattr(view_func, "login_required", True):
            return None  # open to everyone anyway
        if not getattr(view_func, "second_factor_required", True):
            return None
        return redirect_to_login(request.get_full_path(), reverse("accounts:second_factor"))


class NoStoreWhenSignedInMiddleware:
    """`Cache-Control: no-store` on every response to a signed-in person: case pages must not
    stay in a shared computer's cache or a proxy after sign-out."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            patch_cache_control(response, no_store=True)
        return response

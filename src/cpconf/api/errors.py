"""Every refusal as one JSON shape, each error naming the field it is about:

    {"errors": [{"field": "children[0].date_of_birth", "message": "Enter a date of birth ..."}]}

`field` is null for an error about the whole request (no token, no such record, bad JSON,
too many calls).
"""

from typing import Any

from django.core.exceptions import PermissionDenied, RequestDataTooBig
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.utils.translation import gettext as _
from django.views.defaults import page_not_found
from rest_framework import exceptions
from rest_framework.response import Response
from rest_framework.views import exception_handler

API_PREFIX = "/api/"
NOT_FOUND = "There is no such record, or it belongs to another local authority"
SEND_JSON = "Send the body as JSON, with Content-Type: application/json"
TOO_LARGE = "The body is too large"
TOO_MANY_REQUESTS = (
    "You have sent too many requests. Wait for the number of seconds in the Retry-After "
    "header, then try again"
)


def flatten(detail: Any, path: str = "") -> list[dict[str, str | None]]:
    """DRF's nested error detail as a flat list, paths written as in JavaScript."""
    if isinstance(detail, dict):
        found: list[dict[str, str | None]] = []
        for key, value in detail.items():
            if key in ("non_field_errors", "detail"):
                found += flatten(value, path)
            elif isinstance(key, int):  # DRF gives a list's errors by the item's index
                found += flatten(value, f"{path}[{key}]")
            else:
                found += flatten(value, f"{path}.{key}" if path else str(key))
        return found
    if isinstance(detail, list):
        if all(not isinstance(item, dict | list) for item in detail):
            return [{"field": path or None, "message": str(item)} for item in detail]
        found = []
        for index, item in enumerate(detail):
            found += flatten(item, f"{path}[{index}]")
        return found
    return [{"field": path or None, "message": str(detail)}]


def _as_api_error(exc: Exception) -> Exception:
    """Django's refusals and DRF's wordings, as the API words them."""
    if isinstance(exc, Http404 | PermissionDenied):
        # Something another authority holds is as unknown as something that does not exist.
        return exceptions.NotFound(_(NOT_FOUND))
    if isinstance(exc, exceptions.UnsupportedMediaType):
        return exceptions.ParseError(_(SEND_JSON))
    if isinstance(exc, RequestDataTooBig):
        return exceptions.ParseError(_(TOO_LARGE))
    if isinstance(exc, exceptions.Throttled):
        # DRF sets Retry-After from `wait`; the words are ours.
        throttled = exceptions.Throttled(detail=_(TOO_MANY_REQUESTS))
        throttled.wait = exc.wait
        return throttled
    return exc


def api_exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    exc = _as_api_error(exc)
    response = exception_handler(exc, context)
    if response is None:
        return None
    response.data = {"errors": flatten(response.data) or [{"field": None, "message": ""}]}
    return response


def not_found(request: HttpRequest, exception: Exception) -> HttpResponse:
    """The site's 404: under /api/ in the API's one JSON shape (a system client reads JSON,
    never an HTML page), elsewhere Django's page from the 404 template."""
    if request.path.startswith(API_PREFIX):
        body = {"errors": [{"field": None, "message": _(NOT_FOUND)}]}
        return JsonResponse(body, status=404)
    return page_not_found(request, exception)

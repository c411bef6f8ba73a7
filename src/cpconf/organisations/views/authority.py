"""What every set-up page does first: find the authority named in the address, if the user
is its unit administrator (a rule of `cpconf.access`); otherwise an audited 404."""

from typing import Any

from django.forms import Form
from django.http import HttpRequest

from cpconf.access.lookups import get_visible_or_404
from cpconf.accounts.models import User
from cpconf.organisations import selectors
from cpconf.organisations.models import LocalAuthority


def authority_for(
    request: HttpRequest, slug: str, *, permission: str, action: str, record_success: bool = True
) -> LocalAuthority:
    return get_visible_or_404(
        selectors.authorities(),
        request,
        action=action,
        permission=permission,
        record_success=record_success,
        slug=slug,
    )


def actor(request: HttpRequest) -> User:
    return request.user  # type: ignore[return-value]


def form_errors(form: Form) -> list[tuple[str, str]]:
    """(field id, message) in the order the fields stand on the page, for the summary."""
    return [
        (str(form[name].auto_id), str(message))
        for name in form.fields
        for message in form.errors.get(name, [])
    ]


def status_of(request: HttpRequest, form: Any) -> int:
    return 400 if request.method == "POST" and form.errors else 200


def posted(request: HttpRequest) -> Any:
    """The form's data: what was posted, even nothing at all (so an empty form is refused
    rather than shown again as new), or None for a page asked for."""
    return request.POST if request.method == "POST" else None

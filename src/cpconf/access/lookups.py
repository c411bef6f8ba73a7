"""Fetching one record through an access scope, with the read or the refusal audited.

Every page that shows a family's information fetches its record here: the user gets it if
the scope holds it and every check the page asks for passes, and a 404 otherwise — the same
answer whether the record does not exist or they may not know of it. Everything is decided
before anything is written, and then exactly one of the two is recorded: the read, or the
refusal. So a family's auditor sees refused attempts as well as reads, and never a read
that was refused. Selectors only read: they hand their scopes to the view, which fetches here.
"""

from collections.abc import Callable
from typing import Any, NoReturn, TypeVar

from django.db.models import Model, QuerySet
from django.http import Http404, HttpRequest

from cpconf.access.rules import may, roles_of
from cpconf.audit.models import Outcome
from cpconf.audit.services import audit_record

M = TypeVar("M", bound=Model)


def family_ids_of(record: Model) -> tuple[int | None, int | None]:
    """The family and local authority a record belongs to, for filing its audit events."""
    family = None
    if record._meta.label_lower == "families.family":
        family = record
    elif hasattr(record, "family"):
        family = record.family
    elif hasattr(record, "conference"):
        family = record.conference.family
    elif hasattr(record, "report"):
        family = record.report.conference.family
    if family is None:
        # An authority's own records (itself, its agencies): filed under that authority.
        if record._meta.label_lower == "organisations.localauthority":
            return None, record.pk
        return None, getattr(record, "local_authority_id", None)
    return family.pk, family.local_authority_id  # type: ignore[attr-defined]


def get_visible_or_404(
    scope: QuerySet[M],
    request: HttpRequest,
    *,
    action: str,
    permission: str | None = None,
    requires: Callable[[M], object] | None = None,
    record_success: bool = True,
    **lookup: Any,
) -> M:
    """The record from `scope`, if the user may also do `permission` to it (a rule of
    `cpconf.access.rules.RULES`) and it has what the URL asks for (`requires`: a version it
    names, an invitation of the conference...); its read is then audited as `action`.
    Otherwise the refusal is audited, and a 404 raised.

    `record_success=False` where the view records the success itself, through the service
    that hands over a file once the file is made; the refusal is always recorded here."""
    record = scope.filter(**lookup).first()
    if record is None:
        refuse(request, action=action, record=_existing(scope.model, lookup))
    if permission is not None and not may(request.user, permission, record):
        refuse(request, action=action, record=record)
    if requires is not None and not requires(record):
        refuse(request, action=action, record=record)
    if record_success:
        _record(request, action, record, Outcome.SUCCESS)
    return record


def refuse(request: HttpRequest, *, action: str, record: Model | None = None) -> NoReturn:
    """The refusal audited (under the record's family, if there is a record), and a 404:
    also for pages that fetch no record, such as the audit trail's own."""
    _record(request, action, record, Outcome.REFUSED)
    raise Http404("No such record.")


def _existing(model: type[Model], lookup: dict[str, Any]) -> Model | None:
    """A refused record that exists is filed under its family; one that does not exist is
    still recorded, under no family."""
    return model._default_manager.filter(**lookup).first()


def _record(request: HttpRequest, action: str, record: Model | None, outcome: str) -> None:
    user = request.user
    family_id, authority_id = family_ids_of(record) if record is not None else (None, None)
    audit_record(
        action=action,
        actor=user if user.is_authenticated else None,
        request=request,
        obj=record,
        family_id=family_id,
        local_authority_id=authority_id,
        outcome=outcome,
        assignments=roles_of(user) if user.is_authenticated else None,
    )

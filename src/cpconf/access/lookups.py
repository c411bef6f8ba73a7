"""Fetching one record through an access scope, with the read or the refusal audited.

Every page that shows a family's information fetches its record here: the user gets it if
the scope holds it, and a 404 otherwise — the same answer whether the record does not exist
or they may not know of it. Either way the audit trail records who asked for what, so a
family's auditor sees refused attempts as well as reads.
"""

from typing import Any, TypeVar

from django.db.models import Model, QuerySet
from django.http import Http404, HttpRequest

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
    scope: QuerySet[M], request: HttpRequest, *, action: str, **lookup: Any
) -> M:
    """The record from `scope`, with `action` audited; else an audited refusal and a 404."""
    try:
        record = scope.get(**lookup)
    except scope.model.DoesNotExist:  # type: ignore[attr-defined]
        _record_refusal(scope.model, request, action, lookup)
        raise Http404("No such record.") from None
    _record(request, action, record, Outcome.SUCCESS)
    return record


def _record_refusal(
    model: type[Model], request: HttpRequest, action: str, lookup: dict[str, Any]
) -> None:
    """A refused record that exists is filed under its family; one that does not exist is
    still recorded, under no family."""
    existing = model._default_manager.filter(**lookup).first()
    _record(request, action, existing, Outcome.REFUSED)


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
    )

"""Writing audit events. Called by services inside their own transaction."""

from django.db.models import Model
from django.http import HttpRequest

from cpconf.accounts.models import User
from cpconf.audit.models import AuditEvent, Outcome


def _client_ip(request: HttpRequest | None) -> str | None:
    if request is None:
        return None
    return request.META.get("REMOTE_ADDR") or None


def audit_record(
    *,
    action: str,
    actor: User | None,
    request: HttpRequest | None = None,
    obj: Model | None = None,
    family_id: int | None = None,
    local_authority_id: int | None = None,
    outcome: str = Outcome.SUCCESS,
    actor_label: str = "",
) -> AuditEvent:
    """Record who did what to which record; never the record's content."""
    roles = ""
    if actor is not None:
        assignments = list(actor.role_assignments.all())
        roles = ",".join(sorted({a.role for a in assignments}))
        authorities = {a.local_authority_id for a in assignments}
        if local_authority_id is None and len(authorities) == 1:
            local_authority_id = authorities.pop()
    return AuditEvent.objects.create(
        actor=actor,
        actor_label=actor_label or (actor.email if actor is not None else ""),
        roles=roles,
        action=action,
        object_type=obj._meta.label_lower if obj is not None else "",
        object_id=str(obj.pk) if obj is not None else "",
        family_id=family_id,
        local_authority_id=local_authority_id,
        outcome=outcome,
        request_id=getattr(request, "request_id", "") if request is not None else "",
        ip_address=_client_ip(request),
    )

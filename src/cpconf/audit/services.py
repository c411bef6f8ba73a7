"""Writing audit events. Called by services inside their own transaction, so an event
commits or rolls back with the action it records."""

from __future__ import annotations

import ipaddress
from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.db.models import Model
from django.http import HttpRequest
from django.utils import timezone

from cpconf.audit.chain import canonical_content, event_hash
from cpconf.audit.models import HEAD, AuditChainHead, AuditEvent, Outcome

if TYPE_CHECKING:
    # The audit app sits beneath accounts: users and their roles are read, never imported.
    from cpconf.accounts.models import RoleAssignment, User


def _client_ip(request: HttpRequest | None) -> str | None:
    """The address as the database gives it back (so the hash input survives the round trip),
    or None if the request has none or not a valid one."""
    if request is None:
        return None
    try:
        # A zone ("%eth0") means nothing off this host, and PostgreSQL's inet refuses it.
        address = ipaddress.ip_address((request.META.get("REMOTE_ADDR") or "").split("%")[0])
    except ValueError:
        return None
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        return f"::ffff:{address.ipv4_mapped}"
    return address.compressed


def _in_authority(
    assignments: list[RoleAssignment], local_authority_id: int | None
) -> list[RoleAssignment]:
    """The roles held where the event happened; all of them if the person holds none there
    (someone from another authority asking for a record is recorded as who they are)."""
    there = [a for a in assignments if a.local_authority_id == local_authority_id]
    return there or assignments


def _locked_head() -> AuditChainHead:
    """The chain head, locked until the caller's transaction ends: appends queue here."""
    head = AuditChainHead.objects.select_for_update().filter(pk=HEAD).first()
    if head is None:
        # An empty database (or one just emptied by a test): start the chain.
        AuditChainHead.objects.bulk_create([AuditChainHead(pk=HEAD)], ignore_conflicts=True)
        head = AuditChainHead.objects.select_for_update().get(pk=HEAD)
    return head


def _fit(model_field: str, value: str) -> str:
    """Text cut to its column, so an over-long label can never fail the action it records."""
    limit = getattr(AuditEvent._meta.get_field(model_field), "max_length", None)
    return value[:limit] if limit else value


def _append(fields: dict[str, Any]) -> AuditEvent:
    with transaction.atomic():
        head = _locked_head()
        event = AuditEvent(sequence=head.sequence + 1, occurred_at=timezone.now(), **fields)
        event.previous_hash = head.hash
        event.hash = event_hash(head.hash, canonical_content(event.recorded_fields()))
        event.save(force_insert=True)
        head.sequence, head.hash = event.sequence, event.hash
        head.save(update_fields=["sequence", "hash"])
    return event


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
    assignments: list[RoleAssignment] | None = None,
) -> AuditEvent:
    """Record who did what to which record; never the record's content. `assignments`: the
    actor's role assignments with their agencies, where the caller has already read them
    (every audited page has), so that they are not read again."""
    return _append(
        _fields(
            action=action,
            actor=actor,
            request=request,
            obj=obj,
            family_id=family_id,
            local_authority_id=local_authority_id,
            outcome=outcome,
            actor_label=actor_label,
            assignments=assignments,
        )
    )


def _fields(
    *,
    action: str,
    actor: User | None,
    request: HttpRequest | None = None,
    obj: Model | None = None,
    family_id: int | None = None,
    local_authority_id: int | None = None,
    outcome: str = Outcome.SUCCESS,
    actor_label: str = "",
    assignments: list[RoleAssignment] | None = None,
) -> dict[str, Any]:
    roles = agency = ""
    if actor is not None:
        if assignments is None:
            assignments = list(actor.role_assignments.select_related("agency"))
        authorities = {a.local_authority_id for a in assignments}
        if local_authority_id is None and len(authorities) == 1:
            local_authority_id = authorities.pop()
        held = _in_authority(assignments, local_authority_id)
        roles = ",".join(sorted({a.role for a in held}))
        agency = "; ".join(sorted({a.agency.name for a in held if a.agency is not None}))
    return {
        "actor_id": actor.pk if actor is not None else None,
        "actor_label": _fit("actor_label", actor_label or (actor.email if actor else "")),
        "roles": _fit("roles", roles),
        "agency": _fit("agency", agency),
        "action": _fit("action", action),
        "object_type": _fit("object_type", obj._meta.label_lower if obj is not None else ""),
        "object_id": _fit("object_id", str(obj.pk) if obj is not None else ""),
        "family_id": family_id,
        "local_authority_id": local_authority_id,
        "outcome": str(outcome),
        "request_id": _fit("request_id", getattr(request, "request_id", "") or ""),
        "ip_address": _client_ip(request),
    }


def audit_records(entries: list[dict[str, Any]]) -> list[AuditEvent]:
    """Many events of one bulk action (an import of thousands of families) appended at once,
    each with `audit_record`'s keywords: the chain head is locked and moved on once, and the
    events written together, in order. (Moving the head once per event inside one long
    transaction slows each append down on PostgreSQL, as the row's versions pile up.)"""
    if not entries:
        return []
    held: dict[int, list[RoleAssignment]] = {}  # each actor's roles, read once
    for entry in entries:
        actor = entry.get("actor")
        if actor is not None and actor.pk not in held:
            held[actor.pk] = list(actor.role_assignments.select_related("agency"))
    rows = [
        _fields(**entry, assignments=held[entry["actor"].pk] if entry.get("actor") else None)
        for entry in entries
    ]
    with transaction.atomic():
        head = _locked_head()
        sequence, previous, now = head.sequence, head.hash, timezone.now()
        events = []
        for fields in rows:
            sequence += 1
            event = AuditEvent(sequence=sequence, occurred_at=now, **fields)
            event.previous_hash = previous
            event.hash = previous = event_hash(previous, canonical_content(event.recorded_fields()))
            events.append(event)
        AuditEvent.objects.bulk_create(events, batch_size=500)
        head.sequence, head.hash = sequence, previous
        head.save(update_fields=["sequence", "hash"])
    return events


def audit_trail_read(
    *,
    action: str,
    actor: User,
    request: HttpRequest | None,
    family_ids: list[int] | None,
    authority_ids: list[int],
    assignments: list[RoleAssignment] | None = None,
) -> AuditEvent:
    """An auditor's search or export is itself in the trail: filed under the family it
    asked about, when it named exactly one."""
    return audit_record(
        action=action,
        actor=actor,
        request=request,
        family_id=family_ids[0] if family_ids is not None and len(family_ids) == 1 else None,
        local_authority_id=authority_ids[0] if len(authority_ids) == 1 else None,
        assignments=assignments,
    )


def audit_for_family(
    *,
    action: str,
    actor: User | None,
    family: Any,
    request: HttpRequest | None = None,
    obj: Model | None = None,
    outcome: str = Outcome.SUCCESS,
) -> AuditEvent:
    """An event filed under a family and its authority, so that authority's auditors see it."""
    return audit_record(
        action=action,
        actor=actor,
        request=request,
        obj=obj,
        family_id=family.pk,
        local_authority_id=family.local_authority_id,
        outcome=outcome,
    )

"""Changes made through the API, each in one transaction and audited under the client's
name: clients made and revoked, families sent by the case system, invitations; and refused
tokens, counted; and each record a client reads, audited (`client_get_or_404`)."""

from datetime import UTC, datetime
from typing import Any, TypeVar

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F, Model, QuerySet
from django.http import Http404
from django.utils import timezone
from django.utils.text import slugify
from rest_framework.exceptions import ValidationError

from cpconf.access.lookups import family_ids_of
from cpconf.accounts.models import User
from cpconf.api.models import (
    TOKEN_PREFIX_LENGTH,
    ApiClient,
    TokenRefusalCount,
    new_token,
    token_digest,
)
from cpconf.audit.models import Outcome
from cpconf.audit.services import audit_record
from cpconf.conferences import services as conference_services
from cpconf.conferences.models import Conference, Invitation
from cpconf.families.case_system import FamilyRecord, PersonRecord
from cpconf.families.models import Family
from cpconf.families.services import families_upsert
from cpconf.organisations.models import Agency, LocalAuthority

M = TypeVar("M", bound=Model)


def api_audit(
    client: ApiClient,
    request: Any,
    *,
    action: str,
    obj: Model | None = None,
    outcome: str = Outcome.SUCCESS,
) -> None:
    """One event per call, naming the client; filed under the record's family if it has one."""
    family_id, authority_id = family_ids_of(obj) if obj is not None else (None, None)
    audit_record(
        action=action,
        actor=client.user,
        request=getattr(request, "_request", request),
        obj=obj,
        family_id=family_id,
        local_authority_id=authority_id or client.local_authority_id,
        outcome=outcome,
        actor_label=client.audit_label,
    )


def client_get_or_404(
    client: ApiClient, scope: QuerySet[M], request: Any, *, action: str, **lookup: Any
) -> M:
    """The record from the client's scope, audited; else an audited refusal and a 404."""
    try:
        record = scope.get(**lookup)
    except scope.model.DoesNotExist:  # type: ignore[attr-defined]
        existing = scope.model._default_manager.filter(**lookup).first()
        api_audit(client, request, action=action, obj=existing, outcome=Outcome.REFUSED)
        raise Http404("No such record.") from None
    api_audit(client, request, action=action, obj=record)
    return record


@transaction.atomic
def api_client_create(
    *, local_authority: LocalAuthority, name: str, actor_label: str = ""
) -> tuple[ApiClient, str]:
    """The client and its token. The token is returned here and never again."""
    token = new_token()
    user = User.objects.create_user(
        email=f"{slugify(name) or 'client'}-{token_digest(token)[:8]}"
        f"@api-clients.{local_authority.slug}.invalid",
        password=None,
        first_name=name[:150],
        last_name="(API client)",
        is_active=False,
    )
    client = ApiClient.objects.create(
        local_authority=local_authority,
        name=name,
        token_hash=token_digest(token),
        token_prefix=token[:TOKEN_PREFIX_LENGTH],
        user=user,
    )
    _audit_admin("api_client_created", client, actor_label)
    return client, token


@transaction.atomic
def api_client_revoke(*, client: ApiClient, actor_label: str = "") -> ApiClient:
    client.is_active = False
    client.revoked_at = timezone.now()
    client.save(update_fields=["is_active", "revoked_at", "modified_at"])
    _audit_admin("api_client_revoked", client, actor_label)
    return client


def _audit_admin(action: str, client: ApiClient, actor_label: str) -> None:
    audit_record(
        action=action,
        actor=None,
        obj=client,
        local_authority_id=client.local_authority_id,
        actor_label=actor_label or "cpconf command",
    )


UNKNOWN_TOKEN_LABEL = "API client with an unknown token"  # noqa: S105 (a label)


def _window_start(now: datetime) -> datetime:
    """The start of the fixed window `now` falls in: the same for every web process."""
    seconds = settings.CPCONF_API_REFUSAL_WINDOW_SECONDS
    epoch = int(now.timestamp())
    return datetime.fromtimestamp(epoch - epoch % seconds, tz=UTC)


@transaction.atomic
def token_refusal_count(*, client: ApiClient | None, address: str, request: Any = None) -> None:
    """Count a wrong or revoked token. The first from this address (for this client) in the
    window is audited, naming the count, filed under the revoked client's authority if there
    is one; later ones only add to the count."""
    now = timezone.now()
    starts = _window_start(now)
    scope = TokenRefusalCount.objects.filter(
        address=address, client=client, window_starts_at=starts
    )
    if scope.update(refusals=F("refusals") + 1, last_refused_at=now):
        return
    try:
        with transaction.atomic():
            count = TokenRefusalCount.objects.create(
                address=address,
                client=client,
                window_starts_at=starts,
                last_refused_at=now,
            )
    except IntegrityError:  # another process counted the window's first at the same moment
        scope.update(refusals=F("refusals") + 1, last_refused_at=now)
        return
    audit_record(
        action="api_token_refused",
        actor=None,
        request=request,
        obj=count,
        local_authority_id=client.local_authority_id if client else None,
        outcome=Outcome.REFUSED,
        actor_label=client.audit_label if client else UNKNOWN_TOKEN_LABEL,
    )


@transaction.atomic
def family_put(
    *, client: ApiClient, case_reference: str, data: dict[str, Any], request: Any = None
) -> tuple[Family, bool]:
    """Create or update the family the case system knows by `case_reference`, with the
    children and members it names (matched by their references), through the one path every
    family from the case system takes (`families_upsert`, which also keeps the front sheet's
    version). People the request does not name are left as they are: the API never removes
    a child or an adult."""
    record = FamilyRecord(
        case_reference=case_reference,
        values={k: data[k] for k in ("name", "allocated_social_worker") if k in data},
        children=[PersonRecord(c["reference"], c) for c in data.get("children", [])],
        members=[PersonRecord(m["reference"], m) for m in data.get("members", [])],
    )
    (result,) = families_upsert(
        local_authority=client.local_authority, families=[record], actor=client.user
    )
    action = "api_family_created" if result.created else "api_family_updated"
    api_audit(
        client,
        request,
        action=action if result.changed else "api_family_unchanged",
        obj=result.family,
    )
    return result.family, result.created


@transaction.atomic
def invitation_create(
    *, client: ApiClient, conference: Conference, agency: Agency, email: str, request: Any = None
) -> Invitation:
    """The unit's invitation, with the same checks (`conferences.services.invitation_add`):
    each refusal is a 400 naming its field."""
    try:
        invitation = conference_services.invitation_add(
            conference=conference,
            agency=agency,
            email=email,
            actor=client.user,
            request=getattr(request, "_request", request),
        )
    except conference_services.InvitationRefused as refused:
        raise ValidationError({field: [message] for field, message in refused.problems}) from None
    except conference_services.InvitationsClosed as closed:
        raise ValidationError({"conference": [str(closed)]}) from None
    api_audit(client, request, action="api_invitation_created", obj=invitation)
    return invitation

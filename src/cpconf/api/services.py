"""Changes made through the API, each in one transaction and audited under the client's
name: clients made and revoked, families sent by the case system, invitations; and refused
tokens, counted."""

from datetime import UTC, datetime
from typing import Any

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F, Model
from django.utils import timezone
from django.utils.text import slugify
from rest_framework.exceptions import ValidationError

from cpconf.accounts.models import Role, User
from cpconf.api.models import (
    TOKEN_PREFIX_LENGTH,
    ApiClient,
    ExternalReference,
    ReferenceKind,
    TokenRefusalCount,
    new_token,
    token_digest,
)
from cpconf.api.selectors import api_audit
from cpconf.audit.models import Outcome
from cpconf.audit.services import audit_record
from cpconf.conferences import services as conference_services
from cpconf.conferences.models import Conference, Invitation
from cpconf.families.models import Child, Family, FamilyMember
from cpconf.organisations.models import Agency, LocalAuthority

ALREADY_INVITED = "%(email)s is already invited to this conference"
NOT_A_WRITER_HERE = "%(email)s has an account but does not write reports here"

CHILD_FIELDS = (
    "given_name",
    "family_name",
    "date_of_birth",
    "expected_due_date",
    "nhs_number",
    "other_id",
)
MEMBER_FIELDS = (
    "full_name",
    "relationship",
    "lives_in_household",
    "language",
    "needs_interpreter",
    "access_needs",
)


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


def _assign(record: Model, values: dict[str, Any], fields: tuple[str, ...]) -> bool:
    """Set the fields; whether anything changed (so the same request twice changes nothing)."""
    changed = False
    for field in fields:
        if field in values and getattr(record, field) != values[field]:
            setattr(record, field, values[field])
            changed = True
    return changed


def _person_put(family: Family, kind: str, item: dict[str, Any], client: ApiClient) -> bool:
    model: type[Child] | type[FamilyMember] = Child if kind == ReferenceKind.CHILD else FamilyMember
    fields = CHILD_FIELDS if kind == ReferenceKind.CHILD else MEMBER_FIELDS
    link = (
        ExternalReference.objects.select_related("child", "member")
        .filter(family=family, kind=kind, reference=item["reference"])
        .first()
    )
    if link is None:
        values = {f: item[f] for f in fields if f in item}
        created = model.objects.create(
            family=family, created_by=client.user, modified_by=client.user, **values
        )
        ExternalReference.objects.create(
            family=family, kind=kind, reference=item["reference"], **{kind: created}
        )
        return True
    person: Child | FamilyMember | None = link.child if kind == ReferenceKind.CHILD else link.member
    if person is None:  # the check constraint makes this impossible
        raise ValueError(f"Reference {link.pk} names nobody.")
    if not _assign(person, item, fields):
        return False
    person.modified_by = client.user
    person.save()
    return True


def _family_locked(client: ApiClient, case_reference: str, name: str) -> tuple[Family, bool]:
    """The family, locked for this transaction, made first if need be. Two calls making the
    same family at once: the second finds the first's (after the unique constraint)."""
    scope = Family.objects.select_for_update().filter(
        local_authority=client.local_authority, case_reference=case_reference
    )
    family = scope.first()
    if family is not None:
        return family, False
    try:
        with transaction.atomic():
            family = Family.objects.create(
                local_authority=client.local_authority,
                case_reference=case_reference,
                name=name,
                created_by=client.user,
                modified_by=client.user,
            )
    except IntegrityError:
        return scope.get(), False
    return family, True


@transaction.atomic
def family_put(
    *, client: ApiClient, case_reference: str, data: dict[str, Any], request: Any = None
) -> tuple[Family, bool]:
    """Create or update the family the case system knows by `case_reference`, with the
    children and members it names (matched by their references). People the request does
    not name are left as they are: the API never removes a child or an adult."""
    family, created = _family_locked(client, case_reference, data["name"])
    changed = _assign(family, data, ("name", "allocated_social_worker"))
    if changed:
        family.modified_by = client.user
        family.save()
    for child in data.get("children", []):
        changed |= _person_put(family, ReferenceKind.CHILD, child, client)
    for member in data.get("members", []):
        changed |= _person_put(family, ReferenceKind.MEMBER, member, client)
    action = "api_family_created" if created else "api_family_updated"
    api_audit(
        client, request, action=action if created or changed else "api_family_unchanged", obj=family
    )
    return family, created


def _check_invitee(conference: Conference, email: str) -> User | None:
    """The same checks as the unit's invitation page."""
    if conference.invitations.filter(email__iexact=email).exists():
        raise ValidationError({"email": [ALREADY_INVITED % {"email": email}]})
    invitee = User.objects.filter(email__iexact=email).first()
    if (
        invitee is not None
        and not invitee.role_assignments.filter(
            local_authority=conference.family.local_authority,
            role__in=(Role.PROFESSIONAL, Role.SOCIAL_WORKER),
        ).exists()
    ):
        raise ValidationError({"email": [NOT_A_WRITER_HERE % {"email": email}]})
    return invitee


@transaction.atomic
def invitation_create(
    *, client: ApiClient, conference: Conference, agency: Agency, email: str, request: Any = None
) -> Invitation:
    email = email.strip().lower()
    invitee = _check_invitee(conference, email)
    invitation = conference_services.invitation_add(
        conference=conference,
        agency=agency,
        email=email,
        invitee=invitee,
        actor=client.user,
        request=getattr(request, "_request", request),
    )
    api_audit(client, request, action="api_invitation_created", obj=invitation)
    return invitation

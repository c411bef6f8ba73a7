"""The unit sets up its authority's agencies: each change in one transaction, audited under
the authority. Agencies are retired with a reason, never deleted: reports and invitations
keep naming them."""

from django.db import IntegrityError, transaction
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cpconf.accounts.models import User
from cpconf.audit.services import audit_record
from cpconf.organisations.models import Agency, LocalAuthority

AGENCY_NAME_TAKEN = _("There is already an agency called %(name)s in your authority")


class AgencyNameTaken(ValueError):
    """Two agencies of one authority would share a name (letter case aside)."""

    def __init__(self, name: str) -> None:
        super().__init__(str(AGENCY_NAME_TAKEN) % {"name": name})


def _audit(action: str, *, agency: Agency, actor: User, request: HttpRequest | None) -> None:
    audit_record(
        action=action,
        actor=actor,
        request=request,
        obj=agency,
        local_authority_id=agency.local_authority_id,
    )


def _check_name_free(local_authority: LocalAuthority, name: str, *, agency: Agency | None) -> None:
    others = Agency.objects.filter(local_authority=local_authority, name__iexact=name)
    if agency is not None:
        others = others.exclude(pk=agency.pk)
    if others.exists():
        raise AgencyNameTaken(name)


def _saved(agency: Agency, name: str) -> None:
    """Saved; two people adding the same name at once meet the database's constraint."""
    try:
        with transaction.atomic():
            agency.save()
    except IntegrityError:
        raise AgencyNameTaken(name) from None


@transaction.atomic
def agency_add(
    *,
    local_authority: LocalAuthority,
    name: str,
    kind: str,
    actor: User,
    request: HttpRequest | None = None,
) -> Agency:
    name = name.strip()
    _check_name_free(local_authority, name, agency=None)
    agency = Agency(
        local_authority=local_authority, name=name, kind=kind, created_by=actor, modified_by=actor
    )
    _saved(agency, name)
    _audit("agency_added", agency=agency, actor=actor, request=request)
    return agency


@transaction.atomic
def agency_change(
    *, agency: Agency, name: str, kind: str, actor: User, request: HttpRequest | None = None
) -> Agency:
    """A new name or kind; reports already written keep the prompts they were written with."""
    name = name.strip()
    _check_name_free(agency.local_authority, name, agency=agency)
    agency.name, agency.kind, agency.modified_by = name, kind, actor
    _saved(agency, name)
    _audit("agency_changed", agency=agency, actor=actor, request=request)
    return agency


@transaction.atomic
def agency_retire(
    *, agency: Agency, reason: str, actor: User, request: HttpRequest | None = None
) -> Agency:
    """No longer offered for invitations or staff; kept wherever it is already named."""
    agency.retired_at = timezone.now()
    agency.retired_reason = reason.strip()
    agency.modified_by = actor
    agency.save(update_fields=["retired_at", "retired_reason", "modified_by", "modified_at"])
    _audit("agency_retired", agency=agency, actor=actor, request=request)
    return agency

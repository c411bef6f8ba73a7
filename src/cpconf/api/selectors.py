"""Reads for the API. Every one starts from the client's local authority, so a client can
never list, read or change another authority's records; one it may not see is a 404, with
the refusal audited under the record's own family."""

from datetime import date
from typing import Any, TypeVar

from django.db.models import Model, Prefetch, QuerySet
from django.http import Http404

from cpconf.access.lookups import family_ids_of
from cpconf.api.models import ApiClient
from cpconf.audit.models import Outcome
from cpconf.audit.services import audit_record
from cpconf.conference_records.models import RecordVersion
from cpconf.conferences.models import Conference, Invitation
from cpconf.families.models import Child, Family, FamilyMember
from cpconf.organisations.models import Agency
from cpconf.reports.models import ProfessionalReport, ReportStatus

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


def families_of(client: ApiClient) -> QuerySet[Family]:
    children = Child.objects.select_related("external_reference").order_by("pk")
    members = FamilyMember.objects.select_related("external_reference").order_by("pk")
    return (
        Family.objects.filter(local_authority=client.local_authority)
        .select_related("allocated_social_worker")
        .prefetch_related(Prefetch("children", children), Prefetch("members", members))
        .order_by("case_reference")
    )


def agencies_of(client: ApiClient) -> QuerySet[Agency]:
    """The agencies a client may invite for: retired ones are no longer offered."""
    return Agency.objects.in_use().filter(local_authority=client.local_authority).order_by("name")


def conferences_of(
    client: ApiClient,
    *,
    family: str | None = None,
    starts_from: date | None = None,
    starts_to: date | None = None,
) -> QuerySet[Conference]:
    conferences = Conference.objects.filter(
        family__local_authority=client.local_authority
    ).select_related("family", "family__local_authority", "chair")
    if family is not None:
        conferences = conferences.filter(family__case_reference=family)
    if starts_from is not None:
        conferences = conferences.filter(starts_at__date__gte=starts_from)
    if starts_to is not None:
        conferences = conferences.filter(starts_at__date__lte=starts_to)
    return conferences.order_by("starts_at", "pk")


def invitations_of(client: ApiClient) -> QuerySet[Invitation]:
    return (
        Invitation.objects.filter(conference__family__local_authority=client.local_authority)
        .select_related("agency", "invitee", "conference", "conference__family__local_authority")
        .order_by("conference__starts_at", "agency__name", "email")
    )


def reports_by_author(conference: Conference) -> dict[int, ProfessionalReport]:
    """Each invitee's report at the conference, by author, for its status."""
    return {r.author_id: r for r in ProfessionalReport.objects.filter(conference=conference)}


def submitted_reports_of(client: ApiClient) -> QuerySet[ProfessionalReport]:
    """Submitted reports only: a draft is its author's until it is submitted."""
    return (
        ProfessionalReport.objects.filter(
            conference__family__local_authority=client.local_authority,
            status=ReportStatus.SUBMITTED,
            versions__isnull=False,
        )
        .select_related(
            "agency",
            "author",
            "conference",
            "conference__family",
            "conference__family__local_authority",
        )
        .distinct()
    )


def latest_finalised_record(conference: Conference) -> RecordVersion | None:
    """Every version is a finalised record (a correction makes the next one)."""
    return RecordVersion.objects.filter(record__conference=conference).order_by("-number").first()

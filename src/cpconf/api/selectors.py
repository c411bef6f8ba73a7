"""Reads for the API. Every one starts from the client's local authority, so a client can
never list, read or change another authority's records (`services.client_get_or_404` fetches
one from these scopes and audits the access, or the refusal and a 404)."""

from datetime import date

from django.db.models import Prefetch, QuerySet

from cpconf.api.models import ApiClient
from cpconf.conference_records.models import RecordVersion
from cpconf.conferences.models import Conference, Invitation
from cpconf.families.models import Child, Family, FamilyMember
from cpconf.organisations.models import Agency
from cpconf.reports.models import ProfessionalReport, ReportStatus


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

"""Reading the audit trail: an auditor's search within their own authority, and who has
looked at a report."""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import NamedTuple

from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cpconf.access import AnyUser, roles_of
from cpconf.accounts.models import Role
from cpconf.audit.models import AuditEvent, Outcome
from cpconf.families.models import Child, Family
from cpconf.reports.models import ProfessionalReport, ReportVersion

ACTION_LABELS = {
    "sign_in": _("Sign-in"),
    "sign_out": _("Sign-out"),
    "family_viewed": _("Viewed the family's record"),
    "report_viewed": _("Viewed the report"),
    "report_version_viewed": _("Viewed a submitted version"),
    "report_versions_compared": _("Compared versions"),
    "report_started": _("Started the report"),
    "report_submitted": _("Signed and submitted"),
    "report_amendment_started": _("Started an amendment"),
    "report_amendment_submitted": _("Signed and submitted an amendment"),
    "report_conference_copy_downloaded": _("Downloaded the conference copy"),
    "report_family_copy_downloaded": _("Downloaded the family copy"),
    "audit_searched": _("Searched the audit trail"),
    "audit_exported": _("Exported the audit trail"),
}


def action_label(action: str) -> str:
    return str(ACTION_LABELS.get(action, action.replace("_", " ").capitalize()))


def role_labels(roles: str) -> str:
    """ "chair,unit_administrator" as "Conference chair, Unit administrator"."""
    labels = {value: str(label) for value, label in Role.choices}
    return ", ".join(labels.get(role, role) for role in roles.split(",") if role)


def auditor_authority_ids(user: AnyUser) -> list[int]:
    """The authorities whose trail this user may read: where they hold the auditor role."""
    return sorted({a.local_authority_id for a in roles_of(user) if a.role == Role.AUDITOR})


@dataclass(frozen=True)
class AuditSearch:
    """What an auditor asked for; blank means any."""

    child: str = ""
    family: str = ""
    user: str = ""
    action: str = ""
    start: date | None = None
    end: date | None = None


def _children_named(text: str, authority_ids: list[int]) -> QuerySet[Child]:
    children = Child.objects.filter(family__local_authority_id__in=authority_ids)
    if text.isdigit():
        return children.filter(pk=int(text))
    for word in text.split():
        children = children.filter(Q(given_name__icontains=word) | Q(family_name__icontains=word))
    return children


def searched_family_ids(search: AuditSearch, authority_ids: list[int]) -> list[int] | None:
    """The families a child or family filter names (in the auditor's authorities only), or
    None when the search names neither."""
    if not (search.child or search.family):
        return None
    families = Family.objects.filter(local_authority_id__in=authority_ids)
    if search.family:
        families = families.filter(case_reference__iexact=search.family)
    if search.child:
        children = _children_named(search.child, authority_ids)
        families = families.filter(pk__in=children.values("family_id"))
    return list(families.values_list("pk", flat=True))


def _start_of(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def events_matching(search: AuditSearch, authority_ids: list[int]) -> QuerySet[AuditEvent]:
    """The events in the auditor's authorities that match, newest first."""
    events = AuditEvent.objects.filter(local_authority_id__in=authority_ids)
    family_ids = searched_family_ids(search, authority_ids)
    if family_ids is not None:
        events = events.filter(family_id__in=family_ids)
    if search.user:
        events = events.filter(actor_label__icontains=search.user)
    if search.action:
        events = events.filter(action=search.action)
    if search.start is not None:
        events = events.filter(occurred_at__gte=_start_of(search.start))
    if search.end is not None:
        events = events.filter(occurred_at__lt=_start_of(search.end + timedelta(days=1)))
    return events.order_by("-sequence")


def actions_in(authority_ids: list[int]) -> list[str]:
    events = AuditEvent.objects.filter(local_authority_id__in=authority_ids)
    return sorted(set(events.values_list("action", flat=True).distinct()))


def case_references(family_ids: set[int], authority_ids: list[int]) -> dict[int, str]:
    """Case references for the families on one page of results, from the auditor's
    authorities only."""
    families = Family.objects.filter(pk__in=family_ids, local_authority_id__in=authority_ids)
    return dict(families.values_list("pk", "case_reference"))


class ReportViewer(NamedTuple):
    who: str
    role: str
    agency: str
    when: datetime
    action: str


def report_viewers(report: ProfessionalReport) -> list[ReportViewer]:
    """Everyone who has looked at, downloaded or changed the report or any of its versions,
    newest first, from the audit trail. Refused attempts are not listed: they saw nothing."""
    version_ids = [str(pk) for pk in report.versions.values_list("pk", flat=True)]
    about_report = Q(
        object_type=ProfessionalReport._meta.label_lower, object_id=str(report.pk)
    ) | Q(object_type=ReportVersion._meta.label_lower, object_id__in=version_ids)
    events = (
        AuditEvent.objects.filter(about_report, outcome=Outcome.SUCCESS)
        .filter(local_authority_id=report.conference.family.local_authority_id)
        .select_related("actor")
        .order_by("-sequence")
    )
    return [
        ReportViewer(
            who=(event.actor.get_full_name() if event.actor else "") or event.actor_label,
            role=role_labels(event.roles),
            agency=event.agency,
            when=event.occurred_at,
            action=action_label(event.action),
        )
        for event in events
    ]

"""Who has looked at a report: read from the audit trail, for the report's own page."""

from datetime import datetime
from typing import NamedTuple

from django.db.models import Q

from cpconf.accounts.models import role_labels
from cpconf.audit.actions import action_label
from cpconf.audit.models import AuditEvent, Outcome
from cpconf.reports.models import ProfessionalReport, ReportVersion


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

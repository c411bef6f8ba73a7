"""The API's view of reports and records: plain dicts in the shapes of the output
serializers, every missing key given its empty value so a response always keeps to its
schema. The report content is always the family copy."""

from typing import Any

from django.utils import timezone

from cpconf.conference_records import record_content as record_parts
from cpconf.conference_records.models import RecordVersion
from cpconf.conferences.models import Conference, Invitation
from cpconf.conferences.scheduling import deadlines_for
from cpconf.organisations.report_forms import report_form_named
from cpconf.reports import report_content as report_parts
from cpconf.reports.models import ProfessionalReport, ReportVersion
from cpconf.reports.selectors import form_of

SUBMITTED_LATE = "submitted_late"
NOT_STARTED = "not_started"


def report_status(invitation: Invitation, report: ProfessionalReport | None) -> dict[str, Any]:
    """Where the invitee's report is, in the words of the reports-received board."""
    status = NOT_STARTED if report is None else str(report.status)
    if report is not None and report.is_submitted and report.submitted_late:
        status = SUBMITTED_LATE
    submitted = report is not None and report.is_submitted
    submit_by = deadlines_for(invitation.conference).submit_by
    return {
        "status": status,
        "overdue": not submitted and timezone.now() > submit_by,
        "submitted_at": report.submitted_at if report is not None else None,
        "report": report.pk if submitted and report is not None else None,
    }


def invitation_payload(invitation: Invitation, report: ProfessionalReport | None) -> dict:
    return {
        "id": invitation.pk,
        "conference_id": invitation.conference_id,
        "agency": invitation.agency,
        "email": invitation.email,
        "attendance": invitation.attendance,
        "report_status": report_status(invitation, report),
    }


def family_copy_parts(report: ProfessionalReport, version: ReportVersion) -> list[dict]:
    """The version's parts the family may read, in the form's order. A restricted part never
    leaves, whatever the form says about who sees it."""
    form = (
        report_form_named(version.content["form"]) if "form" in version.content else form_of(report)
    )
    content = report_parts.family_copy(dict(version.content.get("parts", {})), form)
    parts = []
    for part in report_parts.parts_of(form):
        if part.kind == "restricted" or part.key not in content:
            continue
        value = content[part.key] if isinstance(content[part.key], dict) else {}
        parts.append(
            {
                "key": part.key,
                "title": part.title,
                "kind": part.kind,
                "text": report_parts.text_of(part.kind, value, form),
                "content": value,
            }
        )
    return parts


def report_payload(report: ProfessionalReport, version: ReportVersion) -> dict[str, Any]:
    return {
        "id": report.pk,
        "conference": report.conference_id,
        "family": report.conference.family.case_reference,
        "agency": report.agency,
        "copy": "family",
        "version": version.number,
        "signed_name": version.signed_name,
        "signed_role": version.signed_role,
        "signed_at": version.signed_at,
        "late": version.late,
        "amendment_reason": version.amendment_reason,
        "parts": family_copy_parts(report, version),
    }


def outcome_payload(conference: Conference, version: RecordVersion) -> dict[str, Any]:
    """Decisions, plan and future dates from the finalised record (the rest of the minutes
    stay in the service), read through the record's types; the serializer publishes the
    fields the API offers."""
    record = record_parts.RecordContent.from_json(version.content)
    return {
        "conference": conference.pk,
        "version": version.number,
        "finalised_at": version.finalised_at,
        "decisions": record.decisions.to_json(),
        "plan": [action.to_json() for action in record.plan.actions],
        "future_dates": record.future_dates.to_json(),
    }

"""Chasing reports: each invitee is reminded a few working days before each of their
deadlines, and the unit is told when a report becomes late. Run as a background job; safe to
run as often as you like — each reminder is sent once, however many times it runs."""

from dataclasses import dataclass
from datetime import datetime, time

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.utils import timezone

from cpconf.accounts.models import Role, User
from cpconf.conferences.models import Conference, ConferenceStatus, Reminder, ReminderKind
from cpconf.conferences.scheduling import deadlines_for
from cpconf.deadlines import calendar_for_policy
from cpconf.reports.received import BoardRow, board_rows


@dataclass(frozen=True)
class DueReminder:
    row: BoardRow
    kind: str
    deadline: datetime
    recipients: tuple[str, ...]


def _reminding_from(conference: Conference, deadline: datetime) -> datetime:
    """The start of the working day N working days before the deadline's date."""
    calendar = calendar_for_policy(conference.family.local_authority.policy)
    deadline_day = timezone.localtime(deadline, calendar.tz).date()
    day = calendar.working_days_before(deadline_day, settings.CPCONF_REMINDER_WORKING_DAYS)
    return datetime.combine(day, time(0, 0), tzinfo=calendar.tz)


def _unit_emails(conference: Conference) -> tuple[str, ...]:
    return tuple(
        User.objects.filter(
            is_active=True,
            role_assignments__role=Role.UNIT_ADMINISTRATOR,
            role_assignments__local_authority=conference.family.local_authority,
        )
        .order_by("email")
        .values_list("email", flat=True)
    )


def due_for(conference: Conference, now: datetime) -> list[DueReminder]:
    deadlines = deadlines_for(conference)
    due = []
    for row in board_rows(conference):
        if row.is_submitted:
            continue
        invitee = (row.invitation.email,)
        for kind, deadline, done in (
            (ReminderKind.SHARE_DUE, deadlines.share_with_family_by, row.shared),
            (ReminderKind.SUBMIT_DUE, deadlines.submit_by, False),
        ):
            if not done and _reminding_from(conference, deadline) <= now < deadline:
                due.append(DueReminder(row, kind, deadline, invitee))
        if now >= deadlines.submit_by:
            due.append(
                DueReminder(
                    row, ReminderKind.LATE_TO_UNIT, deadlines.submit_by, _unit_emails(conference)
                )
            )
    return due


def _when(moment: datetime) -> str:
    local = timezone.localtime(moment)
    return f"{local:%A} {local.day} {local:%B %Y} at {local:%H:%M}"


def _message(reminder: DueReminder) -> tuple[str, str]:
    conference = reminder.row.invitation.conference
    reference = conference.family.case_reference
    meeting = f"{conference.meeting_type_label} on {_when(conference.starts_at)}"
    if reminder.kind == ReminderKind.SHARE_DUE:
        return (
            f"Reminder: share your report with the family ({reference})",
            f"Your report for the {meeting} must be shared with the family by "
            f"{_when(reminder.deadline)}. Record when and how you shared it, or why not.",
        )
    if reminder.kind == ReminderKind.SUBMIT_DUE:
        return (
            f"Reminder: submit your report ({reference})",
            f"Your report for the {meeting} is due by {_when(reminder.deadline)}.",
        )
    who = reminder.row.invitation.email
    agency = reminder.row.invitation.agency.name
    return (
        f"Late report: {agency} ({reference})",
        f"The report from {who} ({agency}) for the {meeting} was due by "
        f"{_when(reminder.deadline)} and has not been submitted.",
    )


def _send(reminder: DueReminder, now: datetime) -> bool:
    """Record, then send, in one transaction: a second run finds the record and sends
    nothing; a failed send leaves no record, so the next run tries again."""
    if not reminder.recipients:
        return False
    try:
        with transaction.atomic():
            Reminder.objects.create(
                invitation=reminder.row.invitation,
                kind=reminder.kind,
                deadline=reminder.deadline,
                sent_at=now,
                recipients=", ".join(reminder.recipients),
            )
            subject, body = _message(reminder)
            send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, list(reminder.recipients))
    except IntegrityError:
        return False
    return True


def send_due_reminders(now: datetime | None = None) -> int:
    """Send every reminder due now that has not been sent; return how many were sent."""
    now = now or timezone.now()
    upcoming = Conference.objects.filter(
        status=ConferenceStatus.SCHEDULED, starts_at__gt=now
    ).select_related("family", "family__local_authority")
    sent = 0
    for conference in upcoming:
        for reminder in due_for(conference, now):
            sent += _send(reminder, now)
    return sent

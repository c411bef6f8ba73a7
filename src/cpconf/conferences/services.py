"""Booking, moving and inviting: each change in one transaction, audited, and the people
concerned told by email (with the meeting as a calendar attachment).

Booking and inviting each lock a row before they check (the family's, the conference's), so a
button pressed twice at once makes one conference or one invitation and the second press is
told why, rather than making a duplicate or meeting the database's constraint as an error."""

from datetime import date, datetime
from typing import Any

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from cpconf.accounts.invitations import (
    account_set_up_link,
    needs_set_up,
    professional_account_invite,
)
from cpconf.accounts.models import ROLES_WITH_AGENCY, User
from cpconf.audit.services import audit_for_family
from cpconf.conferences.calendar_file import conference_ics
from cpconf.conferences.models import Attendance, Conference, ConferenceStatus, Invitation
from cpconf.conferences.scheduling import deadlines_for
from cpconf.families.models import Family
from cpconf.organisations.models import Agency

CONFERENCE_HELD = (
    "This conference has already been held, so it cannot be moved. "
    "Correct the record if something about it was wrong."
)


ALREADY_BOOKED = gettext_noop(
    "This family already has a conference at {time} on {day}: choose another date or time"
)
ALREADY_INVITED = gettext_noop("{email} is already invited to this conference")
NOT_A_WRITER_HERE = gettext_noop("{email} has an account but does not write reports here")
ACCOUNT_DISABLED = gettext_noop(
    "{email}'s account is disabled, so they could not write a report: enable it from the "
    "authority's staff page first"
)
AGENCY_NOT_THEIRS = gettext_noop("{email} works for {theirs}, not {chosen}: choose their agency")
FINALISED_NO_INVITATIONS = gettext_noop(
    "The record of this conference is finalised, so nobody more can be invited to it"
)
CANCELLED_NO_INVITATIONS = gettext_noop(
    "This conference is cancelled, so nobody can be invited to it"
)


class ConferenceHeld(ValueError):
    """A held or finalised conference is history: moving it would rewrite what happened."""


class ConferenceAlreadyBooked(ValueError):
    """The family already has a conference at that moment: most often the same "Book the
    conference" pressed twice."""

    def __init__(self, conference: Conference) -> None:
        super().__init__(already_booked_message(conference))
        self.conference = conference


class InvitationsClosed(ValueError):
    """The conference's record is finalised or the conference is cancelled."""


class InvitationRefused(ValueError):
    """The invitation cannot be made as asked: each problem is (the form field it is about,
    the message), so a page or the API can put it beside that field."""

    def __init__(self, problems: list[tuple[str, str]]) -> None:
        super().__init__("; ".join(message for _field, message in problems))
        self.problems = problems


def _audit(
    action: str, *, actor: User, request: HttpRequest | None, obj: Any, conference: Conference
) -> None:
    audit_for_family(action=action, actor=actor, request=request, obj=obj, family=conference.family)


@transaction.atomic
def conference_book(
    *,
    family: Family,
    meeting_type: str,
    starts_at: datetime,
    chair: User,
    place: str = "",
    virtual_link: str = "",
    previous: Conference | None = None,
    strategy_discussion_on: date | None = None,
    booked_by: User,
    request: HttpRequest | None = None,
) -> Conference:
    """Book the conference, unless the family already has one at that moment. The family's
    row is locked first, so two presses at once queue there and the second finds the first's
    conference."""
    Family.objects.select_for_update().only("pk").get(pk=family.pk)
    existing = conference_at(family, starts_at)
    if existing is not None:
        raise ConferenceAlreadyBooked(existing)
    policy = family.local_authority.policy
    conference = Conference.objects.create(
        family=family,
        meeting_type=meeting_type,
        stage=policy.meeting_type(meeting_type).stage,
        starts_at=starts_at,
        chair=chair,
        place=place,
        virtual_link=virtual_link,
        previous=previous,
        strategy_discussion_on=strategy_discussion_on,
        created_by=booked_by,
        modified_by=booked_by,
    )
    _audit(
        "conference_booked", actor=booked_by, request=request, obj=conference, conference=conference
    )
    return conference


def conference_at(
    family: Family, starts_at: datetime, besides: Conference | None = None
) -> Conference | None:
    """The family's conference (not cancelled, nor the one `besides`) starting at exactly
    that moment, if any."""
    found = family.conferences.filter(starts_at=starts_at).exclude(
        status=ConferenceStatus.CANCELLED
    )
    if besides is not None:
        found = found.exclude(pk=besides.pk)
    return found.first()


def already_booked_message(conference: Conference) -> str:
    local = timezone.localtime(conference.starts_at)
    return _(ALREADY_BOOKED).format(
        time=f"{local:%H:%M}", day=f"{local:%A} {local.day} {local:%B %Y}"
    )


@transaction.atomic
def conference_reschedule(
    *,
    conference: Conference,
    starts_at: datetime,
    place: str,
    virtual_link: str,
    actor: User,
    request: HttpRequest | None = None,
) -> Conference:
    """Move the meeting; every deadline follows from the new time, and invitees are told.
    A meeting that has been held, or whose record is finalised, stays where it happened."""
    if not conference_may_move(conference):
        raise ConferenceHeld(CONFERENCE_HELD)
    Family.objects.select_for_update().only("pk").get(pk=conference.family_id)
    existing = conference_at(conference.family, starts_at, besides=conference)
    if existing is not None:
        raise ConferenceAlreadyBooked(existing)
    moved_from = conference.starts_at
    conference.starts_at = starts_at
    conference.place = place
    conference.virtual_link = virtual_link
    conference.modified_by = actor
    conference.save()
    _audit(
        "conference_rescheduled",
        actor=actor,
        request=request,
        obj=conference,
        conference=conference,
    )
    for invitation in conference.invitations.all():
        transaction.on_commit(
            lambda i=invitation: _send_invitation(i, moved_from=moved_from)  # type: ignore[misc]
        )
    return conference


def conference_may_move(conference: Conference) -> bool:
    return conference.status != ConferenceStatus.FINALISED and (
        conference.starts_at > timezone.now()
    )


@transaction.atomic
def invitation_add(
    *,
    conference: Conference,
    agency: Agency,
    email: str,
    invitee: User | None = None,
    actor: User,
    request: HttpRequest | None = None,
) -> Invitation:
    """Invite an existing professional or social worker of the authority (found by email when
    not given), or create an account for someone new and send them a one-time link to set it
    up. The conference's row is locked before anything is checked, so two presses at once
    queue and the second is refused as already invited (and makes no second account)."""
    locked = Conference.objects.select_for_update().get(pk=conference.pk)
    if not locked.takes_invitations:
        raise InvitationsClosed(invitations_closed_message(locked))
    email = email.strip().lower()
    invitee = invitee or User.objects.filter(email__iexact=email).first()
    problems = _invitation_problems(conference, agency, email, invitee)
    if problems:
        raise InvitationRefused(problems)
    if invitee is None:
        invitee = professional_account_invite(
            email=email, agency=agency, actor=actor, request=request
        )
    invitation = Invitation.objects.create(
        conference=conference,
        agency=agency,
        email=email,
        invitee=invitee,
        created_by=actor,
        modified_by=actor,
    )
    _audit("invitation_sent", actor=actor, request=request, obj=invitation, conference=conference)
    transaction.on_commit(lambda: _send_invitation(invitation))
    return invitation


def invitations_closed_message(conference: Conference) -> str:
    if conference.status == ConferenceStatus.CANCELLED:
        return _(CANCELLED_NO_INVITATIONS)
    return _(FINALISED_NO_INVITATIONS)


def _invitation_problems(
    conference: Conference, agency: Agency, email: str, invitee: User | None
) -> list[tuple[str, str]]:
    """Someone is invited once, and an existing account is enabled and writes reports in
    this authority and for the agency chosen: a report is written for the agency its author
    works for."""
    if conference.invitations.filter(email__iexact=email).exists():
        return [("email", _(ALREADY_INVITED).format(email=email))]
    if invitee is None:
        return []
    if not invitee.is_active:
        return [("email", _(ACCOUNT_DISABLED).format(email=email))]
    theirs = [
        assignment.agency
        for assignment in invitee.role_assignments.filter(
            local_authority_id=conference.family.local_authority_id, role__in=ROLES_WITH_AGENCY
        ).select_related("agency")
        if assignment.agency is not None
    ]
    if not theirs:
        return [("email", _(NOT_A_WRITER_HERE).format(email=email))]
    if agency.pk not in {their.pk for their in theirs}:
        names = _(" or ").join(sorted({their.name for their in theirs}))
        message = _(AGENCY_NOT_THEIRS).format(email=email, theirs=names, chosen=agency.name)
        return [("agency", message)]
    return []


@transaction.atomic
def attendance_record(
    *,
    invitation: Invitation,
    attendance: str,
    actor: User,
    request: HttpRequest | None = None,
) -> Invitation:
    invitation.attendance = Attendance(attendance)
    invitation.modified_by = actor
    invitation.save(update_fields=["attendance", "modified_by", "modified_at"])
    _audit(
        "attendance_recorded",
        actor=actor,
        request=request,
        obj=invitation,
        conference=invitation.conference,
    )
    return invitation


def _when(moment: datetime) -> str:
    local = timezone.localtime(moment)
    return f"{local:%A} {local.day} {local:%B %Y} at {local:%H:%M}"


def _send_invitation(invitation: Invitation, moved_from: datetime | None = None) -> None:
    """The invitation or the change, with the meeting as a calendar file. The email names
    the family only by its case reference: email is not a safe place for children's names."""
    conference = invitation.conference
    deadlines = deadlines_for(conference)
    where = conference.place or "Online (the link is in the service)"
    if moved_from is None:
        subject = (
            f"Invitation: {conference.meeting_type_label} ({conference.family.case_reference})"
        )
        opening = "You are invited to a child protection conference."
    else:
        subject = f"Moved: {conference.meeting_type_label} ({conference.family.case_reference})"
        opening = f"The conference on {_when(moved_from)} has moved. Your deadlines have moved too."
    body = "\n".join(
        [
            opening,
            "",
            f"When: {_when(conference.starts_at)}",
            f"Where: {where}",
            f"Case reference: {conference.family.case_reference}",
            f"Your agency: {invitation.agency.name}",
            "",
            f"Share your report with the family by: {_when(deadlines.share_with_family_by)}",
            f"Submit your report by: {_when(deadlines.submit_by)}",
            "",
            "Sign in to CP Conference to write your report and tell us whether you can attend.",
        ]
    )
    if invitation.invitee is not None and needs_set_up(invitation.invitee):
        body += (
            "\n\nYou do not have an account yet. Set one up with this link (it works once, "
            f"for 3 days):\n{account_set_up_link(invitation.invitee)}"
        )
    message = EmailMessage(
        subject=subject,
        body=body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[invitation.email],
    )
    message.attach("conference.ics", conference_ics(conference), "text/calendar; method=REQUEST")
    message.send()

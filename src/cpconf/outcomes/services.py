"""Issuing the outcome letters, approving the minutes, and recording every copy taken out.

Issuing freezes each letter's words (and their fingerprint) from one finalised record
version, one letter to each adult it goes to: what each of them reads never changes. A
correction makes a new version, and issuing that makes new letters beside the old ones.
"""

from collections.abc import Iterable
from datetime import datetime

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from cpconf.access import may
from cpconf.accounts.models import User
from cpconf.audit.models import Outcome
from cpconf.audit.services import audit_for_family
from cpconf.conference_records.models import (
    ConferenceRecord,
    RecordStatus,
    RecordVersion,
    record_fingerprint,
)
from cpconf.conferences.models import Conference
from cpconf.families.models import Family, FamilyMember
from cpconf.outcomes import letters, recipients
from cpconf.outcomes.models import MinutesApproval, OutcomeLetter

NOT_ALLOWED = "Only the conference's chair or the unit can issue the minutes and letter"
NOT_FINALISED = "Finalise the record before issuing the minutes and letter"
NOT_LATEST = "Issue the latest version of the record: version {number} replaces this one"
NOT_AN_ADULT_HERE = "Choose who else gets a letter from the adults on this family's record"
MINUTES_NOT_ALLOWED = "Only the conference's chair or the unit can approve the minutes"
MINUTES_NOT_FINALISED = "Finalise the record before approving the minutes"
MINUTES_NOT_LATEST = "Approve the latest version of the record: version {number} replaces this one"

FAMILY_NOTICE_SUBJECT = "A letter from your child protection conference is ready"
FAMILY_NOTICE = (
    "A letter about the meeting you were invited to is ready for you.\n\n"
    "Sign in to CP Conference to read it. It says what the meeting decided, what happens next "
    "and what you can do if you do not agree."
)
PROFESSIONAL_NOTICE_SUBJECT = "Conference minutes are ready ({reference})"
PROFESSIONAL_NOTICE = (
    "The minutes of a conference you were invited to are ready.\n\n"
    "Case reference: {reference}\n\n"
    "Sign in to CP Conference to read them."
)


class OutcomeError(ValueError):
    """A letter that cannot be issued, with the reason for the chair."""


def _check_issuable(version: RecordVersion, actor: User) -> None:
    record = version.record
    if not may(actor, "issue_outcome", record.conference):
        raise OutcomeError(NOT_ALLOWED)
    if record.status != RecordStatus.FINALISED:
        raise OutcomeError(NOT_FINALISED)
    latest = record.versions.order_by("-number").values_list("number", flat=True).first()
    if latest != version.number:
        raise OutcomeError(NOT_LATEST.format(number=latest))


def outcome_issue(
    *,
    record_version: RecordVersion,
    actor: User,
    extra_recipients: Iterable[FamilyMember] = (),
    request: HttpRequest | None = None,
    issued_at: datetime | None = None,
    notify: bool = True,
) -> list[OutcomeLetter]:
    """Issue the letters (and so the minutes) of the record's latest finalised version: one
    to each parent or carer (`cpconf.outcomes.recipients`) and to each of `extra_recipients`,
    other adults of the family the chair chose.

    Issuing a version twice gives back the letters already issued, unchanged. `issued_at` and
    `notify` are for the demo data, whose past conferences' letters were issued back then and
    tell nobody now."""
    issued, _issued_now = outcome_issue_once(
        record_version=record_version,
        actor=actor,
        extra_recipients=extra_recipients,
        request=request,
        issued_at=issued_at,
        notify=notify,
    )
    return issued


@transaction.atomic
def outcome_issue_once(
    *,
    record_version: RecordVersion,
    actor: User,
    extra_recipients: Iterable[FamilyMember] = (),
    request: HttpRequest | None = None,
    issued_at: datetime | None = None,
    notify: bool = True,
) -> tuple[list[OutcomeLetter], bool]:
    """`outcome_issue`, also saying whether this call issued the letters (True) or found them
    already issued (False) — by a second press of the button, or another person's."""
    # One issue at a time per record: the second waits, then finds the first's letters.
    ConferenceRecord.objects.select_for_update().filter(pk=record_version.record_id).first()
    existing = list(OutcomeLetter.objects.filter(record_version=record_version).order_by("pk"))
    if existing:
        return existing, False
    _check_issuable(record_version, actor)
    conference = record_version.record.conference
    now = issued_at or timezone.now()
    issued = [
        _letter_issue(record_version, recipient, actor=actor, request=request, now=now)
        for recipient in letter_recipients(conference.family, extra_recipients)
    ]
    if notify:
        readers = [letter.recipient_id for letter in issued]
        transaction.on_commit(lambda: _send_notices(conference, readers))
    return issued, True


def letter_recipients(
    family: Family, extra_recipients: Iterable[FamilyMember] = ()
) -> list[FamilyMember | None]:
    """Each parent or carer, then the other adults chosen; `[None]` (one letter to the family
    as a whole) for a family with no parent or carer on its record."""
    chosen = {member.pk for member in extra_recipients}
    others = {member.pk: member for member in recipients.other_adults(family)}
    if chosen - set(others):
        raise OutcomeError(NOT_AN_ADULT_HERE)
    people = recipients.default_recipients(family) + [others[pk] for pk in others if pk in chosen]
    return list(people) or [None]


def _letter_issue(
    version: RecordVersion,
    recipient: FamilyMember | None,
    *,
    actor: User,
    request: HttpRequest | None,
    now: datetime,
) -> OutcomeLetter:
    """One letter, its words frozen as of the day it is issued."""
    content = letters.letter_content(
        version, issued_on=timezone.localdate(now), recipient=recipient
    )
    letter = OutcomeLetter.objects.create(
        record_version=version,
        recipient=recipient,
        issued_at=now,
        issued_by=actor,
        content=content,
        fingerprint=record_fingerprint(content),
        created_by=actor,
        modified_by=actor,
    )
    audit_for_family(
        action="outcome_letter_issued",
        actor=actor,
        request=request,
        obj=letter,
        family=version.record.conference.family,
    )
    return letter


def _send_notices(conference: Conference, readers: list[int | None]) -> None:
    """Tell the family's portal users with a letter (`readers`: the recipients' ids, None for a
    letter to the whole family) and the invitees that there is something to read. Email is not
    a safe place for a child's information: no names, no decisions; professionals get the
    case reference only, as their invitations did."""
    family_emails = {
        member.user.email
        for member in conference.family.members.select_related("user")
        if member.user is not None
        and member.user.is_active
        and member.user.email
        and (member.pk in readers or None in readers)
    }
    for email in sorted(family_emails):
        _send(_(FAMILY_NOTICE_SUBJECT), _(FAMILY_NOTICE), email)
    reference = conference.family.case_reference
    invitee_emails = {i.email for i in conference.invitations.all() if i.email} - family_emails
    for email in sorted(invitee_emails):
        _send(
            _(PROFESSIONAL_NOTICE_SUBJECT).format(reference=reference),
            _(PROFESSIONAL_NOTICE).format(reference=reference),
            email,
        )


def _send(subject: str, body: str, email: str) -> None:
    EmailMessage(
        subject=subject, body=body, from_email=settings.DEFAULT_FROM_EMAIL, to=[email]
    ).send()


@transaction.atomic
def minutes_approve(
    *,
    record_version: RecordVersion,
    actor: User,
    request: HttpRequest | None = None,
    approved_at: datetime | None = None,
) -> tuple[MinutesApproval, bool]:
    """Approve the minutes of the record's latest finalised version, apart from issuing the
    letter: the letter is due within a working day of the meeting, the minutes within the
    policy's days. Says whether this call approved them (True) or found them approved already
    (False: a second press, or someone else's). Approved minutes reach the invited
    professionals as issued ones do."""
    ConferenceRecord.objects.select_for_update().filter(pk=record_version.record_id).first()
    existing = MinutesApproval.objects.filter(record_version=record_version).first()
    if existing is not None:
        return existing, False
    record = record_version.record
    if not may(actor, "issue_outcome", record.conference):
        raise OutcomeError(MINUTES_NOT_ALLOWED)
    if record.status != RecordStatus.FINALISED:
        raise OutcomeError(MINUTES_NOT_FINALISED)
    latest = record.versions.order_by("-number").values_list("number", flat=True).first()
    if latest != record_version.number:
        raise OutcomeError(MINUTES_NOT_LATEST.format(number=latest))
    approval = MinutesApproval.objects.create(
        record_version=record_version,
        approved_at=approved_at or timezone.now(),
        approved_by=actor,
        created_by=actor,
        modified_by=actor,
    )
    audit_for_family(
        action="minutes_approved",
        actor=actor,
        request=request,
        obj=approval,
        family=record.conference.family,
    )
    return approval, True


def record_minutes_taken(
    *,
    conference: Conference,
    version: RecordVersion | None,
    extension: str,
    actor: User,
    request: HttpRequest | None = None,
    refused: bool = False,
) -> None:
    """The minutes leave the system as a file: record who took which version, or was refused."""
    audit_for_family(
        action=f"minutes_{extension}_downloaded",
        actor=actor,
        request=request,
        obj=version or conference,
        family=conference.family,
        outcome=Outcome.REFUSED if refused else Outcome.SUCCESS,
    )


def record_letter_taken(
    *, letter: OutcomeLetter, extension: str, actor: User, request: HttpRequest | None = None
) -> None:
    audit_for_family(
        action=f"outcome_letter_{extension}_downloaded",
        actor=actor,
        request=request,
        obj=letter,
        family=letter.conference.family,
    )

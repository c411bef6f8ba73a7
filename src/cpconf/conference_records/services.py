"""Every change to a conference record: each in one transaction, each audited.

The working copy is one `RecordPart` per agenda section, saved as the meeting goes. A save
names the revision it was based on, so two people with the page open never overwrite each
other. Finalising freezes every part into a `RecordVersion` and marks the conference's record
finalised; a correction reopens the working copy with a reason, and the next finalisation
makes the next version carrying that reason. The next review is booked from a finalised
record, with the same chair and the same people invited.

The record follows the agenda of its conference's stage (`agenda.py`). Nothing is finalised
before the meeting has started, without anyone recorded as present, or with a core group,
review or action date before the meeting (`date_checks.py`); a conference without its quorum
is only a warning (`quorum.py`).
"""

from datetime import datetime
from typing import Any

from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from cpconf.accounts.models import User
from cpconf.audit.services import audit_for_family
from cpconf.conference_records import date_checks
from cpconf.conference_records import record_content as parts
from cpconf.conference_records.agenda import Agenda, agenda_for_stage
from cpconf.conference_records.models import (
    ConferenceRecord,
    RecordPart,
    RecordStatus,
    RecordVersion,
    record_fingerprint,
)
from cpconf.conference_records.quorum import quorum_warnings
from cpconf.conference_records.record_content import Problem
from cpconf.conferences import services as conference_services
from cpconf.conferences.models import Conference, ConferenceStatus
from cpconf.deadlines import calendar_for_policy, meeting_deadlines
from cpconf.policy import Policy

ENTER_CORRECTION_REASON = gettext_noop("Enter why the record needs correcting")
NOT_FINALISED = gettext_noop("Finalise the record before booking the next review")
ALREADY_BOOKED = gettext_noop("The next review is already booked")
NO_REVIEW_TYPE = gettext_noop("The policy has no review conference to follow a {meeting_type}")
CHILD_IN_NEED_LATE = gettext_noop(
    "The child in need meeting is after {due}: the policy says within {days} working days"
)


class RecordConflict(Exception):
    """The part changed since the page was loaded (another person, another tab)."""

    def __init__(self, current: RecordPart) -> None:
        super().__init__(f"Part {current.key} is at revision {current.revision}.")
        self.current = current


class RecordNotEditable(Exception):
    """The record is finalised (and not being corrected): it is never changed in place."""


class RecordChangedSinceShown(Exception):
    """A part was saved, or a warning came or went, after the check page was shown."""


class RecordIncomplete(Exception):
    """What stops the record being finalised, each problem naming what is missing."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("; ".join(p.message for p in problems))
        self.problems = problems


class PartInvalid(Exception):
    """A part was saved in a shape or with values the record cannot hold; nothing saved."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("; ".join(p.message for p in problems))
        self.problems = problems


class RecordAlreadyBeingCorrected(Exception):
    """A correction is open: another press starts none and changes no reason."""


class RecordNotFinalised(Exception):
    """Only a finalised record can be corrected or lead to the next review."""


class ReviewAlreadyBooked(Exception):
    def __init__(self, conference: Conference) -> None:
        super().__init__(_(ALREADY_BOOKED))
        self.conference = conference


def _audit(action: str, *, actor: User, request: HttpRequest | None, obj: Any) -> None:
    family = obj.conference.family if hasattr(obj, "conference") else obj.record.conference.family
    audit_for_family(action=action, actor=actor, request=request, obj=obj, family=family)


def policy_of(conference: Conference) -> Policy:
    return conference.family.local_authority.policy


def agenda_of(conference: Conference) -> Agenda:
    """The agenda the conference follows: the initial conference's, or the review's."""
    return agenda_for_stage(conference.stage)


def children_of(conference: Conference) -> list[tuple[int, str]]:
    """The children the conference is about, as the content functions take them."""
    return [(child.pk, child.full_name) for child in conference.family.children.order_by("pk")]


def unborn_of(conference: Conference) -> set[int]:
    """The children not yet born (known by their expected date), by id."""
    return {child.pk for child in conference.family.children.all() if child.is_unborn}


def record_content(record: ConferenceRecord) -> dict[str, dict[str, Any]]:
    """The working copy, every part keyed by part, in the order of the parts."""
    saved = {part.key: part.content for part in record.parts.all()}
    empty = parts.empty_content(children_of(record.conference))
    content = {key: saved.get(key, empty[key]) for key in parts.PART_KEYS}
    content[parts.DECISIONS] = parts.with_unborn(
        content[parts.DECISIONS], unborn_of(record.conference)
    )
    return content


def record_problems(record: ConferenceRecord, *, at: datetime | None = None) -> list[Problem]:
    """What stops this record being finalised at `at` (now, if not given); an empty list:
    nothing. First the meeting, then the parts in the order of the record."""
    conference = record.conference
    scaling = policy_of(conference).scaling
    content = record_content(record)
    due = timescales_of(conference)
    starts_at = timezone.localtime(conference.starts_at)
    return [
        *date_checks.not_started(starts_at, timezone.localtime(at or timezone.now())),
        *parts.finalisation_problems(
            content,
            children_of(conference),
            scale_low=scaling.low,
            scale_high=scaling.high,
            agenda=agenda_of(conference),
        ),
        *date_checks.future_date_problems(content[parts.FUTURE_DATES], due),
        *date_checks.action_date_problems(content[parts.PLAN], due.held_on),
    ]


def record_warnings(
    record: ConferenceRecord, content: dict[str, dict[str, Any]] | None = None
) -> list[str]:
    """What the chair must have read before finalising: dates outside the policy that it
    allows, and a conference without its quorum. `content`: the working copy already read."""
    content = record_content(record) if content is None else content
    return [
        *future_date_warnings(record.conference, content),
        *quorum_warnings(record.conference, content),
    ]


def record_as_shown(
    record: ConferenceRecord, content: dict[str, dict[str, Any]] | None = None
) -> str:
    """Every part and every warning as one fingerprint. The check page carries it, and
    finalising is refused if the record no longer matches it: the chair finalises only
    words, and reads only warnings, that the page showed them."""
    content = record_content(record) if content is None else content
    warnings = [str(warning) for warning in record_warnings(record, content)]
    return record_fingerprint({"content": content, "warnings": warnings})


def part_problems(record: ConferenceRecord, key: str, content: Any) -> list[Problem]:
    """The per-save checks for one part, with this conference's children, scaling range and
    agenda; the future dates are checked against the meeting's date and the policy."""
    conference = record.conference
    scaling = policy_of(conference).scaling
    problems = parts.validate_part(
        key,
        content,
        children=children_of(conference),
        scale_low=scaling.low,
        scale_high=scaling.high,
        agenda=agenda_of(conference),
    )
    if problems or key != parts.FUTURE_DATES:
        return problems
    return future_date_problems(conference, content)


@transaction.atomic
def record_start(
    *, conference: Conference, actor: User, request: HttpRequest | None = None
) -> ConferenceRecord:
    """The conference's record, started if it has none: a review's starts from the previous
    conference's latest finalised version (parts.carried_forward), anything else empty."""
    record, created = ConferenceRecord.objects.get_or_create(
        conference=conference, defaults={"created_by": actor, "modified_by": actor}
    )
    if not created and record.parts.exists():
        return record
    from cpconf.conference_records.selectors import latest_finalised_content

    previous = latest_finalised_content(conference.previous) if conference.previous else None
    starting = parts.carried_forward(previous, children_of(conference))
    RecordPart.objects.bulk_create(
        [
            RecordPart(
                record=record,
                key=key,
                content=starting[key],
                created_by=actor,
                modified_by=actor,
            )
            for key in parts.PART_KEYS
        ]
    )
    _audit("conference_record_started", actor=actor, request=request, obj=record)
    return record


def _locked(record: ConferenceRecord) -> ConferenceRecord:
    """The record's row, locked until the transaction ends, with its conference."""
    return (
        ConferenceRecord.objects.select_for_update(of=("self",))
        .select_related("conference__family__local_authority")
        .get(pk=record.pk)
    )


@transaction.atomic
def part_save(
    *,
    record: ConferenceRecord,
    key: str,
    content: dict[str, Any],
    revision: int,
    actor: User,
    request: HttpRequest | None = None,
) -> RecordPart:
    """Save one part as the chair typed it, if it is still at `revision`.

    Raises RecordNotEditable (finalised, not being corrected), PartInvalid (the per-save
    checks failed; the caller shows `problems` beside what was typed) or RecordConflict
    (someone saved since; `current` holds their version)."""
    locked = _locked(record)
    if not locked.is_editable:
        raise RecordNotEditable(_("The record is finalised: correct it to change it."))
    problems = part_problems(locked, key, content)
    if problems:
        raise PartInvalid(problems)
    part = locked.parts.select_for_update().filter(key=key).first()
    if part is None:
        part = RecordPart(record=locked, key=key, created_by=actor)
    if part.revision != revision:
        raise RecordConflict(part)
    part.content = parts.normalised_part(key, content, children_of(locked.conference))
    if key == parts.DECISIONS:
        part.content = parts.with_unborn(part.content, unborn_of(locked.conference))
    part.revision += 1
    part.modified_by = actor
    part.save()
    _audit("record_part_saved", actor=actor, request=request, obj=part)
    return part


@transaction.atomic
def record_finalise(
    *,
    record: ConferenceRecord,
    actor: User,
    request: HttpRequest | None = None,
    at: datetime | None = None,
    as_shown: str | None = None,
) -> RecordVersion:
    """Freeze every part into the next version at `at` (now, if not given); the conference's
    record is then finalised.

    Raises RecordIncomplete with every problem when something required is missing or wrong,
    the meeting's not having started among them. `as_shown`: the fingerprint the chair's
    check page showed (`record_as_shown`); when it is given and the record or its warnings
    have changed since, RecordChangedSinceShown is raised and nothing is finalised."""
    locked = _locked(record)
    if not locked.is_editable:
        raise RecordNotEditable(_("The record is already finalised."))
    at = at or timezone.now()
    content = record_content(locked)
    if as_shown is not None and record_as_shown(locked, content) != as_shown:
        raise RecordChangedSinceShown(str(record))
    problems = record_problems(locked, at=at)
    if problems:
        raise RecordIncomplete(problems)
    latest = locked.versions.order_by("-number").first()
    version = RecordVersion(
        record=locked,
        number=(latest.number + 1) if latest else 1,
        content=content,
        fingerprint=record_fingerprint(content),
        finalised_by=actor,
        finalised_at=at,
        correction_reason=locked.correction_reason,
        created_by=actor,
        modified_by=actor,
    )
    version.save(force_insert=True)
    locked.status, locked.finalised_at, locked.correction_reason = RecordStatus.FINALISED, at, ""
    locked.modified_by = actor
    locked.save()
    conference = locked.conference
    conference.status = ConferenceStatus.FINALISED
    conference.modified_by = actor
    conference.save(update_fields=["status", "modified_by", "modified_at"])
    _sync(record, locked)
    _audit("conference_record_finalised", actor=actor, request=request, obj=version)
    return version


def _sync(record: ConferenceRecord, locked: ConferenceRecord) -> None:
    """The caller's object shows what was saved, as Django's own save would."""
    record.status, record.finalised_at = locked.status, locked.finalised_at
    record.correction_reason = locked.correction_reason
    record.conference.status = locked.conference.status


@transaction.atomic
def record_correct(
    *,
    record: ConferenceRecord,
    reason: str,
    actor: User,
    request: HttpRequest | None = None,
) -> ConferenceRecord:
    """Reopen a finalised record for correction; the next finalisation makes the next version
    with `reason`. A correction already open is not started again (a double press, a second
    tab): RecordAlreadyBeingCorrected, and its reason stays the one first given."""
    reason = (reason or "").strip()
    if not reason:
        raise ValueError(_(ENTER_CORRECTION_REASON))
    locked = _locked(record)
    if not locked.is_finalised:
        raise RecordNotFinalised(_("The record is not finalised yet: change it directly."))
    if locked.is_being_corrected:
        raise RecordAlreadyBeingCorrected(str(record))
    locked.correction_reason = reason
    locked.modified_by = actor
    locked.save(update_fields=["correction_reason", "modified_by", "modified_at"])
    _sync(record, locked)
    _audit("conference_record_correction_started", actor=actor, request=request, obj=locked)
    return locked


def future_dates_due(conference: Conference) -> dict[str, Any]:
    """The latest dates the policy allows for the core group (and child in need group) and
    the next review, counted from this conference, as local dates, with the timescales."""
    policy = policy_of(conference)
    due = meeting_deadlines(policy, conference.meeting_type, conference.starts_at)
    meeting_type = policy.meeting_type(conference.meeting_type)
    months = (
        policy.later_reviews_within_months
        if meeting_type.is_review
        else policy.first_review_within_months
    )
    return {
        "core_group_by": timezone.localdate(due.core_group_by),
        "next_review_by": timezone.localdate(due.next_review_by),
        "core_group_within_working_days": meeting_type.core_group_within_working_days,
        "next_review_within_months": months,
    }


def timescales_of(conference: Conference) -> date_checks.Timescales:
    due = future_dates_due(conference)
    return date_checks.Timescales(
        held_on=timezone.localdate(conference.starts_at),
        core_group_by=due["core_group_by"],
        next_review_by=due["next_review_by"],
        core_group_within_working_days=due["core_group_within_working_days"],
        next_review_within_months=due["next_review_within_months"],
        is_working_day=calendar_for_policy(policy_of(conference)).is_working_day,
    )


def future_date_problems(conference: Conference, future: dict[str, Any]) -> list[Problem]:
    """The future dates refused for this conference: before it, or later than its policy
    allows without the reason recorded."""
    return date_checks.future_date_problems(future, timescales_of(conference))


def future_date_warnings(conference: Conference, content: dict[str, Any]) -> list[str]:
    """Warnings (not refusals) for dates outside the policy's timescales that may stand: a
    child in need meeting after the group's working days. `content` is the whole record's
    content or just its future dates part."""
    future = content.get(parts.FUTURE_DATES, content)
    due = future_dates_due(conference)
    chosen = parts.iso_date(parts.FutureDates.from_json(future).child_in_need_meeting_on)
    if chosen is None or chosen <= due["core_group_by"]:
        return []
    latest, days = due["core_group_by"], due["core_group_within_working_days"]
    return [_(CHILD_IN_NEED_LATE).format(due=date_checks.long_date(latest), days=days)]


def review_type_after(policy: Policy, meeting_type: str) -> str:
    """The review that follows a meeting type: itself for a review, else the review of the
    same family of meetings ("safer_me_plus_initial" is followed by "safer_me_plus_review")."""
    current = policy.meeting_type(meeting_type)
    if current.is_review:
        return meeting_type
    reviews = [key for key, mt in policy.meeting_types.items() if mt.is_review]
    stem = meeting_type.removesuffix("initial")
    for key in reviews:
        if key == f"{stem}review":
            return key
    if not reviews:
        raise ValueError(_(NO_REVIEW_TYPE).format(meeting_type=current.label))
    return reviews[0]


@transaction.atomic
def next_review_book(
    *,
    record: ConferenceRecord,
    starts_at: datetime,
    place: str,
    virtual_link: str,
    actor: User,
    request: HttpRequest | None = None,
) -> Conference:
    """Book the review that follows this conference, with the same chair and the same people
    invited, so their review reports start from the reports they wrote for this one."""
    locked = _locked(record)
    if not locked.is_finalised:
        raise RecordNotFinalised(_(NOT_FINALISED))
    conference = locked.conference
    booked = conference.followed_by.exclude(status=ConferenceStatus.CANCELLED).first()
    if booked is not None:
        raise ReviewAlreadyBooked(booked)
    review = conference_services.conference_book(
        family=conference.family,
        meeting_type=review_type_after(policy_of(conference), conference.meeting_type),
        starts_at=starts_at,
        chair=conference.chair,
        place=place,
        virtual_link=virtual_link,
        previous=conference,
        booked_by=actor,
        request=request,
    )
    for invitation in conference.invitations.select_related("agency", "invitee"):
        try:
            conference_services.invitation_add(
                conference=review,
                agency=invitation.agency,
                email=invitation.email,
                invitee=invitation.invitee,
                actor=actor,
                request=request,
            )
        except conference_services.InvitationRefused:
            # Their agency or role changed since: not invited as they were; the page names
            # them so the unit invites them afresh.
            continue
    _audit("next_review_booked", actor=actor, request=request, obj=locked)
    return review

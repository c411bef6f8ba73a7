"""Every data protection action: each in one transaction, each audited.

Destruction audits every row it removes (kind of record and id, never the content) in the
same transaction as the removal, so either both happen or neither does.
"""

from collections.abc import Iterator
from datetime import date
from typing import Any

from django.db import transaction
from django.db.models import Model, Q, QuerySet
from django.db.models.deletion import Collector
from django.http import HttpRequest
from django.utils import timezone

from cpconf.accounts.models import User
from cpconf.audit.services import audit_for_family, audit_record
from cpconf.conference_records.models import ConferenceRecord, RecordVersion
from cpconf.conferences.models import Conference
from cpconf.dataprotection import retention
from cpconf.dataprotection.frozen_versions import versions_destroyable
from cpconf.dataprotection.models import LegalHold
from cpconf.dataprotection.selectors import kept_records
from cpconf.dataprotection.subject_access import family_export, person_export
from cpconf.families.models import Family, FamilyMember
from cpconf.outcomes.models import MinutesApproval, OutcomeLetter
from cpconf.portal.models import ChildView, ConferenceFeedback, ParentsReport, ReportComment
from cpconf.reports.models import ProfessionalReport, ReportVersion

SUBJECT_ACCESS_EXPORT = "subject_access_export"
LEGAL_HOLD_PLACED = "legal_hold_placed"
LEGAL_HOLD_LIFTED = "legal_hold_lifted"
RETENTION_DESTROYED = "retention_destroyed"

ENTER_HOLD_REASON = "Enter why the family's records must be kept"
ENTER_LIFT_REASON = "Enter why the legal hold is lifted"
HOLD_ALREADY_LIFTED = "This legal hold was lifted on {day}"
NO_SUCH_RECORD = "There is no {kind} {id}"
NOT_DESTROYABLE = "{kind} {id} is not destroyed: {reason}"
NOT_YET_DUE = "its retention period has not ended"
NOT_A_UNIT = "it is destroyed with the record it is under"
NO_FUTURE_DAY = "Retention destroys only what has expired by today, not by {day}"


class LegalHoldError(ValueError):
    """A hold that cannot be placed or lifted as asked; the message says why."""


class RetentionRefused(Exception):
    """The record is not, or no longer, one that retention may destroy."""


@transaction.atomic
def subject_access_for_family(
    family: Family,
    *,
    actor: User | None = None,
    actor_label: str = "",
    request: HttpRequest | None = None,
) -> dict[str, Any]:
    """Everything held in a family's case record, third-party items flagged; audited."""
    export = family_export(family)
    audit_record(
        action=SUBJECT_ACCESS_EXPORT,
        actor=actor,
        actor_label=actor_label,
        request=request,
        obj=family,
        family_id=family.pk,
        local_authority_id=family.local_authority_id,
    )
    return export


@transaction.atomic
def subject_access_for_person(
    subject: FamilyMember | User,
    *,
    actor: User | None = None,
    actor_label: str = "",
    request: HttpRequest | None = None,
) -> dict[str, Any]:
    """Everything held about one family member or account holder; audited."""
    export = person_export(subject)
    if isinstance(subject, FamilyMember):
        member: FamilyMember | None = subject
    else:
        member = FamilyMember.objects.filter(user=subject).select_related("family").first()
    audit_record(
        action=SUBJECT_ACCESS_EXPORT,
        actor=actor,
        actor_label=actor_label,
        request=request,
        obj=subject,
        family_id=member.family_id if member else None,
        local_authority_id=member.family.local_authority_id if member else None,
    )
    return export


@transaction.atomic
def legal_hold_place(
    *, family: Family, reason: str, actor: User, request: HttpRequest | None = None
) -> LegalHold:
    """Stop retention destroying anything of the family until the hold is lifted."""
    if not reason.strip():
        raise LegalHoldError(ENTER_HOLD_REASON)
    # The family row is the lock destruction takes too: a hold and a destruction never cross.
    locked = Family.objects.select_for_update().get(pk=family.pk)
    hold = LegalHold.objects.create(
        family=locked,
        reason=reason.strip(),
        placed_by=actor,
        placed_at=timezone.now(),
        created_by=actor,
        modified_by=actor,
    )
    _audit_hold(LEGAL_HOLD_PLACED, hold, actor, request)
    return hold


@transaction.atomic
def legal_hold_lift(
    *, hold: LegalHold, reason: str, actor: User, request: HttpRequest | None = None
) -> LegalHold:
    if not reason.strip():
        raise LegalHoldError(ENTER_LIFT_REASON)
    locked = LegalHold.objects.select_for_update().select_related("family").get(pk=hold.pk)
    if locked.lifted_at is not None:
        day = timezone.localdate(locked.lifted_at).isoformat()
        raise LegalHoldError(HOLD_ALREADY_LIFTED.format(day=day))
    locked.lifted_at = timezone.now()
    locked.lifted_by = actor
    locked.lift_reason = reason.strip()
    locked.modified_by = actor
    locked.save()
    _audit_hold(LEGAL_HOLD_LIFTED, locked, actor, request)
    return locked


def _audit_hold(action: str, hold: LegalHold, actor: User, request: HttpRequest | None) -> None:
    audit_for_family(action=action, actor=actor, request=request, obj=hold, family=hold.family)


def _family_of(kind: str, record_id: int) -> int | None:
    rows = {
        retention.FAMILY: Family.objects.filter(pk=record_id).values_list("pk", flat=True),
        retention.CONFERENCE: Conference.objects.filter(pk=record_id).values_list(
            "family_id", flat=True
        ),
        retention.REPORT: ProfessionalReport.objects.filter(pk=record_id).values_list(
            "conference__family_id", flat=True
        ),
    }
    if kind not in rows:
        raise RetentionRefused(NO_SUCH_RECORD.format(kind=kind, id=record_id))
    return rows[kind].first()


def _leaves_first(model: type[Model], ids: list[int], follows: str) -> Iterator[list[int]]:
    """Batches of `ids` in an order the PROTECT links between them allow: a record that a
    later one follows (a review conference, a review report) goes after that later one."""
    remaining = set(ids)
    while remaining:
        followed = set(
            model._default_manager.filter(pk__in=remaining)
            .exclude(**{f"{follows}__isnull": True})
            .values_list(f"{follows}_id", flat=True)
        )
        leaves = sorted(remaining - followed)
        if not leaves:
            raise RetentionRefused(f"{model._meta.label_lower} records follow each other in a loop")
        yield leaves
        remaining -= set(leaves)


class _Destruction:
    """Deletes rows with everything that cascades from them, auditing each row first."""

    def __init__(self, family: Family, actor: User | None, actor_label: str) -> None:
        self.family, self.actor, self.actor_label = family, actor, actor_label
        self.rows = 0

    def destroy(self, queryset: QuerySet[Any]) -> None:
        collector = Collector(using=queryset.db, origin=queryset)
        collector.collect(list(queryset))
        doomed = [(type(obj), obj.pk) for objs in collector.data.values() for obj in objs]
        for fast in collector.fast_deletes:
            doomed += [(fast.model, pk) for pk in fast.values_list("pk", flat=True)]
        for model, pk in doomed:
            audit_record(
                action=RETENTION_DESTROYED,
                actor=self.actor,
                actor_label=self.actor_label,
                obj=model(pk=pk),
                family_id=self.family.pk,
                local_authority_id=self.family.local_authority_id,
            )
        collector.delete()
        self.rows += len(doomed)

    def reports(self, ids: list[int]) -> None:
        for batch in _leaves_first(ProfessionalReport, ids, "previous_report"):
            self.destroy(ReportComment.objects.filter(report__in=batch))
            self.destroy(ReportVersion.objects.filter(report__in=batch))
            self.destroy(ProfessionalReport.objects.filter(pk__in=batch))

    def conference_records(self, ids: list[int]) -> None:
        """What the chair recorded and the family sent: kept as long as the conference, and
        protected from deletion until it goes (letters and the minutes' approvals, then the
        versions they point to, then the record)."""
        issued = Q(record_version__record__conference__in=ids)
        self.destroy(OutcomeLetter.objects.filter(issued))
        self.destroy(MinutesApproval.objects.filter(issued))
        self.destroy(RecordVersion.objects.filter(record__conference__in=ids))
        self.destroy(ConferenceRecord.objects.filter(conference__in=ids))
        for family_part in (ParentsReport, ChildView, ConferenceFeedback):
            self.destroy(family_part.objects.filter(conference__in=ids))

    def conferences(self, ids: list[int]) -> None:
        reports = ProfessionalReport.objects.filter(conference__in=ids)
        self.reports(list(reports.values_list("pk", flat=True)))
        self.conference_records(ids)
        for batch in _leaves_first(Conference, ids, "previous"):
            self.destroy(Conference.objects.filter(pk__in=batch))

    def whole_family(self) -> None:
        conferences = Conference.objects.filter(family=self.family)
        self.conferences(list(conferences.values_list("pk", flat=True)))
        self.destroy(LegalHold.objects.filter(family=self.family))
        self.destroy(Family.objects.filter(pk=self.family.pk))


def _check_destroyable(kind: str, record_id: int, family_id: int, today: date) -> None:
    """Decide again, under the family's lock, from the records as they are now."""
    entries = retention.plan(kept_records(family_ids=[family_id]), today)
    entry = next((e for e in entries if e.record.key == (kind, record_id)), None)
    if entry is None or not entry.destroys:
        reason = NOT_YET_DUE if entry is None else entry.reason or NOT_A_UNIT
        raise RetentionRefused(NOT_DESTROYABLE.format(kind=kind, id=record_id, reason=reason))


@transaction.atomic
def retention_destroy(
    *,
    kind: str,
    record_id: int,
    actor: User | None = None,
    actor_label: str = "",
    today: date | None = None,
) -> int:
    """Destroy one expired family, conference or report with everything under it.

    Refused unless, at this moment, its retention period has ended for it and all under it,
    nothing kept depends on it and its family is under no legal hold. Returns the number of
    rows destroyed, each of which has its own audit event.
    """
    real_today = timezone.localdate()
    today = today or real_today
    if today > real_today:
        raise RetentionRefused(NO_FUTURE_DAY.format(day=today.isoformat()))
    family_id = _family_of(kind, record_id)
    if family_id is None:
        raise RetentionRefused(NO_SUCH_RECORD.format(kind=kind, id=record_id))
    family = Family.objects.select_for_update().get(pk=family_id)
    _check_destroyable(kind, record_id, family_id, today)
    destruction = _Destruction(family, actor, actor_label)
    with versions_destroyable():
        if kind == retention.FAMILY:
            destruction.whole_family()
        elif kind == retention.CONFERENCE:
            destruction.conferences([record_id])
        else:
            destruction.reports([record_id])
    return destruction.rows

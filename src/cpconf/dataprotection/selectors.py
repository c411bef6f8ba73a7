"""Reads for data protection: the records retention looks at, with their last contact.

Last contact, by kind (each the latest of):
- report: its submission, any change to it or to its working copy (an amendment changes it);
- conference: its date, any change to it or its invitations, and its reports' last contact;
- family: any change to the family, its children or family members, and its conferences'
  last contact.
Placing or lifting a legal hold, and reading a record, are not contact.
"""

from collections import defaultdict
from collections.abc import Iterable
from datetime import date, datetime

from django.db.models import Count, Exists, Max, OuterRef, QuerySet, Subquery
from django.utils import timezone

from cpconf.audit.models import AuditEvent
from cpconf.conferences.models import Conference, Invitation
from cpconf.dataprotection import retention
from cpconf.dataprotection.models import LegalHold
from cpconf.dataprotection.retention import KeptRecord, RetentionEntry
from cpconf.families.models import Child, Family, FamilyMember
from cpconf.organisations.models import LocalAuthority
from cpconf.policy import Retention
from cpconf.reports.models import ProfessionalReport, ReportSection


def _latest(model: type, link: str) -> Subquery:
    """The latest `modified_at` of `model` rows whose `link` is the outer row."""
    rows = model.objects.filter(**{link: OuterRef("pk")}).order_by().values(link)  # type: ignore[attr-defined]
    return Subquery(rows.annotate(latest=Max("modified_at")).values("latest")[:1])


def _day(*moments: datetime | None) -> date:
    return timezone.localdate(max(m for m in moments if m is not None))


def _families(authorities: QuerySet[LocalAuthority], family_ids: Iterable[int] | None) -> QuerySet:
    families = Family.objects.filter(local_authority__in=authorities)
    if family_ids is not None:
        families = families.filter(pk__in=list(family_ids))
    return families.annotate(
        children_changed=_latest(Child, "family"),
        members_changed=_latest(FamilyMember, "family"),
        held=Exists(LegalHold.objects.in_force().filter(family=OuterRef("pk"))),
    ).values(
        "pk",
        "local_authority_id",
        "modified_at",
        "children_changed",
        "members_changed",
        "held",
    )


def _report_rows(family_ids: list[int]) -> list[dict]:
    reports = ProfessionalReport.objects.filter(conference__family__in=family_ids).annotate(
        sections_changed=_latest(ReportSection, "report")
    )
    return list(
        reports.values(
            "pk",
            "conference_id",
            "conference__family_id",
            "previous_report_id",
            "modified_at",
            "submitted_at",
            "sections_changed",
        )
    )


def _conference_rows(family_ids: list[int]) -> list[dict]:
    conferences = Conference.objects.filter(family__in=family_ids).annotate(
        invitations_changed=_latest(Invitation, "conference")
    )
    return list(
        conferences.values(
            "pk", "family_id", "previous_id", "starts_at", "modified_at", "invitations_changed"
        )
    )


def _last_contacts(
    families: dict[int, dict], conferences: list[dict], reports: list[dict]
) -> dict[tuple[str, int], date]:
    """Each record's last contact: its own, and the latest of the records under it."""
    days: dict[tuple[str, int], date] = {}
    for row in reports:
        own = _day(row["modified_at"], row["submitted_at"], row["sections_changed"])
        days[(retention.REPORT, row["pk"])] = own
    under: dict[int, list[date]] = defaultdict(list)
    for row in reports:
        under[row["conference_id"]].append(days[(retention.REPORT, row["pk"])])
    by_family: dict[int, list[date]] = defaultdict(list)
    for row in conferences:
        own = _day(row["starts_at"], row["modified_at"], row["invitations_changed"])
        day = max([own, *under[row["pk"]]])
        days[(retention.CONFERENCE, row["pk"])] = day
        by_family[row["family_id"]].append(day)
    for pk, row in families.items():
        own = _day(row["modified_at"], row["children_changed"], row["members_changed"])
        days[(retention.FAMILY, pk)] = max([own, *by_family[pk]])
    return days


def kept_records(
    *, local_authority: LocalAuthority | None = None, family_ids: Iterable[int] | None = None
) -> list[KeptRecord]:
    """Every family, conference and report (of one authority, or of some families), with its
    last contact, its policy's years and whether its family is under legal hold."""
    authorities = LocalAuthority.objects.all()
    if local_authority is not None:
        authorities = authorities.filter(pk=local_authority.pk)
    by_id = {authority.pk: authority for authority in authorities}
    families = {row["pk"]: row for row in _families(authorities, family_ids)}
    conferences = _conference_rows(list(families))
    reports = _report_rows(list(families))
    days = _last_contacts(families, conferences, reports)
    rows = [(retention.FAMILY, pk, pk, None, None) for pk in families]
    rows += [
        (retention.CONFERENCE, c["pk"], c["family_id"], c["family_id"], c["previous_id"])
        for c in conferences
    ]
    rows += [
        (
            retention.REPORT,
            r["pk"],
            r["conference__family_id"],
            r["conference_id"],
            r["previous_report_id"],
        )
        for r in reports
    ]
    records = []
    for kind, pk, family_id, parent_id, follows_id in rows:
        family = families[family_id]
        authority = by_id[family["local_authority_id"]]
        records.append(
            KeptRecord(
                kind=kind,
                id=pk,
                authority=authority.name,
                family_id=family_id,
                parent_id=parent_id,
                follows_id=follows_id,
                last_contact=days[(kind, pk)],
                years=authority.policy.retention.years_for(kind),
                held=family["held"],
            )
        )
    return records


def expired_audit_trails(
    *, today: date, local_authority: LocalAuthority | None = None
) -> list[RetentionEntry]:
    """Families whose audit events are past the policy's audit years after the latest one.

    Listed so the information-governance officer knows; never destroyed here, because the
    trail is append-only and each event's hash covers the one before it.
    """
    events = AuditEvent.objects.exclude(family_id=None)
    if local_authority is not None:
        events = events.filter(local_authority_id=local_authority.pk)
    groups = (
        events.order_by()
        .values("family_id")
        .annotate(
            latest=Max("occurred_at"), count=Count("pk"), authority_id=Max("local_authority_id")
        )
    )
    authorities = {a.pk: a for a in LocalAuthority.objects.all()}
    entries = []
    for group in groups:
        authority = authorities.get(group["authority_id"])
        years = (authority.policy.retention if authority else Retention()).audit
        kept = KeptRecord(
            kind=retention.AUDIT,
            id=group["family_id"],
            authority=authority.name if authority else "",
            family_id=group["family_id"],
            parent_id=None,
            follows_id=None,
            last_contact=timezone.localdate(group["latest"]),
            years=years,
            held=False,
        )
        if kept.expired_on(today):
            reason = retention.AUDIT_KEPT.format(count=group["count"])
            entries.append(RetentionEntry(kept, retention.KEEP, reason))
    return sorted(entries, key=lambda e: (e.record.authority, e.record.due, e.record.id))


def retention_schedule(
    *, today: date, local_authority: LocalAuthority | None = None
) -> list[RetentionEntry]:
    """Everything expired on `today`: what retention destroys, what goes with it, what is kept
    and why, then the audit trails past their years."""
    records = kept_records(local_authority=local_authority)
    return retention.plan(records, today) + expired_audit_trails(
        today=today, local_authority=local_authority
    )


def holds_in_force(family: Family) -> QuerySet[LegalHold]:
    return LegalHold.objects.in_force().filter(family=family).select_related("placed_by")

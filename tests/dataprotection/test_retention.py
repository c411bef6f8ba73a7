"""Retention against the database: last contact, the policy's years, legal holds, destruction
with an audit event per row, on SQLite and on PostgreSQL (where a trigger guards versions)."""

import datetime as dt
from unittest import mock

import pytest
from django.db import IntegrityError, transaction
from django.db.models.deletion import Collector
from django.utils import timezone

from cpconf.audit.models import AuditEvent
from cpconf.conferences.models import Conference, Invitation
from cpconf.dataprotection import retention, services
from cpconf.dataprotection.frozen_versions import versions_destroyable
from cpconf.dataprotection.models import LegalHold
from cpconf.dataprotection.selectors import kept_records, retention_schedule
from cpconf.families.models import Child, Family, FamilyMember
from cpconf.reports.models import ProfessionalReport, ReportSection, ReportVersion
from tests.dataprotection.ageing import last_contact_at, years_ago
from tests.factories import (
    ConferenceFactory,
    FamilyFactory,
    LocalAuthorityFactory,
    ProfessionalReportFactory,
    UserFactory,
)
from tests.report_scene import complete, start, submit

pytestmark = pytest.mark.django_db


def submitted_scene(scene):
    report = complete(start(scene))
    submit(report)
    return report


def record_of(kind, pk, **filters):
    records = kept_records(**filters)
    return next(r for r in records if (r.kind, r.id) == (kind, pk))


def family_rows(family):
    """Every row of the family's case record, as audit events name them."""
    reports = ProfessionalReport.objects.filter(conference__family=family)
    rows = {("families.family", family.pk)}
    groups = [
        ("families.child", Child.objects.filter(family=family)),
        ("families.familymember", FamilyMember.objects.filter(family=family)),
        ("conferences.conference", Conference.objects.filter(family=family)),
        ("conferences.invitation", Invitation.objects.filter(conference__family=family)),
        ("reports.professionalreport", reports),
        ("reports.reportsection", ReportSection.objects.filter(report__in=reports)),
        ("reports.reportversion", ReportVersion.objects.filter(report__in=reports)),
        ("dataprotection.legalhold", LegalHold.objects.filter(family=family)),
    ]
    for label, queryset in groups:
        rows |= {(label, pk) for pk in queryset.values_list("pk", flat=True)}
    return {(label, str(pk)) for label, pk in rows}


def destroyed_events():
    events = AuditEvent.objects.filter(action=services.RETENTION_DESTROYED)
    return {(e.object_type, e.object_id) for e in events}


def test_last_contact_is_the_latest_conference_submission_or_change(scene):
    report = submitted_scene(scene)
    last_contact_at(scene.family, years_ago(40))
    family = record_of(retention.FAMILY, scene.family.pk)
    assert family.last_contact == timezone.localdate(years_ago(40))
    assert family.years == 35
    assert family.expired_on(timezone.localdate())

    ProfessionalReport.objects.filter(pk=report.pk).update(submitted_at=years_ago(10))
    family = record_of(retention.FAMILY, scene.family.pk)
    assert family.last_contact == timezone.localdate(years_ago(10))
    assert record_of(retention.CONFERENCE, scene.conference.pk).last_contact == family.last_contact


def test_a_change_to_a_child_is_contact(scene):
    last_contact_at(scene.family, years_ago(40))
    Child.objects.filter(pk=scene.children[0].pk).update(modified_at=years_ago(1))
    family = record_of(retention.FAMILY, scene.family.pk)
    assert family.last_contact == timezone.localdate(years_ago(1))
    assert not family.expired_on(timezone.localdate())


def test_the_years_come_from_each_authoritys_policy():
    southvale = LocalAuthorityFactory(policy_name="southvale")
    family = FamilyFactory(local_authority=southvale)
    conference = ConferenceFactory(family=family)
    report = ProfessionalReportFactory(conference=conference)
    last_contact_at(family, years_ago(30))
    records = {(r.kind, r.id): r for r in kept_records(local_authority=southvale)}
    assert records[(retention.REPORT, report.pk)].years == 25
    assert records[(retention.FAMILY, family.pk)].years == 35

    schedule = retention_schedule(today=timezone.localdate(), local_authority=southvale)
    assert [(e.record.kind, e.record.id, e.action) for e in schedule] == [
        (retention.REPORT, report.pk, retention.DESTROY)
    ]


def test_the_same_records_under_northshire_keep_the_report(scene):
    report = start(scene)
    last_contact_at(scene.family, years_ago(30))
    schedule = retention_schedule(today=timezone.localdate(), local_authority=scene.authority)
    assert schedule == []
    assert record_of(retention.REPORT, report.pk).years == 35


def test_destruction_removes_the_family_and_audits_every_row(scene):
    submitted_scene(scene)
    last_contact_at(scene.family, years_ago(36))
    expected = family_rows(scene.family)
    assert len(expected) > 10
    (unit,) = [e for e in retention_schedule(today=timezone.localdate()) if e.destroys]
    assert unit.record.key == (retention.FAMILY, scene.family.pk)

    rows = services.retention_destroy(
        kind=retention.FAMILY, record_id=scene.family.pk, actor_label="test"
    )

    assert rows == len(expected)
    assert not Family.objects.filter(pk=scene.family.pk).exists()
    assert not Child.objects.filter(family_id=scene.family.pk).exists()
    assert not ReportVersion.objects.exists()
    assert not ReportSection.objects.exists()
    assert not Invitation.objects.exists()
    assert destroyed_events() == expected
    event = AuditEvent.objects.filter(action=services.RETENTION_DESTROYED).first()
    assert event.family_id == scene.family.pk
    assert event.local_authority_id == scene.authority.pk
    assert event.actor_label == "test"
    # The people stay: only the case record is destroyed.
    assert scene.author.__class__.objects.filter(pk=scene.author.pk).exists()


def test_a_review_and_the_conference_it_follows_go_together(scene):
    from tests.report_scene import review_conference

    first = submitted_scene(scene)
    review = review_conference(scene)
    second = start(scene, review)
    assert second.previous_report == first
    last_contact_at(scene.family, years_ago(36))
    services.retention_destroy(kind=retention.FAMILY, record_id=scene.family.pk)
    assert not ProfessionalReport.objects.exists()
    assert not Conference.objects.exists()


def test_a_legal_hold_blocks_destruction_until_lifted(scene):
    submitted_scene(scene)
    last_contact_at(scene.family, years_ago(40))
    hold = services.legal_hold_place(family=scene.family, reason="Civil claim", actor=scene.unit)

    entries = retention_schedule(today=timezone.localdate())
    assert entries and not any(e.destroys for e in entries)
    assert {e.reason for e in entries} == {"kept: the family is under legal hold"}
    assert all(e.record.held for e in entries)
    with pytest.raises(services.RetentionRefused, match="under legal hold"):
        services.retention_destroy(kind=retention.FAMILY, record_id=scene.family.pk)
    assert Family.objects.filter(pk=scene.family.pk).exists()

    services.legal_hold_lift(hold=hold, reason="Claim settled", actor=scene.unit)
    services.retention_destroy(kind=retention.FAMILY, record_id=scene.family.pk)
    assert not Family.objects.filter(pk=scene.family.pk).exists()
    assert ("dataprotection.legalhold", str(hold.pk)) in destroyed_events()
    actions = set(AuditEvent.objects.values_list("action", flat=True))
    assert {services.LEGAL_HOLD_PLACED, services.LEGAL_HOLD_LIFTED} <= actions


def test_a_record_not_yet_due_is_never_destroyed(scene):
    submitted_scene(scene)
    last_contact_at(scene.family, years_ago(34))
    with pytest.raises(services.RetentionRefused, match="retention period has not ended"):
        services.retention_destroy(kind=retention.FAMILY, record_id=scene.family.pk)
    tomorrow = timezone.localdate() + dt.timedelta(days=1)
    with pytest.raises(services.RetentionRefused, match="only what has expired by today"):
        services.retention_destroy(kind=retention.FAMILY, record_id=scene.family.pk, today=tomorrow)
    assert Family.objects.filter(pk=scene.family.pk).exists()
    assert not destroyed_events()


def test_a_record_under_an_expired_family_goes_only_with_it(scene):
    last_contact_at(scene.family, years_ago(40))
    with pytest.raises(services.RetentionRefused, match=f"destroyed with family {scene.family.pk}"):
        services.retention_destroy(kind=retention.CONFERENCE, record_id=scene.conference.pk)


def test_a_failure_part_way_destroys_nothing_and_audits_nothing(scene):
    submitted_scene(scene)
    last_contact_at(scene.family, years_ago(40))
    before = family_rows(scene.family)
    original = Collector.delete
    calls = []

    def fail_on_the_third(self):
        calls.append(1)
        if len(calls) == 3:
            raise IntegrityError("simulated failure")
        return original(self)

    with mock.patch.object(Collector, "delete", fail_on_the_third), pytest.raises(IntegrityError):
        services.retention_destroy(kind=retention.FAMILY, record_id=scene.family.pk)
    assert family_rows(scene.family) == before
    assert not destroyed_events()


def test_versions_stay_frozen_outside_destruction(scene):
    report = submitted_scene(scene)
    version = ReportVersion.objects.get(report=report)
    # Even while destruction is allowed, a version is never updated.
    with (
        transaction.atomic(),
        versions_destroyable(),
        pytest.raises(IntegrityError),
        transaction.atomic(),
    ):
        ReportVersion.objects.filter(pk=version.pk).update(signed_name="Someone else")
    with pytest.raises(IntegrityError), transaction.atomic():
        ReportVersion.objects.filter(pk=version.pk).delete()
    assert ReportVersion.objects.get(pk=version.pk).signed_name == "Priya Shah"


def test_the_trigger_refuses_again_once_destruction_is_over(scene):
    report = submitted_scene(scene)
    other_family = FamilyFactory(local_authority=scene.authority)
    last_contact_at(scene.family, years_ago(40))
    last_contact_at(other_family, years_ago(40))
    kept_version = ReportVersion.objects.get(report=report)
    # Destroy another family's records first, in the same outer transaction.
    services.retention_destroy(kind=retention.FAMILY, record_id=other_family.pk)
    with pytest.raises(IntegrityError), transaction.atomic():
        ReportVersion.objects.filter(pk=kept_version.pk).delete()
    services.retention_destroy(kind=retention.FAMILY, record_id=scene.family.pk)
    assert not ReportVersion.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_destruction_without_a_transaction_is_refused():
    with pytest.raises(RuntimeError), versions_destroyable():
        pass


def test_a_placed_hold_needs_a_reason(scene):
    with pytest.raises(services.LegalHoldError, match=services.ENTER_HOLD_REASON):
        services.legal_hold_place(family=scene.family, reason="  ", actor=scene.unit)
    hold = services.legal_hold_place(family=scene.family, reason="Inquiry", actor=scene.unit)
    services.legal_hold_lift(hold=hold, reason="Inquiry closed", actor=UserFactory())
    with pytest.raises(services.LegalHoldError, match="was lifted on"):
        services.legal_hold_lift(hold=hold, reason="Again", actor=scene.unit)


def test_audit_trails_are_listed_when_due_and_never_destroyed(scene):
    submitted_scene(scene)
    last_contact_at(scene.family, years_ago(40))
    services.retention_destroy(kind=retention.FAMILY, record_id=scene.family.pk)
    southvale = FamilyFactory(local_authority=LocalAuthorityFactory(policy_name="southvale"))
    services.legal_hold_place(family=southvale, reason="Inquiry", actor=UserFactory())
    events = AuditEvent.objects.count()

    # Audit events cannot be moved into the past, so look far ahead instead.
    entries = retention_schedule(today=dt.date(2200, 1, 1))
    trails = {e.record.id: e for e in entries if e.record.kind == retention.AUDIT}
    assert set(trails) == {scene.family.pk, southvale.pk}
    assert trails[scene.family.pk].record.years == 35
    assert trails[southvale.pk].record.years == 40
    assert trails[scene.family.pk].action == retention.KEEP
    assert "the audit trail is append-only" in trails[scene.family.pk].reason
    assert AuditEvent.objects.count() == events
    assert not [
        e for e in retention_schedule(today=timezone.localdate()) if e.record.kind == "audit"
    ]

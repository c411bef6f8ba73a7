"""Given a family whose conference has been run to the end — a finalised record, an issued
letter, approved minutes, a released pack, a parent's comment and their own report — when
its retention period ends, then destruction removes all of it with an audit event per row,
and nothing protected stops it; while the period runs, all of it is kept."""

import pytest
from django.utils import timezone

from cpconf.conference_records.models import ConferenceRecord, RecordPart, RecordVersion
from cpconf.dataprotection import retention, services
from cpconf.dataprotection.selectors import retention_schedule
from cpconf.families.models import Family, FamilyMember
from cpconf.outcomes.models import MinutesApproval, OutcomeLetter
from cpconf.outcomes.services import minutes_approve, outcome_issue
from cpconf.packs.models import ConferencePack
from cpconf.packs.services import pack_release
from cpconf.portal.models import ParentsReport, ReportComment
from cpconf.portal.services import parents_report_send, report_comment_add
from cpconf.reports.models import ProfessionalReport
from tests.conference_records.builders import finalised
from tests.dataprotection.ageing import last_contact_at, years_ago
from tests.dataprotection.test_retention import destroyed_events
from tests.report_scene import complete, start, submit

pytestmark = pytest.mark.django_db

LATER_PARTS = (
    ConferenceRecord,
    RecordPart,
    RecordVersion,
    MinutesApproval,
    OutcomeLetter,
    ConferencePack,
    ReportComment,
    ParentsReport,
)


def run_to_the_end(scene):
    report = complete(start(scene))
    version = submit(report)
    parent = FamilyMember.objects.get(user=scene.parent)
    report_comment_add(member=parent, report=report, version=version, text="I disagree.")
    parents_report_send(member=parent, conference=scene.conference, kind="report", text="Ours.")
    pack_release(conference=scene.conference, actor=scene.unit, release_with_missing=True)
    record_version = finalised(scene.conference, scene.chair)
    outcome_issue(record_version=record_version, actor=scene.chair, notify=False)
    minutes_approve(record_version=record_version, actor=scene.chair)


def test_everything_after_the_reports_goes_with_the_family(scene):
    run_to_the_end(scene)
    assert all(part.objects.exists() for part in LATER_PARTS)
    last_contact_at(scene.family, years_ago(36))

    rows = services.retention_destroy(
        kind=retention.FAMILY, record_id=scene.family.pk, actor_label="test"
    )

    assert not Family.objects.filter(pk=scene.family.pk).exists()
    assert not ProfessionalReport.objects.exists()
    assert not any(part.objects.exists() for part in LATER_PARTS)
    destroyed_kinds = {label for label, _pk in destroyed_events()}
    assert {f"{part._meta.label_lower}" for part in LATER_PARTS} <= destroyed_kinds
    assert rows == len(destroyed_events())


def test_while_the_period_runs_nothing_is_destroyed(scene):
    run_to_the_end(scene)

    entries = retention_schedule(today=timezone.localdate())

    assert not any(entry.destroys for entry in entries)
    assert all(part.objects.exists() for part in LATER_PARTS)

"""Who reaches a conference's record: its chair and the unit of its authority; anyone else
gets a 404, and both the read and the refusal are in the audit trail."""

import re

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.http import Http404
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from cpconf.access import may
from cpconf.accounts.models import Role
from cpconf.audit.models import AuditEvent, Outcome
from cpconf.conference_records import record_content as parts
from cpconf.conference_records import selectors
from cpconf.conference_records.models import ConferenceRecord
from cpconf.conference_records.selectors import record_for
from cpconf.conference_records.services import record_start
from tests.factories import LocalAuthorityFactory, user_with_role

pytestmark = pytest.mark.django_db


def request_by(user):
    request = RequestFactory().get("/")
    request.user = user
    return request


def test_opening_a_record_never_starts_it_the_chair_starts_it_on_purpose(scene):
    assert record_for(request_by(scene.chair), scene.conference.pk) is None
    assert not ConferenceRecord.objects.filter(conference=scene.conference).exists()

    started = record_start(conference=scene.conference, actor=scene.chair)
    record = record_for(request_by(scene.chair), scene.conference.pk)

    assert record.pk == started.pk and record.conference == scene.conference
    assert record.parts.count() == len(parts.PART_KEYS)
    assert AuditEvent.objects.filter(action="conference_record_started").count() == 1
    reads = AuditEvent.objects.filter(action="conference_record_viewed", outcome=Outcome.SUCCESS)
    assert reads.count() == 2
    assert reads.first().family_id == scene.family.pk


WRITES = re.compile(r"^\s*(INSERT|UPDATE|DELETE)\b", re.IGNORECASE)


def writes_outside_the_audit_trail(queries) -> list[str]:
    """The statements that changed something other than the audit trail (every read of a
    child's record is itself recorded, by design)."""
    return [
        q["sql"]
        for q in queries
        if WRITES.match(q["sql"]) and f'"{AuditEvent._meta.app_label}_' not in q["sql"]
    ]


def test_the_record_selectors_only_read(scene):
    """Selectors read and services write: opening, listing and reading a record's versions
    changes nothing, whether or not the record has been started."""
    request = request_by(scene.chair)
    with CaptureQueriesContext(connection) as before_start:
        assert record_for(request, scene.conference.pk) is None
        selectors.latest_finalised_content(scene.conference)
        list(selectors.conferences_for(scene.chair))
    record_start(conference=scene.conference, actor=scene.chair)
    with CaptureQueriesContext(connection) as after_start:
        record = record_for(request, scene.conference.pk)
        selectors.latest_version(record)
        selectors.versions_of(record)
        selectors.version_numbered(scene.conference, 1)
        selectors.latest_finalised_content(scene.conference)

    assert writes_outside_the_audit_trail(before_start.captured_queries) == []
    assert writes_outside_the_audit_trail(after_start.captured_queries) == []


def test_the_unit_of_the_authority_opens_the_record(scene):
    record_start(conference=scene.conference, actor=scene.chair)
    assert record_for(request_by(scene.unit), scene.conference.pk).conference == scene.conference


@pytest.mark.parametrize("who", ["author", "colleague", "parent", "other_chair", "other_unit"])
def test_anyone_else_gets_a_404_and_the_refusal_is_audited(scene, who):
    others = {
        "other_chair": lambda: user_with_role(Role.CHAIR, scene.authority),
        "other_unit": lambda: user_with_role(Role.UNIT_ADMINISTRATOR, LocalAuthorityFactory()),
    }
    user = others[who]() if who in others else getattr(scene, who)

    with pytest.raises(Http404):
        record_for(request_by(user), scene.conference.pk)

    assert not may(user, "run_record", scene.conference)
    refusal = AuditEvent.objects.get(action="conference_record_viewed")
    assert (refusal.outcome, refusal.actor_id) == (Outcome.REFUSED, user.pk)
    assert refusal.family_id == scene.family.pk
    assert not hasattr(scene.conference, "record") or scene.conference.record is None


def test_nobody_signed_out_runs_a_record(scene):
    with pytest.raises(Http404):
        record_for(request_by(AnonymousUser()), scene.conference.pk)


def test_a_conference_that_does_not_exist_is_the_same_404(scene):
    with pytest.raises(Http404):
        record_for(request_by(scene.chair), scene.conference.pk + 1000)

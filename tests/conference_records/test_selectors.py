"""Who reaches a conference's record: its chair and the unit of its authority; anyone else
gets a 404, and both the read and the refusal are in the audit trail."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.http import Http404
from django.test import RequestFactory

from cpconf.access import may
from cpconf.accounts.models import Role
from cpconf.audit.models import AuditEvent, Outcome
from cpconf.conference_records import record_content as parts
from cpconf.conference_records.selectors import record_for
from tests.factories import LocalAuthorityFactory, user_with_role

pytestmark = pytest.mark.django_db


def request_by(user):
    request = RequestFactory().get("/")
    request.user = user
    return request


def test_the_chair_opens_the_record_and_it_is_started_the_first_time(scene):
    record = record_for(request_by(scene.chair), scene.conference.pk)
    again = record_for(request_by(scene.chair), scene.conference.pk)

    assert again.pk == record.pk and record.conference == scene.conference
    assert record.parts.count() == len(parts.PART_KEYS)
    assert AuditEvent.objects.filter(action="conference_record_started").count() == 1
    reads = AuditEvent.objects.filter(action="conference_record_viewed", outcome=Outcome.SUCCESS)
    assert reads.count() == 2
    assert reads.first().family_id == scene.family.pk


def test_the_unit_of_the_authority_opens_the_record(scene):
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

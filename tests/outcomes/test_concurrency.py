"""One set of letters per action: "Issue the minutes and letter" pressed many times at once
(by the chair twice, or the chair and the unit together) issues one letter to each of the
family's two parents, sends the family one notice, and tells every other press it was
already issued. No press ends in a server error."""

import pytest
from django.core import mail
from django.urls import reverse

from cpconf.audit.models import AuditEvent
from cpconf.outcomes.models import OutcomeLetter
from cpconf.outcomes.views import ALREADY_ISSUED
from tests.outcomes.records import finalised_record
from tests.reports.concurrency import failures, press_at_once

pytestmark = pytest.mark.django_db

PRESSES = 8
PARENTS = 2  # Dawn Hartwell and Parent Account, each getting their own letter


@pytest.mark.django_db(transaction=True)
def test_issuing_many_times_at_once_issues_one_letter_to_each_parent(scene):
    version = finalised_record(scene.conference)
    url = reverse("outcomes:issue", args=[scene.conference.pk])

    results = press_at_once(
        scene.chair,
        lambda client: client.post(url, {"version": str(version.number)}, follow=True),
        presses=PRESSES,
    )

    assert failures(results) == []
    assert [r.status_code for r in results] == [200] * PRESSES
    assert OutcomeLetter.objects.filter(record_version=version).count() == PARENTS
    assert AuditEvent.objects.filter(action="outcome_letter_issued").count() == PARENTS
    assert sum(ALREADY_ISSUED in r.content.decode() for r in results) == PRESSES - 1
    parent_notices = [m for m in mail.outbox if scene.parent.email in m.to]
    assert len(parent_notices) == 1


def test_pressing_issue_again_later_says_it_was_already_issued(client, scene):
    version = finalised_record(scene.conference)
    client.force_login(scene.chair)
    url = reverse("outcomes:issue", args=[scene.conference.pk])
    first = client.post(url, {"version": "1"}, follow=True).content.decode()

    again = client.post(url, {"version": "1"}, follow=True).content.decode()

    assert ALREADY_ISSUED not in first
    assert ALREADY_ISSUED in again
    assert OutcomeLetter.objects.filter(record_version=version).count() == PARENTS

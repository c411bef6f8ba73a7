"""A letter is issued only from a finalised record, and a record is finalised only once its
meeting has started: so the family's portal never shows a decision or an appeal date for a
meeting still to come. Written through the record's own services and the pages (the service's
own refusal of a version whose record is not finalised: test_issue.py)."""

import re

import pytest
from django.urls import reverse
from django.utils import timezone

from cpconf.conference_records import services as records
from cpconf.outcomes import selectors
from cpconf.outcomes.models import OutcomeLetter
from cpconf.outcomes.services import NOT_FINALISED, outcome_issue
from tests.conference_records.builders import complete_content, held, next_review_day, write_all
from tests.conference_records.pages import started

pytestmark = pytest.mark.django_db

DECISION_READY = "The letter about the decision is ready"
APPEAL_BY = "Please tell us by"  # the letter's appeal deadline
LETTER_LINK = re.compile(r'href="(/family/letters/\d+/)"')


def recorded(scene):
    """Every part of the scene's record answered, not finalised."""
    record = started(scene)
    conference = scene.conference
    content = complete_content(
        records.children_of(conference),
        next_review_day(conference),
        held_on=timezone.localdate(conference.starts_at),
    )
    write_all(record, content, scene.chair)
    return record


def test_before_the_meeting_the_record_is_not_finalised_so_nothing_can_be_issued(scene):
    record = recorded(scene)  # the meeting is three weeks away

    with pytest.raises(records.RecordIncomplete):
        records.record_finalise(record=record, actor=scene.chair)

    assert selectors.latest_finalised_version(scene.conference) is None
    assert not OutcomeLetter.objects.exists()


def test_the_issue_button_refuses_a_record_that_is_not_finalised(client, scene):
    recorded(scene)
    client.force_login(scene.chair)

    response = client.post(
        reverse("outcomes:issue", args=[scene.conference.pk]), {"version": "1"}, follow=True
    )

    assert NOT_FINALISED in response.content.decode()
    assert "Minutes and letter issued" not in response.content.decode()
    assert not OutcomeLetter.objects.exists()


def test_the_family_sees_no_decision_or_appeal_date_before_the_meeting(client, scene):
    record = recorded(scene)
    with pytest.raises(records.RecordIncomplete):
        records.record_finalise(record=record, actor=scene.chair)
    client.force_login(scene.chair)
    client.post(reverse("outcomes:issue", args=[scene.conference.pk]), {"version": "1"})
    client.force_login(scene.parent)

    home = client.get(reverse("portal:home")).content.decode()
    meeting = client.get(reverse("portal:conference", args=[scene.conference.pk]))

    assert meeting.status_code == 200
    for text in (home, meeting.content.decode()):
        assert DECISION_READY not in text
        assert APPEAL_BY not in text
        assert not LETTER_LINK.search(text)
        assert "Becomes subject to a child protection plan" not in text


def test_once_the_meeting_has_happened_the_family_reads_the_decision_and_the_appeal_date(
    client, scene
):
    held(scene.conference)
    record = recorded(scene)
    version = records.record_finalise(record=record, actor=scene.chair)
    outcome_issue(record_version=version, actor=scene.chair, notify=False)
    client.force_login(scene.parent)

    meeting = client.get(reverse("portal:conference", args=[scene.conference.pk])).content.decode()
    link = LETTER_LINK.search(meeting)
    reading = client.get(link.group(1)).content.decode() if link else ""

    assert DECISION_READY in meeting
    assert APPEAL_BY in reading

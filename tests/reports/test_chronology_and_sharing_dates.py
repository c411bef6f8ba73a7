"""Dates a report could not truly hold are refused, each naming its row and field and keeping
what was typed: a chronology event before the last conference (the section asks what has
happened since), and a report shared with the family before it was started."""

import datetime as dt

import pytest
from django.utils import timezone

from cpconf.families.dates import earliest_birth
from cpconf.named_errors import named
from cpconf.reports import part_editors, selectors
from cpconf.reports import report_content as parts
from cpconf.reports.forms import (
    EVENT_BEFORE_LAST_CONFERENCE,
    EVENT_TOO_LONG_AGO,
    SHARED_BEFORE_STARTED,
)
from cpconf.reports.models import ProfessionalReport
from tests.report_scene import review_conference, start
from tests.reports.part_posts import date_fields, part_url, rows_post, summary_links

pytestmark = pytest.mark.django_db


@pytest.fixture
def review(scene) -> ProfessionalReport:
    """A review report; the last conference was 90 days ago."""
    return start(scene, conference=review_conference(scene))


def last_conference_day(scene) -> dt.date:
    return timezone.localtime(scene.conference.starts_at).date()


def event(day: dt.date) -> dict:
    return {**date_fields("date", day), "event": "Missed dental appointment", "source": "Dentist"}


def post_event(client, scene, report, day: dt.date):
    client.force_login(scene.author)
    return client.post(part_url(report, "chronology"), rows_post("chronology", [event(day)]))


def test_an_event_in_1900_is_refused_naming_the_last_conferences_date(client, scene, review):
    response = post_event(client, scene, review, dt.date(1900, 1, 1))

    assert response.status_code == 400
    when = parts.display_date(last_conference_day(scene).isoformat())
    message = EVENT_BEFORE_LAST_CONFERENCE % {"date": when}
    assert summary_links(response.content.decode()) == [
        ("id_chronology-0-date_day", named("Event 1", message))
    ]
    assert 'value="1900"' in response.content.decode()
    assert "Missed dental appointment" in response.content.decode()
    assert review.sections.get(key="chronology").revision == 0


def test_an_event_the_day_before_the_last_conference_is_refused(client, scene, review):
    response = post_event(client, scene, review, last_conference_day(scene) - dt.timedelta(days=1))

    assert response.status_code == 400


def test_an_event_on_the_day_of_the_last_conference_is_saved(client, scene, review):
    day = last_conference_day(scene)

    response = post_event(client, scene, review, day)

    assert response.status_code == 302
    entries = review.sections.get(key="chronology").content["entries"]
    assert [e["date"] for e in entries] == [day.isoformat()]


def test_with_no_last_conference_events_go_back_25_years(scene):
    """The shipped initial form has no chronology; a local one may. With no last conference,
    an event may be as old as the oldest child the record allows, and no older."""
    report = start(scene)  # an initial conference
    form = selectors.form_of(report)
    chronology = parts.Part("chronology", "Significant events", "chronology", False)
    too_old = dt.date(1900, 1, 1)

    editor = part_editors.editor_for(
        chronology,
        form,
        scene.authority.policy.scaling,
        {},
        data=rows_post("chronology", [event(too_old)]),
        report=report,
    )

    assert not editor.is_valid()
    oldest = earliest_birth(timezone.localdate())
    message = EVENT_TOO_LONG_AGO % {"date": parts.display_date(oldest.isoformat())}
    assert editor.errors == [("id_chronology-0-date_day", named("Event 1", message))]


def sharing(day: dt.date) -> dict:
    return {
        "revision": 0,
        "shared": "yes",
        **date_fields("shared_on", day),
        "method": "in_person",
        "shared_with": "Dawn Hartwell, mother",
        "comments": "Mum says the school is picking on her.",
        "completed": "yes",
    }


def test_sharing_in_1990_is_refused_naming_when_the_report_was_started(client, scene):
    report = start(scene)
    client.force_login(scene.author)

    response = client.post(part_url(report, "sharing"), sharing(dt.date(1990, 6, 1)))

    assert response.status_code == 400
    started = timezone.localtime(report.created_at).date()
    message = SHARED_BEFORE_STARTED % {"date": parts.display_date(started.isoformat())}
    page = response.content.decode()
    assert summary_links(page) == [("id_shared_on_day", message)]
    assert 'value="1990"' in page
    assert "Mum says the school is picking on her." in page
    assert report.sections.get(key="sharing").revision == 0


def test_sharing_the_day_before_the_report_was_started_is_refused(client, scene):
    report = start(scene)
    ProfessionalReport.objects.filter(pk=report.pk).update(
        created_at=timezone.now() - dt.timedelta(days=10)
    )
    started = timezone.localtime(timezone.now() - dt.timedelta(days=10)).date()
    client.force_login(scene.author)

    before = client.post(part_url(report, "sharing"), sharing(started - dt.timedelta(days=1)))
    on_the_day = client.post(part_url(report, "sharing"), sharing(started))

    assert before.status_code == 400
    assert on_the_day.status_code == 302

"""Correcting a child's dates in a report ("The children") follows the front sheet's rule
(`families.dates.child_dates_problem`): a date of birth in the past and no more than 25
years ago; an unborn baby's due date no more than 12 weeks past and no more than 42 weeks
ahead. Each refusal names the child and keeps what was typed."""

import datetime as dt

import pytest
from django.utils import timezone

from cpconf.families.dates import (
    BIRTH_IN_PAST,
    BIRTH_TOO_LONG_AGO,
    EXPECTED_NOT_LONG_AGO,
    EXPECTED_TOO_FAR_AHEAD,
)
from cpconf.named_errors import named
from tests.factories import ChildFactory
from tests.report_scene import start
from tests.reports.part_posts import (
    child_rows,
    date_fields,
    part_url,
    rows_post,
    summary_links,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def report(scene):
    """The Hartwells' report, with an unborn baby as their third child."""
    due = timezone.localdate() + dt.timedelta(weeks=20)
    ChildFactory(family=scene.family, given_name="Baby", date_of_birth=None, expected_due_date=due)
    return start(scene)


def post_dates(client, scene, report, index: int, day: dt.date):
    rows = child_rows(report)
    rows[index] |= date_fields("date_of_birth", day)
    client.force_login(scene.author)
    return client.post(part_url(report, "children"), rows_post("children", rows))


def assert_refused(response, report, index: int, name: str, message: str) -> None:
    assert response.status_code == 400
    page = response.content.decode()
    assert summary_links(page) == [(f"id_children-{index}-date_of_birth_day", named(name, message))]
    assert report.sections.get(key="children").revision == 0


def test_an_unborn_babys_due_date_in_2019_is_refused(client, scene, report):
    response = post_dates(client, scene, report, 2, dt.date(2019, 1, 1))

    assert_refused(response, report, 2, "Baby Hartwell", EXPECTED_NOT_LONG_AGO)
    assert 'value="2019"' in response.content.decode()


def test_a_due_date_more_than_a_pregnancy_ahead_is_refused(client, scene, report):
    too_far = timezone.localdate() + dt.timedelta(weeks=42, days=1)

    response = post_dates(client, scene, report, 2, too_far)

    assert_refused(response, report, 2, "Baby Hartwell", EXPECTED_TOO_FAR_AHEAD)


def test_a_date_of_birth_in_1890_is_refused(client, scene, report):
    response = post_dates(client, scene, report, 0, dt.date(1890, 5, 1))

    assert_refused(response, report, 0, "Lily Hartwell", BIRTH_TOO_LONG_AGO)
    assert 'value="1890"' in response.content.decode()


def test_a_date_of_birth_tomorrow_is_still_refused(client, scene, report):
    tomorrow = timezone.localdate() + dt.timedelta(days=1)

    response = post_dates(client, scene, report, 1, tomorrow)

    assert_refused(response, report, 1, "Noah Hartwell", BIRTH_IN_PAST)


def test_dates_the_rule_allows_are_saved(client, scene, report):
    due = timezone.localdate() + dt.timedelta(weeks=30)
    rows = child_rows(report)
    rows[0] |= date_fields("date_of_birth", dt.date(2016, 3, 3))
    rows[2] |= date_fields("date_of_birth", due)
    client.force_login(scene.author)

    response = client.post(part_url(report, "children"), rows_post("children", rows))

    assert response.status_code == 302
    saved = report.sections.get(key="children").content["children"]
    assert [(c["date_of_birth"], c["unborn"]) for c in saved] == [
        ("2016-03-03", False),
        ("2020-09-17", False),
        (due.isoformat(), True),
    ]

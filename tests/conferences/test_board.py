"""The reports-received board shows each invitee's report status, sharing and days left."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from cpconf.conferences import board
from cpconf.reports.models import ReportStatus
from tests.report_scene import complete, save, start, submit

pytestmark = pytest.mark.django_db


def statuses(conference) -> dict[str, tuple[str, str]]:
    return {
        row.invitation.email: (row.status_label, row.sharing)
        for row in board.board_rows(conference)
    }


def test_each_status_from_not_started_to_submitted_late(scene):
    assert statuses(scene.conference) == {
        scene.author.email: ("Not started", "Not recorded"),
        scene.colleague.email: ("Not started", "Not recorded"),
    }
    report = start(scene)
    assert statuses(scene.conference)[scene.author.email] == ("Draft", "Not recorded")
    save(report, "sharing", {"shared": "no", "not_shared_reason": "Mother in hospital"})
    assert statuses(scene.conference)[scene.author.email] == (
        "Draft",
        "Not shared: Mother in hospital",
    )
    complete(report)
    shared_on = timezone.localdate()
    assert statuses(scene.conference)[scene.author.email] == (
        "Shared with family",
        f"Shared on {shared_on.day} {shared_on:%B %Y}",
    )
    submit(report)
    assert statuses(scene.conference)[scene.author.email][0] == "Submitted"
    report.refresh_from_db()
    report.__class__.objects.filter(pk=report.pk).update(submitted_late=True)
    assert statuses(scene.conference)[scene.author.email][0] == "Submitted late"
    assert report.status == ReportStatus.SUBMITTED


def test_the_summary_counts_outstanding_overdue_and_unshared(scene):
    submit(complete(start(scene)))
    summary = board.summarise(scene.conference)
    assert (summary.invited, summary.outstanding, summary.overdue, summary.not_shared) == (
        2,
        1,
        0,
        1,
    )

    after_deadline = scene.conference.starts_at - dt.timedelta(hours=1)
    assert board.summarise(scene.conference, now=after_deadline).overdue == 1


def test_days_left_round_up_and_go_negative_once_passed():
    now = dt.datetime(2026, 12, 1, 12, 0, tzinfo=dt.UTC)

    assert board.days_left(now + dt.timedelta(hours=1), now) == 1
    assert board.days_left(now + dt.timedelta(days=2, hours=1), now) == 3
    assert board.days_left(now - dt.timedelta(hours=1), now) == -1


def test_a_review_after_its_statutory_date_is_flagged(scene):
    from tests.factories import ConferenceFactory

    scene.conference.starts_at = timezone.now() - dt.timedelta(days=120)
    scene.conference.save()
    review = ConferenceFactory(
        family=scene.family,
        meeting_type="review",
        stage="review",
        previous=scene.conference,
        starts_at=timezone.now() + dt.timedelta(days=10),
    )

    summary = board.summarise(review)

    # The first review is due 3 months (about 90 days) after a conference 120 days ago.
    previous_day = timezone.localtime(scene.conference.starts_at).date()
    assert previous_day + dt.timedelta(days=88) <= summary.statutory_due
    assert summary.statutory_due <= previous_day + dt.timedelta(days=93)
    assert summary.at_statutory_risk


def test_the_board_page_for_the_unit_and_the_chair_only(client, scene):
    url = reverse("conferences:board", args=[scene.conference.pk])
    for user in (scene.unit, scene.chair):
        client.force_login(user)
        page = client.get(url).content.decode()
        assert "Reports received" in page
        assert scene.author.email in page or str(scene.author) in page
        assert 'data-module="moj-sortable-table"' in page
    for user in (scene.author, scene.parent):
        client.force_login(user)
        assert client.get(url).status_code == 404


def test_invitees_see_their_deadlines_and_the_unit_its_overview_on_the_home_page(client, scene):
    from cpconf.conferences.scheduling import deadlines_for

    deadlines = deadlines_for(scene.conference)
    client.force_login(scene.author)
    page = client.get(reverse("home:home")).content.decode()
    submit_by = timezone.localtime(deadlines.submit_by)
    assert f"{submit_by.day} {submit_by:%b}, {submit_by:%H:%M}" in page

    client.force_login(scene.unit)
    page = client.get(reverse("home:home")).content.decode()
    assert reverse("conferences:board", args=[scene.conference.pk]) in page
    assert "2 of 2" in page  # both reports outstanding

"""Reports received: each invitee's report status and sharing, and the conference's counts of
what is outstanding, overdue, unshared or past its statutory date."""

import datetime as dt

import pytest
from django.utils import timezone

from cpconf.reports import received
from cpconf.reports.models import ReportStatus
from tests.report_scene import complete, save, start, submit

pytestmark = pytest.mark.django_db


def statuses(conference) -> dict[str, tuple[str, str]]:
    return {
        row.invitation.email: (row.status_label, row.sharing)
        for row in received.board_rows(conference)
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


def outstanding(conference) -> dict[str, str]:
    return {row.invitation.email: row.status_label for row in received.outstanding_rows(conference)}


def test_outstanding_rows_are_the_boards_rows_not_yet_submitted_at_each_step(
    scene, django_assert_num_queries
):
    # The chair's brief lists these: the same invitees and statuses as the board, read in one
    # query, whatever each report holds.
    def the_boards(conference):
        return {
            row.invitation.email: row.status_label
            for row in received.board_rows(conference)
            if not row.is_submitted
        }

    report = start(scene)
    steps = [lambda: None, lambda: complete(report), lambda: submit(report)]
    for step in steps:
        step()
        assert outstanding(scene.conference) == the_boards(scene.conference)
    assert outstanding(scene.conference) == {scene.colleague.email: "Not started"}
    with django_assert_num_queries(1):
        received.outstanding_rows(scene.conference)


def test_the_summary_counts_outstanding_overdue_and_unshared(scene):
    submit(complete(start(scene)))
    summary = received.summarise(scene.conference)
    assert (summary.invited, summary.outstanding, summary.overdue, summary.not_shared) == (
        2,
        1,
        0,
        1,
    )

    after_deadline = scene.conference.starts_at - dt.timedelta(hours=1)
    assert received.summarise(scene.conference, now=after_deadline).overdue == 1


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

    summary = received.summarise(review)

    # The first review is due 3 months (about 90 days) after a conference 120 days ago.
    previous_day = timezone.localtime(scene.conference.starts_at).date()
    assert previous_day + dt.timedelta(days=88) <= summary.statutory_due
    assert summary.statutory_due <= previous_day + dt.timedelta(days=93)
    assert summary.at_statutory_risk


def test_shared_with_no_date_recorded_reads_as_shared_and_counts_as_shared(scene):
    report = start(scene)
    save(report, "sharing", {"shared": "yes", "shared_on": ""}, completed=False)

    assert statuses(scene.conference)[scene.author.email] == ("Shared with family", "Shared")
    assert received.summarise(scene.conference).not_shared == 1  # only the colleague's

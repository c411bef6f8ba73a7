"""The pages a busy authority leans on ask the database the same number of questions whether
they show one row or fifty: no query per row (an "N+1"). Counted, never timed.

Each test builds one row, counts the page's queries, adds 49 more rows and counts again.
Both counts are of the second request (the first warms per-process caches: policies, report
forms, content types) by the same signed-in user.
"""

import datetime as dt
from collections.abc import Callable

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from cpconf.accounts.models import Role, User
from cpconf.audit.services import audit_record
from cpconf.conference_records.services import record_correct
from cpconf.conferences.models import Conference
from cpconf.outcomes.services import outcome_issue
from cpconf.portal.models import AccessNeeds
from cpconf.reports import services
from cpconf.reports.models import ProfessionalReport, ReportSection, SectionState
from tests.conference_records.builders import finalised
from tests.factories import (
    ConferenceFactory,
    FamilyFactory,
    FamilyMemberFactory,
    InvitationFactory,
    user_with_role,
)
from tests.report_scene import Scene, answers_for, start

pytestmark = pytest.mark.django_db

MANY = 50


def queries_for(user: User, url: str) -> int:
    client = Client()
    client.force_login(user)
    assert client.get(url).status_code == 200  # warm the per-process caches
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def same_for_one_and_many(
    user: User, url: Callable[[], str], add_row: Callable[[int], object]
) -> tuple[int, int]:
    add_row(0)
    one = queries_for(user, url())
    for index in range(1, MANY):
        add_row(index)
    many = queries_for(user, url())
    return one, many


def invited_author(scene: Scene, conference: Conference, index: int) -> ProfessionalReport:
    """A professional invited to the conference, with their report started (its sections)."""
    author = user_with_role(Role.PROFESSIONAL, scene.authority, first_name=f"Author{index}")
    agency = author.role_assignments.get().agency
    InvitationFactory(conference=conference, invitee=author, agency=agency)
    return services.report_start(conference=conference, author=author, agency=agency)


def submitted(report: ProfessionalReport) -> ProfessionalReport:
    """Every part answered (written straight to the working copy, quicker than 16 audited
    saves) and the report signed and submitted."""
    for key, content in answers_for(report).items():
        ReportSection.objects.filter(report=report, key=key).update(
            content=content, state=SectionState.COMPLETED
        )
    services.report_submit(
        report=report, signed_name="A Author", signed_role="Teacher", actor=report.author
    )
    report.refresh_from_db()
    return report


def test_the_units_home_page_reads_fifty_conferences_as_it_reads_one(scene):
    """The unit's overview summarises each upcoming conference's board (invited, outstanding,
    overdue, not shared): one question for all the boards, not three per conference."""

    def add_conference(index: int) -> None:
        family = FamilyFactory(local_authority=scene.authority, name=f"Family{index}")
        conference = ConferenceFactory(
            family=family,
            chair=scene.chair,
            starts_at=timezone.now() + dt.timedelta(days=10 + index % 20),
        )
        invited_author(scene, conference, index)

    one, many = same_for_one_and_many(scene.unit, lambda: reverse("home:home"), add_conference)
    assert one == many


def test_the_units_held_conferences_read_fifty_as_they_read_one(scene):
    """Each held conference still to finish says when its letter and minutes are due and
    whether either was ever issued: carried in the query that lists them, not one per row."""

    def add_held(index: int) -> None:
        conference = ConferenceFactory(
            family=scene.family,
            chair=scene.chair,
            starts_at=timezone.now() - dt.timedelta(days=1 + index % 20),
        )
        if index % 2:
            first = finalised(conference, scene.chair)
            outcome_issue(record_version=first, actor=scene.chair, notify=False)
            record_correct(record=first.record, reason="A date was wrong.", actor=scene.chair)

    one, many = same_for_one_and_many(scene.unit, lambda: reverse("home:home"), add_held)
    assert one == many


def test_the_reports_received_board_reads_fifty_invitees_as_it_reads_one(scene):
    url = reverse("conferences:board", args=[scene.conference.pk])
    one, many = same_for_one_and_many(
        scene.chair, lambda: url, lambda i: invited_author(scene, scene.conference, i)
    )
    assert one == many


def test_the_board_reads_the_access_needs_of_fifty_family_members_as_it_reads_one(scene):
    """The board's 'From the family' shows each member's recorded needs: read with the
    members, not one question per member."""
    url = reverse("conferences:board", args=[scene.conference.pk])

    def add_member(index: int) -> None:
        member = FamilyMemberFactory(family=scene.family, full_name=f"Relative {index}")
        AccessNeeds.objects.create(member=member, large_print=True)

    one, many = same_for_one_and_many(scene.chair, lambda: url, add_member)
    assert one == many


def test_the_conference_page_reads_fifty_invitees_as_it_reads_one(scene):
    url = reverse("conferences:detail", args=[scene.conference.pk])
    one, many = same_for_one_and_many(
        scene.unit, lambda: url, lambda i: invited_author(scene, scene.conference, i)
    )
    assert one == many


def test_the_audit_search_reads_a_page_of_fifty_events_as_it_reads_one(scene):
    auditor = user_with_role(Role.AUDITOR, scene.authority)

    def add_event(index: int) -> None:
        audit_record(action="family_viewed", actor=scene.unit, obj=scene.family)

    # Only the auditor's search itself is counted: its own record of the search is one row.
    one, many = same_for_one_and_many(auditor, lambda: reverse("audit:search"), add_event)
    assert one == many


def test_the_chairs_preparation_view_reads_fifty_reports_as_it_reads_one(scene):
    url = reverse("preparation:prepare", args=[scene.conference.pk])
    scene.conference.starts_at = timezone.now() + dt.timedelta(days=2)
    scene.conference.save()
    one, many = same_for_one_and_many(
        scene.chair, lambda: url, lambda i: submitted(invited_author(scene, scene.conference, i))
    )
    assert one == many


def test_a_reports_first_version_page_is_counted_the_same_for_a_short_and_a_long_report(scene):
    """Not rows but length: a version's page reads the version once, however much it holds."""
    report = start(scene)
    short = submitted(report)
    one = queries_for(scene.author, reverse("reports:version", args=[short.pk, 1]))
    long_report = invited_author(scene, scene.conference, 99)
    answers = answers_for(long_report, words="The kitchen was clean. " * 400)
    for key, content in answers.items():
        ReportSection.objects.filter(report=long_report, key=key).update(
            content=content, state=SectionState.COMPLETED
        )
    services.report_submit(
        report=long_report, signed_name="B", signed_role="Teacher", actor=long_report.author
    )
    many = queries_for(long_report.author, reverse("reports:version", args=[long_report.pk, 1]))
    assert one == many

"""The demo parents can use the portal straight away: shared reports to read, a comment
already made, a parents' report for the upcoming Ashdown review; running it again adds nothing."""

import pytest
from django.urls import reverse

from cpconf.accounts.models import User
from cpconf.demo.seeding import seed_demo
from cpconf.portal import selectors
from cpconf.portal.models import ConferenceFeedback, ParentsReport, ReportComment
from tests.worlds import FAST_HASHER

pytestmark = pytest.mark.django_db


@pytest.fixture
def seeded(demo_seeded_once, settings):
    """The demo, seeded once for this module (tests/conftest.py); passwords were hashed
    quickly, and checking them needs the same hasher."""
    settings.PASSWORD_HASHERS = FAST_HASHER


def test_kelly_ashdown_reads_shared_reports_and_her_own_words(client, seeded):
    kelly = User.objects.get(email="kelly.ashdown@northshire.example")
    member = selectors.member_for(kelly)
    shared = selectors.shared_reports_for(member)
    client.force_login(kelly)

    home = client.get(reverse("portal:home"))
    report = client.get(reverse("portal:report", args=[shared[0].report.pk]))

    assert home.status_code == 200 and report.status_code == 200
    assert len(shared) >= 5
    assert ReportComment.objects.filter(member=member).exists()
    review = ParentsReport.objects.get(member=member)
    assert review.conference.starts_at > review.sent_at
    assert selectors.parents_report(review.conference).startswith("Our own report from Kelly")


def test_a_second_run_adds_no_portal_rows(seeded):
    counts = (
        ReportComment.objects.count(),
        ParentsReport.objects.count(),
        ConferenceFeedback.objects.count(),
    )

    seed_demo()

    assert counts == (2, 2, 1)
    assert counts == (
        ReportComment.objects.count(),
        ParentsReport.objects.count(),
        ConferenceFeedback.objects.count(),
    )


def test_the_demo_parent_who_asked_for_reports_read_aloud_is_offered_them_first(client, seeded):
    kelly = User.objects.get(email="kelly.ashdown@northshire.example")
    member = selectors.member_for(kelly)
    shared = selectors.shared_reports_for(member)[0]
    client.force_login(kelly)

    meeting = client.get(reverse("portal:conference", args=[shared.report.conference_id]))
    listen = client.get(reverse("portal:report_listen", args=[shared.report.pk]))

    assert selectors.reading_format(member).read_aloud
    assert "Reports read aloud" in selectors.access_needs_lines(member)
    text = meeting.content.decode()
    listen_url = reverse("portal:report_listen", args=[shared.report.pk])
    assert text.index(listen_url) < text.index(
        reverse("portal:report", args=[shared.report.pk]) + '"'
    )
    assert listen.status_code == 200

"""Who has looked at a report: everyone who read, downloaded or changed it or any of its
versions, with their role and agency, newest first — for the chair and the unit."""

import pytest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.html import escape

from cpconf.audit.models import Outcome
from cpconf.audit.services import audit_record
from cpconf.reports.report_viewers import ReportViewer, report_viewers
from tests.report_scene import complete, start, submit

pytestmark = pytest.mark.django_db


def looked_at(report, actor, action="report_viewed", **extra):
    family = report.conference.family
    return audit_record(
        action=action,
        actor=actor,
        obj=report,
        family_id=family.pk,
        local_authority_id=family.local_authority_id,
        **extra,
    )


def test_the_author_the_chair_and_the_unit_are_listed_newest_first(scene):
    report = complete(start(scene))
    version = submit(report)
    looked_at(report, scene.chair)
    looked_at(report, scene.unit, action="report_conference_copy_downloaded")

    viewers = report_viewers(report)

    assert viewers[:3] == [
        (
            scene.unit.get_full_name(),
            "Unit administrator",
            "",
            viewers[0].when,
            "Downloaded the conference copy",
        ),
        (scene.chair.get_full_name(), "Conference chair", "", viewers[1].when, "Viewed the report"),
        ("Priya Shah", "Professional", "Alder Primary", viewers[2].when, "Signed and submitted"),
    ]
    assert viewers[2].when <= viewers[1].when <= viewers[0].when
    assert viewers[-1].action == "Started the report"
    assert all(isinstance(v, ReportViewer) for v in viewers)
    assert version.pk  # the submission is filed against the version, and still listed


def test_a_page_read_is_listed(client, scene):
    report = complete(start(scene))
    submit(report)
    client.force_login(scene.chair)

    client.get(reverse("reports:version", args=[report.pk, 1]))

    assert report_viewers(report)[0][:2] == (scene.chair.get_full_name(), "Conference chair")


def test_refusals_and_other_reports_are_not_listed(scene):
    report = complete(start(scene))
    colleagues = start(scene, author=scene.colleague)
    looked_at(report, scene.parent, outcome=Outcome.REFUSED)
    looked_at(colleagues, scene.chair)

    assert {v.who for v in report_viewers(report)} == {"Priya Shah"}


def test_someone_whose_account_is_gone_is_listed_by_the_email_recorded(scene):
    report = start(scene)
    looked_at(report, None, actor_label="removed.person@example.org")

    assert report_viewers(report)[0].who == "removed.person@example.org"


def test_the_table_shows_each_viewer(scene):
    report = start(scene)
    looked_at(report, scene.chair)

    html = render_to_string("audit/_report_viewers.html", {"viewers": report_viewers(report)})

    assert "Who has looked at this report" in html
    assert 'class="govuk-table' in html
    assert escape(scene.chair.get_full_name()) in html  # names such as O'Brien are escaped
    assert "Viewed the report" in html
    assert "No one has looked" in render_to_string("audit/_report_viewers.html", {"viewers": []})

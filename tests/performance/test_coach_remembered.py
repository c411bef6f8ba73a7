"""The board's coach warnings are remembered by what they were counted from: a board looked at
again runs the coach on nothing, a report that changed is counted again, and the count shown
is always the coach's count of the report as it stands."""

import pytest
from django.urls import reverse

from cpconf.reports import received
from cpconf.reports.coaching import warning_count
from tests.report_scene import complete, save, start

pytestmark = pytest.mark.django_db

VAGUE = "Mum seems to be struggling. It is alleged that dad drinks. Things are a bit chaotic."


@pytest.fixture
def coach_runs(monkeypatch):
    """Each report the coach is run on, in order."""
    runs: list[int] = []

    def counted(report, content):
        runs.append(report.pk)
        return warning_count(report, content)

    monkeypatch.setattr(received, "warning_count", counted)
    return runs


def shown_warnings(scene) -> dict[int, int | None]:
    rows = received.with_coach_warnings(received.board_rows(scene.conference))
    return {row.report.pk: row.coach_warnings for row in rows if row.report}


def test_a_board_looked_at_again_runs_the_coach_on_nothing(client, scene, coach_runs):
    first = complete(start(scene))
    second = complete(start(scene, author=scene.colleague))
    client.force_login(scene.chair)
    url = reverse("conferences:board", args=[scene.conference.pk])

    client.get(url)
    assert sorted(coach_runs) == sorted([first.pk, second.pk])
    coach_runs.clear()
    client.get(url)

    assert coach_runs == []


def test_a_changed_report_is_counted_again_and_shows_its_new_count(scene, coach_runs):
    report = complete(start(scene))
    other = complete(start(scene, author=scene.colleague))
    before = shown_warnings(scene)
    coach_runs.clear()

    save(report, "worries", {"text": VAGUE})
    after = shown_warnings(scene)

    assert coach_runs == [report.pk]
    report.refresh_from_db()
    content = {section.key: section.content for section in report.sections.all()}
    assert after[report.pk] == warning_count(report, content)
    assert after[report.pk] > before[report.pk]
    assert after[other.pk] == before[other.pk]


def test_the_remembered_count_is_the_coachs_count(scene):
    report = complete(start(scene))
    save(report, "worries", {"text": VAGUE})
    report.refresh_from_db()
    content = {section.key: section.content for section in report.sections.all()}

    shown_warnings(scene)  # counted and remembered
    remembered = shown_warnings(scene)

    assert remembered[report.pk] == warning_count(report, content) > 0

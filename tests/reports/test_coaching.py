"""The quality coach beside the writing: on each save without JavaScript, through a JSON
endpoint with it, summarised at check-your-answers and counted on the board. It advises and
never blocks."""

import pytest
from django.urls import reverse

from tests.report_scene import complete, save, start, submit

pytestmark = pytest.mark.django_db

JARGON = "Mum is presenting as low in mood and there is evidence of disguised compliance."


def test_a_saved_section_shows_the_coach_beside_it(client, scene):
    report = start(scene)
    save(report, "worries", {"text": JARGON}, completed=False)
    client.force_login(scene.author)

    page = client.get(reverse("reports:part", args=[report.pk, "worries"])).content.decode()

    assert "Quality coach" in page
    assert "<mark>disguised compliance</mark>" in page
    assert "reading age about" in page


def test_the_coach_answers_the_author_as_they_pause(client, scene):
    report = start(scene)
    client.force_login(scene.author)
    url = reverse("reports:coach", args=[report.pk, "worries"])

    result = client.post(url, {"text": JARGON}).json()

    rules = {finding["rule"] for finding in result["findings"]}
    assert "jargon" in rules
    marked = [f["words"] for f in result["findings"] if f["rule"] == "jargon"]
    assert "disguised compliance" in marked
    assert result["reading"]["words"] == len(JARGON.split())
    assert client.get(url).status_code == 405


def test_only_the_author_may_ask_the_coach(client, scene):
    report = start(scene)
    client.force_login(scene.colleague)

    response = client.post(reverse("reports:coach", args=[report.pk, "worries"]), {"text": "x"})

    assert response.status_code == 404


def test_check_your_answers_summarises_the_coach_and_submission_still_goes_through(client, scene):
    report = complete(start(scene))
    save(report, "worries", {"text": JARGON})
    client.force_login(scene.author)

    page = client.get(reverse("reports:check", args=[report.pk])).content.decode()
    assert "Advice only: you can submit as it is." in page
    version = submit(report)
    assert version.number == 1


def test_the_board_counts_each_reports_coach_warnings(client, scene):
    report = complete(start(scene))
    save(report, "worries", {"text": "Dad is aggressive. Mum is neglectful."})
    client.force_login(scene.unit)

    page = client.get(reverse("conferences:board", args=[scene.conference.pk])).content.decode()

    assert "Coach warnings" in page
    from cpconf.reports.received import board_rows

    row = next(r for r in board_rows(scene.conference) if r.report == report)
    assert row.coach_warnings >= 2

"""Scaling over time: given finalised records and submitted reports across a family's
conferences, when staff open a child's scaling page (or the chair's preparation view), then
every participant's scores for that child appear as one chart series each, at the policy's
range, with the same numbers in the table."""

import re

import pytest
from defusedxml import ElementTree
from django.urls import reverse
from lxml import html

from tests.preparation.builders import finalised_record, submitted
from tests.report_scene import review_conference

pytestmark = pytest.mark.django_db

SVG = "{http://www.w3.org/2000/svg}"


def charts_in(body: str) -> list:
    return [ElementTree.fromstring(svg) for svg in re.findall(r"<svg.*?</svg>", body, re.S)]


def series_of(svg) -> dict[str, dict[int, int]]:
    found = {}
    for group in svg.iter(f"{SVG}g"):
        if group.get("data-series"):
            found[group.get("data-series")] = {
                int(c.get("data-occasion")): int(c.get("data-score"))
                for c in group.iter(f"{SVG}circle")
            }
    return found


def table_of(tree, child) -> dict[str, list[str]]:
    table = tree.xpath(f'//table[@data-scaling-table="{child.pk}"]')[0]
    rows = {}
    for row in table.xpath(".//tbody/tr"):
        name = row.xpath("./th")[0]
        label = " ".join((name.text or "").split())
        rows[label] = [
            " ".join(td.text_content().replace("No score", "").split()) for td in row.xpath("./td")
        ]
    return rows


@pytest.fixture
def history(scene):
    """An initial conference with a corrected, finalised record, and a review with a report."""
    lily, noah = scene.children
    review = review_conference(scene)
    finalised_record(
        scene.conference,
        scene.chair,
        [
            {"participant": "Dawn Hartwell <mum>", "child_id": lily.pk, "score": 3},
            {"participant": "Chair", "child_id": lily.pk, "score": 2},
            {"participant": "Dawn Hartwell <mum>", "child_id": noah.pk, "score": 5},
        ],
        versions=2,
    )
    report = submitted(scene, conference=review, scores=(6, 8))
    return review, report


def test_a_childs_scores_across_conferences_are_one_series_per_participant(client, scene, history):
    lily, _noah = scene.children
    client.force_login(scene.chair)

    response = client.get(reverse("preparation:child_scaling", args=[lily.pk]))

    assert response.status_code == 200
    body = response.content.decode()
    [svg] = charts_in(body)
    assert svg.get("role") == "img"
    assert (svg.get("data-low"), svg.get("data-high")) == ("0", "10")
    assert series_of(svg) == {
        "Dawn Hartwell <mum>": {0: 3},
        "Chair": {0: 2},
        "Alder Primary (report)": {1: 6},
    }
    groups = {
        g.get("data-series"): g.get("data-kind")
        for g in svg.iter(f"{SVG}g")
        if g.get("data-series")
    }
    assert groups["Alder Primary (report)"] == "report"
    assert "&lt;mum&gt;" in body and "<mum>" not in body
    assert table_of(html.fromstring(body), lily) == {
        "Dawn Hartwell <mum>": ["3", "—"],
        "Chair": ["2", "—"],
        "Alder Primary (report)": ["—", "6"],
    }


def test_each_child_has_their_own_chart_on_the_preparation_view(client, scene, history):
    review, _report = history
    _lily, noah = scene.children
    client.force_login(scene.chair)

    response = client.get(reverse("preparation:prepare", args=[review.pk]))

    body = response.content.decode()
    lily_chart, noah_chart = charts_in(body)
    assert series_of(lily_chart)["Alder Primary (report)"] == {1: 6}
    assert series_of(noah_chart) == {
        "Dawn Hartwell <mum>": {0: 5},
        "Alder Primary (report)": {1: 8},
    }
    assert table_of(html.fromstring(body), noah)["Alder Primary (report)"] == ["—", "8"]


def test_only_the_latest_record_version_counts(client, scene, history):
    lily, _noah = scene.children
    client.force_login(scene.unit)

    response = client.get(reverse("preparation:child_scaling", args=[lily.pk]))

    [svg] = charts_in(response.content.decode())
    assert "Dawn Hartwell <mum>" in series_of(svg)  # version 1 had no scores; version 2 has


def test_a_one_to_ten_policy_draws_a_one_to_ten_chart(client, scene):
    scene.authority.policy_name = "southvale"
    scene.authority.save()
    lily, _noah = scene.children
    finalised_record(
        scene.conference, scene.chair, [{"participant": "Mother", "child_id": lily.pk, "score": 1}]
    )
    client.force_login(scene.chair)

    response = client.get(reverse("preparation:child_scaling", args=[lily.pk]))

    [svg] = charts_in(response.content.decode())
    assert (svg.get("data-low"), svg.get("data-high")) == ("1", "10")
    point = next(c for c in svg.iter(f"{SVG}circle") if c.get("data-score") == "1")
    axis = next(line for line in svg.iter(f"{SVG}line") if line.get("stroke-width") == "2")
    assert float(point.get("cy")) == float(axis.get("y2"))  # the scale's low end is the axis


def test_a_professional_sees_report_scores_only_of_reports_they_may_read(client, scene, history):
    """The colleague is invited to the initial conference only; the review's pack is not
    released, so the school's report score is not theirs to see."""
    lily, _noah = scene.children
    client.force_login(scene.colleague)

    response = client.get(reverse("preparation:child_scaling", args=[lily.pk]))

    assert response.status_code == 200
    [svg] = charts_in(response.content.decode())
    assert "Alder Primary (report)" not in series_of(svg)


def test_no_scores_yet_says_so(client, scene):
    client.force_login(scene.chair)

    response = client.get(reverse("preparation:child_scaling", args=[scene.children[0].pk]))

    assert "No scaling scores have been recorded for Lily yet." in response.content.decode()
    assert "<svg" not in response.content.decode()


def test_the_chart_uses_no_inline_style(client, scene, history):
    client.force_login(scene.chair)

    response = client.get(reverse("preparation:child_scaling", args=[scene.children[0].pk]))

    [svg_text] = re.findall(r"<svg.*?</svg>", response.content.decode(), re.S)
    assert "style=" not in svg_text and "<style" not in svg_text and "<script" not in svg_text
    assert "style-src 'self'" in response["Content-Security-Policy"]


def test_a_cancelled_conferences_report_scores_are_left_out(client, scene, history):
    # The review is cancelled after the school submitted its report: the chart keeps the
    # initial conference's scores and draws nothing for a meeting that did not happen.
    review, _report = history
    review.status = "cancelled"
    review.save()
    lily, _noah = scene.children
    client.force_login(scene.unit)

    response = client.get(reverse("preparation:child_scaling", args=[lily.pk]))

    assert response.status_code == 200
    [svg] = charts_in(response.content.decode())
    assert series_of(svg) == {"Dawn Hartwell <mum>": {0: 3}, "Chair": {0: 2}}

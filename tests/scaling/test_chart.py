"""The scaling chart: valid SVG, one series per participant, each point at the height its
score gives on the policy's range, names escaped, and a table with the same numbers."""

import subprocess
import sys

import pytest
from defusedxml import ElementTree

from cpconf.scaling import LAYOUT, Scale, ScalingChart, Series, scaling_svg, table_rows, y_for

SVG = "{http://www.w3.org/2000/svg}"
OCCASIONS = ("3 March 2026", "2 June 2026", "1 December 2026")


def chart(scale: Scale, *series: Series) -> ScalingChart:
    return ScalingChart("Scaling for Lily Hartwell", scale, OCCASIONS, series)


def parsed(the_chart: ScalingChart):
    return ElementTree.fromstring(scaling_svg(the_chart, "child-7"))


def points_of(root, name: str) -> dict[int, float]:
    group = next(g for g in root.iter(f"{SVG}g") if g.get("data-series") == name)
    return {
        int(c.get("data-occasion")): float(c.get("cy"))
        for c in group.iter(f"{SVG}circle")
        if c.get("data-score") is not None
    }


ZERO_TO_TEN = Scale(0, 10, "Not safe at all.", "Safe enough to close.")
ONE_TO_TEN = Scale(1, 10, "Not safe.", "Safe.")


def test_the_chart_is_an_accessible_svg_image():
    root = parsed(chart(ZERO_TO_TEN, Series("Dawn Hartwell (mother)", {0: 3})))

    assert root.tag == f"{SVG}svg"
    assert root.get("role") == "img"
    title, desc = root.find(f"{SVG}title"), root.find(f"{SVG}desc")
    assert root.get("aria-labelledby") == f"{title.get('id')} {desc.get('id')}"
    assert title.text == "Scaling for Lily Hartwell"
    assert "0 means: Not safe at all." in desc.text
    assert "10 means: Safe enough to close." in desc.text
    assert "style" not in scaling_svg(chart(ZERO_TO_TEN), "x")


def test_one_series_for_each_participant_with_its_points():
    root = parsed(
        chart(
            ZERO_TO_TEN,
            Series("Dawn Hartwell (mother)", {0: 3, 1: 5, 2: 6}),
            Series("Alder Primary", {1: 4, 2: 7}, from_report=True),
            Series("Chair", {2: 6}),
        )
    )

    groups = [g for g in root.iter(f"{SVG}g") if g.get("data-series")]
    assert [g.get("data-series") for g in groups] == [
        "Dawn Hartwell (mother)",
        "Alder Primary",
        "Chair",
    ]
    assert [g.get("data-kind") for g in groups] == ["meeting", "report", "meeting"]
    assert sorted(points_of(root, "Dawn Hartwell (mother)")) == [0, 1, 2]
    assert sorted(points_of(root, "Chair")) == [2]
    legend = [t.text for t in root.iter(f"{SVG}text")]
    assert {"Dawn Hartwell (mother)", "Alder Primary", "Chair"} <= set(legend)


def test_points_on_a_zero_to_ten_range_sit_at_their_heights():
    root = parsed(chart(ZERO_TO_TEN, Series("Mother", {0: 0, 1: 5, 2: 10})))

    heights = points_of(root, "Mother")
    assert heights[0] == LAYOUT.plot_bottom
    assert heights[1] == LAYOUT.plot_top + LAYOUT.plot_height / 2
    assert heights[2] == LAYOUT.plot_top
    labels = [t.text for t in root.iter(f"{SVG}text")]
    assert [str(n) for n in range(11)] == [t for t in labels if t and t.isdigit()]


def test_points_on_a_one_to_ten_range_sit_at_their_heights():
    root = parsed(chart(ONE_TO_TEN, Series("Mother", {0: 1, 1: 4, 2: 10})))

    heights = points_of(root, "Mother")
    assert heights[0] == LAYOUT.plot_bottom
    assert heights[1] == pytest.approx(LAYOUT.plot_bottom - LAYOUT.plot_height * 3 / 9, abs=0.01)
    assert heights[2] == LAYOUT.plot_top
    labels = [t.text for t in root.iter(f"{SVG}text")]
    assert [str(n) for n in range(1, 11)] == [t for t in labels if t and t.isdigit()]


def test_the_same_score_is_lower_on_a_zero_to_ten_range_than_on_one_to_ten():
    five_of_ten = y_for(chart(ZERO_TO_TEN), 5)
    five_of_one_to_ten = y_for(chart(ONE_TO_TEN), 5)

    assert five_of_ten < five_of_one_to_ten  # higher on the page is a smaller y


def test_a_score_outside_the_range_is_refused():
    with pytest.raises(ValueError, match="outside 1 to 10"):
        chart(ONE_TO_TEN, Series("Mother", {0: 0}))


def test_names_and_labels_are_escaped():
    name = 'Mum & <script>alert("x")</script>\x07'
    the_chart = ScalingChart(
        "Lily <b>", ZERO_TO_TEN, ("1 March & <2026>",), (Series(name, {0: 4}),)
    )

    svg = scaling_svg(the_chart, 'id" onload="x')
    root = ElementTree.fromstring(svg)

    assert "<script>" not in svg and "<b>" not in svg
    assert 'onload="x' not in svg
    group = next(g for g in root.iter(f"{SVG}g") if g.get("data-series"))
    assert group.get("data-series") == 'Mum & <script>alert("x")</script>'
    assert root.find(f"{SVG}title").text == "Lily <b>"
    assert "1 March & <2026>" in [t.text for t in root.iter(f"{SVG}text")]


def test_the_table_holds_the_same_numbers_as_the_chart():
    the_chart = chart(
        ONE_TO_TEN,
        Series("Mother", {0: 2, 2: 6}),
        Series("Health visitor", {1: 5}, from_report=True),
    )
    root = parsed(the_chart)

    rows = table_rows(the_chart)

    assert [(r.name, r.from_report, r.scores) for r in rows] == [
        ("Mother", False, (2, None, 6)),
        ("Health visitor", True, (None, 5, None)),
    ]
    for row in rows:
        group = next(g for g in root.iter(f"{SVG}g") if g.get("data-series") == row.name)
        drawn = {
            int(c.get("data-occasion")): int(c.get("data-score"))
            for c in group.iter(f"{SVG}circle")
        }
        assert drawn == {i: s for i, s in enumerate(row.scores) if s is not None}


def test_a_chart_with_no_scores_is_still_a_valid_picture():
    root = parsed(chart(ZERO_TO_TEN))

    assert root.find(f"{SVG}title").text == "Scaling for Lily Hartwell"


def test_the_scaling_package_loads_no_django():
    check = (
        "import sys, cpconf.scaling; "
        "print(','.join(sorted(m for m in sys.modules if m.split('.')[0] == 'django')))"
    )
    result = subprocess.run(
        [sys.executable, "-c", check], capture_output=True, text=True, check=True
    )

    assert result.stdout.strip() == ""


def test_equal_scores_at_one_conference_stay_apart_side_by_side():
    root = parsed(chart(ZERO_TO_TEN, Series("Mother", {0: 4}), Series("Father", {0: 4})))

    circles = [c for c in root.iter(f"{SVG}circle") if c.get("data-score")]

    assert len({c.get("cx") for c in circles}) == 2
    assert len({c.get("cy") for c in circles}) == 1

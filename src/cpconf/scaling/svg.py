"""The scaling chart as an SVG string, to be placed in the page as it is.

Only presentation attributes (fill, stroke, font-size...) style it, never a style attribute
or element: the site's Content Security Policy allows no inline style. Every piece of text
from the data is escaped for XML, and characters XML cannot hold are dropped, so a name
such as `<Mum & Dad>` is shown as written and never becomes markup.

The picture is one image to assistive technology (`role="img"`, named by its `<title>` and
`<desc>`); the table beside it carries the same numbers for screen-reader users.
"""

import math
import re
from dataclasses import dataclass
from html import escape

from cpconf.scaling.model import ScalingChart, Series

INK = "#0b0c0c"
GRID = "#b1b4b6"
PAPER = "#ffffff"
# GOV.UK colours that stay apart from each other and from white.
PALETTE = (
    "#1d70b8",
    "#d4351c",
    "#00703c",
    "#f47738",
    "#4c2c92",
    "#912b88",
    "#28a197",
    "#505a5f",
    "#b58840",
    "#5694ca",
)
FONT = "Arial, Helvetica, sans-serif"
LEGEND_ROW = 24
NAME_LIMIT = 70
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
NOT_ID = re.compile(r"[^A-Za-z0-9_-]")


@dataclass(frozen=True)
class Layout:
    """Where the plot sits in the picture, in SVG user units."""

    width: int = 720
    plot_left: int = 64
    plot_right: int = 24
    plot_top: int = 24
    plot_height: int = 260

    @property
    def plot_width(self) -> int:
        return self.width - self.plot_left - self.plot_right

    @property
    def plot_bottom(self) -> int:
        return self.plot_top + self.plot_height


LAYOUT = Layout()


def y_for(chart: ScalingChart, score: int, layout: Layout = LAYOUT) -> float:
    """The height of a score: the scale's low end on the x axis, its high end at the top."""
    scale = chart.scale
    share = (score - scale.low) / (scale.high - scale.low)
    return round(layout.plot_bottom - share * layout.plot_height, 2)


def x_for(chart: ScalingChart, index: int, layout: Layout = LAYOUT) -> float:
    """Conferences sit evenly along the x axis, each in the middle of its own slot."""
    slot = layout.plot_width / max(len(chart.occasions), 1)
    return round(layout.plot_left + slot * (index + 0.5), 2)


def text(value: str) -> str:
    """Text from the data, safe inside an SVG element or attribute."""
    return escape(NOT_XML.sub("", value), quote=True)


def _short(name: str) -> str:
    return name if len(name) <= NAME_LIMIT else name[: NAME_LIMIT - 1].rstrip() + "…"


def colour_of(index: int) -> str:
    return PALETTE[index % len(PALETTE)]


def scaling_svg(chart: ScalingChart, chart_id: str, layout: Layout = LAYOUT) -> str:
    """The chart as one `<svg>` element. `chart_id` keeps its ids apart from other charts on
    the same page."""
    prefix = NOT_ID.sub("-", chart_id) or "scaling"
    legend_top = layout.plot_bottom + 72
    height = legend_top + LEGEND_ROW * max(len(chart.series), 1) + 8
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" '
        f'aria-labelledby="{prefix}-title {prefix}-desc" viewBox="0 0 {layout.width} {height}" '
        f'width="100%" font-family="{FONT}" data-low="{chart.scale.low}" '
        f'data-high="{chart.scale.high}">',
        f'<title id="{prefix}-title">{text(chart.title)}</title>',
        f'<desc id="{prefix}-desc">{text(describe(chart))}</desc>',
        f'<rect x="0" y="0" width="{layout.width}" height="{height}" fill="{PAPER}"/>',
        *_y_axis(chart, layout),
        *_x_axis(chart, layout),
    ]
    for index, series in enumerate(chart.series):
        parts.extend(_series(chart, series, index, layout))
    parts.extend(_legend(chart, legend_top, layout))
    parts.append("</svg>")
    return "\n".join(parts)


def describe(chart: ScalingChart) -> str:
    if chart.wording.description:
        return chart.wording.description
    scale = chart.scale
    lines = [
        f"Scores from {scale.low} to {scale.high} at {len(chart.occasions)} conference(s), "
        f"one line for each of {len(chart.series)} participant(s).",
    ]
    if scale.low_means:
        lines.append(f"{scale.low} means: {scale.low_means}")
    if scale.high_means:
        lines.append(f"{scale.high} means: {scale.high_means}")
    if any(series.from_report for series in chart.series):
        lines.append("Dashed lines and open circles are scores given in written reports.")
    lines.append("The same scores are in the table beside the chart.")
    return " ".join(lines)


def _ticks(chart: ScalingChart) -> range:
    low, high = chart.scale.low, chart.scale.high
    step = max(1, math.ceil((high - low) / 10))
    return range(low, high + 1, step)


def _y_axis(chart: ScalingChart, layout: Layout) -> list[str]:
    left, right = layout.plot_left, layout.plot_left + layout.plot_width
    parts = []
    for score in _ticks(chart):
        y = y_for(chart, score, layout)
        parts.append(f'<line x1="{left}" y1="{y}" x2="{right}" y2="{y}" stroke="{GRID}"/>')
        parts.append(
            f'<text x="{left - 8}" y="{y + 4}" text-anchor="end" font-size="13" '
            f'fill="{INK}">{score}</text>'
        )
    middle = layout.plot_top + layout.plot_height / 2
    axis = chart.wording.score_axis.format(low=chart.scale.low, high=chart.scale.high)
    parts.append(
        f'<text x="16" y="{middle}" text-anchor="middle" font-size="14" fill="{INK}" '
        f'transform="rotate(-90 16 {middle})">{text(axis)}</text>'
    )
    parts.append(
        f'<line x1="{left}" y1="{layout.plot_top}" x2="{left}" y2="{layout.plot_bottom}" '
        f'stroke="{INK}" stroke-width="2"/>'
    )
    return parts


def _x_axis(chart: ScalingChart, layout: Layout) -> list[str]:
    bottom = layout.plot_bottom
    left, right = layout.plot_left, layout.plot_left + layout.plot_width
    parts = [
        f'<line x1="{left}" y1="{bottom}" x2="{right}" y2="{bottom}" stroke="{INK}" '
        'stroke-width="2"/>'
    ]
    slanted = len(chart.occasions) > 6
    for index, label in enumerate(chart.occasions):
        x, y = x_for(chart, index, layout), bottom + 22
        turn = f' transform="rotate(-25 {x} {y})"' if slanted else ""
        anchor = "end" if slanted else "middle"
        parts.append(
            f'<text x="{x}" y="{y}" text-anchor="{anchor}" font-size="13" fill="{INK}"{turn}>'
            f"{text(label)}</text>"
        )
    parts.append(
        f'<text x="{left + layout.plot_width / 2}" y="{bottom + 56}" text-anchor="middle" '
        f'font-size="14" fill="{INK}">{text(chart.wording.conference_axis)}</text>'
    )
    return parts


def dodge(chart: ScalingChart, number: int) -> float:
    """A small sideways step for each series, so equal scores at one conference stay apart;
    the height, which carries the score, never moves."""
    step = min(4.0, 40 / max(len(chart.series), 1))
    return round(step * (number - (len(chart.series) - 1) / 2), 2)


def _series(chart: ScalingChart, series: Series, number: int, layout: Layout) -> list[str]:
    name = text(series.name)
    colour = colour_of(number)
    kind = "report" if series.from_report else "meeting"
    step = dodge(chart, number)
    points = [
        (index, round(x_for(chart, index, layout) + step, 2), y_for(chart, score, layout), score)
        for index, score in sorted(series.scores.items())
    ]
    parts = [f'<g data-series="{name}" data-kind="{kind}">']
    if len(points) > 1:
        line = " ".join(f"{x},{y}" for _index, x, y, _score in points)
        dashes = ' stroke-dasharray="6 4"' if series.from_report else ""
        parts.append(
            f'<polyline points="{line}" fill="none" stroke="{colour}" stroke-width="2"{dashes}/>'
        )
    fill = PAPER if series.from_report else colour
    for index, x, y, score in points:
        label = text(f"{series.name}, {chart.occasions[index]}: {score}")
        parts.append(
            f'<circle cx="{x}" cy="{y}" r="5" fill="{fill}" stroke="{colour}" '
            f'stroke-width="2" data-score="{score}" data-occasion="{index}">'
            f"<title>{label}</title></circle>"
        )
    parts.append("</g>")
    return parts


def _legend(chart: ScalingChart, top: int, layout: Layout) -> list[str]:
    parts = []
    for index, series in enumerate(chart.series):
        y = top + LEGEND_ROW * index
        colour = colour_of(index)
        dashes = ' stroke-dasharray="6 4"' if series.from_report else ""
        fill = PAPER if series.from_report else colour
        left = layout.plot_left
        parts.append(
            f'<line x1="{left}" y1="{y}" x2="{left + 32}" y2="{y}" stroke="{colour}" '
            f'stroke-width="2"{dashes}/>'
            f'<circle cx="{left + 16}" cy="{y}" r="5" fill="{fill}" stroke="{colour}" '
            'stroke-width="2"/>'
            f'<text x="{left + 44}" y="{y + 5}" font-size="14" fill="{INK}">'
            f"{text(_short(series.name))}</text>"
        )
    return parts

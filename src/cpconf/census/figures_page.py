"""The unit's figures page laid out: the table's rows and the chart's bars, from the figures.

The chart is drawn on the server as SVG (no script, nothing from elsewhere); every bar has
its number as text beside it, and the table above it holds the same figures, so the chart
adds a picture and hides nothing."""

from dataclasses import dataclass
from datetime import date
from typing import Any

from cpconf.census.cin_return import CensusYear
from cpconf.census.cin_return.figures import Figure
from cpconf.census.selectors import figures_for
from cpconf.organisations.models import LocalAuthority

BAR_AREA = 60  # percent of the chart's width the longest bar takes
ROW_HEIGHT = 28
NO_PERCENT = "\N{EN DASH}"  # nothing to divide by
# Short enough to sit beside a bar on a narrow screen; the table has the full wording.
CHART_LABELS = {
    "icpc-on-time": "Initial conferences on time",
    "reviews-on-time": "Reviews on time",
    "second-plans": "Second or later plans",
}


@dataclass(frozen=True)
class CategoryRow:
    label: str
    started: Figure
    ended: Figure


@dataclass(frozen=True)
class Bar:
    label: str
    value: int
    text: str
    width: float
    y: int


def _bars(items: list[tuple[str, int, str]], maximum: int) -> list[Bar]:
    return [
        Bar(label, value, text, BAR_AREA * value / maximum if maximum else 0, index * ROW_HEIGHT)
        for index, (label, value, text) in enumerate(items)
    ]


def figures_context(authority: LocalAuthority, today: date) -> dict[str, Any]:
    figures, _history = figures_for(authority, today)
    rows = [
        CategoryRow(started.label, started, ended)
        for started, ended in zip(figures.started, figures.ended, strict=True)
    ]
    plan_items = [
        (f"{row.label}: started", row.started.count, str(row.started.count)) for row in rows
    ]
    plan_items += [(f"{row.label}: ended", row.ended.count, str(row.ended.count)) for row in rows]
    rate_items = [
        (
            CHART_LABELS.get(figure.key, figure.label),
            figure.percent or 0,
            f"{figure.percent}%" if figure.percent is not None else NO_PERCENT,
        )
        for figure in figures.rates
    ]
    plan_bars = _bars(plan_items, max((v for _l, v, _t in plan_items), default=0))
    rate_bars = _bars(rate_items, 100)
    year = figures.year
    return {
        "authority": authority,
        "figures": figures,
        "rows": rows,
        "started_total": sum(row.started.count for row in rows),
        "ended_total": sum(row.ended.count for row in rows),
        "plan_bars": plan_bars,
        "plan_chart_height": len(plan_bars) * ROW_HEIGHT,
        "rate_bars": rate_bars,
        "rate_chart_height": len(rate_bars) * ROW_HEIGHT,
        "return_years": [year, CensusYear(year.year - 1)],
    }

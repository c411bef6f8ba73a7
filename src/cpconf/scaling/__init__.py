"""Scaling over time: every participant's scores for one child across the family's
conferences, drawn as an SVG chart, with the same numbers as table rows.

A pure core: nothing here imports Django. The Django side (`cpconf.preparation`) gathers the
scores from conference records and reports into a `ScalingChart` and calls `scaling_svg`.
"""

from cpconf.scaling.model import Scale, ScalingChart, Series, TableRow, Wording, table_rows
from cpconf.scaling.svg import LAYOUT, Layout, describe, scaling_svg, x_for, y_for

__all__ = [
    "LAYOUT",
    "Layout",
    "Scale",
    "ScalingChart",
    "Series",
    "TableRow",
    "Wording",
    "describe",
    "scaling_svg",
    "table_rows",
    "x_for",
    "y_for",
]

"""The merged chronology: every agency's significant events in one timeline.

A pure core: nothing here imports Django. The Django side gives each agency's entries as
`AgencyEvent`s and lays out the `MergedEvent`s it gets back, on the page and in the pack.
"""

from cpconf.chronology.merge import (
    ADJACENT_DAYS,
    SIMILAR_ENOUGH,
    AgencyEvent,
    MergedEvent,
    merge_chronologies,
    similarity,
)

__all__ = [
    "ADJACENT_DAYS",
    "SIMILAR_ENOUGH",
    "AgencyEvent",
    "MergedEvent",
    "merge_chronologies",
    "similarity",
]

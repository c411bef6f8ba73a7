"""The figures a performance meeting asks for, for the census year so far.

Each figure keeps the children behind it (by child id), so every number on the unit's page
links to the list it counts. Counted per child, as the DfE counts: a plan is one child's, an
initial conference counts once for each child it decided about, a review once for each child
whose plan it reviewed.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date

from cpconf.census.cin_return.items import CATEGORY_LABELS, CensusYear
from cpconf.census.cin_return.plans import HeldConference, Plan

CATEGORY_ORDER = ("NEG", "PHY", "EMO", "SAB", "MUL")
UNKNOWN_CATEGORY = "none"


@dataclass(frozen=True)
class Figure:
    """One count and the children it counts; `out_of` for a percentage (None for a count)."""

    key: str
    label: str
    child_ids: tuple[int, ...]
    out_of: int | None = None

    @property
    def count(self) -> int:
        return len(self.child_ids)

    @property
    def percent(self) -> int | None:
        if not self.out_of:
            return None
        return round(100 * self.count / self.out_of)


@dataclass(frozen=True)
class PerformanceFigures:
    year: CensusYear
    up_to: date
    started: tuple[Figure, ...]
    ended: tuple[Figure, ...]
    rates: tuple[Figure, ...]
    not_known: dict[str, int] = field(default_factory=dict)

    def figure(self, key: str) -> Figure | None:
        for figure in self.started + self.ended + self.rates:
            if figure.key == key:
                return figure
        return None


def _in_window(day: date | None, year: CensusYear, up_to: date) -> bool:
    return day is not None and year.starts_on <= day <= min(year.ends_on, up_to)


def _by_category(prefix: str, found: dict[str, list[int]]) -> tuple[Figure, ...]:
    return tuple(
        Figure(f"{prefix}-{code}", CATEGORY_LABELS[code], tuple(found.get(code, [])))
        for code in CATEGORY_ORDER
    )


def plans_started_and_ended(
    plans: dict[int, list[Plan]], year: CensusYear, up_to: date
) -> tuple[tuple[Figure, ...], tuple[Figure, ...]]:
    started: dict[str, list[int]] = {}
    ended: dict[str, list[int]] = {}
    for child_id, child_plans in plans.items():
        for plan in child_plans:
            if _in_window(plan.started_on, year, up_to):
                started.setdefault(plan.initial_category or UNKNOWN_CATEGORY, []).append(child_id)
            if plan.ended_on is not None and _in_window(plan.ended_on, year, up_to):
                latest = plan.latest_category_on(plan.ended_on) or UNKNOWN_CATEGORY
                ended.setdefault(latest, []).append(child_id)
    return _by_category("started", started), _by_category("ended", ended)


def initial_conferences_on_time(
    conferences: Iterable[HeldConference],
    year: CensusYear,
    up_to: date,
    target_for: Callable[[date], date],
) -> tuple[Figure, int]:
    """Children whose initial conference was held within the timescale of the strategy
    discussion, out of those whose strategy discussion date is known; and how many are not."""
    on_time, known, unknown = [], 0, 0
    for conference in conferences:
        if conference.is_review or not _in_window(conference.held_on, year, up_to):
            continue
        for child_id in conference.decisions:
            if conference.strategy_discussion_on is None:
                unknown += 1
                continue
            known += 1
            if conference.held_on <= target_for(conference.strategy_discussion_on):
                on_time.append(child_id)
    label = "Initial conferences within 15 working days of the strategy discussion"
    return Figure("icpc-on-time", label, tuple(on_time), known), unknown


def reviews_on_time(
    plans: dict[int, list[Plan]],
    year: CensusYear,
    up_to: date,
    review_due: Callable[[date, bool], date],
) -> Figure:
    """Reviews held by their due date: the first within the policy's months of the plan's
    start, each later one within its months of the review before."""
    on_time, held = [], 0
    for child_id, child_plans in plans.items():
        for plan in child_plans:
            previous, previous_was_review = plan.started_on, False
            for day, _conference_id in plan.reviews:
                if _in_window(day, year, up_to):
                    held += 1
                    if day <= review_due(previous, previous_was_review):
                        on_time.append(child_id)
                previous, previous_was_review = day, True
    return Figure("reviews-on-time", "Reviews held on time", tuple(on_time), held)


def second_or_later_plans(
    plans: dict[int, list[Plan]],
    year: CensusYear,
    up_to: date,
    plans_before_records: dict[int, int | None],
) -> tuple[Figure, int]:
    """Plans started in the year that are the child's second or later, out of those
    started; a first plan here for a child whose earlier plans nobody entered is not known."""
    second, started, unknown = [], 0, 0
    for child_id, child_plans in plans.items():
        for index, plan in enumerate(child_plans):
            if not _in_window(plan.started_on, year, up_to):
                continue
            started += 1
            before = plans_before_records.get(child_id)
            if index > 0 or (before or 0) > 0:
                second.append(child_id)
            elif before is None:
                unknown += 1
    label = "Plans that are a second or subsequent plan"
    return Figure("second-plans", label, tuple(second), started), unknown


def performance_figures(
    *,
    conferences: list[HeldConference],
    plans: dict[int, list[Plan]],
    year: CensusYear,
    up_to: date,
    target_for: Callable[[date], date],
    review_due: Callable[[date, bool], date],
    plans_before_records: dict[int, int | None],
) -> PerformanceFigures:
    started, ended = plans_started_and_ended(plans, year, up_to)
    icpc, icpc_unknown = initial_conferences_on_time(conferences, year, up_to, target_for)
    repeat, repeat_unknown = second_or_later_plans(plans, year, up_to, plans_before_records)
    return PerformanceFigures(
        year=year,
        up_to=min(up_to, year.ends_on),
        started=started,
        ended=ended,
        rates=(icpc, reviews_on_time(plans, year, up_to, review_due), repeat),
        not_known={"icpc-on-time": icpc_unknown, "second-plans": repeat_unknown},
    )

"""One child's census items for one year, cut from the whole history.

The census looks at the year from 1 April to 31 March as it stood on 31 March: a plan that
started before the year and is still open is in, with no end date; a plan that ends after
31 March is open in this year's return; reviews and initial conferences are those held in the
year. Earlier plans are only counted (NumberOfPreviousCPP).
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date

from cpconf.census.cin_return.items import CensusYear, PlanItems, Section47Items
from cpconf.census.cin_return.plans import HeldConference, Plan


@dataclass(frozen=True)
class Episode:
    """What goes in one child's CINdetails for the year."""

    initial_conference_on: date | None
    section_47s: tuple[Section47Items, ...]
    plans: tuple[PlanItems, ...]

    @property
    def is_empty(self) -> bool:
        return not self.section_47s and not self.plans


def plans_in_year(
    plans: list[Plan], year: CensusYear, plans_before_records: int | None
) -> tuple[PlanItems, ...]:
    """The plans open at some time in the year. `plans_before_records` is how many plans the
    child had before this system's history (entered by the unit); None if nobody entered it,
    so the count is unknown and listed, not assumed to be nought."""
    found = []
    for index, plan in enumerate(plans):
        if plan.started_on > year.ends_on:
            continue
        if plan.ended_on is not None and plan.ended_on < year.starts_on:
            continue
        ended_on = plan.ended_on if plan.ended_on and plan.ended_on <= year.ends_on else None
        found.append(
            PlanItems(
                started_on=plan.started_on,
                ended_on=ended_on,
                initial_category=plan.initial_category,
                latest_category=plan.latest_category_on(year.ends_on),
                previous_plans=None
                if plans_before_records is None
                else plans_before_records + index,
                review_dates=tuple(day for day, _id in plan.reviews if day in year),
            )
        )
    return tuple(found)


def section_47s_in_year(
    child_id: int,
    conferences: Iterable[HeldConference],
    year: CensusYear,
    target_for: Callable[[date], date],
) -> tuple[Section47Items, ...]:
    """One Section47 per initial conference held in the year that decided about the child;
    the target is the policy's working days from the strategy discussion (`target_for`)."""
    found = []
    for conference in sorted(conferences, key=lambda c: c.held_on):
        if conference.is_review or child_id not in conference.decisions:
            continue
        if conference.held_on not in year:
            continue
        started_on = conference.strategy_discussion_on
        found.append(
            Section47Items(
                started_on=started_on,
                initial_conference_target=target_for(started_on) if started_on else None,
                initial_conference_on=conference.held_on,
            )
        )
    return tuple(found)


def episode_in_year(
    child_id: int,
    conferences: list[HeldConference],
    plans: list[Plan],
    year: CensusYear,
    *,
    plans_before_records: int | None,
    target_for: Callable[[date], date],
) -> Episode:
    section_47s = section_47s_in_year(child_id, conferences, year, target_for)
    held = [s.initial_conference_on for s in section_47s if s.initial_conference_on]
    return Episode(
        initial_conference_on=max(held) if held else None,
        section_47s=section_47s,
        plans=plans_in_year(plans, year, plans_before_records),
    )

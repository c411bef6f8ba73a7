"""A child's child protection plans, read from the decisions of the conferences held.

A plan is not typed in again: it starts at the conference that decided the child needs one
and ends at the conference that decided the child no longer does. Its initial category is the
one decided when it started, its latest the one decided at the last conference while it was
open; every review conference held while it was open (the one that ended it included) is a
review date. This runs over the finalised records in date order, so a corrected record simply
gives the corrected plans.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date

from cpconf.census.cin_return.items import category_code


@dataclass(frozen=True)
class ChildDecision:
    """What one conference decided for one child: whether the child needs (or goes on
    needing) a child protection plan, and its categories. The record's outcome keys are read
    into `needs_plan` on the Django side (cpconf.census.gathering)."""

    needs_plan: bool
    categories: tuple[str, ...] = ()


@dataclass(frozen=True)
class HeldConference:
    """A conference whose record is finalised: when it was held, whether it was a review, the
    strategy discussion (initial conferences) and the decision for each child, by child id."""

    conference_id: int
    held_on: date
    is_review: bool
    decisions: Mapping[int, ChildDecision]
    strategy_discussion_on: date | None = None


@dataclass
class Plan:
    """One child's plan as found in the system's history (before it is cut to a year)."""

    child_id: int
    started_on: date
    started_at: int
    categories: list[tuple[date, str | None]] = field(default_factory=list)
    ended_on: date | None = None
    ended_at: int | None = None
    reviews: list[tuple[date, int]] = field(default_factory=list)

    @property
    def initial_category(self) -> str | None:
        return self.categories[0][1] if self.categories else None

    def latest_category_on(self, day: date) -> str | None:
        """The category as decided by the last conference on or before `day` (a later
        review may change it after the census's reference date)."""
        known = [category for decided_on, category in self.categories if decided_on <= day]
        return known[-1] if known else None


def plans_from_conferences(conferences: Iterable[HeldConference]) -> dict[int, list[Plan]]:
    """Every child's plans, oldest first, from the conferences in the order they were held."""
    plans: dict[int, list[Plan]] = {}
    for conference in sorted(conferences, key=lambda c: (c.held_on, c.conference_id)):
        for child_id, decision in conference.decisions.items():
            _apply(plans.setdefault(child_id, []), child_id, conference, decision)
    return {child_id: found for child_id, found in plans.items() if found}


def _apply(
    plans: list[Plan], child_id: int, conference: HeldConference, decision: ChildDecision
) -> None:
    current = plans[-1] if plans and plans[-1].ended_on is None else None
    needs_plan = decision.needs_plan
    category = category_code(decision.categories)
    if current is None and needs_plan:
        plans.append(
            Plan(
                child_id=child_id,
                started_on=conference.held_on,
                started_at=conference.conference_id,
                categories=[(conference.held_on, category)],
            )
        )
        return
    if current is None:
        return  # no plan made, none to end: nothing for the census's plans
    if conference.is_review:
        current.reviews.append((conference.held_on, conference.conference_id))
    if needs_plan:
        if category is not None:
            current.categories.append((conference.held_on, category))
    else:
        current.ended_on, current.ended_at = conference.held_on, conference.conference_id

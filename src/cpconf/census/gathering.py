"""The one place the database meets the census core: an authority's finalised conference
records read into `HeldConference`s, and each child's items for a year into `ChildItems`.

Only finalised records count (a record still being written decides nothing), each at its
latest version, so a correction changes the return. Reads only; scoped to one authority.
"""

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.utils import timezone

from cpconf.census.cin_return import (
    CensusYear,
    ChildDecision,
    ChildItems,
    HeldConference,
    Plan,
    episode_in_year,
    plans_from_conferences,
)
from cpconf.census.models import ChildCensusDetails
from cpconf.conference_records.models import RecordStatus, RecordVersion
from cpconf.conference_records.record_content import DECISIONS, PLAN_OUTCOMES, Decisions
from cpconf.conferences.models import Stage
from cpconf.deadlines import initial_conference_by
from cpconf.families.models import Child
from cpconf.organisations.models import LocalAuthority


@dataclass(frozen=True)
class AuthorityHistory:
    """Everything the census reads for one authority, read once."""

    authority: LocalAuthority
    conferences: list[HeldConference]
    plans: dict[int, list[Plan]]
    children: dict[int, Child]
    details: dict[int, ChildCensusDetails]

    def target_for(self, strategy_discussion: date) -> date:
        return initial_conference_by(self.authority.policy, strategy_discussion)

    def conferences_of(self, child_id: int) -> list[HeldConference]:
        return [c for c in self.conferences if child_id in c.decisions]


def _decisions(decisions: Any) -> dict[int, ChildDecision]:
    return {
        row.child_id: ChildDecision(row.outcome in PLAN_OUTCOMES, tuple(row.categories))
        for row in Decisions.from_json(decisions).children
        if row.child_id is not None and row.outcome
    }


def held_conferences(authority: LocalAuthority) -> list[HeldConference]:
    """The authority's conferences with a finalised record, each as last finalised. Only the
    decisions part of each version is read: the rest of the minutes is not the census's."""
    conference = "record__conference__"
    rows = (
        RecordVersion.objects.filter(
            record__status=RecordStatus.FINALISED,
            **{f"{conference}family__local_authority": authority},
        )
        .order_by("record_id", "-number")
        .values(
            "record_id",
            f"{conference}id",
            f"{conference}starts_at",
            f"{conference}stage",
            f"{conference}strategy_discussion_on",
            f"content__{DECISIONS}",
        )
    )
    latest: dict[int, dict[str, Any]] = {}
    for row in rows:
        latest.setdefault(row["record_id"], row)
    return [
        HeldConference(
            conference_id=row[f"{conference}id"],
            held_on=timezone.localdate(row[f"{conference}starts_at"]),
            is_review=row[f"{conference}stage"] == Stage.REVIEW,
            decisions=_decisions(row[f"content__{DECISIONS}"]),
            strategy_discussion_on=row[f"{conference}strategy_discussion_on"],
        )
        for row in latest.values()
    ]


def authority_history(authority: LocalAuthority) -> AuthorityHistory:
    conferences = held_conferences(authority)
    plans = plans_from_conferences(conferences)
    child_ids = {child_id for c in conferences for child_id in c.decisions}
    # Only the authority's own children: a decision row naming another family's child
    # (which a record cannot hold, but the JSON could) is ignored rather than leaked.
    children = Child.objects.filter(pk__in=child_ids, family__local_authority=authority)
    return AuthorityHistory(
        authority=authority,
        conferences=conferences,
        plans=plans,
        children={child.pk: child for child in children.select_related("family")},
        details={d.child_id: d for d in ChildCensusDetails.objects.filter(child__in=children)},
    )


def child_items(history: AuthorityHistory, child: Child, year: CensusYear) -> ChildItems | None:
    """The child's items for the year, or None if the year has nothing about them."""
    details = history.details.get(child.pk)
    episode = episode_in_year(
        child.pk,
        history.conferences_of(child.pk),
        history.plans.get(child.pk, []),
        year,
        plans_before_records=details.plans_before_records if details else None,
        target_for=history.target_for,
    )
    if episode.is_empty:
        return None
    return ChildItems(
        child_id=child.pk,
        name=child.full_name,
        la_child_id=details.la_child_id if details else None,
        upn=details.upn if details else None,
        upn_unknown=details.upn_unknown if details else None,
        birth_date=child.date_of_birth,
        expected_birth_date=child.expected_due_date,
        gender=details.gender if details else None,
        ethnicity=details.ethnicity if details else None,
        disabilities=tuple(details.disabilities) if details else (),
        referral_date=details.referral_date if details else None,
        referral_source=details.referral_source if details else None,
        initial_conference_on=episode.initial_conference_on,
        section_47s=episode.section_47s,
        plans=episode.plans,
    )


def children_in_year(history: AuthorityHistory, year: CensusYear) -> list[ChildItems]:
    """Every child the year's return is about, in a stable order (family, then child)."""
    found = []
    ordered = sorted(history.children.values(), key=lambda c: (c.family_id, c.pk))
    for child in ordered:
        items = child_items(history, child, year)
        if items is not None:
            found.append(items)
    return found

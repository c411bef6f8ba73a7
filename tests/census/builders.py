"""Conferences held and finalised, with decisions per child, written straight to the database
(the record's own services are tested in tests/conference_records); and census details."""

import datetime as dt
from typing import Any

from django.utils import timezone

from cpconf.census.models import CensusAuthority, ChildCensusDetails
from cpconf.conference_records.models import ConferenceRecord, RecordStatus, RecordVersion
from cpconf.conferences.models import Conference, ConferenceStatus, Stage
from cpconf.families.models import Child, Family
from cpconf.organisations.models import LocalAuthority
from tests.factories import ChildFactory, ConferenceFactory, FamilyFactory, UserFactory

LONDON = dt.UTC


def finalised_conference(
    family: Family,
    held_on: dt.date,
    decisions: dict[Child, tuple[str, list[str]]],
    *,
    previous: Conference | None = None,
    strategy_discussion_on: dt.date | None = None,
) -> Conference:
    """A conference held at 10:00 on `held_on` whose record is finalised with `decisions`:
    child -> (outcome key, categories)."""
    starts_at = timezone.make_aware(dt.datetime.combine(held_on, dt.time(10, 0)))
    conference = ConferenceFactory(
        family=family,
        meeting_type="review" if previous else "initial",
        stage=Stage.REVIEW if previous else Stage.INITIAL,
        starts_at=starts_at,
        previous=previous,
        status=ConferenceStatus.FINALISED,
        strategy_discussion_on=strategy_discussion_on,
    )
    record = ConferenceRecord.objects.create(
        conference=conference, status=RecordStatus.FINALISED, finalised_at=starts_at
    )
    rows = [
        {"child_id": child.pk, "name": child.full_name, "outcome": outcome,
         "categories": categories}
        for child, (outcome, categories) in decisions.items()
    ]  # fmt: skip
    RecordVersion.objects.create(
        record=record,
        number=1,
        content={"decisions": {"children": rows}},
        fingerprint="0" * 64,
        finalised_by=conference.chair,
        finalised_at=starts_at + dt.timedelta(hours=2),
    )
    return conference


def census_details(child: Child, **values: Any) -> ChildCensusDetails:
    fields = {
        "la_child_id": f"LA-{child.pk:05d}",
        "upn": "",
        "upn_unknown": "UN5",
        "gender": "" if child.is_unborn else "1",
        "ethnicity": "WBRI",
        "referral_date": dt.date(2026, 4, 2),
        "referral_source": "6",
        "plans_before_records": 1,
    }
    fields.update(values)
    return ChildCensusDetails.objects.create(child=child, **fields)


def with_la_code(authority: LocalAuthority, code: str = "201") -> CensusAuthority:
    return CensusAuthority.objects.create(local_authority=authority, la_code=code)


def family_with_children(authority: LocalAuthority, *names: str) -> tuple[Family, list[Child]]:
    family = FamilyFactory(local_authority=authority)
    return family, [ChildFactory(family=family, given_name=name) for name in names]


__all__ = ["UserFactory", "census_details", "family_with_children", "finalised_conference"]

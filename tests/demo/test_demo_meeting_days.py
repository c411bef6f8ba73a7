"""The demo never books a conference on a day the unit is shut: a weekend, a bank holiday of
the authority's nation, or one of its policy's closure days. Seeded on days chosen so that,
unmoved, a conference would fall on Christmas Day, New Year's Day or a Southvale closure day."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.test import override_settings
from django.utils import timezone

from cpconf.conferences.models import Conference
from cpconf.deadlines import calendar_for_policy
from cpconf.demo import data
from cpconf.demo.seeding import seed_demo
from cpconf.organisations.policies import policy_named
from tests.worlds import FAST_HASHER

pytestmark = pytest.mark.django_db
LONDON = ZoneInfo("Europe/London")


def unmoved_days(today: dt.date) -> dict[str, dt.date]:
    return {c.key: today + dt.timedelta(days=c.days_from_today) for c in data.CONFERENCES}


def held_on_a_day_the_unit_is_shut() -> list[tuple[str, dt.date]]:
    shut = []
    for conference in Conference.objects.select_related("family__local_authority"):
        calendar = calendar_for_policy(conference.family.local_authority.policy)
        day = timezone.localtime(conference.starts_at, LONDON).date()
        if not calendar.is_working_day(day):
            shut.append((str(conference), day))
    return shut


@pytest.mark.parametrize(
    ("today", "would_be_shut", "moved_to"),
    [
        # Seeded on 11 December 2026: the Ashdown review would be on Christmas Day (a Friday)
        # and the Price review on New Year's Day. Monday 28th is Boxing Day's substitute.
        (
            dt.date(2026, 12, 11),
            {"ashdown-review": "northshire", "price-review": "northshire"},
            ("NS-2026-0141", "review", dt.date(2026, 12, 29)),
        ),
        # Seeded on 17 December 2026: the Fenwick conference would be on 29 December, a day
        # Southvale's policy lists as closed (as are the 30th and 31st).
        (
            dt.date(2026, 12, 17),
            {"fenwick-initial": "southvale"},
            ("SV-2026-0033", "initial", dt.date(2027, 1, 4)),
        ),
    ],
)
def test_no_seeded_conference_falls_on_a_bank_holiday_or_closure_day(
    today, would_be_shut, moved_to
):
    days = unmoved_days(today)
    for key, policy_name in would_be_shut.items():  # the test would prove nothing otherwise
        calendar = calendar_for_policy(policy_named(policy_name))
        assert not calendar.is_working_day(days[key]), key

    with override_settings(PASSWORD_HASHERS=FAST_HASHER):
        seed_demo(now=dt.datetime.combine(today, dt.time(9, 0), tzinfo=LONDON))

    assert Conference.objects.count() == len(data.CONFERENCES)
    assert held_on_a_day_the_unit_is_shut() == []
    # Moved to the next working day, not further.
    case_reference, stage, day = moved_to
    moved = Conference.objects.get(family__case_reference=case_reference, stage=stage)
    assert timezone.localtime(moved.starts_at, LONDON).date() == day

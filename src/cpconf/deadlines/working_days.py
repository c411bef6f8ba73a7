"""Which days count as working days for a local authority.

A working day is Monday to Friday, not a bank holiday of the authority's nation and not a
day the authority's policy says it is closed. Nations differ (Scotland has St Andrew's Day
and 2 January, Northern Ireland St Patrick's Day and the Boyne), so the nation matters.
"""

from collections.abc import Iterable
from datetime import UTC, date, datetime, time, timedelta
from functools import cache
from zoneinfo import ZoneInfo

import holidays

LONDON = ZoneInfo("Europe/London")

# The `holidays` package's subdivision codes for the United Kingdom's nations.
NATION_SUBDIVISIONS = {
    "england": "ENG",
    "wales": "WLS",
    "scotland": "SCT",
    "northern_ireland": "NIR",
}

UNKNOWN_NATION = "Nation must be one of {choices}, not {nation!r}"
NO_SUCH_LOCAL_TIME = (
    "{moment} does not happen in {zone}: the clocks go forward then. Give a time before or after"
)
NEGATIVE_COUNT = "The number of working days must be 0 or more, not {count}"


def local_datetime(moment: datetime, tz: ZoneInfo = LONDON) -> datetime:
    """A time as a unit administrator types it: without an offset it is local time, with one
    it is taken as given. A local time inside the spring clock change never happens, so it is
    refused rather than silently moved; one in the autumn's repeated hour is its first
    occurrence (summer time), as a diary would read it."""
    if moment.tzinfo is not None:
        return moment
    local = moment.replace(tzinfo=tz)
    round_trip = local.astimezone(UTC).astimezone(tz)
    if round_trip.replace(tzinfo=None) != moment:
        raise ValueError(NO_SUCH_LOCAL_TIME.format(moment=moment.isoformat(), zone=tz.key))
    return local


@cache
def bank_holidays(nation: str, year: int) -> frozenset[date]:
    """The nation's bank holidays in one year, cached: the package rebuilds them on each call."""
    subdivision = NATION_SUBDIVISIONS[nation]
    return frozenset(holidays.country_holidays("GB", subdiv=subdivision, years=year).keys())


class WorkingCalendar:
    """Working days, the end of a working day and the local time zone of one authority."""

    def __init__(
        self,
        nation: str,
        closure_days: Iterable[date] = (),
        cutoff: time = time(17, 0),
        tz: str | ZoneInfo = "Europe/London",
    ) -> None:
        if nation not in NATION_SUBDIVISIONS:
            choices = ", ".join(NATION_SUBDIVISIONS)
            raise ValueError(UNKNOWN_NATION.format(choices=choices, nation=nation))
        self.nation = nation
        self.closure_days = frozenset(closure_days)
        self.cutoff = cutoff
        self.tz = tz if isinstance(tz, ZoneInfo) else ZoneInfo(tz)

    def __repr__(self) -> str:
        return (
            f"WorkingCalendar(nation={self.nation!r}, closure_days={len(self.closure_days)}, "
            f"cutoff={self.cutoff.isoformat('minutes')}, tz={self.tz.key!r})"
        )

    def is_bank_holiday(self, day: date) -> bool:
        return day in bank_holidays(self.nation, day.year)

    def is_working_day(self, day: date) -> bool:
        """Monday to Friday, not a bank holiday of the nation, not a closure day."""
        return day.weekday() < 5 and not self.is_bank_holiday(day) and day not in self.closure_days

    def working_days_before(self, day: date, count: int) -> date:
        """The date `count` working days before `day`; `day` itself is never counted.

        With a count of 0 the day itself comes back unchanged, working day or not.
        """
        return self._step(day, count, -1)

    def working_day_on_or_before(self, day: date) -> date:
        """`day` itself if it is a working day, or the last working day before it: the latest
        a meeting due "by" that day can be held."""
        while not self.is_working_day(day):
            day -= timedelta(days=1)
        return day

    def working_days_after(self, day: date, count: int) -> date:
        """The `count`th working day after `day`; `day` itself is never counted."""
        return self._step(day, count, 1)

    def _step(self, day: date, count: int, direction: int) -> date:
        if count < 0:
            raise ValueError(NEGATIVE_COUNT.format(count=count))
        one_day = timedelta(days=direction)
        for _ in range(count):
            day += one_day
            while not self.is_working_day(day):
                day += one_day
        return day

"""Children's dates: a date as people type it, and the rules a child's dates follow.

The same rules hold on the family's pages, in an import from the case system and in a
professional's report (its "The children" part): a child has a date of birth, or (an unborn
baby) an expected date, never both; a date of birth is in the past, and no more than
`OLDEST_CHILD_YEARS` ago; an expected date is no more than a pregnancy ahead, and in the
future or the recent past (a baby just born whose record has not caught up yet).

Why 25 years: a child protection conference is about children, but children's services
stay in touch with care leavers until they are 25, and a young person who has just turned
18 must not be refused. Anyone born longer ago is a typing slip (1850 for 1985), not a
child on a plan. Why 42 weeks: a pregnancy lasts up to 42 weeks, so a later expected date
belongs to a baby not yet conceived.
"""

import re
from datetime import date, timedelta

from django.utils.translation import gettext as _

RECENT_PAST = timedelta(weeks=12)
LONGEST_PREGNANCY = timedelta(weeks=42)
OLDEST_CHILD_YEARS = 25

ENTER_BIRTH_OR_EXPECTED = "Enter the child's date of birth, or the expected date for an unborn baby"
BIRTH_OR_EXPECTED_NOT_BOTH = "Enter a date of birth or an expected date, not both"
BIRTH_IN_PAST = "Date of birth must be in the past"
BIRTH_TOO_LONG_AGO = "Date of birth must be no more than 25 years ago"
EXPECTED_NOT_LONG_AGO = "Expected date must be in the future, or no more than 12 weeks ago"
EXPECTED_TOO_FAR_AHEAD = "Expected date must be no more than 42 weeks from today"

_ISO = re.compile(r"^(?P<year>\d{4})-(?P<month>\d{1,2})-(?P<day>\d{1,2})$")
_UK = re.compile(r"^(?P<day>\d{1,2})[/.](?P<month>\d{1,2})[/.](?P<year>\d{4})$")


def date_from_text(text: str) -> date | None:
    """3/4/2019 (day first, the British way) or 2019-04-03; None for anything else,
    including a date that does not exist (31/4/2019)."""
    text = text.strip()
    match = _ISO.match(text) or _UK.match(text)
    if match is None:
        return None
    try:
        return date(int(match["year"]), int(match["month"]), int(match["day"]))
    except ValueError:
        return None


def earliest_birth(today: date) -> date:
    """The earliest date of birth a child on the record may have: `OLDEST_CHILD_YEARS`
    before today (29 February falls back to the 28th in a year without one)."""
    year = today.year - OLDEST_CHILD_YEARS
    try:
        return today.replace(year=year)
    except ValueError:
        return today.replace(year=year, day=28)


def child_dates_problem(
    born: date | None, expected: date | None, today: date
) -> tuple[str, str] | None:
    """Which date is wrong ("date_of_birth" or "expected_date") and why, or None."""
    if born is None and expected is None:
        return "date_of_birth", _(ENTER_BIRTH_OR_EXPECTED)
    if born is not None and expected is not None:
        return "expected_date", _(BIRTH_OR_EXPECTED_NOT_BOTH)
    if born is not None and born > today:
        return "date_of_birth", _(BIRTH_IN_PAST)
    if born is not None and born < earliest_birth(today):
        return "date_of_birth", _(BIRTH_TOO_LONG_AGO)
    if expected is not None and expected < today - RECENT_PAST:
        return "expected_date", _(EXPECTED_NOT_LONG_AGO)
    if expected is not None and expected > today + LONGEST_PREGNANCY:
        return "expected_date", _(EXPECTED_TOO_FAR_AHEAD)
    return None

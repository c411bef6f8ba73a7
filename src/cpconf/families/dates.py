"""Children's dates: a date as people type it, and the rules a child's dates follow.

The same rules hold on the family's pages and in an import from the case system: a child
has a date of birth, or (an unborn baby) an expected date, never both; a date of birth is in
the past; an expected date is in the future or the recent past (a baby just born whose
record has not caught up yet).
"""

import re
from datetime import date, timedelta

from django.utils.translation import gettext as _

RECENT_PAST = timedelta(weeks=12)

ENTER_BIRTH_OR_EXPECTED = "Enter the child's date of birth, or the expected date for an unborn baby"
BIRTH_OR_EXPECTED_NOT_BOTH = "Enter a date of birth or an expected date, not both"
BIRTH_IN_PAST = "Date of birth must be in the past"
EXPECTED_NOT_LONG_AGO = "Expected date must be in the future, or no more than 12 weeks ago"

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
    if expected is not None and expected < today - RECENT_PAST:
        return "expected_date", _(EXPECTED_NOT_LONG_AGO)
    return None

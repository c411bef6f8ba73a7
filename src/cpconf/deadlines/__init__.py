"""Working days and timescales for child protection conferences.

No Django import: the web app, the command line and background jobs all call this, and it is
tested on its own. Times come back as aware datetimes in Europe/London; store them in UTC.
"""

from cpconf.deadlines.meetings import (
    UNKNOWN_MEETING_TYPE,
    MeetingDeadlines,
    calendar_for_policy,
    meeting_deadlines,
)
from cpconf.deadlines.statutory import initial_conference_by, review_by
from cpconf.deadlines.timescales import (
    NAIVE_DATETIME,
    UNKNOWN_UNIT,
    LeadTimeLike,
    deadline_before,
    end_of_day,
    is_late,
    within_months_after,
    within_working_days_after,
)
from cpconf.deadlines.working_days import (
    LONDON,
    NEGATIVE_COUNT,
    NO_SUCH_LOCAL_TIME,
    UNKNOWN_NATION,
    WorkingCalendar,
    bank_holidays,
    local_datetime,
)

__all__ = [
    "LONDON",
    "NAIVE_DATETIME",
    "NEGATIVE_COUNT",
    "NO_SUCH_LOCAL_TIME",
    "UNKNOWN_MEETING_TYPE",
    "UNKNOWN_NATION",
    "UNKNOWN_UNIT",
    "LeadTimeLike",
    "MeetingDeadlines",
    "WorkingCalendar",
    "bank_holidays",
    "calendar_for_policy",
    "deadline_before",
    "end_of_day",
    "initial_conference_by",
    "is_late",
    "local_datetime",
    "meeting_deadlines",
    "review_by",
    "within_months_after",
    "within_working_days_after",
]

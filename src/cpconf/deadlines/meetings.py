"""Every deadline that hangs off one conference, worked out from the authority's policy."""

from dataclasses import dataclass
from datetime import datetime

from cpconf.deadlines.timescales import (
    deadline_before,
    end_of_day,
    require_aware,
    within_months_after,
    within_working_days_after,
)
from cpconf.deadlines.working_days import WorkingCalendar
from cpconf.policy.model import Policy

UNKNOWN_MEETING_TYPE = "Meeting type must be one of {choices} for {policy}, not {key!r}"


@dataclass(frozen=True)
class MeetingDeadlines:
    """The deadlines for one conference; all aware datetimes in Europe/London."""

    submit_by: datetime
    share_with_family_by: datetime
    core_group_by: datetime
    next_review_by: datetime

    def to_dict(self) -> dict[str, str]:
        """ISO 8601 with offset, the form the command line and the API print."""
        return {
            "submit_by": self.submit_by.isoformat(),
            "share_with_family_by": self.share_with_family_by.isoformat(),
            "core_group_by": self.core_group_by.isoformat(),
            "next_review_by": self.next_review_by.isoformat(),
        }


def calendar_for_policy(policy: Policy) -> WorkingCalendar:
    """The working calendar an authority's policy describes: its nation, closures and cut-off."""
    return WorkingCalendar(
        nation=policy.nation,
        closure_days=policy.closure_days,
        cutoff=policy.working_day_cutoff,
    )


def meeting_deadlines(
    policy: Policy,
    meeting_type_key: str,
    meeting_at: datetime,
    calendar: WorkingCalendar | None = None,
) -> MeetingDeadlines:
    """Report, family-sharing, core group and next review deadlines for one conference.

    The next review counts from the meeting's date: the first review after an initial
    conference, a later review after a review. Pass `calendar` to reuse one across calls.
    """
    require_aware(meeting_at, "meeting_at")
    if meeting_type_key not in policy.meeting_types:
        choices = ", ".join(policy.meeting_types)
        message = UNKNOWN_MEETING_TYPE.format(
            choices=choices, policy=policy.name, key=meeting_type_key
        )
        raise ValueError(message)
    meeting_type = policy.meeting_type(meeting_type_key)
    if calendar is None:
        calendar = calendar_for_policy(policy)
    months = (
        policy.later_reviews_within_months
        if meeting_type.is_review
        else policy.first_review_within_months
    )
    # The review is a meeting: held by the last working day within the months, not on a
    # weekend, bank holiday or closure day that the months end on.
    review_day = calendar.working_day_on_or_before(
        within_months_after(meeting_at.astimezone(calendar.tz).date(), months)
    )
    return MeetingDeadlines(
        submit_by=deadline_before(meeting_at, meeting_type.submit_before, calendar),
        share_with_family_by=deadline_before(
            meeting_at, meeting_type.share_with_family_before, calendar
        ),
        core_group_by=within_working_days_after(
            meeting_at, meeting_type.core_group_within_working_days, calendar
        ),
        next_review_by=end_of_day(review_day, calendar.tz),
    )

"""When the outcome letter and the approved minutes are due after a conference, and whether
either is overdue: what the chair and the unit check on the outcome page.

The letter tells the family the decision within a working day of the meeting; the minutes,
approved by the chair as an action of their own, follow within the policy's working days
(`[after_the_meeting]` in the policy file). Both are counted with the authority's working
calendar (cpconf.deadlines: bank holidays of its nation and its closure days).
"""

from dataclasses import dataclass
from datetime import datetime

from django.db.models import OuterRef, Subquery
from django.utils import timezone

from cpconf.conferences.models import Conference
from cpconf.deadlines import calendar_for_policy, within_working_days_after
from cpconf.outcomes.models import MinutesApproval, OutcomeLetter


@dataclass(frozen=True)
class OutcomeDueDates:
    letter_due: datetime
    minutes_due: datetime
    letter_issued_at: datetime | None
    minutes_approved_at: datetime | None
    now: datetime

    @property
    def letter_overdue(self) -> bool:
        """Past its due time with no letter issued."""
        return self.letter_issued_at is None and self.now > self.letter_due

    @property
    def minutes_overdue(self) -> bool:
        """Past their due time with no minutes approved."""
        return self.minutes_approved_at is None and self.now > self.minutes_due


def first_letter_issued_at() -> Subquery:
    """When the conference in hand (`OuterRef`) first had its letter issued, for a list of
    conferences to carry in the query that lists them."""
    first = OutcomeLetter.objects.filter(record_version__record__conference=OuterRef("pk"))
    return Subquery(first.order_by("issued_at").values("issued_at")[:1])


def first_minutes_approved_at() -> Subquery:
    """When the conference in hand (`OuterRef`) first had its minutes approved."""
    first = MinutesApproval.objects.filter(record_version__record__conference=OuterRef("pk"))
    return Subquery(first.order_by("approved_at").values("approved_at")[:1])


def due_dates_of(
    conference: Conference,
    letter_issued_at: datetime | None,
    minutes_approved_at: datetime | None,
    now: datetime | None = None,
) -> OutcomeDueDates:
    """Both due dates from the meeting's date and its authority's policy (no query beyond
    the family and authority the caller has read), with when each was first done."""
    policy = conference.family.local_authority.policy
    calendar = calendar_for_policy(policy)
    after = policy.after_the_meeting
    return OutcomeDueDates(
        letter_due=within_working_days_after(
            conference.starts_at, after.letter_within_working_days, calendar
        ),
        minutes_due=within_working_days_after(
            conference.starts_at, after.minutes_within_working_days, calendar
        ),
        letter_issued_at=letter_issued_at,
        minutes_approved_at=minutes_approved_at,
        now=now or timezone.now(),
    )


def outcome_due_dates(conference: Conference, now: datetime | None = None) -> OutcomeDueDates:
    """Both due dates from the meeting's date, with when each was done (the first letter
    issued, the first minutes approved: a later correction does not make either late)."""
    done = (
        Conference.objects.filter(pk=conference.pk)
        .annotate(letter=first_letter_issued_at(), minutes=first_minutes_approved_at())
        .values("letter", "minutes")
        .get()
    )
    return due_dates_of(conference, done["letter"], done["minutes"], now)

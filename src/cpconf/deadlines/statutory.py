"""The statutory chain (Working Together): when the next meeting in a child's plan is due.

- An initial conference within N working days of the strategy discussion (15 in England).
- The first review within M months of the initial conference; later reviews within K months
  of the previous review (3 and 6 in England). Local policies set N, M and K.
"""

from datetime import date

from cpconf.deadlines.meetings import calendar_for_policy
from cpconf.deadlines.timescales import within_months_after, within_working_days_after
from cpconf.policy.model import Policy


def initial_conference_by(policy: Policy, strategy_discussion: date) -> date:
    """The last day the initial conference may be held on."""
    due = within_working_days_after(
        strategy_discussion,
        policy.initial_conference_within_working_days,
        calendar_for_policy(policy),
    )
    return due.date()


def review_by(policy: Policy, previous_meeting: date, previous_was_review: bool) -> date:
    """The last day a review may be held on, counted from the conference before it."""
    months = (
        policy.later_reviews_within_months
        if previous_was_review
        else policy.first_review_within_months
    )
    return within_months_after(previous_meeting, months)

"""The outcome letter's facts, chosen from one finalised record for one reader.

The one place that turns a `RecordVersion`, its conference, the authority's policy and the
family member the letter goes to into `LetterFacts`; `cpconf.documents.letter` writes the
words and draws the files. Only what the record says to the family goes in: decisions, the
plan, the dates and the chair's summary. Nothing from the professionals' reports, so nothing
restricted can reach it.
"""

import re
from datetime import date
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _

from cpconf.conference_records import record_content as parts
from cpconf.conference_records.models import RecordVersion
from cpconf.conferences.models import Stage
from cpconf.deadlines import calendar_for_policy, within_working_days_after
from cpconf.documents import Wording
from cpconf.documents.letter import (
    ChildOutcome,
    LetterAction,
    LetterDocument,
    LetterFacts,
    LetterFormat,
    LetterHeading,
    outcome_letter_content,
)
from cpconf.families.models import Child, Family, FamilyMember
from cpconf.outcomes.models import OutcomeLetter
from cpconf.outcomes.recipients import letter_format, postal_address
from cpconf.policy import Policy

FOOTER = "{authority}. Outcome letter, version {number}. Please keep this letter safe."
# Words in an action's "who" that mean the family is asked to do it.
FAMILY_WORDS = re.compile(
    r"\b(parents?|mum|mother|dad|father|carers?|family|grandparents?|nan|you)\b", re.IGNORECASE
)


def _iso(value: Any) -> date | None:
    try:
        return date.fromisoformat(value) if isinstance(value, str) and value else None
    except ValueError:
        return None


def appeal_by(family: Family, issued_on: date) -> date:
    """Working days counted from the day the letter is issued, so always after it."""
    policy = family.local_authority.policy
    calendar = calendar_for_policy(policy)
    return within_working_days_after(issued_on, policy.appeals.within_working_days, calendar).date()


def _is_for_family(who: str, action: str, family: Family) -> bool:
    """Whether the family is asked to do it: "who" names them ("Mum", "Kelly Ashdown"), or the
    action starts with one of their names ("Kelly to start with the recovery service")."""
    if FAMILY_WORDS.search(who):
        return True
    return any(_names(member.full_name, who, action) for member in family.members.all())


def _names(full_name: str, who: str, action: str) -> bool:
    """Whether the action is that person's: "who" holds their full or first name, or the
    action opens with their first name."""
    full = full_name.strip().lower()
    if not full:
        return False
    first = full.split(" ")[0]
    words = re.findall(r"\w+", who.lower())
    opening = (re.findall(r"\w+", action.lower()) or [""])[0]
    return full in who.lower() or first in words or opening == first


def _actions_for(
    child_id: int | None,
    actions: list[parts.PlanAction],
    family: Family,
    recipient: FamilyMember | None,
) -> tuple[LetterAction, ...]:
    """The child's own actions and those for all the children (no child named)."""
    return tuple(
        LetterAction(
            action=row.action,
            who=row.who,
            by_when=_iso(row.by_when),
            for_family=_is_for_family(row.who, row.action, family),
            for_recipient=recipient is not None
            and _names(recipient.full_name, row.who, row.action),
        )
        for row in actions
        if row.action.strip()
        and row.progress != "done"
        and (not row.child_ids or child_id in row.child_ids)
    )


def _unborn_then(child: Child | None, held_on: date) -> bool:
    """Not yet born when the meeting was held (a baby born since has a date of birth now);
    for records from before the record said so itself."""
    if child is None:
        return False
    return child.date_of_birth is None or child.date_of_birth > held_on


def _children(
    version: RecordVersion, held_on: date, recipient: FamilyMember | None = None
) -> tuple[ChildOutcome, ...]:
    family = version.record.conference.family
    record = parts.RecordContent.from_json(version.content)
    # Records from before a decision said whether the child was unborn: the stored rows say
    # which (the typed row cannot tell a missing answer from "no").
    stored = parts.rows_of((version.content.get(parts.DECISIONS) or {}).get("children"))
    known = {child.pk: child for child in family.children.all()}
    outcomes = []
    for row, as_stored in zip(record.decisions.children, stored, strict=True):
        child = known.get(row.child_id) if row.child_id is not None else None
        unborn = row.unborn if "unborn" in as_stored else _unborn_then(child, held_on)
        outcomes.append(
            ChildOutcome(
                name=child.given_name if child else row.name,
                outcome=row.outcome,
                categories=tuple(row.categories),
                suffered_harm=row.suffered_harm,
                likely_to_suffer=row.likely_to_suffer,
                consensus=row.consensus if "consensus" in as_stored else "yes",
                actions=_actions_for(row.child_id, record.plan.actions, family, recipient),
                unborn=unborn,
            )
        )
    return tuple(outcomes)


def letter_heading(policy: Policy) -> LetterHeading:
    head = policy.letterhead
    return LetterHeading(
        authority=head.authority or policy.title,
        service=head.service,
        address=head.address,
        phone=head.phone,
        email=head.email,
    )


def letter_facts(
    version: RecordVersion, *, issued_on: date, recipient: FamilyMember | None
) -> LetterFacts:
    """The facts of the letter to `recipient` (None: to the family as a whole)."""
    conference = version.record.conference
    family = conference.family
    record = parts.RecordContent.from_json(version.content)
    future = record.future_dates
    held_on = timezone.localtime(conference.starts_at).date()
    policy = family.local_authority.policy
    social_worker = family.allocated_social_worker
    return LetterFacts(
        recipient=recipient.full_name if recipient else "",
        meeting_type=conference.meeting_type_label,
        held_on=held_on,
        issued_on=issued_on,
        chair_name=str(conference.chair),
        children=_children(version, held_on, recipient),
        chair_summary=record.decisions.chair_summary,
        contact=policy.appeal_contact,
        appeal_by=appeal_by(family, issued_on),
        appeal_within_working_days=policy.appeals.within_working_days,
        case_reference=family.case_reference,
        heading=letter_heading(policy),
        recipient_address=postal_address(recipient, family),
        letter_format=letter_format(recipient) if recipient else LetterFormat(),
        core_group_on=_iso(future.core_group_on),
        next_review_on=_iso(future.next_review_on),
        child_in_need_meeting_on=_iso(future.child_in_need_meeting_on),
        social_worker=str(social_worker) if social_worker else "",
        first_conference=conference.stage == Stage.INITIAL,
    )


def letter_content(
    version: RecordVersion, *, issued_on: date, recipient: FamilyMember | None
) -> dict[str, Any]:
    facts = letter_facts(version, issued_on=issued_on, recipient=recipient)
    return outcome_letter_content(facts, gettext=_)


def letter_document(letter: OutcomeLetter) -> LetterDocument:
    version = letter.record_version
    authority = version.record.conference.family.local_authority.policy.title
    footer = _(FOOTER).format(authority=authority, number=version.number)
    wording = Wording(page_number=_("Page {page} of {pages}"))
    return LetterDocument.from_content(letter.content, footer=footer, wording=wording)

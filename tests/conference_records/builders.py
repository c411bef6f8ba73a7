"""Content for a whole record that can be finalised, and ways to write it through the services."""

import datetime as dt
from typing import Any

from django.utils import timezone

from cpconf.accounts.models import User
from cpconf.conference_records import record_content as parts
from cpconf.conference_records import services
from cpconf.conference_records.models import ConferenceRecord, RecordVersion
from cpconf.conferences.models import Conference
from cpconf.organisations.models import Agency, AgencyKind

DANGER = "Professionals are worried that Lily and Noah are left without a sober adult at night."
GOALS = "Everyone wants Lily and Noah cared for by a sober adult every evening and morning."


SOCIAL_CARE = "Northshire Children's Social Care"
HEALTH_VISITING = "Northshire Health Visiting Team"


def complete_content(
    children: list[tuple[int, str]],
    next_review: str,
    *,
    held_on: dt.date | None = None,
    outcome: str = parts.PLAN_STARTS,
) -> dict[str, Any]:
    """Every part answered: a plan for each child (starting, as an initial conference decides;
    `outcome` for a review's `PLAN_CONTINUES`), with
    the next review's date and actions due after the meeting (`held_on`, today if not given).
    Children's social care, the school and health are present: the conference is quorate once
    the authority has those agencies (`quorate`)."""
    content = parts.empty_content(children)
    first_id = children[0][0]
    held_on = held_on or timezone.localdate()
    content[parts.INTRODUCTIONS]["participants"] = [
        {"name": "Dawn Hartwell", "role": "Mother", "agency": "", "kind": "parent",
         "attendance": "present"},
        {"name": "Priya Shah", "role": "Designated safeguarding lead", "agency": "Alder Primary",
         "kind": "professional", "attendance": "present"},
        {"name": "Sam Okafor", "role": "Social worker", "agency": SOCIAL_CARE,
         "kind": "professional", "attendance": "present"},
        {"name": "Gemma Hartley", "role": "Health visitor", "agency": HEALTH_VISITING,
         "kind": "professional", "attendance": "present"},
    ]  # fmt: skip
    content[parts.WHY_HERE].update(danger_statement=DANGER, safety_goals=GOALS)
    content[parts.DISCUSSION]["entries"] = [
        {"heading": "working_well", "speaker": "Dawn Hartwell", "speaker_kind": "parent",
         "agency": "", "text": "The mornings are calmer."},
    ]  # fmt: skip
    content[parts.PLAN]["actions"] = [
        {"action": "Dawn to attend the recovery group weekly", "who": "Dawn Hartwell",
         "by_when": (held_on + dt.timedelta(days=40)).isoformat(), "priority": "high",
         "progress": "in_progress", "carried_forward": False, "child_ids": [first_id]},
        {"action": "Book Noah's health review", "who": "Health visitor",
         "by_when": (held_on + dt.timedelta(days=33)).isoformat(), "priority": "medium",
         "progress": "done", "carried_forward": False, "child_ids": []},
    ]  # fmt: skip
    content[parts.SCALING]["scores"] = [
        {"participant": "Dawn Hartwell", "child_id": child_id, "score": 7}
        for child_id, _name in children
    ]
    for row in content[parts.DECISIONS]["children"]:
        row.update(
            suffered_harm="yes",
            likely_to_suffer="yes",
            outcome=outcome,
            categories=["neglect"],
            consensus="yes",
        )
    content[parts.DECISIONS]["chair_summary"] = "The plan continues."
    content[parts.FUTURE_DATES].update(
        core_group_members=["Dawn Hartwell", "Priya Shah"],
        core_group_on="",
        next_review_on=next_review,
        feedback_forms_sent=True,
        appeal_explained=True,
    )
    return content


def write_all(record: ConferenceRecord, content: dict[str, Any], actor: User) -> None:
    for key in parts.PART_KEYS:
        part = record.parts.get(key=key)
        services.part_save(
            record=record, key=key, content=content[key], revision=part.revision, actor=actor
        )


def next_review_day(conference: Conference) -> str:
    return services.future_dates_due(conference)["next_review_by"].isoformat()


def held(conference: Conference, ago: dt.timedelta = dt.timedelta(hours=2)) -> Conference:
    """The meeting moved to have started `ago` (this morning, by default), as the unit moves a
    meeting: a record is finalised only once its meeting has started."""
    starts_at = timezone.now() - ago
    if ago < dt.timedelta(days=1):
        # Still today where the meeting is, even just after midnight: tests read "the day of
        # the conference" as today.
        midnight = timezone.localtime().replace(hour=0, minute=0, second=0, microsecond=0)
        starts_at = max(starts_at, midnight)
    conference.starts_at = starts_at
    Conference.objects.filter(pk=conference.pk).update(starts_at=conference.starts_at)
    return conference


def quorate(conference: Conference) -> None:
    """The authority has the agencies `complete_content` records as present."""
    authority = conference.family.local_authority
    for name, kind in ((SOCIAL_CARE, AgencyKind.SOCIAL_CARE), (HEALTH_VISITING, AgencyKind.HEALTH)):
        Agency.objects.get_or_create(local_authority=authority, name=name, defaults={"kind": kind})


def outcome_for(conference: Conference) -> str:
    """A plan for each child, in the words of the conference's own agenda."""
    return parts.PLAN_CONTINUES if conference.stage == "review" else parts.PLAN_STARTS


def finalised(conference: Conference, actor: User) -> RecordVersion:
    """The conference's record, started, completed and finalised, once its meeting has
    started (a meeting still to come is moved to this morning first)."""
    if conference.starts_at > timezone.now():
        held(conference)
    record = services.record_start(conference=conference, actor=actor)
    children = services.children_of(conference)
    content = complete_content(
        children,
        next_review_day(conference),
        held_on=timezone.localdate(conference.starts_at),
        outcome=outcome_for(conference),
    )
    write_all(record, content, actor)
    return services.record_finalise(record=record, actor=actor)


def today() -> str:
    return timezone.localdate().isoformat()

"""Content for a whole record that can be finalised, and ways to write it through the services."""

from typing import Any

from django.utils import timezone

from cpconf.accounts.models import User
from cpconf.conference_records import content as parts
from cpconf.conference_records import services
from cpconf.conference_records.models import ConferenceRecord, RecordVersion
from cpconf.conferences.models import Conference

DANGER = "Professionals are worried that Lily and Noah are left without a sober adult at night."
GOALS = "Everyone wants Lily and Noah cared for by a sober adult every evening and morning."


def complete_content(children: list[tuple[int, str]], next_review: str) -> dict[str, Any]:
    """Every part answered: a plan continuing for each child, with the next review's date."""
    content = parts.empty_content(children)
    first_id = children[0][0]
    content[parts.INTRODUCTIONS]["participants"] = [
        {"name": "Dawn Hartwell", "role": "Mother", "agency": "", "kind": "parent",
         "attendance": "present"},
        {"name": "Priya Shah", "role": "Designated safeguarding lead", "agency": "Alder Primary",
         "kind": "professional", "attendance": "present"},
    ]  # fmt: skip
    content[parts.WHY_HERE].update(danger_statement=DANGER, safety_goals=GOALS)
    content[parts.DISCUSSION]["entries"] = [
        {"heading": "working_well", "speaker": "Dawn Hartwell", "speaker_kind": "parent",
         "agency": "", "text": "The mornings are calmer."},
    ]  # fmt: skip
    content[parts.PLAN]["actions"] = [
        {"action": "Dawn to attend the recovery group weekly", "who": "Dawn Hartwell",
         "by_when": "2027-01-15", "priority": "high", "progress": "in_progress",
         "carried_forward": False, "child_ids": [first_id]},
        {"action": "Book Noah's health review", "who": "Health visitor", "by_when": "2027-01-08",
         "priority": "medium", "progress": "done", "carried_forward": False, "child_ids": []},
    ]  # fmt: skip
    content[parts.SCALING]["scores"] = [
        {"participant": "Dawn Hartwell", "child_id": child_id, "score": 7}
        for child_id, _name in children
    ]
    for row in content[parts.DECISIONS]["children"]:
        row.update(
            suffered_harm="yes",
            likely_to_suffer="yes",
            outcome=parts.PLAN_CONTINUES,
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


def finalised(conference: Conference, actor: User) -> RecordVersion:
    """The conference's record, started, completed and finalised."""
    record = services.record_start(conference=conference, actor=actor)
    children = services.children_of(conference)
    write_all(record, complete_content(children, next_review_day(conference)), actor)
    return services.record_finalise(record=record, actor=actor)


def today() -> str:
    return timezone.localdate().isoformat()

"""Finalised conference records for the outcome tests, written straight to the database with
the content a chair records at a review conference
(shapes: cpconf.conference_records.record_content)."""

import datetime as dt
from typing import Any

from django.utils import timezone

from cpconf.conference_records.models import (
    ConferenceRecord,
    RecordStatus,
    RecordVersion,
    record_fingerprint,
)
from cpconf.conferences.models import Conference, Stage
from tests.factories import ConferenceFactory

CHAIR_SUMMARY = (
    "Dawn has kept every appointment since the last meeting. The house is clean and warm. "
    "Lily still misses school on some days, and Noah has not been to the dentist."
)
DISSENT = "The school thinks Lily's plan could end now."
LILY_ACTION = "Take Lily to school every day"
FAMILY_ACTION = "Take Noah to the dentist"
ALL_CHILDREN_ACTION = "Visit the family at home every two weeks"


def review_content(conference: Any) -> dict[str, Any]:
    """A review: Lily's plan continues (neglect), Noah's ends with a child in need plan."""
    lily, noah = conference.family.children.order_by("date_of_birth")[:2]
    meeting = timezone.localtime(conference.starts_at).date()
    later = meeting + dt.timedelta(days=20)
    return {
        "family_meeting": {
            "held": "yes",
            "notes": "Dawn asked who would be there. We went through the reports together.",
            "attended": ["Dawn Hartwell", "Sam Okafor"],
        },
        "introductions": {
            "participants": [
                {
                    "name": "Priya Shah",
                    "role": "Designated safeguarding lead",
                    "agency": "Alder Primary",
                    "kind": "professional",
                    "attendance": "present",
                },
                {
                    "name": "Dawn Hartwell",
                    "role": "Mother",
                    "agency": "",
                    "kind": "parent",
                    "attendance": "present",
                },
                {
                    "name": "Sam Okafor",
                    "role": "Social worker",
                    "agency": "Children's services",
                    "kind": "professional",
                    "attendance": "present",
                },
                {
                    "name": "Dr Ellis",
                    "role": "GP",
                    "agency": "Riverside Surgery",
                    "kind": "professional",
                    "attendance": "apologies",
                },
            ],
            "parents_report": "Dawn wrote her own report about the changes at home.",
            "confidentiality_confirmed": True,
            "equal_opportunities_confirmed": True,
        },
        "why_here": {
            "child_voice": "Lily drew her family and said she likes it when mum reads to her.",
            "advocacy": "Lily met her advocate twice.",
            "danger_statement": "Lily and Noah could go hungry and miss school and health care.",
            "safety_goals": "Lily and Noah have meals every day and go to school and the dentist.",
            "additional_information": "",
            "questions": "Dawn asked about the health visitor's report.",
        },
        "discussion": {
            "entries": [
                {
                    "heading": "working_well",
                    "speaker": "Sam Okafor",
                    "speaker_kind": "professional",
                    "agency": "Children's services",
                    "text": "The home visits show a clean house.",
                },
                {
                    "heading": "working_well",
                    "speaker": "Dawn Hartwell",
                    "speaker_kind": "parent",
                    "agency": "",
                    "text": "I have a routine for meals now.",
                },
                {
                    "heading": "new_worries",
                    "speaker": "Priya Shah",
                    "speaker_kind": "professional",
                    "agency": "Alder Primary",
                    "text": "Lily missed six days of school in November.",
                },
            ]
        },
        "plan": {
            "actions": [
                {
                    "action": LILY_ACTION,
                    "who": "Dawn Hartwell",
                    "by_when": later.isoformat(),
                    "priority": "high",
                    "progress": "in_progress",
                    "carried_forward": True,
                    "child_ids": [lily.pk],
                },
                {
                    "action": FAMILY_ACTION,
                    "who": "Mum",
                    "by_when": later.isoformat(),
                    "priority": "medium",
                    "progress": "new",
                    "carried_forward": False,
                    "child_ids": [noah.pk],
                },
                {
                    "action": ALL_CHILDREN_ACTION,
                    "who": "Sam Okafor, social worker",
                    "by_when": "",
                    "priority": "high",
                    "progress": "in_progress",
                    "carried_forward": True,
                    "child_ids": [],
                },
            ]
        },
        "scaling": {
            "scores": [
                {"participant": "Dawn Hartwell", "child_id": lily.pk, "score": 8},
                {"participant": "Dawn Hartwell", "child_id": noah.pk, "score": 9},
                {"participant": "Priya Shah", "child_id": lily.pk, "score": 4},
                {"participant": "Priya Shah", "child_id": noah.pk, "score": 7},
            ]
        },
        "decisions": {
            "children": [
                {
                    "child_id": lily.pk,
                    "name": lily.full_name,
                    "suffered_harm": "yes",
                    "likely_to_suffer": "yes",
                    "outcome": "plan_continues",
                    "categories": ["neglect"],
                    "professional_views": "Most think the plan is needed.",
                    "consensus": "yes",
                },
                {
                    "child_id": noah.pk,
                    "name": noah.full_name,
                    "suffered_harm": "no",
                    "likely_to_suffer": "no",
                    "outcome": "ends_child_in_need",
                    "categories": [],
                    "professional_views": "Noah is doing well.",
                    "consensus": "no",
                },
            ],
            "chair_summary": CHAIR_SUMMARY,
            "dissent": [{"who": "Priya Shah, Alder Primary", "view": DISSENT}],
        },
        "future_dates": {
            "core_group_members": ["Dawn Hartwell", "Sam Okafor", "Priya Shah"],
            "core_group_on": (meeting + dt.timedelta(days=14)).isoformat(),
            "next_review_on": (meeting + dt.timedelta(days=180)).isoformat(),
            "child_in_need_meeting_on": (meeting + dt.timedelta(days=28)).isoformat(),
            "feedback_forms_sent": True,
            "appeal_explained": True,
        },
    }


def letter_to(letters: list[Any], name: str) -> Any:
    """The letter addressed to `name` among those issued."""
    return next(letter for letter in letters if letter.addressed_to == name)


def as_a_review(conference: Any) -> None:
    """The content here is a review's, so its conference is made a review (of an initial
    conference three months before) and its record reads in the review agenda's words."""
    if conference.stage == Stage.REVIEW:
        return
    earlier = ConferenceFactory(
        family=conference.family,
        chair=conference.chair,
        starts_at=conference.starts_at - dt.timedelta(days=90),
    )
    Conference.objects.filter(pk=conference.pk).update(
        meeting_type="review", stage=Stage.REVIEW, previous=earlier
    )
    conference.refresh_from_db()


def finalised_record(conference: Any, content: dict[str, Any] | None = None) -> RecordVersion:
    """The conference's record, finalised as version 1 (a review's: `as_a_review`)."""
    as_a_review(conference)
    now = timezone.now()
    record = ConferenceRecord.objects.create(
        conference=conference, status=RecordStatus.FINALISED, finalised_at=now
    )
    return _version(record, content or review_content(conference), 1, "", now)


def corrected(version: RecordVersion, reason: str, **changes: Any) -> RecordVersion:
    """The next version, with parts of the content replaced."""
    content = {**version.content, **changes}
    return _version(version.record, content, version.number + 1, reason, timezone.now())


def _version(
    record: ConferenceRecord, content: dict[str, Any], number: int, reason: str, now: Any
) -> RecordVersion:
    return RecordVersion.objects.create(
        record=record,
        number=number,
        content=content,
        fingerprint=record_fingerprint(content),
        finalised_by=record.conference.chair,
        finalised_at=now,
        correction_reason=reason,
    )

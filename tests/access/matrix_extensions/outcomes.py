"""Matrix rows for the minutes and outcome letters: the chair and the unit issue and read
them; invited professionals read the minutes once issued; the family reads its own letter."""

from typing import Any

from django.utils import timezone

from cpconf.conference_records.models import (
    ConferenceRecord,
    RecordStatus,
    RecordVersion,
    record_fingerprint,
)
from cpconf.outcomes.services import outcome_issue
from tests.access.matrix_base import CONFERENCES, USERS, Case, pk

LETTERS = ("own_letter", "other_letter", "foreign_letter")
NOBODY = {user: "404 404 404" for user in USERS} | {"anonymous": "302 302 302"}
RUNNERS = NOBODY | {
    "chair": "200 404 404",
    "unit": "200 200 404",
    "other_authority_unit": "404 404 200",
}


def _content(conference: Any) -> dict[str, Any]:
    child = conference.family.children.get()
    return {
        "decisions": {
            "children": [
                {
                    "child_id": child.pk,
                    "name": child.full_name,
                    "suffered_harm": "yes",
                    "likely_to_suffer": "yes",
                    "outcome": "plan_continues",
                    "categories": ["neglect"],
                    "professional_views": "",
                    "consensus": "yes",
                }
            ],
            "chair_summary": "Meals are more regular now.",
            "dissent": [],
        },
        "future_dates": {"next_review_on": "2027-06-01"},
    }


def _issued(conference: Any, actor: Any) -> Any:
    now = timezone.now()
    record = ConferenceRecord.objects.create(
        conference=conference, status=RecordStatus.FINALISED, finalised_at=now
    )
    content = _content(conference)
    version = RecordVersion.objects.create(
        record=record,
        number=1,
        content=content,
        fingerprint=record_fingerprint(content),
        finalised_by=actor,
        finalised_at=now,
    )
    # The family has one parent, or nobody (one letter to the family): one letter either way.
    (letter,) = outcome_issue(record_version=version, actor=actor)
    return letter


def extend_world(users: dict[str, Any], records: dict[str, Any]) -> None:
    """Each conference has a finalised record with its letter issued (by the unit)."""
    records["own_letter"] = _issued(records["own_conference"], users["unit"])
    records["other_letter"] = _issued(records["other_conference"], users["unit"])
    records["foreign_letter"] = _issued(
        records["foreign_conference"], users["other_authority_unit"]
    )


CASES = (
    Case("outcomes:outcome", "get", CONFERENCES, pk, RUNNERS),
    Case(
        "outcomes:issue",
        "get",
        CONFERENCES,
        pk,
        {user: "405 405 405" for user in USERS} | {"anonymous": "302 302 302"},
    ),
    Case(
        "outcomes:issue",
        "post",
        CONFERENCES,
        pk,
        NOBODY
        | {
            "chair": "302 404 404",
            "unit": "302 302 404",
            "other_authority_unit": "404 404 302",
        },
    ),
    # Once issued, the professionals invited read the minutes too; the family reads the letter.
    Case(
        "outcomes:minutes_download",
        "get",
        CONFERENCES,
        lambda c: (c.pk, "docx"),
        RUNNERS | {"professional": "200 404 404"},
    ),
    Case(
        "outcomes:letter_download",
        "get",
        LETTERS,
        lambda letter: (letter.pk, "docx"),
        RUNNERS | {"family_member": "200 404 404"},
    ),
    # Approving the minutes: the chair and the unit, as issuing the letter.
    Case(
        "outcomes:approve_minutes",
        "get",
        CONFERENCES,
        pk,
        {user: "405 405 405" for user in USERS} | {"anonymous": "302 302 302"},
    ),
    Case(
        "outcomes:approve_minutes",
        "post",
        CONFERENCES,
        pk,
        NOBODY
        | {
            "chair": "302 404 404",
            "unit": "302 302 404",
            "other_authority_unit": "404 404 302",
        },
    ),
)

"""Rows for the chair's record pages (`/records/`): the conference's chair and the unit of its
authority, nobody else. The pages answer differently while a record is written and once it is
finalised, so the world gets conferences of its own for them (other parts of the system
finalise the world's three conferences in their own ways): a record being written for the own
family (chaired by the world's chair), the other family and the other authority's family, and
a finalised one for the own family."""

from typing import Any

from cpconf.conference_records import services
from tests.access.matrix_base import USERS, Case, pk
from tests.conference_records.builders import finalised
from tests.factories import ConferenceFactory

TARGETS = (
    "recording_conference",
    "other_recording_conference",
    "foreign_recording_conference",
    "finalised_conference",
)


def extend_world(users: dict[str, Any], records: dict[str, Any]) -> None:
    chairs = {"own": users["chair"]}
    for family, key in zip(("own", "other", "foreign"), TARGETS, strict=False):
        conference = ConferenceFactory(family=records[f"{family}_family"], **_chair(chairs, family))
        services.record_start(conference=conference, actor=conference.chair)
        records[key] = conference
    done = ConferenceFactory(family=records["own_family"], chair=users["chair"])
    finalised(done, users["chair"])
    records["finalised_conference"] = done


def _chair(chairs: dict[str, Any], family: str) -> dict[str, Any]:
    return {"chair": chairs[family]} if family in chairs else {}


def runners(chair: str, unit: str, foreign: str) -> dict[str, str]:
    """`chair` and `unit` answer for the four targets in order; the other authority's
    unit gets `foreign` for its own conference; everyone else a 404."""
    return {user: "404 404 404 404" for user in USERS} | {
        "anonymous": "302 302 302 302",
        "chair": chair,
        "unit": unit,
        "other_authority_unit": f"404 404 {foreign} 404",
    }


SHOWN = runners("200 404 404 200", "200 200 404 200", "200")
# Pages of a record being written send on to the overview once it is finalised, and back.
WHILE_WRITING = runners("200 404 404 302", "200 200 404 302", "200")
ONCE_FINALISED = runners("302 404 404 200", "302 302 404 200", "302")

CASES = (
    Case("conference_records:overview", "get", TARGETS, pk, SHOWN),
    Case(
        "conference_records:start",
        "get",
        TARGETS,
        pk,
        {user: "405 405 405 405" for user in USERS} | {"anonymous": "302 302 302 302"},
    ),
    Case(
        "conference_records:start",
        "post",
        TARGETS,
        pk,
        runners("302 404 404 302", "302 302 404 302", "302"),
    ),
    Case(
        "conference_records:part",
        "get",
        TARGETS,
        lambda c: (c.pk, "decisions"),
        WHILE_WRITING,
    ),
    Case("conference_records:check", "get", TARGETS, pk, WHILE_WRITING),
    Case("conference_records:versions", "get", TARGETS, pk, SHOWN),
    Case(
        "conference_records:version",
        "get",
        TARGETS,
        lambda c: (c.pk, 1),
        runners("404 404 404 200", "404 404 404 200", "404"),
    ),
    Case("conference_records:correct", "get", TARGETS, pk, ONCE_FINALISED),
    Case("conference_records:next_review", "get", TARGETS, pk, ONCE_FINALISED),
)

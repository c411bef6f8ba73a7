"""Attendance as it really happens (issue 17): someone present for part of the meeting (when
they arrived or left, or the items they were there for), and interpreters and advocates, each
for someone. Recorded on the introductions page, kept as typed content, shown in the minutes."""

import pytest

from cpconf.conference_records import record_content as parts
from cpconf.conference_records.quorum import agencies_present
from cpconf.outcomes.minutes_layout import minutes_document
from tests.conference_records.pages import content_of, part_url, revision_of, rows, shown, started
from tests.outcomes.records import finalised_record, review_content

pytestmark = pytest.mark.django_db

MOTHER = {
    "name": "Dawn Hartwell",
    "role": "Mother",
    "agency": "",
    "kind": "parent",
    "attendance": "present",
}
HEALTH_VISITOR_FOR_PART = {
    "name": "Ann Byrne",
    "role": "Health visitor",
    "agency": "Riverside Health",
    "kind": "professional",
    "attendance": "part",
    "arrived_at": "10:15",
    "left_at": "11:40",
    "present_for": "items 1 to 4",
}
INTERPRETER = {
    "name": "Marta Nowak",
    "role": "Polish interpreter",
    "agency": "Language Line",
    "kind": "interpreter",
    "attendance": "present",
    "for_whom": "Dawn Hartwell",
}


def _post_people(client, scene, record, *people):
    client.force_login(scene.chair)
    return client.post(
        part_url(scene.conference, parts.INTRODUCTIONS),
        {
            "revision": revision_of(record, parts.INTRODUCTIONS),
            **rows("participants", *people),
        },
    )


def test_the_chair_records_who_was_there_for_part_and_an_interpreter_for_whom(client, scene):
    record = started(scene)

    response = _post_people(client, scene, record, MOTHER, HEALTH_VISITOR_FOR_PART, INTERPRETER)

    assert response.status_code == 302
    saved = parts.Introductions.from_json(content_of(record, parts.INTRODUCTIONS))
    by_name = {p.name: p for p in saved.participants}
    part = by_name["Ann Byrne"]
    assert (part.attendance, part.arrived_at, part.left_at, part.present_for) == (
        parts.PART_OF_THE_MEETING,
        "10:15",
        "11:40",
        "items 1 to 4",
    )
    assert by_name["Marta Nowak"].for_whom == "Dawn Hartwell"
    assert all(p.was_present for p in saved.participants)


def test_the_introductions_page_asks_when_someone_came_or_went_and_for_whom(client, scene):
    started(scene)
    client.force_login(scene.chair)

    page = client.get(part_url(scene.conference, parts.INTRODUCTIONS)).content.decode()

    assert "Present for part of the meeting" in page
    assert 'name="participants-0-arrived_at"' in page
    assert 'name="participants-0-left_at"' in page
    assert 'name="participants-0-present_for"' in page
    assert 'name="participants-0-for_whom"' in page
    assert "Interpreter" in page and "Advocate" in page


@pytest.mark.parametrize(
    ("person", "field", "message"),
    [
        (
            {**HEALTH_VISITOR_FOR_PART, "arrived_at": "", "left_at": "", "present_for": ""},
            "arrived_at",
            parts.ENTER_PART_ATTENDED.format(name="Ann Byrne"),
        ),
        (
            {**HEALTH_VISITOR_FOR_PART, "arrived_at": "11:40", "left_at": "10:15"},
            "left_at",
            parts.LEFT_BEFORE_ARRIVING.format(name="Ann Byrne"),
        ),
        (
            {**HEALTH_VISITOR_FOR_PART, "arrived_at": "10.15"},
            "arrived_at",
            # Found by the record's own checks after the form's: it still names the person.
            "Ann Byrne: " + parts.NOT_A_TIME.format(field="the time they arrived"),
        ),
        (
            {**INTERPRETER, "for_whom": ""},
            "for_whom",
            parts.ENTER_FOR_WHOM.format(name="Marta Nowak", kind="an interpreter"),
        ),
        (
            {**INTERPRETER, "kind": "advocate", "for_whom": " "},
            "for_whom",
            parts.ENTER_FOR_WHOM.format(name="Marta Nowak", kind="an advocate"),
        ),
    ],
    ids=["part-without-when", "left-before-arriving", "not-a-time", "interpreter", "advocate"],
)
def test_attendance_that_does_not_say_enough_is_named_and_nothing_is_saved(
    client, scene, person, field, message
):
    record = started(scene)

    response = _post_people(client, scene, record, MOTHER, person)

    page = response.content.decode()
    assert response.status_code == 400
    assert shown(message) in page
    assert f'href="#id_participants-1-{field}"' in page
    assert content_of(record, parts.INTRODUCTIONS)["participants"] == []


def test_the_minutes_show_who_was_there_for_part_and_for_whom_an_interpreter_came(scene):
    content = review_content(scene.conference)
    content["introductions"]["participants"] += [HEALTH_VISITOR_FOR_PART, INTERPRETER]
    version = finalised_record(scene.conference, content)

    document = minutes_document(version)

    introductions = document.parts[1]
    tables = {
        heading.text: block
        for heading, block in zip(introductions.blocks, introductions.blocks[1:], strict=False)
        if type(heading).__name__ == "Subheading"
    }
    part = tables["Present for part of the meeting"]
    assert part.rows == (
        (
            "Ann Byrne",
            "Health visitor",
            "Riverside Health",
            "Professional",
            "present 10:15 to 11:40, for items 1 to 4",
        ),
    )
    present = tables["Present"]
    assert (
        "Marta Nowak",
        "Polish interpreter",
        "Language Line",
        "Interpreter for Dawn Hartwell",
    ) in (present.rows)
    assert "Ann Byrne" not in [row[0] for row in present.rows]


def test_minutes_without_anyone_there_for_part_have_no_such_heading(scene):
    version = finalised_record(scene.conference)

    introductions = minutes_document(version).parts[1]

    headings = [b.text for b in introductions.blocks if type(b).__name__ == "Subheading"]
    assert "Present for part of the meeting" not in headings
    assert "Present" in headings and "Apologies" in headings


def test_someone_there_for_part_of_the_meeting_counts_towards_the_quorum(scene):
    content = {"introductions": {"participants": [HEALTH_VISITOR_FOR_PART]}}

    assert list(agencies_present(scene.conference, content)) == ["riverside health"]


def test_someone_who_sent_apologies_is_not_present_and_does_not_count():
    intro = parts.Introductions.from_json(
        {"participants": [{**HEALTH_VISITOR_FOR_PART, "attendance": "apologies"}]}
    )

    assert intro.present == []

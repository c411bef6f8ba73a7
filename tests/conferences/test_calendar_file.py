"""The calendar file Outlook needs to update an entry rather than add a second one: a
VTIMEZONE for Europe/London, an ORGANIZER (the unit, from the policy), a stable UID and a
SEQUENCE that goes up each time the conference is moved. Checked by parsing the file."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone
from icalendar import Calendar

from cpconf.conferences.calendar_file import conference_ics
from cpconf.conferences.services import conference_reschedule

pytestmark = pytest.mark.django_db
LONDON = ZoneInfo("Europe/London")


def parsed(conference) -> tuple[Calendar, object]:
    calendar = Calendar.from_ical(conference_ics(conference))
    events = calendar.walk("VEVENT")
    assert len(events) == 1
    return calendar, events[0]


def test_the_file_carries_the_london_timezone_and_its_times_are_in_it(scene):
    calendar, event = parsed(scene.conference)

    zones = calendar.walk("VTIMEZONE")
    assert [str(z["TZID"]) for z in zones] == ["Europe/London"]
    assert {c.name for c in zones[0].subcomponents} == {"STANDARD", "DAYLIGHT"}
    assert event["DTSTART"].params["TZID"] == "Europe/London"
    assert event.decoded("DTSTART") == scene.conference.starts_at.replace(microsecond=0)
    assert timezone.localtime(scene.conference.starts_at).hour == event.decoded("DTSTART").hour


def test_the_organizer_is_the_units_contact_from_the_policy(scene):
    policy = scene.conference.family.local_authority.policy
    _, event = parsed(scene.conference)

    organizer = event["ORGANIZER"]
    email = str(organizer).removeprefix("mailto:")
    assert email and email in (policy.contact + policy.letterhead.email)
    assert str(organizer.params["CN"])


def test_a_move_keeps_the_uid_and_raises_the_sequence(scene):
    _, booked = parsed(scene.conference)
    assert int(booked["SEQUENCE"]) == 0

    sequences = []
    for weeks in (5, 6):
        day = timezone.localdate() + dt.timedelta(weeks=weeks)
        conference_reschedule(
            conference=scene.conference,
            starts_at=dt.datetime.combine(day, dt.time(14, 0), tzinfo=LONDON),
            place="Town Hall",
            virtual_link="",
            actor=scene.unit,
        )
        scene.conference.refresh_from_db()
        _, moved = parsed(scene.conference)
        assert str(moved["UID"]) == str(booked["UID"])
        assert moved.decoded("DTSTART").astimezone(LONDON).hour == 14
        sequences.append(int(moved["SEQUENCE"]))

    assert sequences == [1, 2]


def test_no_child_is_named_in_the_file(scene):
    text = conference_ics(scene.conference).decode()
    for child in scene.conference.family.children.all():
        assert child.full_name.split()[0] not in text

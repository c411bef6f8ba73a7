"""The conference as an iCalendar (.ics) event, so it lands in the invitee's calendar.

Outlook (and Google, Apple) update an entry already in a calendar only when the new file has the
same UID, a higher SEQUENCE and an ORGANIZER; times are given in Europe/London with that zone's
VTIMEZONE in the file, so a meeting moved across the clocks changing is still at 10:00.
"""

import re
from datetime import timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from icalendar import Calendar, Event, Timezone, vCalAddress, vText

from cpconf.audit.models import AuditEvent
from cpconf.conferences.models import Conference

MEETING_LENGTH = timedelta(hours=2)
LONDON = ZoneInfo("Europe/London")
RESCHEDULED = "conference_rescheduled"
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


def calendar_uid(conference: Conference) -> str:
    """The same for every file about one conference, so each replaces the last."""
    return f"conference-{conference.pk}@cpconf"


def calendar_sequence(conference: Conference) -> int:
    """How many times the conference has been moved: 0 when booked, one more on each move, so
    a calendar takes the latest file as the newer one (the moves are in the audit trail)."""
    return AuditEvent.objects.filter(
        action=RESCHEDULED,
        object_type=conference._meta.label_lower,
        object_id=str(conference.pk),
    ).count()


def organizer(conference: Conference) -> vCalAddress | None:
    """The unit the invitation comes from: the policy's contact, its email as the address
    (the letterhead's email when the contact has none). None when the policy gives no email."""
    policy = conference.family.local_authority.policy
    found = _EMAIL.search(policy.contact)
    email = found.group(0) if found else policy.letterhead.email
    if not email:
        return None
    name = policy.letterhead.service or policy.contact.split(",")[0].strip() or policy.title
    address = vCalAddress(f"mailto:{email}")
    address.params["cn"] = vText(name)
    return address


def conference_ics(conference: Conference) -> bytes:
    """One VEVENT with a stable UID and a SEQUENCE that goes up on each move, so a moved
    conference updates the same calendar entry. Names of children stay out of it: calendars
    are shared and synced widely."""
    starts = conference.starts_at.astimezone(LONDON)
    calendar = Calendar()
    calendar.add("prodid", f"-//{settings.CPCONF_SERVICE_NAME}//EN")
    calendar.add("version", "2.0")
    calendar.add("method", "REQUEST")
    # The zone's changes for a year either side of the meeting: enough for any move.
    year = timedelta(days=366)
    calendar.add_component(
        Timezone.from_tzinfo(
            LONDON,
            tzid="Europe/London",
            first_date=starts.date() - year,
            last_date=starts.date() + year,
        )
    )
    event = Event()
    event.add("uid", calendar_uid(conference))
    event.add("summary", f"{conference.meeting_type_label} ({conference.family.case_reference})")
    event.add("dtstart", starts)
    event.add("dtend", starts + MEETING_LENGTH)
    event.add("dtstamp", conference.modified_at)
    event.add("sequence", calendar_sequence(conference))
    event.add("location", conference.place or "Online")
    unit = organizer(conference)
    if unit is not None:
        event.add("organizer", unit)
    if conference.virtual_link:
        event.add("url", conference.virtual_link)
    calendar.add_component(event)
    return calendar.to_ical()

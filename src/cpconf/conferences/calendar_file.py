"""The conference as an iCalendar (.ics) event, so it lands in the invitee's calendar."""

from datetime import timedelta

from django.conf import settings
from icalendar import Calendar, Event

from cpconf.conferences.models import Conference

MEETING_LENGTH = timedelta(hours=2)


def conference_ics(conference: Conference) -> bytes:
    """One VEVENT with a stable UID, so a moved conference updates the same calendar entry.
    Names of children stay out of it: calendars are shared and synced widely."""
    calendar = Calendar()
    calendar.add("prodid", f"-//{settings.CPCONF_SERVICE_NAME}//EN")
    calendar.add("version", "2.0")
    calendar.add("method", "REQUEST")
    event = Event()
    event.add("uid", f"conference-{conference.pk}@cpconf")
    event.add("summary", f"{conference.meeting_type_label} ({conference.family.case_reference})")
    event.add("dtstart", conference.starts_at)
    event.add("dtend", conference.starts_at + MEETING_LENGTH)
    event.add("dtstamp", conference.modified_at)
    event.add("sequence", int(conference.modified_at.timestamp()))
    event.add("location", conference.place or "Online")
    if conference.virtual_link:
        event.add("url", conference.virtual_link)
    calendar.add_component(event)
    return calendar.to_ical()

"""The booking, moving and invitation pages as a browser sends and reads them: the answers a
form posts, and what the page then shows (its error summary, its warnings, and the fingerprint
of those warnings that the page carries back when the unit goes ahead)."""

import datetime as dt
import html
import re

from django.utils import timezone


def booking(scene, day: dt.date, **extra):
    """An initial conference for the scene's family on `day` at 10:00, its strategy
    discussion held today: on time for any day within 15 working days."""
    today = timezone.localdate()
    data = {
        "meeting_type": "initial",
        "strategy_discussion_day": today.day,
        "strategy_discussion_month": today.month,
        "strategy_discussion_year": today.year,
        "chair": scene.chair.pk,
        "previous": "",
        "meeting_date_day": day.day,
        "meeting_date_month": day.month,
        "meeting_date_year": day.year,
        "starts_time": "10:00",
        "place": "Civic Centre, Room 4",
        "virtual_link": "",
    }
    return data | extra


def moving(day: dt.date, **extra):
    """The move page's answers: `day` at 13:30 in the Town Hall."""
    data = {
        "meeting_date_day": day.day,
        "meeting_date_month": day.month,
        "meeting_date_year": day.year,
        "starts_time": "13:30",
        "place": "Town Hall",
        "virtual_link": "",
    }
    return data | extra


def next_weekday(weekday: int, weeks: int = 3) -> dt.date:
    """The first such weekday after `weeks` from today: never the scene's own conference day
    (three weeks from now, at this time of day), whose chair would then be warned of a clash
    when the tests run in the morning."""
    day = timezone.localdate() + dt.timedelta(weeks=weeks, days=1)
    while day.weekday() != weekday:
        day += dt.timedelta(days=1)
    return day


def working_day(scene, weeks: int = 1) -> dt.date:
    """The first working day of the scene's authority after `weeks` from today (never a
    weekend, bank holiday or closure day, each of which draws its own warning, whatever day
    the tests run), and never the scene's own conference day."""
    from cpconf.deadlines import calendar_for_policy

    calendar = calendar_for_policy(scene.authority.policy)
    day = timezone.localdate() + dt.timedelta(weeks=weeks, days=1)
    while not calendar.is_working_day(day) or day == timezone.localdate(scene.conference.starts_at):
        day += dt.timedelta(days=1)
    return day


def summary(page: str) -> list[str]:
    """The error summary's messages, as the user reads them (an apostrophe is "'", not
    the "&#x27;" of the page's source)."""
    if 'class="govuk-error-summary"' not in page:
        return []
    block = page.split('class="govuk-error-summary"', 1)[1].split("</ul>", 1)[0]
    return [html.unescape(m) for m in re.findall(r'<a href="#[^"]+">([^<]+)</a>', block)]


def summary_links(page: str) -> list[str]:
    """Where each entry of the error summary takes the user (the ids, without the #)."""
    if 'class="govuk-error-summary"' not in page:
        return []
    block = page.split('class="govuk-error-summary"', 1)[1].split("</ul>", 1)[0]
    return re.findall(r'<a href="#([^"]+)">', block)


def warnings(page: str) -> list[str]:
    if "cpconf-warnings" not in page:
        return []
    block = page.split("cpconf-warnings", 1)[1].split("</ul>", 1)[0]
    return [html.unescape(w.strip()) for w in re.findall(r"<li>([^<]+)</li>", block)]


def warnings_shown(page: str) -> str:
    """The fingerprint of the warnings the page showed, which it sends back with the tick."""
    found = re.search(r'name="warnings_shown" value="([^"]*)"', page)
    return found.group(1) if found else ""


def going_ahead(page: str) -> dict[str, str]:
    """What ticking "I have read the warnings" on this page adds to the answers."""
    return {"confirm_warnings": "yes", "warnings_shown": warnings_shown(page)}

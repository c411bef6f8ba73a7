"""The unit books and moves conferences: refusals for what cannot be, warnings for what
should not be, and every invitee told."""

import datetime as dt
import re
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from cpconf.accounts.models import Role
from cpconf.audit.models import AuditEvent
from cpconf.conferences.models import Conference, Stage
from cpconf.deadlines import calendar_for_policy
from tests.conferences.booking_pages import (
    booking,
    going_ahead,
    moving,
    next_weekday,
    summary,
    warnings,
    working_day,
)
from tests.factories import ConferenceFactory, InvitationFactory, user_with_role

pytestmark = pytest.mark.django_db
LONDON = ZoneInfo("Europe/London")


def test_the_unit_books_a_conference_and_it_is_audited(client, scene):
    client.force_login(scene.unit)
    day = working_day(scene)

    response = client.post(reverse("conferences:book", args=[scene.family.pk]), booking(scene, day))

    conference = Conference.objects.exclude(pk=scene.conference.pk).get()
    assert response.url == reverse("conferences:detail", args=[conference.pk])
    assert timezone.localtime(conference.starts_at) == dt.datetime(
        day.year, day.month, day.day, 10, 0, tzinfo=LONDON
    )
    assert conference.stage == Stage.INITIAL
    assert AuditEvent.objects.filter(
        action="conference_booked", object_id=str(conference.pk)
    ).exists()


def test_only_the_unit_books(client, scene):
    for user in (scene.author, scene.chair, scene.parent):
        client.force_login(user)
        response = client.post(
            reverse("conferences:book", args=[scene.family.pk]), booking(scene, next_weekday(1))
        )
        assert response.status_code == 404
    assert Conference.objects.count() == 1


def test_a_date_in_the_past_is_refused(client, scene):
    client.force_login(scene.unit)
    yesterday = timezone.localdate() - dt.timedelta(days=1)

    response = client.post(
        reverse("conferences:book", args=[scene.family.pk]), booking(scene, yesterday)
    )

    assert response.status_code == 400
    assert summary(response.content.decode()) == [
        "The date of the conference must be today or in the future"
    ]
    assert 'value="Civic Centre, Room 4"' in response.content.decode()


def test_a_review_without_a_previous_conference_is_refused(client, scene):
    client.force_login(scene.unit)

    response = client.post(
        reverse("conferences:book", args=[scene.family.pk]),
        booking(scene, next_weekday(1), meeting_type="review"),
    )

    assert summary(response.content.decode()) == [
        "A review must follow a previous conference: choose it"
    ]


def test_missing_and_malformed_answers_are_each_named(client, scene):
    client.force_login(scene.unit)

    response = client.post(
        reverse("conferences:book", args=[scene.family.pk]),
        {"meeting_type": "", "chair": "", "starts_time": "25:00", "place": "", "virtual_link": "x"},
    )

    assert summary(response.content.decode()) == [
        "Choose the type of conference",
        "Choose the chair",
        "Enter the date of the conference",
        "Enter a start time like 10:00 or 14:30",
        "Enter a place, or a link to join online",
        "Enter the link in full, like https://meet.example.gov.uk/abc",
    ]


def test_a_weekend_is_warned_about_and_booked_only_when_confirmed(client, scene):
    client.force_login(scene.unit)
    saturday = next_weekday(5, weeks=1)
    url = reverse("conferences:book", args=[scene.family.pk])

    first = client.post(url, booking(scene, saturday))
    assert first.status_code == 400
    assert warnings(first.content.decode()) == [
        f"{saturday:%A} {saturday.day} {saturday:%B %Y} is a weekend."
    ]
    assert Conference.objects.count() == 1

    client.post(url, booking(scene, saturday) | going_ahead(first.content.decode()))
    assert Conference.objects.count() == 2


def _next_english_weekday_bank_holiday(after: dt.date) -> dt.date:
    """Found with the holidays package directly, not through the code under test."""
    import holidays

    for year in (after.year, after.year + 1):
        for day in sorted(holidays.country_holidays("GB", subdiv="ENG", years=year)):
            if day > after and day.weekday() < 5:
                return day
    raise AssertionError("no bank holiday found")


def test_a_bank_holiday_is_warned_about(client, scene):
    client.force_login(scene.unit)
    holiday = _next_english_weekday_bank_holiday(timezone.localdate() + dt.timedelta(days=1))

    response = client.post(
        reverse("conferences:book", args=[scene.family.pk]), booking(scene, holiday)
    )

    # (An initial conference; one months away is also warned of as late.)
    assert f"{holiday:%A} {holiday.day} {holiday:%B %Y} is a bank holiday." in warnings(
        response.content.decode()
    )


@pytest.fixture
def closing_authority(scene, settings, tmp_path):
    """Southvale's policy under another name, closed on a weekday three weeks ahead: the test
    builds its own closure day rather than depend on the shipped file's dates still to come."""
    from cpconf.deadlines import bank_holidays
    from cpconf.organisations.policies import all_policies

    closed = next_weekday(2, weeks=3)
    while closed in bank_holidays("england", closed.year):
        closed += dt.timedelta(weeks=1)
    shipped = (settings.CPCONF_POLICY_DIRS[0] / "southvale.toml").read_text()
    text = re.sub(r'^name = "southvale"', 'name = "closurevale"', shipped, flags=re.M)
    text = re.sub(
        r"^closure_days = .*$", f"closure_days = [{closed.isoformat()}]", text, flags=re.M
    )
    (tmp_path / "closurevale.toml").write_text(text)
    settings.CPCONF_POLICY_DIRS = [*settings.CPCONF_POLICY_DIRS, tmp_path]
    all_policies.cache_clear()
    scene.authority.policy_name = "closurevale"
    scene.authority.save()
    yield closed
    all_policies.cache_clear()


def test_a_closure_day_is_warned_about(client, scene, closing_authority):
    day = closing_authority
    client.force_login(scene.unit)

    response = client.post(reverse("conferences:book", args=[scene.family.pk]), booking(scene, day))

    # (Three weeks on, this initial conference is also warned of as late.)
    assert f"{day:%A} {day.day} {day:%B %Y} is a day the unit is closed." in warnings(
        response.content.decode()
    )


def test_an_initial_conference_past_its_statutory_date_is_warned_about(client, scene):
    client.force_login(scene.unit)
    day = next_weekday(1, weeks=8)
    discussed = timezone.localdate() - dt.timedelta(days=1)

    response = client.post(
        reverse("conferences:book", args=[scene.family.pk]),
        booking(
            scene,
            day,
            strategy_discussion_day=discussed.day,
            strategy_discussion_month=discussed.month,
            strategy_discussion_year=discussed.year,
        ),
    )

    [warning] = warnings(response.content.decode())
    assert warning.startswith(
        "An initial conference must be held within 15 working days of the strategy discussion"
    )


def test_a_late_review_and_a_busy_chair_are_warned_about(client, scene):
    client.force_login(scene.unit)
    # A working day of the authority (not a weekend, a bank holiday or a closure day, each
    # of which would add its own warning), whatever day the tests run.
    calendar = calendar_for_policy(scene.authority.policy)
    day = timezone.localdate() + dt.timedelta(days=150)
    while not calendar.is_working_day(day):
        day += dt.timedelta(days=1)
    ConferenceFactory(
        family__local_authority=scene.authority,
        chair=scene.chair,
        starts_at=dt.datetime(day.year, day.month, day.day, 11, 0, tzinfo=LONDON),
    )

    response = client.post(
        reverse("conferences:book", args=[scene.family.pk]),
        booking(scene, day, meeting_type="review", previous=scene.conference.pk),
    )

    found = warnings(response.content.decode())
    assert len(found) == 2
    assert found[0].startswith("This review is due by")
    assert "already chairs a conference at 11:00" in found[1]


def test_moving_a_conference_tells_every_invitee_with_a_calendar_file(
    client, scene, django_capture_on_commit_callbacks
):
    client.force_login(scene.unit)
    new_day = next_weekday(2, weeks=5)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("conferences:reschedule", args=[scene.conference.pk]), moving(new_day)
        )

    assert response.status_code == 302
    scene.conference.refresh_from_db()
    assert timezone.localtime(scene.conference.starts_at).date() == new_day
    invitees = {i.email for i in scene.conference.invitations.all()}
    assert {m.to[0] for m in mail.outbox} == invitees
    message = mail.outbox[0]
    assert message.subject.startswith("Moved:")
    name, content, mimetype = message.attachments[0]
    assert (name, mimetype.split(";")[0]) == ("conference.ics", "text/calendar")
    calendar = content.decode() if isinstance(content, bytes) else content
    assert "BEGIN:VEVENT" in calendar and "LOCATION:Town Hall" in calendar
    assert "Lily" not in message.body and "Lily" not in calendar


def test_a_conference_that_has_been_held_is_not_moved(client, scene):
    from cpconf.conferences.services import CONFERENCE_HELD, ConferenceHeld, conference_reschedule

    held_at = timezone.now() - dt.timedelta(days=2)
    scene.conference.starts_at = held_at
    scene.conference.save()
    client.force_login(scene.unit)
    new_day = next_weekday(2, weeks=5)

    page = client.get(reverse("conferences:reschedule", args=[scene.conference.pk]), follow=True)
    posted = client.post(
        reverse("conferences:reschedule", args=[scene.conference.pk]), moving(new_day)
    )
    with pytest.raises(ConferenceHeld):
        conference_reschedule(
            conference=scene.conference,
            starts_at=timezone.now() + dt.timedelta(days=30),
            place="Town Hall",
            virtual_link="",
            actor=scene.unit,
        )

    assert CONFERENCE_HELD.split(",")[0] in page.content.decode()
    assert posted.status_code == 302
    scene.conference.refresh_from_db()
    assert scene.conference.starts_at == held_at
    assert not mail.outbox


def test_inviting_an_existing_professional_links_them_and_emails_a_calendar(
    client, scene, django_capture_on_commit_callbacks
):
    client.force_login(scene.unit)
    newcomer = user_with_role(Role.PROFESSIONAL, scene.authority)
    agency = newcomer.role_assignments.get().agency
    url = reverse("conferences:invite", args=[scene.conference.pk])

    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"agency": agency.pk, "email": newcomer.email.upper()})

    invitation = scene.conference.invitations.get(email=newcomer.email)
    assert invitation.invitee == newcomer
    assert mail.outbox[-1].to == [newcomer.email]
    assert mail.outbox[-1].attachments[0][0] == "conference.ics"
    again = client.post(url, {"agency": agency.pk, "email": newcomer.email})
    assert summary(again.content.decode()) == [
        f"{newcomer.email} is already invited to this conference"
    ]


def test_an_invitee_records_their_own_attendance_and_nobody_elses(client, scene):
    own = scene.conference.invitations.get(invitee=scene.author)
    other = scene.conference.invitations.get(invitee=scene.colleague)
    client.force_login(scene.author)

    client.post(
        reverse("conferences:attendance", args=[scene.conference.pk, own.pk]),
        {"attendance": "apologies"},
    )
    refused = client.post(
        reverse("conferences:attendance", args=[scene.conference.pk, other.pk]),
        {"attendance": "apologies"},
    )

    own.refresh_from_db()
    other.refresh_from_db()
    assert own.attendance == "apologies"
    assert refused.status_code == 404
    assert other.attendance != "apologies"


def test_invitations_reach_the_right_conference_only(scene):
    stranger = InvitationFactory()
    assert stranger.conference.family.local_authority != scene.authority


def test_someone_new_gets_an_account_and_a_one_time_link_to_set_it_up(
    client, scene, django_capture_on_commit_callbacks
):
    from cpconf.accounts.models import User

    client.force_login(scene.unit)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("conferences:invite", args=[scene.conference.pk]),
            {"agency": scene.school.pk, "email": "New.Person@school.example"},
        )

    newcomer = User.objects.get(email="new.person@school.example")
    assert not newcomer.has_usable_password()
    assert newcomer.role_assignments.get().agency == scene.school
    link = re.search(r"http://\S+/account/set-up/\S+/", mail.outbox[-1].body).group(0)
    path = link.split("8000", 1)[1] if "8000" in link else link
    client.logout()

    page = client.get(path, follow=True)
    assert "Set up your account" in page.content.decode()
    form_url = page.redirect_chain[-1][0] if page.redirect_chain else path
    too_short = client.post(form_url, {"new_password1": "short", "new_password2": "short"})
    assert "Your password must be 12 characters or more" in too_short.content.decode()
    client.post(
        form_url,
        {"new_password1": "amber-kettle-lighthouse", "new_password2": "amber-kettle-lighthouse"},
    )

    newcomer.refresh_from_db()
    assert newcomer.check_password("amber-kettle-lighthouse")
    used = client.get(path, follow=True)
    assert "This link has expired or has been used" in used.content.decode()


def test_an_account_that_does_not_write_reports_here_is_not_invited(client, scene):
    client.force_login(scene.unit)

    response = client.post(
        reverse("conferences:invite", args=[scene.conference.pk]),
        {"agency": scene.school.pk, "email": scene.chair.email},
    )

    assert summary(response.content.decode()) == [
        f"{scene.chair.email} has an account but does not write reports here"
    ]

"""Writing the demo data, so that running it again adds only what is missing.

Every record is found by its natural key (an email, a case reference, a family's meeting type
and previous conference) and created only if absent; existing records are left as they are, so
whatever someone changed while trying the demo survives a second run. Dates are worked out
from the day of seeding only when a record is first created.
"""

import importlib
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any, TypeVar
from zoneinfo import ZoneInfo

from django.contrib.auth.password_validation import validate_password
from django.db import models, transaction
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from cpconf.accounts.models import Role, RoleAssignment, User
from cpconf.audit.services import audit_record
from cpconf.conferences.models import Conference, ConferenceStatus, Invitation
from cpconf.deadlines import calendar_for_policy
from cpconf.demo import data, report_text
from cpconf.demo.authenticator import DEMO_AUTHENTICATOR_NAME, demo_key_hex
from cpconf.families.models import Child, Family, FamilyMember
from cpconf.organisations.models import Agency, LocalAuthority
from cpconf.policy import Policy
from cpconf.reports import selectors as report_selectors
from cpconf.reports import services as report_services
from cpconf.reports.models import ProfessionalReport, ReportStatus

LONDON = ZoneInfo("Europe/London")
SATURDAY = 5
# Before the deadline of any policy we ship (at most 5 working days), or just before the meeting.
ON_TIME_BEFORE_MEETING = timedelta(days=8)
LATE_BEFORE_MEETING = timedelta(hours=2)
PACK_RELEASED_BEFORE_MEETING = timedelta(days=1)
STRATEGY_DISCUSSION_BEFORE_MEETING = timedelta(days=17)

M = TypeVar("M", bound=models.Model)


@dataclass
class SeedSummary:
    """How many records of each kind were created, and how many were already there."""

    created: Counter[str] = field(default_factory=Counter)
    existing: Counter[str] = field(default_factory=Counter)

    def count(self, record: models.Model, created: bool) -> None:
        label = str(record._meta.verbose_name_plural)
        (self.created if created else self.existing)[label] += 1

    @property
    def total_created(self) -> int:
        return sum(self.created.values())

    @property
    def total_existing(self) -> int:
        return sum(self.existing.values())


@dataclass
class Seeded:
    """The records written so far, by the keys the declarations in `data` use."""

    summary: SeedSummary
    now: datetime
    authorities: dict[str, LocalAuthority] = field(default_factory=dict)
    agencies: dict[tuple[str, str], Agency] = field(default_factory=dict)
    users: dict[str, User] = field(default_factory=dict)
    families: dict[str, Family] = field(default_factory=dict)
    conferences: dict[str, Conference] = field(default_factory=dict)

    @property
    def today(self) -> date:
        return timezone.localdate(self.now, LONDON)


# Parts of the system that add their own demo records, in order: each may use what the ones
# before it wrote. Each module has `seed_demo_part(seeded: Seeded) -> None`, idempotent.
LATER_PARTS = (
    "cpconf.conference_records.demo",
    "cpconf.outcomes.demo",
    "cpconf.packs.demo",
    "cpconf.portal.demo",
    "cpconf.census.demo",
)


def seed_demo(*, now: datetime | None = None) -> SeedSummary:
    """Write the demo data in one transaction: all of it or, if anything fails, none."""
    seeded = Seeded(summary=SeedSummary(), now=now or timezone.now())
    with transaction.atomic():
        _seed_organisations(seeded)
        _seed_users(seeded)
        _seed_families(seeded)
        _seed_conferences(seeded)
        _seed_invitations(seeded)
        _seed_reports(seeded)
        for part in LATER_PARTS:
            importlib.import_module(part).seed_demo_part(seeded)
        if seeded.summary.total_created:
            _record_seeding(seeded)
    return seeded.summary


def _record_seeding(seeded: Seeded) -> None:
    """Each authority's auditor can see that demo records were added, and by no person."""
    for authority in seeded.authorities.values():
        audit_record(
            action="demo_seeded",
            actor=None,
            actor_label="cpconf seed_demo",
            local_authority_id=authority.pk,
        )


def _recorded_by(user: User | None) -> dict[str, Any]:
    return {"created_by": user, "modified_by": user}


def _first_or_create(
    seeded: Seeded, model: type[M], lookup: dict[str, Any], defaults: dict[str, Any]
) -> M:
    """Like get_or_create, but also for keys the database does not hold unique.

    A child's first name or a family's initial conference is unique in the demo data, but
    someone trying the demo may add a second one; the earliest is then taken as the demo's.
    """
    record = model._default_manager.filter(**lookup).order_by("pk").first()
    created = record is None
    if record is None:
        record = model._default_manager.create(**lookup, **defaults)
    seeded.summary.count(record, created)
    return record


def _seed_organisations(seeded: Seeded) -> None:
    for authority in data.AUTHORITIES:
        seeded.authorities[authority.slug] = _first_or_create(
            seeded,
            LocalAuthority,
            {"slug": authority.slug},
            {"name": authority.name, "policy_name": authority.policy_name},
        )
    for agency in data.AGENCIES:
        seeded.agencies[agency.authority, agency.name] = _first_or_create(
            seeded,
            Agency,
            {"local_authority": seeded.authorities[agency.authority], "name": agency.name},
            {"kind": agency.kind},
        )


def _seed_users(seeded: Seeded) -> None:
    for person in data.USERS:
        user = _user(seeded, person)
        seeded.users[person.email] = user
        for role in person.roles:
            _first_or_create(
                seeded,
                RoleAssignment,
                {
                    "user": user,
                    "local_authority": seeded.authorities[role.authority],
                    "role": role.role,
                },
                {"agency": seeded.agencies[role.authority, role.agency] if role.agency else None},
            )
        if uses_authenticator(person):
            _first_or_create(
                seeded,
                TOTPDevice,
                {"user": user, "name": DEMO_AUTHENTICATOR_NAME},
                {"key": demo_key_hex(person.email), "confirmed": True},
            )


def uses_authenticator(person: data.UserData) -> bool:
    """Staff sign in with an app code; family members get theirs by email."""
    return any(role.role != Role.FAMILY_MEMBER for role in person.roles)


def _user(seeded: Seeded, person: data.UserData) -> User:
    """The demo user; a password is set only where there is none, so changed ones stay."""
    user = User.objects.filter(email=person.email).first()
    created = user is None
    if user is None:
        user = User(
            email=person.email,
            first_name=person.first_name,
            last_name=person.last_name,
            job_title=person.job_title,
        )
    if created or not user.password or not user.has_usable_password():
        validate_password(data.DEMO_PASSWORD, user)
        user.set_password(data.DEMO_PASSWORD)
        user.save()
    seeded.summary.count(user, created)
    return user


def _seed_families(seeded: Seeded) -> None:
    for family_data in data.FAMILIES:
        social_worker = seeded.users.get(family_data.social_worker)
        family = _first_or_create(
            seeded,
            Family,
            {
                "local_authority": seeded.authorities[family_data.authority],
                "case_reference": family_data.case_reference,
            },
            {
                "name": family_data.name,
                "allocated_social_worker": social_worker,
                **_recorded_by(social_worker),
            },
        )
        seeded.families[family_data.case_reference] = family
        for child in family_data.children:
            _seed_child(seeded, family, child)
        for member in family_data.members:
            _seed_member(seeded, family, member)


def _seed_member(seeded: Seeded, family: Family, member: data.MemberData) -> None:
    _first_or_create(
        seeded,
        FamilyMember,
        {"family": family, "full_name": member.full_name},
        {
            "relationship": member.relationship,
            "lives_in_household": member.lives_in_household,
            "language": member.language,
            "needs_interpreter": member.needs_interpreter,
            "access_needs": member.access_needs,
            "user": seeded.users.get(member.user_email),
            **_recorded_by(family.allocated_social_worker),
        },
    )


def _seed_child(seeded: Seeded, family: Family, child: data.ChildData) -> None:
    due_date = None
    if child.due_in_days is not None:
        due_date = seeded.today + timedelta(days=child.due_in_days)
    _first_or_create(
        seeded,
        Child,
        {"family": family, "given_name": child.given_name},
        {
            "family_name": child.family_name,
            "date_of_birth": child.date_of_birth,
            "expected_due_date": due_date,
            "nhs_number": child.nhs_number,
            **_recorded_by(family.allocated_social_worker),
        },
    )


def _seed_conferences(seeded: Seeded) -> None:
    """Conferences in the order declared, so a review's previous conference already exists."""
    for conference in data.CONFERENCES:
        family = seeded.families[conference.family]
        policy = family.local_authority.policy
        booked_by = seeded.users[conference.booked_by]
        starts_at = _meeting_time(seeded.today, conference, policy)
        released = conference.status == ConferenceStatus.FINALISED
        seeded.conferences[conference.key] = _first_or_create(
            seeded,
            Conference,
            {
                "family": family,
                "meeting_type": conference.meeting_type,
                "previous": seeded.conferences.get(conference.previous),
            },
            {
                "stage": policy.meeting_type(conference.meeting_type).stage,
                "starts_at": starts_at,
                "place": conference.place,
                "virtual_link": conference.virtual_link,
                "chair": seeded.users[conference.chair],
                # A held conference is finalised by its record (conference_records.demo),
                # after its reports are in: a finalised conference takes no more reports.
                "status": ConferenceStatus.SCHEDULED if released else conference.status,
                "pack_released_at": (
                    _weekday_before(starts_at, PACK_RELEASED_BEFORE_MEETING) if released else None
                ),
                "strategy_discussion_on": (
                    None if conference.previous else _strategy_discussion(starts_at)
                ),
                **_recorded_by(booked_by),
            },
        )


def _strategy_discussion(starts_at: datetime) -> date:
    """An initial conference's strategy discussion: three weeks before, on a weekday, so the
    15-working-day timescale is met in the demo (a real one is entered by the unit)."""
    return _weekday_before(starts_at, STRATEGY_DISCUSSION_BEFORE_MEETING).date()


def _meeting_time(today: date, conference: data.ConferenceData, policy: Policy) -> datetime:
    """The meeting's start in London time, on the next working day of the authority's own
    calendar when the day falls on a weekend, a bank holiday or one of its closure days: no
    unit books a conference for Christmas Day or when its office is shut."""
    return datetime.combine(
        meeting_day(today + timedelta(days=conference.days_from_today), policy),
        conference.at,
        tzinfo=LONDON,
    )


def meeting_day(day: date, policy: Policy) -> date:
    """`day`, or the first working day after it (cpconf.deadlines: nation and closures)."""
    calendar = calendar_for_policy(policy)
    while not calendar.is_working_day(day):
        day += timedelta(days=1)
    return day


def _seed_invitations(seeded: Seeded) -> None:
    for invitation in data.INVITATIONS:
        conference = seeded.conferences[invitation.conference]
        _first_or_create(
            seeded,
            Invitation,
            {"conference": conference, "email": invitation.invitee},
            {
                "invitee": seeded.users[invitation.invitee],
                "agency": _agency_of(seeded, invitation.invitee, conference),
                "attendance": invitation.attendance,
                "created_by_id": conference.created_by_id,
                "modified_by_id": conference.created_by_id,
            },
        )


def _seed_reports(seeded: Seeded) -> None:
    """Reports as their authors would have left them: not started (no working copy), a draft
    half written, shared with the family, or signed and submitted as a version. Reviews start
    from the previous conference's reports, which come first in the data."""
    for report_data in data.REPORTS:
        conference = seeded.conferences[report_data.conference]
        author = seeded.users[report_data.author]
        existing = ProfessionalReport.objects.filter(conference=conference, author=author).first()
        if existing is not None:
            seeded.summary.count(existing, created=False)
            continue
        agency = _agency_of(seeded, report_data.author, conference)
        if report_data.status == ReportStatus.NOT_STARTED:
            report = ProfessionalReport.objects.create(
                conference=conference, author=author, agency=agency, **_recorded_by(author)
            )
        else:
            report = _written_report(seeded, report_data, conference, author, agency)
        seeded.summary.count(report, created=True)


def _written_report(
    seeded: Seeded,
    report_data: data.ReportData,
    conference: Conference,
    author: User,
    agency: Agency,
) -> ProfessionalReport:
    report = report_services.report_start(conference=conference, author=author, agency=agency)
    form = report_selectors.form_of(report)
    submitted_at = None
    if report_data.status == ReportStatus.SUBMITTED:
        submitted_at = _submission_time(seeded.now, conference.starts_at, report_data.late)
    written_by = submitted_at or seeded.now
    answers = report_text.demo_answers(
        form,
        agency.kind,
        report_selectors.working_copy(report),
        shared=report_data.status != ReportStatus.DRAFT,
        shared_on=timezone.localdate(written_by, LONDON) - timedelta(days=1),
    )
    if report_data.status == ReportStatus.DRAFT:
        # Half written: the first sections only, nothing shared yet.
        half = [s.key for s in form.sections][: len(form.sections) // 2]
        answers = {key: value for key, value in answers.items() if key in half}
    for key, content in answers.items():
        section = report.sections.get(key=key)
        report_services.section_save(
            report=report,
            key=key,
            content=content,
            base_revision=section.revision,
            completed=True,
            actor=author,
        )
    if submitted_at is not None:
        # A review's author read each section carried forward and left the rest as it was.
        for unchanged in report_selectors.unreviewed_sections(report):
            report_services.section_confirm_unchanged(
                report=report, key=unchanged.key, actor=author
            )
        report_services.report_submit(
            report=report,
            signed_name=author.get_full_name(),
            signed_role=author.job_title or "Professional",
            actor=author,
            now=submitted_at,
        )
    report.refresh_from_db()
    return report


def _agency_of(seeded: Seeded, email: str, conference: Conference) -> Agency:
    person = next(p for p in data.USERS if p.email == email)
    authority = conference.family.local_authority.slug
    return seeded.agencies[authority, person.agency_in(authority)]


def _submission_time(now: datetime, starts_at: datetime, late: bool) -> datetime:
    """Well before the deadline when on time; hours before the meeting when late.

    Never in the future: a report submitted for an upcoming meeting was submitted just now.
    """
    if late:
        return min(starts_at - LATE_BEFORE_MEETING, now)
    return min(_weekday_before(starts_at, ON_TIME_BEFORE_MEETING), now)


def _weekday_before(moment: datetime, gap: timedelta) -> datetime:
    """`gap` before `moment` in London time, moved back to the Friday from a weekend."""
    earlier = timezone.localtime(moment, LONDON) - gap
    while earlier.weekday() >= SATURDAY:
        earlier -= timedelta(days=1)
    return earlier

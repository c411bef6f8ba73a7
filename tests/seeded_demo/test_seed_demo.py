"""`cpconf seed_demo` gives a demo with every role and state, and adds nothing when run again."""

import re
from datetime import timedelta
from io import StringIO

import pytest
from django.apps import apps
from django.contrib.auth import authenticate
from django.core import mail
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone

from cpconf.accounts.models import Role, RoleAssignment, User
from cpconf.conferences.models import Conference, Stage
from cpconf.demo import data, seeding
from cpconf.demo.management.commands.seed_demo import REFUSED_IN_PRODUCTION
from cpconf.demo.seeding import seed_demo
from cpconf.families.models import Child, Family, FamilyMember
from cpconf.reports.models import ProfessionalReport, ReportStatus
from tests.worlds import FAST_HASHER

pytestmark = pytest.mark.django_db


def run_seed_demo(*args: str) -> str:
    out = StringIO()
    call_command("seed_demo", *args, stdout=out)
    return out.getvalue()


def row_counts() -> dict[str, int]:
    return {model._meta.label: model._default_manager.count() for model in apps.get_models()}


@pytest.fixture
def seeded(demo_seeded_once, settings) -> str:
    """The demo's first run, once for this module (tests/conftest.py), with passwords hashed
    quickly (Argon2 for every demo user takes seconds); checking them needs the same hasher."""
    settings.PASSWORD_HASHERS = FAST_HASHER
    return demo_seeded_once


def northshire_families():
    return Family.objects.filter(local_authority__slug=data.NORTHSHIRE)


def test_a_second_run_adds_no_rows(seeded):
    before = row_counts()

    output = run_seed_demo()

    assert row_counts() == before
    assert "Created 0 records" in output


def test_a_run_on_a_later_day_adds_no_rows(seeded):
    before = row_counts()

    summary = seed_demo(now=timezone.now() + timedelta(days=40))

    assert summary.total_created == 0
    assert row_counts() == before


def test_the_first_run_says_how_many_records_it_created(seeded):
    created = int(seeded.split("Created ")[1].split(" records")[0])

    assert created > 100


def test_every_role_is_held_by_a_demo_user(seeded):
    held = set(RoleAssignment.objects.values_list("role", flat=True))

    assert held == set(Role.values)


def test_one_demo_user_holds_two_roles_in_one_authority(seeded):
    ruth = User.objects.get(email="ruth.akinola@northshire.example")

    assert ruth.roles_in(ruth.role_assignments.get(role=Role.CHAIR).local_authority) == {
        Role.CHAIR,
        Role.UNIT_ADMINISTRATOR,
    }


def test_each_family_member_user_is_linked_to_their_own_family(seeded):
    family_users = User.objects.filter(role_assignments__role=Role.FAMILY_MEMBER)

    assert family_users.count() == 2
    families = {user.family_membership.family_id for user in family_users}
    assert len(families) == 2


def test_the_demo_authority_has_the_families_the_demo_needs(seeded):
    families = northshire_families()

    assert families.count() >= 4
    assert all(family.allocated_social_worker is not None for family in families)
    assert any(family.children.count() == 3 for family in families)


def test_one_family_is_expecting_a_baby(seeded):
    unborn = Child.objects.get(date_of_birth__isnull=True)

    assert unborn.expected_due_date > timezone.localdate()
    assert unborn.family.local_authority.slug == data.NORTHSHIRE


def test_children_have_test_range_nhs_numbers(seeded):
    for child in Child.objects.exclude(nhs_number=""):
        assert child.nhs_number.isdigit()
        assert len(child.nhs_number) == 10
        assert child.nhs_number.startswith("999")


def test_family_members_include_someone_needing_an_interpreter_and_support_to_read(seeded):
    assert FamilyMember.objects.filter(needs_interpreter=True, language="Polish").exists()
    assert FamilyMember.objects.exclude(access_needs="").exists()


@pytest.mark.parametrize("stage", [Stage.INITIAL, Stage.REVIEW])
def test_there_are_past_and_upcoming_conferences_of_each_stage(seeded, stage):
    now = timezone.now()
    conferences = Conference.objects.filter(stage=stage)

    assert conferences.filter(starts_at__lt=now).exists()
    assert conferences.filter(starts_at__gt=now).exists()


def test_every_review_follows_an_earlier_conference_of_the_same_family(seeded):
    reviews = Conference.objects.filter(stage=Stage.REVIEW).select_related("previous")

    assert reviews.exists()
    for review in reviews:
        assert review.previous.family_id == review.family_id
        assert review.previous.starts_at < review.starts_at


def test_each_conference_stage_matches_its_meeting_type_in_the_policy(seeded):
    for conference in Conference.objects.select_related("family__local_authority"):
        assert conference.stage == conference.meeting_type_policy.stage


def test_conferences_include_a_local_type_and_a_virtual_meeting(seeded):
    assert Conference.objects.filter(meeting_type__startswith="safer_me_plus").exists()
    assert any(conference.is_virtual for conference in Conference.objects.all())


def test_past_conferences_have_their_pack_released(seeded):
    past = Conference.objects.filter(starts_at__lt=timezone.now())

    assert not past.filter(pack_released_at__isnull=True).exists()


def test_conferences_are_spread_across_both_authorities(seeded):
    southvale = Conference.objects.filter(family__local_authority__slug=data.SOUTHVALE)

    assert southvale.count() == 1
    chair = southvale.get().chair
    assert set(chair.role_assignments.values_list("local_authority__slug", flat=True)) == {
        data.SOUTHVALE
    }


def test_southvale_has_its_own_agencies_professionals_and_a_report_journey(seeded):
    from cpconf.organisations.models import Agency

    fenwick = Conference.objects.get(family__local_authority__slug=data.SOUTHVALE)
    agencies = Agency.objects.filter(local_authority__slug=data.SOUTHVALE)
    reports = fenwick.reports.select_related("agency__local_authority", "author")

    assert agencies.count() >= 4
    assert fenwick.family.allocated_social_worker.email == "priya.shah@southvale.example"
    assert fenwick.invitations.count() == 4
    assert {report.agency.local_authority.slug for report in reports} == {data.SOUTHVALE}
    assert set(reports.values_list("status", flat=True)) == {
        ReportStatus.SUBMITTED,
        ReportStatus.SHARED,
        ReportStatus.DRAFT,
        ReportStatus.NOT_STARTED,
    }
    for person in ("gareth.evans", "amira.haddad", "neil.foster", "priya.shah"):
        roles = RoleAssignment.objects.filter(user__email=f"{person}@southvale.example")
        assert set(roles.values_list("local_authority__slug", flat=True)) == {data.SOUTHVALE}


@pytest.mark.parametrize(
    ("status", "late"),
    [
        (ReportStatus.NOT_STARTED, False),
        (ReportStatus.DRAFT, False),
        (ReportStatus.SHARED, False),
        (ReportStatus.SUBMITTED, False),
        (ReportStatus.SUBMITTED, True),
    ],
)
def test_there_are_reports_in_every_state(seeded, status, late):
    assert ProfessionalReport.objects.filter(status=status, submitted_late=late).exists()


def test_the_main_familys_upcoming_review_shows_every_report_state(seeded):
    review = Conference.objects.get(
        family__case_reference="NS-2026-0141", stage=Stage.REVIEW, starts_at__gt=timezone.now()
    )

    assert set(review.reports.values_list("status", flat=True)) == set(ReportStatus.values)


def test_every_report_author_was_invited_for_the_same_agency(seeded):
    for report in ProfessionalReport.objects.select_related("conference"):
        invitation = report.conference.invitations.get(invitee=report.author)
        assert invitation.agency_id == report.agency_id


def test_each_printed_user_can_sign_in_with_the_printed_password(seeded):
    for person in data.USERS:
        assert person.email in seeded

        user = authenticate(username=person.email, password=data.DEMO_PASSWORD)

        assert user is not None, person.email
    assert data.DEMO_PASSWORD in seeded


def test_a_second_run_keeps_a_password_the_user_changed(seeded):
    user = User.objects.get(email=data.USERS[0].email)
    user.set_password("a-new-password-of-my-own")
    user.save()

    run_seed_demo()

    assert authenticate(username=user.email, password="a-new-password-of-my-own") is not None


def test_if_empty_adds_nothing_to_a_database_that_holds_data(seeded):
    Child.objects.filter(given_name="Ellie-Mae").delete()
    before = row_counts()

    output = run_seed_demo("--if-empty")

    assert row_counts() == before
    assert "no demo data added" in output


def test_the_demo_is_refused_in_production(settings):
    settings.CPCONF_ENV = "production"
    before = row_counts()

    with pytest.raises(CommandError, match=REFUSED_IN_PRODUCTION):
        run_seed_demo()

    assert row_counts() == before


def demo_code(email: str) -> str:
    out = StringIO()
    call_command("demo_code", email, stdout=out)
    return out.getvalue().strip()


def test_every_demo_user_signs_in_through_the_page_and_sees_a_home_page(client, seeded):
    """Password, then the code: `cpconf demo_code` for staff, the email for families."""
    for person in data.USERS:
        client.post(
            reverse("accounts:sign_in"),
            {"username": person.email, "password": data.DEMO_PASSWORD},
        )
        if seeding.uses_authenticator(person):
            code = demo_code(person.email)
        else:
            code = re.search(r"\b(\d{6})\b", mail.outbox[-1].body).group(1)
            assert mail.outbox[-1].to == [person.email]
        response = client.post(reverse("accounts:second_factor"), {"code": code}, follow=True)

        assert response.status_code == 200, person.email
        assert response.wsgi_request.user.email == person.email
        assert response.request["PATH_INFO"] == reverse("home:home"), person.email
        assert "Sign out" in response.content.decode(), person.email
        client.logout()


def test_every_demo_report_that_was_started_has_real_content(seeded):
    from cpconf.reports.models import content_fingerprint

    for report in ProfessionalReport.objects.exclude(status=ReportStatus.NOT_STARTED):
        assert report.form_key, report
        assert report.sections.filter(key="worries").exclude(content={}).exists(), report
        if report.status == ReportStatus.SUBMITTED:
            version = report.versions.get(number=1)
            assert version.fingerprint == content_fingerprint(version.content)
            assert version.late == report.submitted_late
        if report.status == ReportStatus.SHARED:
            assert report.sections.get(key="sharing").content["shared"] == "yes"


def test_demo_review_reports_start_from_the_previous_conferences_report(seeded):
    reviews = ProfessionalReport.objects.filter(
        conference__stage=Stage.REVIEW, form_key="review", previous_report__isnull=False
    )

    assert reviews.exists()
    for report in reviews:
        previous = report.previous_report.versions.get(number=1).content["parts"]["worries"]
        assert report.sections.get(key="worries").content["text"].startswith(previous["text"])


def test_demo_initial_conferences_meet_the_statutory_timescale(seeded):
    from cpconf.reports.received import statutory_due

    initials = Conference.objects.filter(previous__isnull=True)
    assert initials.exists()
    for conference in initials:
        assert conference.strategy_discussion_on is not None
        due = statutory_due(conference)
        assert timezone.localtime(conference.starts_at).date() <= due, conference

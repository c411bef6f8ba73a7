"""Who may see which conference, family and report — through the pages and the scopes.

Given two families in two local authorities, each role sees only what the rules in the README
allow; anything else is a 404, so its existence is not revealed.
"""

from dataclasses import dataclass

import pytest
from django.urls import reverse
from django.utils import timezone

from cpconf.accounts.models import Role, User
from cpconf.conferences.access_rules import (
    conferences_visible_to,
    staff_conferences_visible_to,
)
from cpconf.conferences.models import Conference
from cpconf.families.access_rules import families_visible_to
from cpconf.families.models import Family
from cpconf.reports.access_rules import may_edit_report, reports_visible_to
from cpconf.reports.models import ReportStatus
from tests.factories import (
    AgencyFactory,
    ConferenceFactory,
    FamilyFactory,
    FamilyMemberFactory,
    InvitationFactory,
    LocalAuthorityFactory,
    ProfessionalReportFactory,
    user_with_role,
)

pytestmark = pytest.mark.django_db


@dataclass
class World:
    family: Family
    conference: Conference
    other_family_same_authority: Family
    other_conference_same_authority: Conference
    foreign_conference: Conference
    users: dict[str, User]


@pytest.fixture
def world() -> World:
    north, south = LocalAuthorityFactory(), LocalAuthorityFactory()
    users = {role: user_with_role(role, north) for role in Role}
    users["foreign_unit"] = user_with_role(Role.UNIT_ADMINISTRATOR, south)
    users["outsider"] = user_with_role(Role.PROFESSIONAL, north)

    family = FamilyFactory(local_authority=north, allocated_social_worker=users[Role.SOCIAL_WORKER])
    FamilyMemberFactory(family=family, user=users[Role.FAMILY_MEMBER])
    conference = ConferenceFactory(family=family, chair=users[Role.CHAIR])
    InvitationFactory(conference=conference, invitee=users[Role.PROFESSIONAL])

    other_family = FamilyFactory(local_authority=north)
    other_conference = ConferenceFactory(family=other_family)
    foreign_conference = ConferenceFactory(family=FamilyFactory(local_authority=south))
    return World(family, conference, other_family, other_conference, foreign_conference, users)


# Which of the three conferences each user may open: (own family's, other family same LA, other LA)
CONFERENCE_ACCESS = {
    Role.PROFESSIONAL: (True, False, False),
    Role.SOCIAL_WORKER: (True, False, False),
    Role.UNIT_ADMINISTRATOR: (True, True, False),
    Role.CHAIR: (True, False, False),
    Role.FAMILY_MEMBER: (True, False, False),
    Role.AUDITOR: (False, False, False),
    "foreign_unit": (False, False, True),
    "outsider": (False, False, False),
}

# Which family case records each user may open: (own family, other family same LA)
FAMILY_ACCESS = {
    Role.PROFESSIONAL: (True, False),
    Role.SOCIAL_WORKER: (True, False),
    Role.UNIT_ADMINISTRATOR: (True, True),
    Role.CHAIR: (True, False),
    Role.FAMILY_MEMBER: (False, False),
    Role.AUDITOR: (False, False),
    "foreign_unit": (False, False),
    "outsider": (False, False),
}


@pytest.mark.parametrize("who", list(CONFERENCE_ACCESS))
def test_conference_pages_answer_only_those_who_may_see_them(client, world, who):
    client.force_login(world.users[who])
    conferences = (
        world.conference,
        world.other_conference_same_authority,
        world.foreign_conference,
    )
    for conference, allowed in zip(conferences, CONFERENCE_ACCESS[who], strict=True):
        # A family member knows their meetings (the family pages), never the staff page.
        on_the_staff_page = allowed and who != Role.FAMILY_MEMBER
        response = client.get(reverse("conferences:detail", args=[conference.pk]))
        assert response.status_code == (200 if on_the_staff_page else 404), (who, conference)
        scoped = conferences_visible_to(world.users[who]).filter(pk=conference.pk).exists()
        assert scoped == allowed
        staff = staff_conferences_visible_to(world.users[who]).filter(pk=conference.pk)
        assert staff.exists() == on_the_staff_page


@pytest.mark.parametrize("who", list(FAMILY_ACCESS))
def test_family_case_records_answer_only_staff_who_may_see_them(client, world, who):
    client.force_login(world.users[who])
    for family, allowed in zip(
        (world.family, world.other_family_same_authority), FAMILY_ACCESS[who], strict=True
    ):
        response = client.get(reverse("families:detail", args=[family.pk]))
        assert response.status_code == (200 if allowed else 404), (who, family)
        assert families_visible_to(world.users[who]).filter(pk=family.pk).exists() == allowed


def test_anonymous_visitors_are_sent_to_sign_in(client, world):
    for url in (
        reverse("conferences:detail", args=[world.conference.pk]),
        reverse("families:detail", args=[world.family.pk]),
    ):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("accounts:sign_in"))


def test_a_family_member_sees_no_invitation_list_or_report(client, world):
    author = world.users[Role.PROFESSIONAL]
    ProfessionalReportFactory(
        conference=world.conference,
        author=author,
        status=ReportStatus.SUBMITTED,
        submitted_at=timezone.now(),
    )
    client.force_login(world.users[Role.FAMILY_MEMBER])
    page = client.get(reverse("conferences:detail", args=[world.conference.pk])).content.decode()
    assert author.email not in page
    assert "Invited" not in page
    assert not reports_visible_to(world.users[Role.FAMILY_MEMBER]).exists()


def test_reports_are_seen_by_their_author_and_others_only_once_submitted_and_released(world):
    author = world.users[Role.PROFESSIONAL]
    colleague = user_with_role(Role.PROFESSIONAL, world.family.local_authority)
    InvitationFactory(conference=world.conference, invitee=colleague)
    draft = ProfessionalReportFactory(
        conference=world.conference,
        author=author,
        agency=AgencyFactory(local_authority=world.family.local_authority),
    )

    def visible(user: User) -> bool:
        return reports_visible_to(user).filter(pk=draft.pk).exists()

    assert visible(author) and may_edit_report(author, draft)
    assert not visible(colleague) and not may_edit_report(colleague, draft)
    assert not visible(world.users[Role.CHAIR])
    assert not visible(world.users[Role.UNIT_ADMINISTRATOR])

    draft.status, draft.submitted_at = ReportStatus.SUBMITTED, timezone.now()
    draft.save()
    assert visible(world.users[Role.CHAIR]) and visible(world.users[Role.UNIT_ADMINISTRATOR])
    assert not visible(colleague)  # the pack is not yet released
    assert not may_edit_report(author, draft)  # submitted reports are never edited in place

    world.conference.pack_released_at = timezone.now()
    world.conference.save()
    assert visible(colleague)
    assert not visible(world.users["outsider"])
    assert not visible(world.users["foreign_unit"])
    assert not visible(world.users[Role.AUDITOR])
    assert not visible(world.users[Role.FAMILY_MEMBER])


def test_home_pages_list_only_what_the_user_may_see(client, world):
    client.force_login(world.users[Role.UNIT_ADMINISTRATOR])
    page = client.get(reverse("home:home")).content.decode()
    assert reverse("conferences:detail", args=[world.conference.pk]) in page
    assert reverse("conferences:detail", args=[world.other_conference_same_authority.pk]) in page
    assert reverse("conferences:detail", args=[world.foreign_conference.pk]) not in page

    client.force_login(world.users["foreign_unit"])
    page = client.get(reverse("home:home")).content.decode()
    assert reverse("conferences:detail", args=[world.conference.pk]) not in page
    assert reverse("conferences:detail", args=[world.foreign_conference.pk]) in page


def test_a_user_without_any_role_sees_nothing(world):
    from tests.factories import UserFactory

    nobody = UserFactory()
    assert not conferences_visible_to(nobody).exists()
    assert not families_visible_to(nobody).exists()
    assert not reports_visible_to(nobody).exists()


def test_a_scope_through_many_rows_never_repeats_a_row(world):
    # The social worker is granted the conference as the family's allocated worker, in a
    # condition joined with their invitations: the conference's three other invitations
    # would be three rows of it if the scope joined them in.
    worker = world.users[Role.SOCIAL_WORKER]
    InvitationFactory(conference=world.conference)
    InvitationFactory(conference=world.conference)

    assert list(conferences_visible_to(worker)) == [world.conference]
    assert conferences_visible_to(worker).count() == 1


def test_a_scope_over_single_relations_is_the_same_rows_without_a_subquery(world):
    # The unit's and the chair's grants follow single relations (the family's authority,
    # the conference's chair): the condition goes on the query itself, not an id subquery.
    unit, chair = world.users[Role.UNIT_ADMINISTRATOR], world.users[Role.CHAIR]
    unit_scope, chair_scope = conferences_visible_to(unit), conferences_visible_to(chair)

    assert set(unit_scope) == {world.conference, world.other_conference_same_authority}
    assert list(chair_scope) == [world.conference]
    assert "IN (SELECT" not in str(unit_scope.query).upper()
    assert "IN (SELECT" not in str(chair_scope.query).upper()
    # Through the invitations, the subquery stays.
    assert "IN (SELECT" in str(conferences_visible_to(world.users[Role.PROFESSIONAL]).query).upper()

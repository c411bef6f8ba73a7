"""Factories for every model, with British fictional data (Faker en_GB)."""

import datetime as dt

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from cpconf.accounts.models import Role, RoleAssignment, User
from cpconf.conferences.models import Attendance, Conference, Invitation, Stage
from cpconf.families.models import Child, Family, FamilyMember, Relationship
from cpconf.organisations.models import Agency, AgencyKind, LocalAuthority
from cpconf.reports.models import ProfessionalReport, ReportStatus

factory.Faker._DEFAULT_LOCALE = "en_GB"


class LocalAuthorityFactory(DjangoModelFactory):
    class Meta:
        model = LocalAuthority
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Testshire Council {n}")
    slug = factory.Sequence(lambda n: f"testshire-{n}")
    policy_name = "northshire"


class AgencyFactory(DjangoModelFactory):
    class Meta:
        model = Agency

    local_authority = factory.SubFactory(LocalAuthorityFactory)
    name = factory.Sequence(lambda n: f"Agency {n}")
    kind = AgencyKind.SCHOOL


class UserFactory(DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@testshire.example")
    first_name = factory.Faker("first_name")
    last_name = factory.Faker("last_name")
    password = factory.django.Password(None)


def user_with_role(
    role: str, local_authority: LocalAuthority, agency: Agency | None = None, **kwargs
) -> User:
    """A user holding one role in one authority (professionals get an agency if none given)."""
    user = UserFactory(**kwargs)
    if agency is None and role in (Role.PROFESSIONAL, Role.SOCIAL_WORKER):
        agency = AgencyFactory(local_authority=local_authority)
    RoleAssignment.objects.create(
        user=user, local_authority=local_authority, role=role, agency=agency
    )
    return user


class FamilyFactory(DjangoModelFactory):
    class Meta:
        model = Family

    local_authority = factory.SubFactory(LocalAuthorityFactory)
    case_reference = factory.Sequence(lambda n: f"TS-{n:05d}")
    name = factory.Faker("last_name")


class ChildFactory(DjangoModelFactory):
    class Meta:
        model = Child

    family = factory.SubFactory(FamilyFactory)
    given_name = factory.Faker("first_name")
    family_name = factory.SelfAttribute("family.name")
    date_of_birth = dt.date(2019, 5, 14)


class FamilyMemberFactory(DjangoModelFactory):
    class Meta:
        model = FamilyMember

    family = factory.SubFactory(FamilyFactory)
    full_name = factory.Faker("name")
    relationship = Relationship.MOTHER
    lives_in_household = True


class ConferenceFactory(DjangoModelFactory):
    class Meta:
        model = Conference

    family = factory.SubFactory(FamilyFactory)
    meeting_type = "initial"
    stage = Stage.INITIAL
    starts_at = factory.LazyFunction(lambda: timezone.now() + dt.timedelta(days=14))
    place = "Civic Centre, Room 2"
    chair = factory.SubFactory(UserFactory)


class InvitationFactory(DjangoModelFactory):
    class Meta:
        model = Invitation

    conference = factory.SubFactory(ConferenceFactory)
    invitee = factory.SubFactory(UserFactory)
    email = factory.SelfAttribute("invitee.email")
    agency = factory.SubFactory(
        AgencyFactory, local_authority=factory.SelfAttribute("..conference.family.local_authority")
    )
    attendance = Attendance.ATTENDING


class ProfessionalReportFactory(DjangoModelFactory):
    class Meta:
        model = ProfessionalReport

    conference = factory.SubFactory(ConferenceFactory)
    author = factory.SubFactory(UserFactory)
    agency = factory.SubFactory(
        AgencyFactory, local_authority=factory.SelfAttribute("..conference.family.local_authority")
    )
    status = ReportStatus.DRAFT

import pytest
from django.db import IntegrityError, transaction

from cpconf.accounts.models import Role, RoleAssignment
from tests.factories import AgencyFactory, LocalAuthorityFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_one_user_may_hold_several_roles():
    authority = LocalAuthorityFactory()
    user = UserFactory()
    RoleAssignment.objects.create(user=user, local_authority=authority, role=Role.CHAIR)
    RoleAssignment.objects.create(
        user=user, local_authority=authority, role=Role.UNIT_ADMINISTRATOR
    )
    assert user.roles_in(authority) == {Role.CHAIR, Role.UNIT_ADMINISTRATOR}


def test_the_same_role_is_held_once_per_authority():
    authority = LocalAuthorityFactory()
    user = UserFactory()
    RoleAssignment.objects.create(user=user, local_authority=authority, role=Role.CHAIR)
    with pytest.raises(IntegrityError), transaction.atomic():
        RoleAssignment.objects.create(user=user, local_authority=authority, role=Role.CHAIR)


def test_a_professional_role_needs_an_agency():
    authority = LocalAuthorityFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        RoleAssignment.objects.create(
            user=UserFactory(), local_authority=authority, role=Role.PROFESSIONAL
        )
    assignment = RoleAssignment.objects.create(
        user=UserFactory(),
        local_authority=authority,
        role=Role.PROFESSIONAL,
        agency=AgencyFactory(local_authority=authority),
    )
    assert assignment.agency is not None


def test_email_addresses_are_stored_in_lower_case_and_unique():
    from cpconf.accounts.models import User

    user = User.objects.create_user("Jo.Bloggs@Testshire.Example", "a-long-enough-secret")
    assert user.email == "jo.bloggs@testshire.example"
    with pytest.raises(IntegrityError), transaction.atomic():
        User.objects.create_user("jo.bloggs@testshire.example", "another-long-secret")

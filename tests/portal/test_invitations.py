"""The unit or the family's allocated social worker invites a family member (or a young
person of 12 or over); a one-time link sets the password; the account sees its own family."""

import datetime as dt
import importlib
import re
from urllib.parse import urlsplit

import pytest
from django.apps import apps
from django.core import mail
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from cpconf.accounts.models import Role, User
from cpconf.audit.models import AuditEvent
from cpconf.families.models import FamilyMember, Relationship
from cpconf.portal.forms import EMAIL_TAKEN
from cpconf.portal.models import YoungPerson
from cpconf.portal.services import AlreadyInvited, family_member_invite
from tests.factories import ChildFactory, FamilyMemberFactory, user_with_role
from tests.portal.conftest import page_text

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "a-brand-new-password-for-me"


def invite(client, family, person, email="dawn@example.com"):
    return client.post(
        reverse("portal:invite", args=[family.pk]), {"person": person, "email": email}
    )


def test_the_unit_invites_a_parent_and_the_link_sets_the_password_once(
    client, scene, django_capture_on_commit_callbacks
):
    dawn = FamilyMember.objects.get(full_name="Dawn Hartwell")
    client.force_login(scene.unit)

    with django_capture_on_commit_callbacks(execute=True):
        response = invite(client, scene.family, f"member-{dawn.pk}")

    assert response.status_code == 302
    dawn.refresh_from_db()
    assert dawn.user.email == "dawn@example.com"
    assert dawn.user.role_assignments.get().role == Role.FAMILY_MEMBER
    assert dawn.user.role_assignments.get().local_authority == scene.authority
    assert AuditEvent.objects.filter(action="family_member_invited", family_id=scene.family.pk)
    (email,) = mail.outbox
    assert "Hartwell" not in email.body and "Lily" not in email.body
    link = re.search(r"http\S+/set-up/\S+/", email.body).group(0)
    path = urlsplit(link).path
    client.logout()

    form = client.get(path, follow=True)
    assert "You have been invited to your family pages" in page_text(form)
    set_up = client.post(
        form.redirect_chain[-1][0] if form.redirect_chain else path,
        {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    again = client.get(path, follow=True)

    assert set_up.status_code == 302
    assert User.objects.get(email="dawn@example.com").check_password(NEW_PASSWORD)
    assert "This link has expired or has been used" in page_text(again)


def test_the_allocated_social_worker_may_invite_others_may_not(client, scene):
    worker = user_with_role(Role.SOCIAL_WORKER, scene.authority)
    scene.family.allocated_social_worker = worker
    scene.family.save()
    url = reverse("portal:invite", args=[scene.family.pk])

    answers = {}
    for name, user in [
        ("worker", worker),
        ("unit", scene.unit),
        ("chair", scene.chair),
        ("author", scene.author),
        ("parent", scene.parent),
    ]:
        client.force_login(user)
        answers[name] = client.get(url).status_code

    assert answers == {"worker": 200, "unit": 200, "chair": 404, "author": 404, "parent": 404}


def test_a_young_person_of_12_or_over_may_be_invited_not_younger(client, scene):
    today = timezone.localdate()
    teen = ChildFactory(
        family=scene.family, given_name="Jade", date_of_birth=today - dt.timedelta(days=365 * 13)
    )
    ChildFactory(
        family=scene.family, given_name="Ben", date_of_birth=today - dt.timedelta(days=365 * 11)
    )
    client.force_login(scene.unit)

    page = page_text(client.get(reverse("portal:invite", args=[scene.family.pk])))
    response = invite(client, scene.family, f"child-{teen.pk}", email="jade@example.com")

    assert "Jade" in page and "Ben " not in page
    assert response.status_code == 302
    member = FamilyMember.objects.get(user__email="jade@example.com")
    assert (member.full_name, member.relationship) == (teen.full_name, Relationship.YOUNG_PERSON)


def test_an_email_already_in_use_is_refused(client, scene):
    member = FamilyMemberFactory(family=scene.family, full_name="Gran Hartwell")
    client.force_login(scene.unit)

    response = invite(client, scene.family, f"member-{member.pk}", email=scene.author.email)

    assert response.status_code == 400
    assert str(EMAIL_TAKEN) in page_text(response)
    member.refresh_from_db()
    assert member.user is None


def test_the_family_page_links_to_the_invitation_for_the_unit(client, scene):
    client.force_login(scene.unit)

    page = page_text(client.get(reverse("families:detail", args=[scene.family.pk])))

    assert reverse("portal:invite", args=[scene.family.pk]) in page


def test_a_parent_who_already_has_an_account_is_not_given_a_second(scene):
    dawn = FamilyMember.objects.get(full_name="Dawn Hartwell")
    family_member_invite(
        family=scene.family, member=dawn, email="dawn@example.com", actor=scene.unit
    )

    with pytest.raises(AlreadyInvited):
        family_member_invite(
            family=scene.family, member=dawn, email="dawn.two@example.com", actor=scene.unit
        )

    dawn.refresh_from_db()
    assert dawn.user.email == "dawn@example.com"
    assert not User.objects.filter(email="dawn.two@example.com").exists()


def test_a_young_person_invited_twice_has_one_row_and_one_account(scene):
    teen = ChildFactory(
        family=scene.family,
        given_name="Jade",
        date_of_birth=timezone.localdate() - dt.timedelta(days=365 * 13),
    )
    family_member_invite(
        family=scene.family, child=teen, email="jade@example.com", actor=scene.unit
    )

    with pytest.raises(AlreadyInvited):
        family_member_invite(
            family=scene.family, child=teen, email="jade.two@example.com", actor=scene.unit
        )

    assert FamilyMember.objects.filter(relationship=Relationship.YOUNG_PERSON).count() == 1
    assert YoungPerson.objects.get(child=teen).member.user.email == "jade@example.com"
    assert not User.objects.filter(email="jade.two@example.com").exists()


def test_the_database_holds_one_young_person_per_child(scene):
    child = scene.children[0]
    first = FamilyMemberFactory(family=scene.family, relationship=Relationship.YOUNG_PERSON)
    second = FamilyMemberFactory(family=scene.family, relationship=Relationship.YOUNG_PERSON)
    YoungPerson.objects.create(child=child, member=first)

    with pytest.raises(IntegrityError), transaction.atomic():
        YoungPerson.objects.create(child=child, member=second)


def test_a_young_person_already_invited_is_no_longer_offered(client, scene):
    teen = ChildFactory(
        family=scene.family,
        given_name="Jade",
        date_of_birth=timezone.localdate() - dt.timedelta(days=365 * 13),
    )
    client.force_login(scene.unit)
    invite(client, scene.family, f"child-{teen.pk}", email="jade@example.com")
    FamilyMember.objects.filter(user__email="jade@example.com").update(full_name="Jade H.")

    again = invite(client, scene.family, f"child-{teen.pk}", email="jade.two@example.com")

    assert again.status_code == 400
    assert FamilyMember.objects.filter(relationship=Relationship.YOUNG_PERSON).count() == 1


def test_young_people_invited_before_the_link_are_linked_by_name(scene):
    """The migration that brought the link: each young person's row, by the child's name."""
    teen = ChildFactory(family=scene.family, given_name="Jade")
    member = FamilyMemberFactory(
        family=scene.family, full_name=teen.full_name, relationship=Relationship.YOUNG_PERSON
    )
    twice = FamilyMemberFactory(
        family=scene.family, full_name=teen.full_name, relationship=Relationship.YOUNG_PERSON
    )
    migration = importlib.import_module("cpconf.portal.migrations.0003_young_person")

    migration.link_young_people(apps, None)

    assert YoungPerson.objects.get(child=teen).member == member
    assert not YoungPerson.objects.filter(member=twice).exists()

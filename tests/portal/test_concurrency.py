"""One press, one thing, in the family pages and their invitation: the same person invited
many times at once (the unit and the social worker together, a double click, a retrying
connection) gets one account; feedback sent twice at once is kept once; the same comment
pressed many times at once is one comment, one audit event and one email to the writer.
Every other press is told, in words, that it was already done; none ends in a server error.

The presses are real requests in threads, each with its own database connection, so on
PostgreSQL they truly run at the same moment and meet at the row locks
(tests/reports/concurrency.py)."""

import datetime as dt

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from cpconf.accounts.models import Role, User
from cpconf.audit.models import AuditEvent
from cpconf.families.models import FamilyMember, Relationship
from cpconf.portal.forms import ALREADY_INVITED, FEEDBACK_ALREADY_SENT
from cpconf.portal.models import ConferenceFeedback, ReportComment, YoungPerson
from tests.factories import ChildFactory
from tests.portal.conftest import comment_from_page
from tests.report_scene import complete, start, submit
from tests.reports.concurrency import PRESSES, failures, press_at_once

pytestmark = pytest.mark.django_db(transaction=True)

ADDRESSES = [f"invited-{n}@example.com" for n in range(PRESSES)]
WORDS = "I don't agree that the house is unsafe. The boiler was fixed on 3 March."


def _invite_at_once(scene, person: str) -> list:
    """Each press with its own email address, as the testers sent them."""
    url = reverse("portal:invite", args=[scene.family.pk])
    addresses = iter(ADDRESSES)
    return press_at_once(
        scene.unit, lambda client: client.post(url, {"person": person, "email": next(addresses)})
    )


def _family_accounts() -> list[User]:
    return list(User.objects.filter(role_assignments__role=Role.FAMILY_MEMBER).distinct())


def _told_already_invited(results) -> int:
    return sum(str(ALREADY_INVITED) in r.content.decode() for r in results)


def test_inviting_a_parent_many_times_at_once_makes_one_account(scene):
    dawn = FamilyMember.objects.get(full_name="Dawn Hartwell")
    before = _family_accounts()

    results = _invite_at_once(scene, f"member-{dawn.pk}")

    assert failures(results) == []
    assert sorted(r.status_code for r in results) == [302] + [400] * (PRESSES - 1)
    assert _told_already_invited(results) == PRESSES - 1
    dawn.refresh_from_db()
    new_accounts = [u for u in _family_accounts() if u not in before]
    assert new_accounts == [dawn.user]  # no account left behind without a family member
    assert User.objects.filter(email__in=ADDRESSES).count() == 1
    assert AuditEvent.objects.filter(action="family_member_invited").count() == 1
    assert [m.to for m in mail.outbox] == [[dawn.user.email]]


def test_inviting_a_young_person_many_times_at_once_makes_one_young_person(scene):
    teen = ChildFactory(
        family=scene.family,
        given_name="Jade",
        date_of_birth=timezone.localdate() - dt.timedelta(days=365 * 13),
    )
    before = _family_accounts()

    results = _invite_at_once(scene, f"child-{teen.pk}")

    assert failures(results) == []
    assert sorted(r.status_code for r in results) == [302] + [400] * (PRESSES - 1)
    young = FamilyMember.objects.get(relationship=Relationship.YOUNG_PERSON)
    assert YoungPerson.objects.get(child=teen).member == young
    assert [u for u in _family_accounts() if u not in before] == [young.user]
    assert User.objects.filter(email__in=ADDRESSES).count() == 1
    assert _told_already_invited(results) == PRESSES - 1
    assert AuditEvent.objects.filter(action="family_member_invited").count() == 1
    assert [m.to for m in mail.outbox] == [[young.user.email]]


def test_feedback_sent_many_times_at_once_is_kept_once(scene):
    scene.conference.starts_at = timezone.now() - dt.timedelta(days=2)
    scene.conference.save(update_fields=["starts_at"])
    url = reverse("portal:feedback", args=[scene.conference.pk])
    answers = {"understood": "yes", "listened_to": "partly", "reports_in_time": "no"}

    results = press_at_once(scene.parent, lambda client: client.post(url, answers, follow=True))

    assert failures(results) == []
    assert [r.status_code for r in results] == [200] * PRESSES
    assert ConferenceFeedback.objects.count() == 1
    assert AuditEvent.objects.filter(action="portal_feedback_sent").count() == 1
    told = sum(str(FEEDBACK_ALREADY_SENT) in r.content.decode() for r in results)
    assert told == PRESSES - 1


def test_the_same_comment_pressed_many_times_at_once_is_one_comment(client, scene):
    report = complete(start(scene))
    submit(report)  # version 1, shared with the family
    client.force_login(scene.parent)
    typed = comment_from_page(client, report, WORDS)
    url = reverse("portal:report", args=[report.pk])

    results = press_at_once(scene.parent, lambda client: client.post(url, typed, follow=True))

    assert failures(results) == []
    assert [r.status_code for r in results] == [200] * PRESSES
    assert list(ReportComment.objects.values_list("text", flat=True)) == [WORDS]
    assert AuditEvent.objects.filter(action="portal_report_commented").count() == 1
    assert [m.to for m in mail.outbox] == [[scene.author.email]]
    assert all("We have sent your comments to the writer" in r.content.decode() for r in results)

"""One press, one thing: "Book the conference" or "Send the invitation" pressed many times at
once (a double click, two tabs, a retrying proxy) books one conference or sends one
invitation. Every other press is told it was already done; none ends in a server error.

The presses are real requests in threads, each with its own database connection
(tests/reports/concurrency.py), so on PostgreSQL they truly run at the same moment and meet at
the family's or the conference's row lock; on SQLite they queue, and each later press finds
the work done."""

import pytest
from django.core import mail
from django.urls import reverse

from cpconf.accounts.models import Role, User
from cpconf.audit.models import AuditEvent
from cpconf.conferences import services
from cpconf.conferences.models import Conference, Invitation
from tests.conferences.booking_pages import (
    booking,
    working_day,
)
from tests.factories import user_with_role
from tests.reports.concurrency import PRESSES, failures, press_at_once

pytestmark = pytest.mark.django_db(transaction=True)


def _told(results, message: str) -> int:
    return sum(message in r.content.decode() for r in results)


def test_booking_many_times_at_once_books_one_conference(scene):
    url = reverse("conferences:book", args=[scene.family.pk])
    answers = booking(scene, working_day(scene))

    results = press_at_once(scene.unit, lambda client: client.post(url, answers))

    assert failures(results) == []
    booked = Conference.objects.filter(family=scene.family).exclude(pk=scene.conference.pk)
    assert booked.count() == 1
    assert AuditEvent.objects.filter(action="conference_booked").count() == 1
    assert sorted(r.status_code for r in results) == [302] + [400] * (PRESSES - 1)
    assert _told(results, services.already_booked_message(booked.get())) == PRESSES - 1


def test_inviting_someone_many_times_at_once_sends_one_invitation(scene):
    newcomer = user_with_role(Role.PROFESSIONAL, scene.authority)
    agency = newcomer.role_assignments.get().agency
    url = reverse("conferences:invite", args=[scene.conference.pk])

    results = press_at_once(
        scene.unit, lambda client: client.post(url, {"agency": agency.pk, "email": newcomer.email})
    )

    assert failures(results) == []
    assert Invitation.objects.filter(email=newcomer.email).count() == 1
    assert sorted(r.status_code for r in results) == [302] + [400] * (PRESSES - 1)
    already = services.ALREADY_INVITED.format(email=newcomer.email)
    assert _told(results, already) == PRESSES - 1
    assert [m.to for m in mail.outbox] == [[newcomer.email]]


def test_inviting_someone_new_many_times_at_once_makes_one_account(scene):
    url = reverse("conferences:invite", args=[scene.conference.pk])
    email = "new.person@school.example"

    results = press_at_once(
        scene.unit, lambda client: client.post(url, {"agency": scene.school.pk, "email": email})
    )

    assert failures(results) == []
    assert User.objects.filter(email=email).count() == 1
    assert Invitation.objects.filter(email=email).count() == 1
    assert _told(results, services.ALREADY_INVITED.format(email=email)) == PRESSES - 1

"""Booking the next review from a finalised record: the same chair, the right kind of review,
linked to this conference, with the same people invited."""

from datetime import timedelta

import pytest
from django.utils import timezone

from cpconf.audit.models import AuditEvent
from cpconf.conference_records import services
from cpconf.conferences.models import ConferenceStatus, Stage
from cpconf.reports.models import ReportStatus
from cpconf.reports.services import report_start
from tests.conference_records.builders import finalised
from tests.factories import ProfessionalReportFactory

pytestmark = pytest.mark.django_db


def book(scene, record, **changes):
    values = {
        "record": record,
        "starts_at": scene.conference.starts_at + timedelta(days=80),
        "place": "Northshire Civic Centre",
        "virtual_link": "",
        "actor": scene.unit,
    }
    return services.next_review_book(**{**values, **changes})


def test_the_review_is_linked_chaired_and_invited_as_this_conference(scene):
    record = finalised(scene.conference, scene.chair).record

    review = book(scene, record)

    assert review.previous == scene.conference
    assert (review.meeting_type, review.stage) == ("review", Stage.REVIEW)
    assert review.chair == scene.chair
    assert review.status == ConferenceStatus.SCHEDULED
    invited = {(i.agency_id, i.email, i.invitee_id) for i in scene.conference.invitations.all()}
    assert {(i.agency_id, i.email, i.invitee_id) for i in review.invitations.all()} == invited
    assert len(invited) == 2
    booked = AuditEvent.objects.filter(action="next_review_booked", family_id=scene.family.pk)
    assert booked.count() == 1
    assert AuditEvent.objects.filter(action="invitation_sent", object_id__in=[
        str(pk) for pk in review.invitations.values_list("pk", flat=True)
    ]).count() == 2  # fmt: skip


def test_an_invited_authors_review_report_starts_from_their_report_for_this_one(scene):
    earlier = ProfessionalReportFactory(
        conference=scene.conference,
        author=scene.author,
        agency=scene.school,
        status=ReportStatus.SUBMITTED,
        submitted_at=timezone.now(),
    )
    review = book(scene, finalised(scene.conference, scene.chair).record)

    report = report_start(conference=review, author=scene.author, agency=scene.school)

    assert report.previous_report == earlier


def test_a_safer_me_plus_conference_is_followed_by_a_safer_me_plus_review(scene):
    scene.conference.meeting_type = "safer_me_plus_initial"
    scene.conference.save()

    review = book(scene, finalised(scene.conference, scene.chair).record)

    assert review.meeting_type == "safer_me_plus_review"


def test_a_review_is_followed_by_the_same_kind_of_review(scene):
    first_review = book(scene, finalised(scene.conference, scene.chair).record)

    second = book(
        scene,
        finalised(first_review, scene.chair).record,
        starts_at=first_review.starts_at + timedelta(days=170),
    )

    assert (second.meeting_type, second.previous) == ("review", first_review)


def test_the_next_review_is_booked_only_after_finalisation(scene):
    record = services.record_start(conference=scene.conference, actor=scene.chair)

    with pytest.raises(services.RecordNotFinalised):
        book(scene, record)

    assert not scene.conference.followed_by.exists()


def test_the_next_review_is_booked_once(scene):
    record = finalised(scene.conference, scene.chair).record
    review = book(scene, record)

    with pytest.raises(services.ReviewAlreadyBooked) as already:
        book(scene, record)

    assert already.value.conference == review
    assert scene.conference.followed_by.count() == 1

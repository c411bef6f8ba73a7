import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone

from cpconf.reports.models import ReportStatus
from tests.factories import ProfessionalReportFactory

pytestmark = pytest.mark.django_db


def test_a_second_report_by_the_same_author_for_the_same_conference_is_refused():
    report = ProfessionalReportFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        ProfessionalReportFactory(
            conference=report.conference, author=report.author, agency=report.agency
        )


def test_the_same_author_may_write_for_different_conferences():
    report = ProfessionalReportFactory()
    other = ProfessionalReportFactory(author=report.author)
    assert other.conference != report.conference


def test_a_submitted_report_must_say_when_it_was_submitted():
    with pytest.raises(IntegrityError), transaction.atomic():
        ProfessionalReportFactory(status=ReportStatus.SUBMITTED, submitted_at=None)


def test_a_draft_cannot_carry_a_submission_time():
    with pytest.raises(IntegrityError), transaction.atomic():
        ProfessionalReportFactory(status=ReportStatus.DRAFT, submitted_at=timezone.now())

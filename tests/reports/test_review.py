"""A review report starts from the previous one and shows every change against it."""

import datetime as dt
import io

import pytest
from django.urls import reverse
from django.utils import timezone
from docx import Document
from pypdf import PdfReader

from cpconf.accounts.models import Role
from cpconf.reports.models import ProfessionalReport
from tests.factories import InvitationFactory, user_with_role
from tests.report_scene import (
    answers_for,
    complete,
    confirm_unchanged,
    review_conference,
    save,
    start,
    submit,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def previous(scene) -> ProfessionalReport:
    report = complete(start(scene))
    submit(report)
    return report


def test_a_review_report_starts_from_the_authors_previous_report(scene, previous):
    review = review_conference(scene)

    report = start(scene, conference=review)

    assert report.form_key == "review"
    assert report.previous_report == previous
    carried = previous.versions.get().content["parts"]
    for key in ("worries", "going_well", "needs_to_happen", "restricted"):
        assert report.sections.get(key=key).content == carried[key], key
    assert report.sections.get(key="sharing").content == {}  # shared afresh every time
    scores = report.sections.get(key="assessment").content["children"]
    assert [s["scaling"] for s in scores] == [None, None]


def test_failing_the_authors_own_the_same_agencys_report_is_used(scene, previous):
    review = review_conference(scene)
    successor = user_with_role(Role.PROFESSIONAL, scene.authority, agency=scene.school)
    InvitationFactory(conference=review, invitee=successor, agency=scene.school)

    report = start(scene, conference=review, author=successor)

    assert report.previous_report == previous
    assert (
        report.sections.get(key="worries").content == previous.sections.get(key="worries").content
    )


def test_a_review_asks_what_changed(client, scene, previous):
    review = review_conference(scene)
    report = start(scene, conference=review)
    client.force_login(scene.author)

    page = client.get(reverse("reports:task_list", args=[report.pk])).content.decode()

    for key in ("chronology", "factors", "outcomes_changed", "sustainable"):
        assert reverse("reports:part", args=[report.pk, key]) in page


def test_chronology_and_factors_rows_are_saved_and_blank_rows_dropped(client, scene, previous):
    review = review_conference(scene)
    report = start(scene, conference=review)
    client.force_login(scene.author)
    day = timezone.localdate() - dt.timedelta(days=10)  # since the last conference, 90 days ago
    rows = {
        "chronology-TOTAL_FORMS": 2,
        "chronology-INITIAL_FORMS": 0,
        "chronology-MIN_NUM_FORMS": 0,
        "chronology-MAX_NUM_FORMS": 1000,
    }
    rows.update(
        {
            "chronology-0-date_day": str(day.day),
            "chronology-0-date_month": str(day.month),
            "chronology-0-date_year": str(day.year),
            "chronology-0-event": "Missed dental appointment",
            "chronology-0-source": "Dental practice",
        }
    )

    client.post(reverse("reports:part", args=[report.pk, "chronology"]), {"revision": 0, **rows})

    assert report.sections.get(key="chronology").content == {
        "entries": [
            {
                "date": day.isoformat(),
                "event": "Missed dental appointment",
                "source": "Dental practice",
            }
        ]
    }
    factors = {
        "factors-TOTAL_FORMS": 2,
        "factors-INITIAL_FORMS": 0,
        "factors-MIN_NUM_FORMS": 0,
        "factors-MAX_NUM_FORMS": 1000,
        "factors-0-factor": "Mother's drinking",
        "factors-0-kind": "risk",
        "factors-0-how_much": "less often",
    }
    response = client.post(
        reverse("reports:part", args=[report.pk, "factors"]), {"revision": 0, **factors}
    )
    assert response.status_code == 400
    assert (
        "Factor 1: select whether it has increased, diminished or stayed the same"
        in response.content.decode()
    )


def submitted_review(scene, previous) -> ProfessionalReport:
    review = review_conference(scene)
    report = start(scene, conference=review)
    old = previous.versions.get().content["parts"]["worries"]["text"]
    save(
        report,
        "worries",
        {
            "text": old.replace("Lily and Noah", "Lily and Noah Hartwell")
            + " Attendance fell to 80%."
        },
    )
    carried_over = ("worries", "going_well", "involvement", "needs_to_happen")
    for key, content in answers_for(report).items():
        if key not in carried_over:
            save(report, key, content)
    confirm_unchanged(report)  # the rest still holds, and the author says so
    submit(report)
    return report


def test_changes_are_marked_on_the_page_in_word_and_in_pdf(client, scene, previous):
    report = submitted_review(scene, previous)
    client.force_login(scene.author)

    page = client.get(reverse("reports:version", args=[report.pk, 1])).content.decode()
    assert "<ins> Hartwell</ins>" in page or "<ins>Hartwell</ins>" in page
    assert "Attendance fell to 80%." in page.split("<ins>", 2)[2]

    word = client.get(reverse("reports:download", args=[report.pk, "conference", "docx"]))
    document = Document(io.BytesIO(word.content))
    runs = [run for p in document.paragraphs for run in p.runs]
    inserted = "".join(run.text for run in runs if run.font.underline)
    assert "Hartwell" in inserted and "Attendance fell to 80%." in inserted

    pdf = client.get(reverse("reports:download", args=[report.pk, "conference", "pdf"]))
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf.content)).pages)
    assert "Attendance fell to 80%." in text
    assert "inserted" in text.lower()  # the key to the marks

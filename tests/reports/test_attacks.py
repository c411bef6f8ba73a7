"""Attacks on the restricted section through a review: another professional of the same agency
who starts the review report must get nothing of the previous author's restricted section —
not in the working copy, not on a page, not in a draft or submitted Word or PDF, not as a
"removed words" mark. Its own author still carries it forward."""

import pytest
from django.urls import reverse

from cpconf.accounts.models import Role
from cpconf.reports.models import ProfessionalReport, SectionState
from tests.factories import InvitationFactory, user_with_role
from tests.report_scene import complete, review_conference, save, start, submit
from tests.reports.test_copies import docx_text, pdf_text

pytestmark = pytest.mark.django_db

# Words that appear nowhere else, so finding them anywhere is the leak.
CANARY = "KESTREL7731 saw the uncle at the back door"
CANARY_REASON = "MARTLET4402 informant at risk"
SUCCESSOR_RESTRICTED = "Successor's own restricted note: the police are involved."


@pytest.fixture
def previous(scene) -> ProfessionalReport:
    """The school's report to the initial conference, with a restricted section."""
    report = complete(start(scene))
    save(report, "restricted", {"text": CANARY, "reason": CANARY_REASON})
    submit(report)
    return report


@pytest.fixture
def successor(scene, previous):
    """Another professional of the same school, invited to the review."""
    review = review_conference(scene)
    person = user_with_role(
        Role.PROFESSIONAL,
        scene.authority,
        agency=scene.school,
        first_name="Owen",
        last_name="Marsh",
        job_title="Deputy safeguarding lead",
    )
    InvitationFactory(conference=review, invitee=person, agency=scene.school)
    return person


def _leaks(text: str) -> list[str]:
    flat = " ".join(text.split())
    return [canary for canary in ("KESTREL7731", "MARTLET4402") if canary in flat]


def _pages(client, report: ProfessionalReport) -> dict[str, str]:
    """Every page and document the author of `report` can open while writing it."""
    seen = {}
    for name, url in {
        "task list": reverse("reports:task_list", args=[report.pk]),
        "restricted section": reverse("reports:part", args=[report.pk, "restricted"]),
        "worries section": reverse("reports:part", args=[report.pk, "worries"]),
        "check your answers": reverse("reports:check", args=[report.pk]),
    }.items():
        response = client.get(url)
        assert response.status_code == 200, name
        seen[name] = response.content.decode()
    for copy in ("conference", "family"):
        for extension, read in (("pdf", pdf_text), ("docx", docx_text)):
            response = client.get(reverse("reports:download", args=[report.pk, copy, extension]))
            assert response.status_code == 200, (copy, extension)
            seen[f"{copy} {extension}"] = read(response.content)
    return seen


def test_another_author_of_the_agency_starts_without_the_restricted_section(
    scene, previous, successor
):
    report = start(scene, conference=successor.invitations.get().conference, author=successor)

    assert report.previous_report == previous
    restricted = report.sections.get(key="restricted")
    assert restricted.content == {}
    assert restricted.state == SectionState.NOT_STARTED
    # Everything the family may see is still carried forward.
    carried = previous.versions.get().content["parts"]
    assert report.sections.get(key="worries").content == carried["worries"]


def test_nothing_of_the_restricted_section_reaches_the_new_authors_pages_or_drafts(
    client, scene, previous, successor
):
    report = start(scene, conference=successor.invitations.get().conference, author=successor)
    client.force_login(successor)

    seen = _pages(client, report)

    assert {name: _leaks(text) for name, text in seen.items() if _leaks(text)} == {}
    assert "Started from" in seen["task list"]  # it is still a review started from the school's


def test_nor_the_new_authors_submitted_report_as_removed_words(client, scene, previous, successor):
    report = start(scene, conference=successor.invitations.get().conference, author=successor)
    complete(report)
    save(report, "restricted", {"text": SUCCESSOR_RESTRICTED, "reason": "Police enquiry."})
    submit(report)

    for reader in (successor, scene.chair, scene.unit):
        client.force_login(reader)
        page = client.get(reverse("reports:version", args=[report.pk, 1])).content.decode()
        assert _leaks(page) == [], reader
        for extension, read in (("pdf", pdf_text), ("docx", docx_text)):
            response = client.get(
                reverse("reports:download", args=[report.pk, "conference", extension])
            )
            assert response.status_code == 200
            text = read(response.content)
            assert _leaks(text) == [], (reader, extension)
            assert SUCCESSOR_RESTRICTED in " ".join(text.split())


def test_its_own_author_still_carries_the_restricted_section_forward(client, scene, previous):
    review = review_conference(scene)
    report = start(scene, conference=review)
    client.force_login(scene.author)

    assert report.sections.get(key="restricted").content == {
        "text": CANARY,
        "reason": CANARY_REASON,
    }
    seen = _pages(client, report)
    for name in ("restricted section", "check your answers", "conference pdf", "conference docx"):
        assert _leaks(seen[name]) == ["KESTREL7731", "MARTLET4402"], name
    for name in ("family pdf", "family docx"):
        assert _leaks(seen[name]) == [], name

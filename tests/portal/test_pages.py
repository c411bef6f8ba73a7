"""Every family-portal page: the family sees its own shared, submitted reports as family
copies, and nothing restricted, unshared, draft or of another family; each read audited."""

import io

import pytest
from django.urls import reverse
from pypdf import PdfReader

from cpconf.audit.models import AuditEvent, Outcome
from cpconf.reports import services
from tests.portal.conftest import (
    CANARY,
    DRAFT,
    SHARED,
    UNSHARED,
    assert_nothing_forbidden,
    page_text,
    past,
    send_comment,
    written,
)
from tests.report_scene import review_conference, save, submit

pytestmark = pytest.mark.django_db


def pdf_text(response) -> str:
    return "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(response.content)).pages)


def test_home_lists_the_familys_meetings_with_place_and_chair(client, portal):
    client.force_login(portal.scene.parent)

    response = client.get(reverse("portal:home"))

    text = page_text(response)
    assert response.status_code == 200
    assert portal.scene.conference.place in text
    assert portal.scene.chair.get_full_name() in text
    assert portal.other_conference.place not in text or portal.other_conference.place == (
        portal.scene.conference.place
    )
    assert reverse("portal:conference", args=[portal.other_conference.pk]) not in text
    assert_nothing_forbidden(text)


def test_the_meeting_page_lists_only_shared_submitted_reports(client, portal):
    client.force_login(portal.scene.parent)

    response = client.get(reverse("portal:conference", args=[portal.scene.conference.pk]))

    text = page_text(response)
    assert reverse("portal:report", args=[portal.shared.pk]) in text
    assert reverse("portal:report", args=[portal.unshared.pk]) not in text
    assert reverse("portal:report", args=[portal.draft.pk]) not in text
    assert "What happens at the meeting" in text
    assert "How safe are the children?" in text
    assert "What you can bring" in text
    assert_nothing_forbidden(text)


def test_a_shared_report_is_the_family_copy_with_the_date_shared(client, portal):
    client.force_login(portal.scene.parent)

    response = client.get(reverse("portal:report", args=[portal.shared.pk]))

    text = page_text(response)
    assert response.status_code == 200
    assert SHARED in text
    assert "This report was shared with you on" in text
    assert CANARY not in text
    assert "Informant at risk" not in text
    assert_nothing_forbidden(text)


@pytest.mark.parametrize("which", ["unshared", "draft", "other_report", "foreign_report"])
def test_no_other_report_opens(client, portal, which):
    client.force_login(portal.scene.parent)
    report = getattr(portal, which)

    response = client.get(reverse("portal:report", args=[report.pk]))

    assert response.status_code == 404
    assert_nothing_forbidden(page_text(response))
    refused = AuditEvent.objects.filter(action="portal_report_viewed", outcome=Outcome.REFUSED)
    assert refused.filter(object_id=str(report.pk)).exists()


def test_a_report_amended_to_unshared_is_withdrawn(client, portal):
    """Only the latest version counts: an amendment recording "not shared" takes it away."""
    report = portal.shared
    services.report_amend(report=report, reason="Shared by mistake", actor=report.author)
    save(report, "sharing", {"shared": "no", "not_shared_reason": "Not yet"})
    submit(report)
    client.force_login(portal.scene.parent)

    response = client.get(reverse("portal:report", args=[report.pk]))

    assert response.status_code == 404


@pytest.mark.parametrize("which", ["other_conference", "foreign_conference"])
@pytest.mark.parametrize("name", ["portal:conference", "portal:our_views", "portal:feedback"])
def test_no_other_familys_meeting_opens(client, portal, which, name):
    client.force_login(portal.scene.parent)

    response = client.get(reverse(name, args=[getattr(portal, which).pk]))

    assert response.status_code == 404


@pytest.mark.parametrize(
    "user", ["author", "colleague", "chair", "unit"], ids=lambda u: f"staff-{u}"
)
def test_staff_do_not_get_the_family_pages(client, portal, user):
    client.force_login(getattr(portal.scene, user))

    assert client.get(reverse("portal:home")).status_code == 404
    assert client.get(reverse("portal:report", args=[portal.shared.pk])).status_code == 404


def test_the_other_parent_sees_only_their_own_family(client, portal):
    client.force_login(portal.other_parent)

    home = page_text(client.get(reverse("portal:home")))
    own_report = client.get(reverse("portal:report", args=[portal.other_report.pk]))

    assert portal.scene.family.name not in home
    assert client.get(reverse("portal:report", args=[portal.shared.pk])).status_code == 404
    assert own_report.status_code == 200


def test_every_page_read_is_audited_under_the_family(client, portal):
    client.force_login(portal.scene.parent)
    conference = portal.scene.conference
    past(conference)
    urls = {
        "portal_home_viewed": reverse("portal:home"),
        "portal_conference_viewed": reverse("portal:conference", args=[conference.pk]),
        "portal_report_viewed": reverse("portal:report", args=[portal.shared.pk]),
        "portal_our_views_viewed": reverse("portal:our_views", args=[conference.pk]),
        "portal_feedback_viewed": reverse("portal:feedback", args=[conference.pk]),
        "portal_access_needs_viewed": reverse("portal:access_needs"),
        "portal_everything_downloaded": reverse("portal:everything"),
    }
    for action, url in urls.items():
        assert client.get(url).status_code == 200, url

        event = AuditEvent.objects.filter(action=action).latest("sequence")
        assert event.actor_id == portal.scene.parent.pk
        assert event.family_id == portal.scene.family.pk
        assert event.outcome == Outcome.SUCCESS


def test_download_everything_holds_the_shared_report_and_nothing_else(client, portal):
    client.force_login(portal.scene.parent)
    send_comment(client, portal.shared, "My own words.")

    response = client.get(reverse("portal:everything"))

    assert response["Content-Type"] == "application/pdf"
    text = pdf_text(response)
    assert SHARED in text
    assert "My own words." in text
    assert CANARY not in text
    assert UNSHARED not in text
    assert DRAFT not in text
    assert_nothing_forbidden(text)


def test_large_print_makes_the_pages_larger(client, portal):
    client.force_login(portal.scene.parent)
    client.post(
        reverse("portal:access_needs"),
        {"language": "English", "needs_interpreter": "no", "large_print": "on"},
    )

    text = page_text(client.get(reverse("portal:home")))

    assert "cpconf-portal--large" in text


def test_a_review_marks_changes_only_against_a_report_the_family_had(client, portal):
    """The previous report was in the end not shared: its words must not show as deletions."""
    scene = portal.scene
    earlier = portal.shared
    services.report_amend(report=earlier, reason="Not shared after all", actor=scene.author)
    save(earlier, "sharing", {"shared": "no", "not_shared_reason": "Too soon"})
    save(earlier, "worries", {"text": "EARLIER-UNSHARED-WORDS about the flat."})
    submit(earlier)
    later = written(review_conference(scene), scene.author, "LATER-WORDS")
    assert later.previous_report_id == earlier.pk
    client.force_login(scene.parent)

    text = page_text(client.get(reverse("portal:report", args=[later.pk])))

    assert "LATER-WORDS" in text
    assert "EARLIER-UNSHARED-WORDS" not in text

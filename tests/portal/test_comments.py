"""A family member's comments on a shared report reach its author word for word: on the
report, in its sharing record, and by email (which says where, without the words)."""

import pytest
from django.core import mail
from django.urls import reverse

from cpconf.audit.models import AuditEvent
from cpconf.portal.forms import ENTER_COMMENT
from cpconf.portal.models import ReportComment
from cpconf.portal.selectors import comments_for
from tests.portal.conftest import page_text

pytestmark = pytest.mark.django_db

WORDS = (
    "I don't agree that the house is unsafe.\n\nThe boiler was fixed on 3 March — ask the landlord."
)


def test_comments_reach_the_author_word_for_word(
    client, portal, django_capture_on_commit_callbacks
):
    client.force_login(portal.scene.parent)
    report = portal.shared

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("portal:report", args=[report.pk]), {"text": WORDS})

    assert response.status_code == 302
    assert comments_for(report) == [WORDS]
    assert ReportComment.objects.get().version.number == 1
    assert AuditEvent.objects.filter(action="portal_report_commented").exists()
    (email,) = mail.outbox
    assert email.to == [portal.scene.author.email]
    assert WORDS not in email.body
    assert reverse("reports:version", args=[report.pk, 1]) in email.body


def test_the_author_reads_them_in_the_sharing_record_and_on_the_report(client, portal):
    client.force_login(portal.scene.parent)
    client.post(reverse("portal:report", args=[portal.shared.pk]), {"text": WORDS})
    client.force_login(portal.scene.author)

    version = page_text(client.get(reverse("reports:version", args=[portal.shared.pk, 1])))

    assert WORDS in version
    assert "comments through the family pages" in version


def test_comments_show_on_the_sharing_page_while_amending(client, portal):
    from cpconf.reports import services

    client.force_login(portal.scene.parent)
    client.post(reverse("portal:report", args=[portal.shared.pk]), {"text": WORDS})
    services.report_amend(
        report=portal.shared, reason="Add the family's view", actor=portal.scene.author
    )
    client.force_login(portal.scene.author)

    page = page_text(client.get(reverse("reports:part", args=[portal.shared.pk, "sharing"])))

    assert WORDS in page


def test_the_parent_sees_what_they_wrote(client, portal):
    client.force_login(portal.scene.parent)
    url = reverse("portal:report", args=[portal.shared.pk])
    client.post(url, {"text": "Thank you for listening."})

    assert "Thank you for listening." in page_text(client.get(url))


def test_an_empty_comment_is_refused_by_name(client, portal):
    client.force_login(portal.scene.parent)

    response = client.post(reverse("portal:report", args=[portal.shared.pk]), {"text": "   "})

    assert response.status_code == 400
    assert str(ENTER_COMMENT) in page_text(response)
    assert not ReportComment.objects.exists()


def test_no_comment_on_a_report_not_shared(client, portal):
    client.force_login(portal.scene.parent)

    response = client.post(reverse("portal:report", args=[portal.unshared.pk]), {"text": "Hi"})

    assert response.status_code == 404
    assert not ReportComment.objects.exists()

"""A family member's comments on a shared report reach its author word for word: on the
report, in its sharing record, and by email (which says where, without the words)."""

import pytest
from django.core import mail
from django.urls import reverse

from cpconf.audit.models import AuditEvent
from cpconf.portal.forms import ENTER_COMMENT
from cpconf.portal.models import ReportComment
from cpconf.portal.selectors import comments_for
from cpconf.portal.services import NewerVersionShared, report_comment_add
from tests.factories import FamilyMemberFactory
from tests.portal.conftest import comment_from_page, page_text, send_comment

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
        response = send_comment(client, report, WORDS)

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
    send_comment(client, portal.shared, WORDS)
    client.force_login(portal.scene.author)

    version = page_text(client.get(reverse("reports:version", args=[portal.shared.pk, 1])))

    assert WORDS in version
    assert "comments through the family pages" in version


def test_comments_show_on_the_sharing_page_while_amending(client, portal):
    from cpconf.reports import services

    client.force_login(portal.scene.parent)
    send_comment(client, portal.shared, WORDS)
    services.report_amend(
        report=portal.shared, reason="Add the family's view", actor=portal.scene.author
    )
    client.force_login(portal.scene.author)

    page = page_text(client.get(reverse("reports:part", args=[portal.shared.pk, "sharing"])))

    assert WORDS in page


def test_the_parent_sees_what_they_wrote(client, portal):
    client.force_login(portal.scene.parent)
    url = reverse("portal:report", args=[portal.shared.pk])
    send_comment(client, portal.shared, "Thank you for listening.")

    assert "Thank you for listening." in page_text(client.get(url))


def test_an_empty_comment_is_refused_by_name(client, portal):
    client.force_login(portal.scene.parent)

    response = send_comment(client, portal.shared, "   ")

    assert response.status_code == 400
    assert str(ENTER_COMMENT) in page_text(response)
    assert not ReportComment.objects.exists()


def test_no_comment_on_a_report_not_shared(client, portal):
    client.force_login(portal.scene.parent)

    response = client.post(reverse("portal:report", args=[portal.unshared.pk]), {"text": "Hi"})

    assert response.status_code == 404
    assert not ReportComment.objects.exists()


def test_the_same_words_sent_again_are_the_same_press_not_a_second_comment(
    client, portal, django_capture_on_commit_callbacks
):
    client.force_login(portal.scene.parent)
    typed = comment_from_page(client, portal.shared, WORDS)
    url = reverse("portal:report", args=[portal.shared.pk])

    with django_capture_on_commit_callbacks(execute=True):
        first = client.post(url, typed, follow=True)
        again = client.post(url, typed, follow=True)

    assert comments_for(portal.shared) == [WORDS]
    assert AuditEvent.objects.filter(action="portal_report_commented").count() == 1
    assert len(mail.outbox) == 1
    for response in (first, again):
        assert "We have sent your comments to the writer" in page_text(response)


def test_the_same_words_after_other_words_are_a_new_comment(client, portal):
    client.force_login(portal.scene.parent)
    for text in (WORDS, "And the windows are fixed.", WORDS):
        send_comment(client, portal.shared, text)

    assert comments_for(portal.shared) == [WORDS, "And the windows are fixed.", WORDS]


def test_the_same_words_from_another_family_member_are_their_own_comment(portal):
    other = FamilyMemberFactory(family=portal.scene.family, full_name="Gran Hartwell")
    version = portal.shared.versions.get()

    for member in (portal.member, other):
        report_comment_add(member=member, report=portal.shared, version=version, text=WORDS)

    assert comments_for(portal.shared) == [WORDS, WORDS]


def test_the_service_refuses_a_version_that_is_not_the_one_shared_now(portal):
    from cpconf.reports import services as report_services
    from tests.report_scene import share_again, submit

    version_1 = portal.shared.versions.get()
    report_services.report_amend(report=portal.shared, reason="Typo", actor=portal.scene.author)
    share_again(portal.shared)
    submit(portal.shared)

    with pytest.raises(NewerVersionShared):
        report_comment_add(
            member=portal.member, report=portal.shared, version=version_1, text=WORDS
        )
    assert not ReportComment.objects.exists()

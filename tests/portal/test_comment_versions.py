"""A comment is filed against the version of the report the family member read. The page says
which version it showed; if the writer signs a new version while the member is typing, the
comment is not filed against words they never read, and it is never lost: the page says what
happened in plain words, with their words still in the box."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from cpconf.audit.models import AuditEvent
from cpconf.portal.forms import (
    ENTER_COMMENT,
    HIDDEN_CHARACTER,
    NEWER_VERSION_SHARED,
    NOT_SHARED_NOW,
    VERSION_NOT_KNOWN,
)
from cpconf.portal.models import ReportComment
from cpconf.reports import services as report_services
from tests.portal.conftest import SHARED, comment_from_page, page_text, send_comment
from tests.report_scene import save, share_again, submit

pytestmark = pytest.mark.django_db

WORDS = "I don't agree that the house is unsafe.\n\nThe boiler was fixed on 3 March."
NOT_YET = {"shared": "no", "not_shared_reason": "Mother is away until Friday"}


def amend_and_sign(report, *, shared_again: bool) -> None:
    """The writer signs version 2: shared with the family again, or not (yet)."""
    report_services.report_amend(report=report, reason="Wrong date of visit", actor=report.author)
    if shared_again:
        share_again(report)
    else:
        save(report, "sharing", NOT_YET)
    submit(report)


def textarea(page: str) -> str:
    found = re.search(r'<textarea[^>]*name="text"[^>]*>(.*?)</textarea>', page, re.DOTALL)
    assert found is not None, "no comments box on the page"
    return found.group(1)


def hidden_version(page: str) -> str:
    found = re.search(r'<input type="hidden" name="version" value="(\d+)"', page)
    assert found is not None, "the page does not say which version it shows"
    return found.group(1)


def test_a_comment_typed_on_version_1_is_not_filed_on_a_version_2_shared_meanwhile(client, portal):
    client.force_login(portal.scene.parent)
    typed_on_version_1 = comment_from_page(client, portal.shared, WORDS)
    amend_and_sign(portal.shared, shared_again=True)

    url = reverse("portal:report", args=[portal.shared.pk])
    response = client.post(url, typed_on_version_1)

    assert response.status_code == 409
    assert not ReportComment.objects.exists()
    page = page_text(response)
    assert str(NEWER_VERSION_SHARED) in page
    assert textarea(page).strip() == WORDS
    assert hidden_version(page) == "2"  # the page now shows version 2


def test_after_reading_version_2_the_same_words_are_filed_on_version_2(client, portal):
    client.force_login(portal.scene.parent)
    typed_on_version_1 = comment_from_page(client, portal.shared, WORDS)
    amend_and_sign(portal.shared, shared_again=True)
    url = reverse("portal:report", args=[portal.shared.pk])
    client.post(url, typed_on_version_1)

    response = send_comment(client, portal.shared, WORDS)

    assert response.status_code == 302
    assert ReportComment.objects.get().version.number == 2


def test_a_comment_on_version_1_while_amending_is_filed_on_version_1(client, portal):
    client.force_login(portal.scene.parent)
    typed = comment_from_page(client, portal.shared, WORDS)
    report_services.report_amend(
        report=portal.shared, reason="Wrong date of visit", actor=portal.scene.author
    )

    response = client.post(reverse("portal:report", args=[portal.shared.pk]), typed)

    assert response.status_code == 302
    assert ReportComment.objects.get().version.number == 1


def test_a_comment_typed_while_the_new_version_is_not_shared_comes_back_never_a_404(client, portal):
    client.force_login(portal.scene.parent)
    typed_on_version_1 = comment_from_page(client, portal.shared, WORDS)
    amend_and_sign(portal.shared, shared_again=False)

    response = client.post(reverse("portal:report", args=[portal.shared.pk]), typed_on_version_1)

    assert response.status_code == 409
    assert not ReportComment.objects.exists()
    assert not AuditEvent.objects.filter(action="portal_report_commented").exists()
    assert mail.outbox == []
    page = page_text(response)
    assert str(NOT_SHARED_NOW) in page
    assert textarea(page).strip() == WORDS
    assert SHARED not in page  # nothing of the report, old or new
    # Reading it is still refused: the family no longer has this report.
    assert client.get(reverse("portal:report", args=[portal.shared.pk])).status_code == 404


def test_an_empty_post_to_a_report_not_shared_now_is_still_not_found(client, portal):
    client.force_login(portal.scene.parent)
    amend_and_sign(portal.shared, shared_again=False)

    response = client.post(reverse("portal:report", args=[portal.shared.pk]))

    assert response.status_code == 404


def test_a_comment_on_a_report_never_shared_is_not_found(client, portal):
    client.force_login(portal.scene.parent)

    response = client.post(
        reverse("portal:report", args=[portal.unshared.pk]), {"text": WORDS, "version": "1"}
    )

    assert response.status_code == 404
    assert not ReportComment.objects.exists()


def test_a_comment_that_does_not_say_which_version_was_read_is_kept_not_filed(client, portal):
    client.force_login(portal.scene.parent)
    url = reverse("portal:report", args=[portal.shared.pk])

    answers = [client.post(url, {"text": WORDS, "version": v}) for v in ("", "x", "7")]
    missing = client.post(url, {"text": WORDS})

    for response in [*answers, missing]:
        assert response.status_code == 400
        page = page_text(response)
        assert str(VERSION_NOT_KNOWN) in page
        assert textarea(page).strip() == WORDS
    assert not ReportComment.objects.exists()


def test_a_hidden_character_is_refused_in_plain_words_and_the_words_kept(client, portal):
    client.force_login(portal.scene.parent)

    response = send_comment(client, portal.shared, "I agree\x00 with the school.")

    assert response.status_code == 400
    page = page_text(response)
    assert str(HIDDEN_CHARACTER) in page
    assert "Null characters" not in page
    assert "I agree" in textarea(page)
    assert not ReportComment.objects.exists()


def test_an_empty_comment_with_no_version_names_both(client, portal):
    client.force_login(portal.scene.parent)

    response = client.post(reverse("portal:report", args=[portal.shared.pk]), {"text": " "})

    page = page_text(response)
    assert str(ENTER_COMMENT) in page and str(VERSION_NOT_KNOWN) in page

"""A family member's access needs: edited by them, seen by the unit, the chair and authors."""

import pytest
from django.urls import reverse

from cpconf.audit.models import AuditEvent
from cpconf.portal.forms import CHOOSE_INTERPRETER
from tests.portal.conftest import page_text

pytestmark = pytest.mark.django_db

NEEDS = {
    "language": "Polish",
    "needs_interpreter": "yes",
    "easy_read": "on",
    "reading_support": "on",
    "other": "Meetings after 10am, please",
}


def test_a_parent_records_their_needs(client, portal):
    client.force_login(portal.scene.parent)

    response = client.post(reverse("portal:access_needs"), NEEDS)

    assert response.status_code == 302
    portal.member.refresh_from_db()
    assert (portal.member.language, portal.member.needs_interpreter) == ("Polish", True)
    assert portal.member.portal_access_needs.easy_read
    assert not portal.member.portal_access_needs.large_print
    event = AuditEvent.objects.get(action="portal_access_needs_changed")
    assert (event.actor_id, event.family_id) == (portal.scene.parent.pk, portal.scene.family.pk)


def test_a_missing_answer_is_named_and_the_rest_kept(client, portal):
    client.force_login(portal.scene.parent)

    response = client.post(reverse("portal:access_needs"), NEEDS | {"needs_interpreter": ""})

    assert response.status_code == 400
    assert str(CHOOSE_INTERPRETER) in page_text(response)
    assert "Meetings after 10am, please" in page_text(response)


@pytest.mark.parametrize(
    ("who", "page"),
    [
        ("unit", "family"),
        ("chair", "family"),
        ("unit", "board"),
        ("chair", "board"),
        ("author", "task_list"),
    ],
)
def test_the_unit_chair_and_authors_see_them(client, portal, who, page):
    from cpconf.reports import services

    client.force_login(portal.scene.parent)
    client.post(reverse("portal:access_needs"), NEEDS)
    scene = portal.scene
    if page == "task_list":
        services.report_amend(report=portal.shared, reason="Update", actor=scene.author)
    urls = {
        "family": reverse("families:detail", args=[scene.family.pk]),
        "board": reverse("conferences:board", args=[scene.conference.pk]),
        "task_list": reverse("reports:task_list", args=[portal.shared.pk]),
    }
    client.force_login(getattr(scene, who))

    text = page_text(client.get(urls[page]))

    assert "Needs a Polish interpreter" in text
    assert "Easy read" in text
    assert "Someone to read reports with them" in text
    assert "Meetings after 10am, please" in text

"""The parents' own report or safety plan, and the child's views: words, or a drawing or
photo checked by size and by what the file holds, kept in the database and served only to
the member who sent it, the chair and the unit."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from cpconf.audit.models import AuditEvent
from cpconf.portal import selectors
from cpconf.portal.forms import ENTER_CHILD_VIEW, ENTER_PARENTS_REPORT
from cpconf.portal.models import ChildView, ParentsReport
from cpconf.portal.uploads import FILE_DAMAGED, FILE_TOO_LARGE, FILE_WRONG_TYPE, MAX_UPLOAD_BYTES
from tests.portal.conftest import page_text

pytestmark = pytest.mark.django_db


def png(size=(40, 30)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, (200, 30, 30)).save(out, format="PNG")
    return out.getvalue()


def jpeg_with_location() -> bytes:
    image = Image.new("RGB", (30, 30), (0, 90, 200))
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # camera make
    out = io.BytesIO()
    image.save(out, format="JPEG", exif=exif)
    return out.getvalue()


def minimal_pdf() -> bytes:
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def send_child_view(client, conference, *, text="", upload=None):
    data = {"which": "child", "child-text": text, "child-child": ""}
    if upload is not None:
        data["child-file"] = upload
    return client.post(reverse("portal:our_views", args=[conference.pk]), data)


def test_a_parent_sends_their_own_report_to_the_chair(client, portal):
    client.force_login(portal.scene.parent)
    conference = portal.scene.conference
    words = "We have kept every appointment.\n\nThe house is tidy now."

    response = client.post(
        reverse("portal:our_views", args=[conference.pk]),
        {"which": "report", "report-kind": "report", "report-text": words},
    )

    assert response.status_code == 302
    assert ParentsReport.objects.get().text == words
    assert words in selectors.parents_report(conference)
    assert AuditEvent.objects.filter(action="portal_parents_report_sent").exists()
    client.force_login(portal.scene.chair)
    board = page_text(client.get(reverse("conferences:board", args=[conference.pk])))
    assert "We have kept every appointment." in board


def test_sending_again_replaces_the_words(client, portal):
    client.force_login(portal.scene.parent)
    url = reverse("portal:our_views", args=[portal.scene.conference.pk])
    client.post(url, {"which": "report", "report-kind": "safety_plan", "report-text": "First"})
    client.post(url, {"which": "report", "report-kind": "safety_plan", "report-text": "Second"})

    assert list(ParentsReport.objects.values_list("text", flat=True)) == ["Second"]


def test_an_empty_report_is_refused_by_name(client, portal):
    client.force_login(portal.scene.parent)

    response = client.post(
        reverse("portal:our_views", args=[portal.scene.conference.pk]),
        {"which": "report", "report-kind": "report", "report-text": "  "},
    )

    assert response.status_code == 400
    assert str(ENTER_PARENTS_REPORT) in page_text(response)
    assert selectors.parents_report(portal.scene.conference) is None


def test_the_childs_words_are_kept(client, portal):
    client.force_login(portal.scene.parent)

    response = send_child_view(client, portal.scene.conference, text="I like my new school.")

    assert response.status_code == 302
    assert ChildView.objects.get().text == "I like my new school."


def test_nothing_to_send_is_refused(client, portal):
    client.force_login(portal.scene.parent)

    response = send_child_view(client, portal.scene.conference)

    assert response.status_code == 400
    assert str(ENTER_CHILD_VIEW) in page_text(response)


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("drawing.png", b"MZ\x90\x00 this is a program, not a picture", FILE_WRONG_TYPE),
        ("drawing.gif", b"GIF89a\x01\x00\x01\x00", FILE_WRONG_TYPE),
        ("notes.txt", b"Just some words", FILE_WRONG_TYPE),
        ("broken.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 40, FILE_DAMAGED),
        ("broken.pdf", b"%PDF-1.7 not really", FILE_DAMAGED),
        ("huge.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * MAX_UPLOAD_BYTES, FILE_TOO_LARGE),
    ],
    ids=["program-named-png", "gif", "text", "broken-png", "broken-pdf", "over-5-mb"],
)
def test_a_wrong_or_too_large_file_is_refused_and_nothing_kept(
    client, portal, name, content, message
):
    client.force_login(portal.scene.parent)
    upload = SimpleUploadedFile(name, content, content_type="image/png")

    response = send_child_view(client, portal.scene.conference, text="Look", upload=upload)

    text = page_text(response)
    assert response.status_code == 400
    assert str(message) in text
    assert "Look" in text  # what was typed is kept
    assert not ChildView.objects.exists()


@pytest.mark.parametrize(
    ("content", "kind"),
    [
        (png(), "image/png"),
        (jpeg_with_location(), "image/jpeg"),
        (minimal_pdf(), "application/pdf"),
    ],
    ids=["png", "jpeg", "pdf"],
)
def test_a_picture_or_pdf_is_kept_by_its_real_type(client, portal, content, kind):
    client.force_login(portal.scene.parent)
    upload = SimpleUploadedFile("my drawing.bin", content, content_type="text/plain")

    response = send_child_view(client, portal.scene.conference, upload=upload)

    assert response.status_code == 302
    view = ChildView.objects.get()
    assert view.file_type == kind
    event = AuditEvent.objects.get(action="portal_child_views_sent")
    assert (event.family_id, event.object_id) == (portal.scene.family.pk, str(view.pk))
    if kind == "image/jpeg":
        assert b"PhoneMaker" not in bytes(view.file_data)  # what the camera wrote is gone


def test_the_file_is_served_to_the_sender_the_chair_and_the_unit_only(client, portal):
    client.force_login(portal.scene.parent)
    send_child_view(
        client,
        portal.scene.conference,
        upload=SimpleUploadedFile("sun.png", png(), content_type="image/png"),
    )
    url = reverse("portal:child_view_file", args=[ChildView.objects.get().pk])
    scene = portal.scene

    answers = {}
    for name, user in [
        ("parent", scene.parent),
        ("chair", scene.chair),
        ("unit", scene.unit),
        ("author", scene.author),
        ("other_parent", portal.other_parent),
        ("foreign_parent", portal.foreign_parent),
    ]:
        client.force_login(user)
        answers[name] = client.get(url).status_code

    assert answers == {
        "parent": 200,
        "chair": 200,
        "unit": 200,
        "author": 404,
        "other_parent": 404,
        "foreign_parent": 404,
    }
    client.force_login(scene.parent)
    response = client.get(url)
    assert response["Content-Type"] == "image/png"
    events = AuditEvent.objects.filter(action="portal_child_views_file_viewed")
    assert events.filter(outcome="refused").count() == 3
    assert events.filter(outcome="success").count() == 4

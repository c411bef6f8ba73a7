"""A PDF a family sends must be a plain document: nothing in it may run by itself (JavaScript,
actions on opening or on a page, programs to launch, files tucked inside, rich media, XFA
forms), and it must be a PDF from its first byte to its last, with no web page wrapped around
it. Whatever a family sent is handed back to anyone who opens it as a download, never shown
as a page."""

import io
import re

import pydyf
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from pypdf import PdfWriter
from pypdf.actions import JavaScript
from pypdf.annotations import Link
from pypdf.generic import (
    ArrayObject,
    DictionaryObject,
    FloatObject,
    NameObject,
    TextStringObject,
)

from cpconf.documents import report_pdf
from cpconf.portal.models import ChildView
from cpconf.portal.uploads import PDF_ACTIVE_CONTENT, PDF_LOCKED
from tests.documents.example_report import example_report
from tests.documents.test_pdf_fonts import SAMPLES, WORDS, drawn, pdf_text
from tests.factories import ChildFactory
from tests.portal.conftest import page_text
from tests.portal.test_our_views import png, send_child_view

pytestmark = pytest.mark.django_db

TYPED = "She drew our house with the dog in the garden."


def _bytes(writer: PdfWriter) -> bytes:
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _one_page() -> PdfWriter:
    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    return writer


def _action(kind: str, **entries) -> DictionaryObject:
    action = DictionaryObject({NameObject("/Type"): NameObject("/Action")})
    action[NameObject("/S")] = NameObject(kind)
    for key, value in entries.items():
        action[NameObject(f"/{key}")] = value
    return action


def _javascript(code: str = "app.alert('hello');") -> DictionaryObject:
    return _action("/JavaScript", JS=TextStringObject(code))


def clean_pdf() -> bytes:
    return _bytes(_one_page())


def document_javascript() -> bytes:
    """Runs when the document opens: the catalogue's /Names /JavaScript tree."""
    writer = _one_page()
    writer.add_open_action(JavaScript("app.alert('hello');"))
    return _bytes(writer)


def open_action_javascript() -> bytes:
    writer = _one_page()
    writer.root_object[NameObject("/OpenAction")] = writer._add_object(_javascript())
    return _bytes(writer)


def open_action_in_compressed_objects() -> bytes:
    """The same, with every dictionary packed into a compressed object stream, as most PDF
    writers do: the names cannot be seen in the raw bytes, only by reading the file."""
    document = pydyf.PDF()
    page = pydyf.Dictionary(
        {
            "Type": "/Page",
            "Parent": document.pages.reference,
            "MediaBox": pydyf.Array([0, 0, 200, 200]),
        }
    )
    document.add_page(page)
    action = pydyf.Dictionary(
        {"Type": "/Action", "S": "/JavaScript", "JS": pydyf.String("app.alert(1)")}
    )
    document.add_object(action)
    document.catalog["OpenAction"] = action.reference
    out = io.BytesIO()
    document.write(out, compress=True)
    return out.getvalue()


def page_opens_javascript() -> bytes:
    """The page's own additional actions (/AA /O): runs when the page is shown."""
    writer = _one_page()
    page_actions = DictionaryObject({NameObject("/O"): writer._add_object(_javascript())})
    writer.pages[0][NameObject("/AA")] = page_actions
    return _bytes(writer)


def _link_running(writer: PdfWriter, action: DictionaryObject) -> None:
    link = Link(rect=(10, 10, 100, 40), url="https://example.org/")
    link[NameObject("/A")] = writer._add_object(action)
    writer.add_annotation(page_number=0, annotation=link)


def link_that_launches_a_program() -> bytes:
    writer = _one_page()
    _link_running(writer, _action("/Launch", F=TextStringObject("C:\\Windows\\calc.exe")))
    return _bytes(writer)


def link_that_runs_javascript_next() -> bytes:
    """A harmless-looking web link whose /Next action is JavaScript."""
    writer = _one_page()
    go = _action("/URI", URI=TextStringObject("https://example.org/"))
    go[NameObject("/Next")] = writer._add_object(_javascript())
    _link_running(writer, go)
    return _bytes(writer)


def javascript_web_address() -> bytes:
    writer = _one_page()
    _link_running(writer, _action("/URI", URI=TextStringObject("javascript:alert(1)")))
    return _bytes(writer)


def embedded_file() -> bytes:
    writer = _one_page()
    writer.add_attachment("invoice.exe", b"MZ\x90\x00 a program")
    return _bytes(writer)


def xfa_form() -> bytes:
    writer = _one_page()
    xfa = TextStringObject("<xdp:xdp><script>app.alert(1)</script></xdp:xdp>")
    writer.root_object[NameObject("/AcroForm")] = DictionaryObject(
        {NameObject("/Fields"): ArrayObject(), NameObject("/XFA"): writer._add_object(xfa)}
    )
    return _bytes(writer)


def rich_media() -> bytes:
    writer = _one_page()
    annotation = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Annot"),
            NameObject("/Subtype"): NameObject("/RichMedia"),
            NameObject("/Rect"): ArrayObject([FloatObject(n) for n in (10, 10, 100, 100)]),
        }
    )
    writer.pages[0][NameObject("/Annots")] = ArrayObject([writer._add_object(annotation)])
    return _bytes(writer)


def hidden_launch_outside_the_index() -> bytes:
    """An action object slipped in after the last indexed object, its name written with a hex
    escape (/L#61unch): not in the cross-reference table, but a viewer that repairs the file
    finds it. Only the scan of the raw bytes sees it."""
    data = clean_pdf()
    hidden = b"99 0 obj\n<< /Type /Action /S /L#61unch /F (cmd.exe) >>\nendobj\n"
    at = data.rindex(b"\nxref") + 1
    moved = re.sub(
        rb"startxref\n(\d+)", lambda m: b"startxref\n%d" % (int(m[1]) + len(hidden)), data[at:]
    )
    return data[:at] + hidden + moved


def html_before_the_pdf() -> bytes:
    return b"<html><body><script>alert(document.cookie)</script></body></html>\n" + clean_pdf()


def html_in_the_pdf_header() -> bytes:
    data = clean_pdf()
    first_line = data.index(b"\n") + 1
    markup = b"%<html><script>alert(document.cookie)</script></html>\n"
    return data[:first_line] + markup + data[first_line:]


def html_after_the_end() -> bytes:
    return clean_pdf() + b"<html><script>alert(document.cookie)</script></html>\n"


def locked_pdf() -> bytes:
    writer = _one_page()
    writer.encrypt("secret", algorithm="RC4-128")
    return _bytes(writer)


REFUSED = [
    ("document-javascript", document_javascript, PDF_ACTIVE_CONTENT),
    ("open-action-javascript", open_action_javascript, PDF_ACTIVE_CONTENT),
    ("open-action-compressed", open_action_in_compressed_objects, PDF_ACTIVE_CONTENT),
    ("page-additional-action", page_opens_javascript, PDF_ACTIVE_CONTENT),
    ("link-launches-program", link_that_launches_a_program, PDF_ACTIVE_CONTENT),
    ("link-next-javascript", link_that_runs_javascript_next, PDF_ACTIVE_CONTENT),
    ("javascript-web-address", javascript_web_address, PDF_ACTIVE_CONTENT),
    ("embedded-file", embedded_file, PDF_ACTIVE_CONTENT),
    ("xfa-form", xfa_form, PDF_ACTIVE_CONTENT),
    ("rich-media", rich_media, PDF_ACTIVE_CONTENT),
    ("hidden-launch", hidden_launch_outside_the_index, PDF_ACTIVE_CONTENT),
    ("polyglot-html-first", html_before_the_pdf, PDF_ACTIVE_CONTENT),
    ("polyglot-html-in-header", html_in_the_pdf_header, PDF_ACTIVE_CONTENT),
    ("polyglot-html-after-end", html_after_the_end, PDF_ACTIVE_CONTENT),
    ("locked", locked_pdf, PDF_LOCKED),
]


@pytest.mark.parametrize(("make", "message"), [r[1:] for r in REFUSED], ids=[r[0] for r in REFUSED])
def test_a_pdf_that_could_run_something_is_refused_and_nothing_kept(client, portal, make, message):
    child = ChildFactory(family=portal.scene.family, given_name="Rosie")
    client.force_login(portal.scene.parent)
    upload = SimpleUploadedFile("drawing.pdf", make(), content_type="application/pdf")

    response = client.post(
        reverse("portal:our_views", args=[portal.scene.conference.pk]),
        {"which": "child", "child-child": child.pk, "child-text": TYPED, "child-file": upload},
    )

    text = page_text(response)
    assert response.status_code == 400
    assert str(message) in text
    assert TYPED in text  # the words are still there
    assert re.search(rf'<option value="{child.pk}"[^>]*selected', text)  # so is the child
    assert not ChildView.objects.exists()


def test_the_message_about_active_parts_is_plain():
    assert str(PDF_ACTIVE_CONTENT) == (
        "This PDF has parts that can run by themselves. "
        "Save it again as a plain PDF, or send a photo instead."
    )


def _pdf_with_safe_extras() -> bytes:
    """What ordinary PDFs carry: a web link, and an instruction to open at the first page."""
    writer = _one_page()
    writer.add_annotation(
        page_number=0, annotation=Link(rect=(10, 10, 100, 40), url="https://example.org/")
    )
    first_page = ArrayObject([writer.pages[0].indirect_reference, NameObject("/Fit")])
    writer.root_object[NameObject("/OpenAction")] = first_page
    return _bytes(writer)


@pytest.mark.parametrize(
    ("make", "kind"),
    [
        (clean_pdf, "application/pdf"),
        (_pdf_with_safe_extras, "application/pdf"),
        (lambda: report_pdf(example_report()), "application/pdf"),
        (png, "image/png"),
    ],
    ids=["blank-pdf", "pdf-with-link", "printed-report", "png"],
)
def test_a_plain_pdf_or_picture_is_still_kept(client, portal, make, kind):
    client.force_login(portal.scene.parent)
    upload = SimpleUploadedFile("drawing.bin", make(), content_type="application/octet-stream")

    response = send_child_view(client, portal.scene.conference, text=TYPED, upload=upload)

    assert response.status_code == 302
    view = ChildView.objects.get()
    assert (view.text, view.file_type) == (TYPED, kind)


def _downloads(client, portal, content: bytes) -> dict[str, object]:
    client.force_login(portal.scene.parent)
    upload = SimpleUploadedFile("our drawing.bin", content, content_type="text/html")
    assert send_child_view(client, portal.scene.conference, upload=upload).status_code == 302
    url = reverse("portal:child_view_file", args=[ChildView.objects.get().pk])
    answers = {}
    for who in ("parent", "chair", "unit"):
        client.force_login(getattr(portal.scene, who))
        answers[who] = client.get(url)
    return answers


@pytest.mark.parametrize(
    ("make", "kind", "name"),
    [(png, "image/png", "our drawing.png"), (clean_pdf, "application/pdf", "our drawing.pdf")],
    ids=["png", "pdf"],
)
def test_every_download_of_a_sent_file_is_an_attachment_never_sniffed(
    client, portal, make, kind, name
):
    content = make()
    for who, response in _downloads(client, portal, content).items():
        assert response.status_code == 200, who
        assert response["Content-Disposition"] == f'attachment; filename="{name}"', who
        assert response["X-Content-Type-Options"] == "nosniff", who
        assert response["Content-Security-Policy"].startswith("sandbox;"), who
        assert response["Content-Type"] == kind, who


def test_a_sent_pdf_is_offered_as_a_download(client, portal):
    client.force_login(portal.scene.parent)
    upload = SimpleUploadedFile("our drawing.pdf", clean_pdf(), content_type="application/pdf")
    send_child_view(client, portal.scene.conference, upload=upload)

    page = page_text(client.get(reverse("portal:our_views", args=[portal.scene.conference.pk])))

    assert "Download our drawing.pdf (PDF)" in page


def test_a_stored_file_of_an_unexpected_type_is_served_as_plain_bytes(client, portal):
    member = portal.member
    view = ChildView.objects.create(
        conference=portal.scene.conference,
        member=member,
        file_name="page.html",
        file_type="text/html",
        file_data=b"<script>alert(1)</script>",
        file_size=25,
        created_by=member.user,
        modified_by=member.user,
    )
    client.force_login(portal.scene.chair)

    response = client.get(reverse("portal:child_view_file", args=[view.pk]))

    assert response["Content-Type"] == "application/octet-stream"
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["X-Content-Type-Options"] == "nosniff"


def test_a_file_name_in_another_alphabet_downloads(client, portal):
    client.force_login(portal.scene.parent)
    upload = SimpleUploadedFile("Łucja rysunek.png", png(), content_type="image/png")
    send_child_view(client, portal.scene.conference, upload=upload)
    client.force_login(portal.scene.chair)

    response = client.get(reverse("portal:child_view_file", args=[ChildView.objects.get().pk]))

    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    assert "filename*=utf-8''%C5%81ucja" in response["Content-Disposition"]


def test_the_family_download_of_everything_is_an_attachment_never_sniffed(client, portal):
    client.force_login(portal.scene.parent)

    response = client.get(reverse("portal:everything"))

    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["X-Content-Type-Options"] == "nosniff"


def test_the_family_download_draws_names_in_any_alphabet(client, portal):
    client.force_login(portal.scene.parent)
    send_child_view(client, portal.scene.conference, text=WORDS)

    response = client.get(reverse("portal:everything"))

    pdf = response.content
    assert all(text in pdf_text(pdf) for name, (text, _) in SAMPLES.items() if name != "bengali")
    for text, font in SAMPLES.values():
        own = {char for char in text if ord(char) > 127}
        fonts = {name for run, names in drawn(pdf).items() if own & set(run) for name in names}
        assert fonts and all(name.startswith(font) for name in fonts), (text, fonts)

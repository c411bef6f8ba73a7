"""Word and PDF copies, opened and read back; and the restricted section never reaching a
family member, a page they can open, or another professional."""

import io

import pytest
from django.urls import reverse
from docx import Document
from pypdf import PdfReader

from cpconf.reports import selectors
from tests.report_scene import RESTRICTED_TEXT, complete, start, submit

pytestmark = pytest.mark.django_db


def docx_text(content: bytes) -> str:
    document = Document(io.BytesIO(content))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    footers = [p.text for section in document.sections for p in section.footer.paragraphs]
    return "\n".join([p.text for p in document.paragraphs] + cells + footers)


def pdf_text(content: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


READERS = {"docx": docx_text, "pdf": pdf_text}


@pytest.fixture
def submitted(scene):
    report = complete(start(scene))
    submit(report)
    return report


@pytest.mark.parametrize("extension", ["docx", "pdf"])
def test_the_conference_copy_has_every_section_laid_out_like_the_form(
    client, scene, submitted, extension
):
    client.force_login(scene.author)

    response = client.get(reverse("reports:download", args=[submitted.pk, "conference", extension]))

    assert response.status_code == 200
    assert "attachment;" in response["Content-Disposition"]
    text = " ".join(READERS[extension](response.content).split())
    for section in selectors.form_of(submitted).sections:
        assert section.title in text, section.title
    for expected in (
        "Lily Hartwell",
        "Noah Hartwell",
        "Dawn Hartwell",
        "Priya Shah",
        "Alder Primary",
        RESTRICTED_TEXT,
        "SHA-256",
    ):
        assert expected in text, expected


@pytest.mark.parametrize("extension", ["docx", "pdf"])
def test_the_family_copy_has_no_restricted_section(client, scene, submitted, extension):
    client.force_login(scene.author)

    response = client.get(reverse("reports:download", args=[submitted.pk, "family", extension]))

    text = " ".join(READERS[extension](response.content).split())
    restricted = selectors.form_of(submitted).section("restricted")
    assert RESTRICTED_TEXT not in text
    assert restricted.title not in text
    assert selectors.form_of(submitted).section("worries").title in text
    assert "Family copy" in text


def test_the_author_can_download_a_draft_marked_as_a_draft(client, scene):
    report = complete(start(scene))
    client.force_login(scene.author)

    response = client.get(reverse("reports:download", args=[report.pk, "family", "pdf"]))

    assert "draft, not submitted" in pdf_text(response.content)


def test_chair_and_unit_read_the_restricted_section(client, scene, submitted):
    for reader in (scene.chair, scene.unit):
        client.force_login(reader)
        page = client.get(reverse("reports:version", args=[submitted.pk, 1])).content.decode()
        assert RESTRICTED_TEXT in page
        conference_copy = client.get(
            reverse("reports:download", args=[submitted.pk, "conference", "docx"])
        )
        assert RESTRICTED_TEXT in docx_text(conference_copy.content)


def test_another_professional_reads_the_released_report_without_the_restricted_section(
    client, scene, submitted
):
    from django.utils import timezone

    scene.conference.pack_released_at = timezone.now()
    scene.conference.save()
    client.force_login(scene.colleague)

    page = client.get(reverse("reports:version", args=[submitted.pk, 1]))
    assert page.status_code == 200
    assert RESTRICTED_TEXT not in page.content.decode()
    assert "Lily and Noah" in page.content.decode()
    assert (
        client.get(
            reverse("reports:download", args=[submitted.pk, "conference", "pdf"])
        ).status_code
        == 404
    )
    family = client.get(reverse("reports:download", args=[submitted.pk, "family", "pdf"]))
    assert family.status_code == 200 and RESTRICTED_TEXT not in pdf_text(family.content)


def report_urls(report) -> list[str]:
    pk = report.pk
    urls = [
        reverse("reports:task_list", args=[pk]),
        reverse("reports:check", args=[pk]),
        reverse("reports:amend", args=[pk]),
        reverse("reports:compare", args=[pk]),
        reverse("reports:version", args=[pk, 1]),
        reverse("reports:submitted", args=[pk, 1]),
    ]
    urls += [reverse("reports:part", args=[pk, s.key]) for s in report.sections.all()]
    urls += [
        reverse("reports:download", args=[pk, copy, extension])
        for copy in ("conference", "family")
        for extension in ("docx", "pdf")
    ]
    return urls


def test_no_report_page_or_file_a_family_member_can_reach_holds_restricted_text(
    client, scene, submitted
):
    from django.utils import timezone

    scene.conference.pack_released_at = timezone.now()
    scene.conference.save()
    client.force_login(scene.parent)
    pages = [reverse("home:home"), reverse("conferences:detail", args=[scene.conference.pk])]

    for url in pages + report_urls(submitted):
        response = client.get(url)
        body = response.content.decode("latin-1")
        assert RESTRICTED_TEXT not in body, url
        if url not in pages:
            assert response.status_code == 404, url

"""The family's copies of a report: the words as they are now, under headings about the writer
in plain words, without change marks or the fingerprint, never the restricted section; and in
the format the family member asked for — large print, an easy-read summary first, or read
aloud from a listening page the portal offers them first."""

import io

import pytest
from django.urls import reverse
from docx import Document
from docx.shared import Pt
from pypdf import PdfReader

from cpconf.families.models import FamilyMember
from cpconf.portal import selectors
from cpconf.portal.models import AccessNeeds
from cpconf.reports import copies, services
from cpconf.reports import selectors as report_selectors
from tests.portal.conftest import CANARY, SHARED, assert_nothing_forbidden, page_text, written
from tests.report_scene import answers_for, review_conference, save, submit

pytestmark = pytest.mark.django_db

PROFESSIONAL_HEADINGS = ("Your recommendation", "Your view on a child protection plan")


def needs(member: FamilyMember, **wanted: bool) -> None:
    AccessNeeds.objects.update_or_create(member=member, defaults=wanted)


def pdf_text(body: bytes) -> str:
    pages = PdfReader(io.BytesIO(body)).pages
    return " ".join(" ".join(page.extract_text() for page in pages).split())


def docx_paragraphs(body: bytes) -> list[str]:
    document = Document(io.BytesIO(body))
    cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
    footers = [p.text for s in document.sections for p in s.footer.paragraphs]
    return [p.text for p in document.paragraphs] + cells + footers


def amended_review(portal):
    """A review report by the same writer, amended once: a copy with changes to mark."""
    scene = portal.scene
    later = written(review_conference(scene), scene.author, "FIRST-WORDS")
    services.report_amend(report=later, reason="Typing error", actor=scene.author)
    save(later, "worries", {"text": "SECOND-WORDS about the flat."})
    save(later, "sharing", answers_for(later)["sharing"])  # sharing is recorded per version
    submit(later)
    return later


def test_the_family_copy_is_headed_for_the_family(client, portal):
    client.force_login(portal.scene.parent)

    text = page_text(client.get(reverse("portal:report", args=[portal.shared.pk])))

    assert "What Alder Primary recommends" in text
    assert "What Alder Primary is worried about" in text
    assert "Who wrote this report" in text
    for heading in PROFESSIONAL_HEADINGS:
        assert heading not in text
    assert "SHA-256" not in text
    assert_nothing_forbidden(text)


def test_the_family_copy_has_the_current_words_only(client, portal):
    later = amended_review(portal)
    client.force_login(portal.scene.parent)

    text = page_text(client.get(reverse("portal:report", args=[later.pk])))

    assert "SECOND-WORDS about the flat." in text
    assert "<ins>" not in text and "<del>" not in text
    assert "Changes are marked" not in text
    # The same report's conference copy still marks the changes, for the chair.
    form = report_selectors.form_of(later)
    conference_copy = copies.report_document(
        form=form,
        content=later.versions.get(number=2).content["parts"],
        copy=copies.CONFERENCE_COPY,
        meeting=(),
        previous=later.versions.get(number=1).content["parts"],
    )
    assert conference_copy.marks_changes


def test_the_family_copy_never_marks_changes_whatever_it_is_given(portal):
    report = portal.shared
    version = report.versions.get()
    document = copies.report_document(
        form=report_selectors.form_of(report),
        content=version.content["parts"],
        copy=copies.FAMILY_COPY,
        meeting=(),
        previous={"worries": {"text": "Words the family never had."}},
        footer="Alder Primary · version 1 · SHA-256 0123456789abcdef… · OFFICIAL-SENSITIVE",
    )

    assert not document.marks_changes
    changes = {s.change for sec in document.sections for p in sec.paragraphs for s in p.segments}
    assert changes == {"same"}
    assert document.footer == "Alder Primary · version 1 · OFFICIAL-SENSITIVE"
    assert all(not section.question for section in document.sections)


@pytest.mark.parametrize("extension", ["pdf", "docx"])
def test_the_family_keeps_their_copy_as_a_file(client, portal, extension):
    client.force_login(portal.scene.parent)

    response = client.get(reverse("portal:report_copy", args=[portal.shared.pk, extension]))

    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    if extension == "pdf":
        text = pdf_text(response.content)
    else:
        text = " ".join(" ".join(docx_paragraphs(response.content)).split())
    assert SHARED in text
    assert "What Alder Primary recommends" in text
    assert "SHA-256" not in text
    assert CANARY not in text
    assert_nothing_forbidden(text)


def test_the_familys_pdf_is_tagged_for_screen_readers(client, portal):
    client.force_login(portal.scene.parent)

    body = client.get(reverse("portal:report_copy", args=[portal.shared.pk, "pdf"])).content

    root = PdfReader(io.BytesIO(body)).trailer["/Root"]
    assert bool(root["/MarkInfo"]["/Marked"])
    assert "/StructTreeRoot" in root
    assert root["/Lang"] == "en-GB"
    assert PdfReader(io.BytesIO(body)).metadata.title == "Report from Alder Primary"


@pytest.mark.parametrize("copy", ["conference", "family"])
def test_the_authors_copies_are_tagged_too(client, portal, copy):
    client.force_login(portal.scene.author)

    body = client.get(reverse("reports:download", args=[portal.shared.pk, copy, "pdf"])).content

    root = PdfReader(io.BytesIO(body)).trailer["/Root"]
    assert bool(root["/MarkInfo"]["/Marked"]) and root["/Lang"] == "en-GB"
    assert ("SHA-256" in pdf_text(body)) == (copy == "conference")


def test_large_print_files_are_18_points_and_over(client, portal):
    needs(portal.member, large_print=True)
    client.force_login(portal.scene.parent)

    page = page_text(client.get(reverse("portal:report", args=[portal.shared.pk])))
    word = client.get(reverse("portal:report_copy", args=[portal.shared.pk, "docx"])).content

    assert "Download your copy as a large print PDF" in page
    assert "cpconf-portal--large" in page
    assert Document(io.BytesIO(word)).styles["Normal"].font.size >= Pt(18)


def test_easy_read_puts_a_summary_from_the_report_first(client, portal):
    needs(portal.member, easy_read=True)
    client.force_login(portal.scene.parent)

    page = page_text(client.get(reverse("portal:report", args=[portal.shared.pk])))
    pdf = pdf_text(
        client.get(reverse("portal:report_copy", args=[portal.shared.pk, "pdf"])).content
    )

    for text in (page, pdf):
        summary = text.index("The report in short")
        assert summary < text.index("Who wrote this report")
        assert "Alder Primary thinks Lily Hartwell needs a child protection plan." in text
        assert "On the safety scale, Alder Primary gave Lily Hartwell 4." in text


def test_the_summary_says_only_what_the_report_says(portal):
    """One idea a line, the writer's own sentences word for word, nothing else added."""
    from cpconf.reports.easy_read import easy_read_summary

    report = portal.shared
    parts = dict(report.versions.get().content["parts"])
    parts["worries"] = {
        "text": "Lily is often late. She is tired; she has no coat.\n\nNoah is well."
    }
    form = report_selectors.form_of(report)

    lines = easy_read_summary(form=form, content=parts, agency="Alder Primary")

    worries = lines.index("What Alder Primary is worried about:")
    assert lines[worries + 1 : worries + 5] == (
        "Lily is often late.",
        "She is tired.",
        "She has no coat.",
        "Noah is well.",
    )
    assert "Restricted" not in " ".join(lines)
    assert not any(CANARY in line for line in lines)


def test_read_aloud_is_offered_first_and_the_listening_page_reads_the_report(client, portal):
    needs(portal.member, read_aloud=True)
    client.force_login(portal.scene.parent)
    conference = portal.scene.conference

    meeting = page_text(client.get(reverse("portal:conference", args=[conference.pk])))
    report = page_text(client.get(reverse("portal:report", args=[portal.shared.pk])))
    listen = client.get(reverse("portal:report_listen", args=[portal.shared.pk]))

    listen_url = reverse("portal:report_listen", args=[portal.shared.pk])
    assert meeting.index(listen_url) < meeting.index(
        reverse("portal:report", args=[portal.shared.pk]) + '"'
    )
    assert report.index("Listen to this report") < report.index("Who wrote this report")
    text = page_text(listen)
    assert listen.status_code == 200
    assert SHARED in text and "What Alder Primary recommends" in text
    # The Listen buttons wait for the script to find the browser can speak.
    assert "data-cpconf-listen" in text and " hidden>" in text
    assert "<table" not in text
    assert_nothing_forbidden(text)


def test_without_read_aloud_the_listening_page_is_still_there_but_not_first(client, portal):
    client.force_login(portal.scene.parent)

    report = page_text(client.get(reverse("portal:report", args=[portal.shared.pk])))

    assert "govuk-button--start" not in report
    assert reverse("portal:report_listen", args=[portal.shared.pk]) in report


def test_the_front_sheet_typed_need_counts(portal):
    portal.member.access_needs = "Prefers reports read aloud; large print please"
    portal.member.save()

    reading = selectors.reading_format(portal.member)

    assert reading.read_aloud and reading.large_print and not reading.easy_read


def test_the_member_can_ask_for_reports_read_aloud(client, portal):
    client.force_login(portal.scene.parent)

    client.post(
        reverse("portal:access_needs"),
        {"language": "English", "needs_interpreter": "no", "read_aloud": "on"},
    )

    assert AccessNeeds.objects.get(member=portal.member).read_aloud
    assert "Reports read aloud" in selectors.access_needs_lines(portal.member)


@pytest.mark.parametrize("name", ["portal:report_listen", "portal:report_copy"])
def test_another_familys_report_does_not_open(client, portal, name):
    client.force_login(portal.other_parent)
    args = [portal.shared.pk] + (["pdf"] if name == "portal:report_copy" else [])

    assert client.get(reverse(name, args=args)).status_code == 404


def test_a_file_type_the_portal_does_not_make_is_a_404(client, portal):
    client.force_login(portal.scene.parent)

    url = reverse("portal:report_copy", args=[portal.shared.pk, "html"])

    assert client.get(url).status_code == 404


def test_a_professional_without_the_restricted_section_reads_the_conference_layout(client, portal):
    """Another professional's page is the conference copy less the restricted section, with
    the writer's own headings and the change marks: the family's layout is the family's."""
    from django.utils import timezone

    scene = portal.scene
    scene.conference.pack_released_at = timezone.now()
    scene.conference.save()
    client.force_login(scene.colleague)

    text = page_text(client.get(reverse("reports:version", args=[portal.shared.pk, 1])))

    assert "Your view on a child protection plan" in text
    assert "What Alder Primary recommends" not in text
    assert "You are reading the copy without the restricted section." in text
    assert CANARY not in text

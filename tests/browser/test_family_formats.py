"""Given a parent who asked for reports read aloud and in large print (as the demo's parent
did), when they sign in and open the school's report from their meeting, then the portal
offers the listening page first; it reads the family copy under headings about the writer,
its Listen control appears only because the browser can speak and answers when pressed; the
copy they download is large print and tagged for screen readers; and each page passes
axe-core."""

import io

import pytest
from pypdf import PdfReader

from cpconf.families.models import FamilyMember
from cpconf.portal.models import AccessNeeds
from tests.browser.accessibility import check_page
from tests.browser.conftest import sign_in_through_pages
from tests.report_scene import PASSWORD, RESTRICTED_TEXT, complete, start, submit

pytestmark = pytest.mark.django_db(transaction=True)

STEP = "family formats"
STATUSES = (
    "Reading the report aloud.",
    "That is the end of the report.",
    "Your phone or computer could not read the report aloud. "
    "A screen reader can read this page to you.",
)


def download(page, link_name: str) -> bytes:
    with page.expect_download() as info:
        page.get_by_role("link", name=link_name).click()
    with open(info.value.path(), "rb") as file:
        return file.read()


def test_a_parent_listens_to_the_report_and_keeps_a_large_print_copy(live_server, page, scene):
    # Given the school's report, shared with the family, and a parent who needs it read aloud
    report = complete(start(scene))
    submit(report)
    member = FamilyMember.objects.get(user=scene.parent)
    AccessNeeds.objects.create(member=member, read_aloud=True, large_print=True)
    site = live_server.url

    # When the parent signs in and opens their meeting
    sign_in_through_pages(page, site, scene.parent, PASSWORD)
    page.goto(f"{site}/family/meetings/{scene.conference.pk}/")
    check_page(page, STEP, "meeting")

    # Then listening is what the page offers first
    links = page.locator("main a").all_inner_texts()
    assert links.index("Listen to the report from Alder Primary") < links.index(
        "Read the report from Alder Primary"
    )
    page.get_by_role("link", name="Listen to the report from Alder Primary").click()
    page.wait_for_url(f"{site}/family/reports/{report.pk}/listen/")

    # And the listening page reads the family copy, its Listen control shown by the script
    listen = page.get_by_role("button", name="Listen", exact=True)
    listen.wait_for()
    text = page.locator("main").inner_text()
    assert "What Alder Primary recommends" in text
    assert "SHA-256" not in text and RESTRICTED_TEXT not in text
    check_page(page, STEP, "listening page")
    listen.click()
    status = page.locator("[data-listen-status]")
    page.wait_for_function("el => el.textContent.trim() !== ''", arg=status.element_handle())
    assert status.inner_text() in STATUSES
    check_page(page, STEP, "listening")

    # And the copy they keep is large print, tagged for a screen reader
    page.get_by_role("link", name="Back to the report").click()
    page.wait_for_url(f"{site}/family/reports/{report.pk}/")
    check_page(page, STEP, "report in large print")
    body = download(page, "Download your copy as a large print PDF")
    root = PdfReader(io.BytesIO(body)).trailer["/Root"]
    assert bool(root["/MarkInfo"]["/Marked"]) and root["/Lang"] == "en-GB"
    pdf = " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(body)).pages).split())
    assert "What Alder Primary recommends" in pdf
    assert RESTRICTED_TEXT not in pdf

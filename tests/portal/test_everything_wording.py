""" "Download everything" speaks to the family member in their own words: what they need is
said once each, as "I need ...", never in the staff's words about "them"; and its first
line reads as a sentence."""

import io
import re

import pytest
from django.urls import reverse
from pypdf import PdfReader

from cpconf.portal.everything import what_i_need
from cpconf.portal.models import AccessNeeds
from cpconf.portal.selectors import access_needs_lines

pytestmark = pytest.mark.django_db

STAFF_WORDS = ("Someone to read reports with them", "Prefers reports read aloud")


def like_kelly(member, typed: str = "Prefers reports read aloud"):
    """Kelly Ashdown in the demo: the front sheet says it, and she ticked it too."""
    member.access_needs = typed
    member.save(update_fields=["access_needs"])
    AccessNeeds.objects.create(member=member, reading_support=True, read_aloud=True)
    return member


def everything_text(client, user) -> str:
    client.force_login(user)
    response = client.get(reverse("portal:everything"))
    pages = PdfReader(io.BytesIO(response.content)).pages
    return " ".join(" ".join(page.extract_text().split()) for page in pages)


def test_what_i_need_is_in_the_members_own_words_each_once(portal):
    lines = what_i_need(like_kelly(portal.member))

    assert lines == [
        "I need someone to read the reports with me.",
        "I need the reports read aloud to me.",
    ]
    # The staff's list is unchanged: it is about the member, for the people who meet them.
    assert "Someone to read reports with them" in access_needs_lines(portal.member)


def test_a_typed_need_that_says_more_is_kept_in_full(portal):
    lines = what_i_need(like_kelly(portal.member, "Read aloud, and an advocate at meetings"))

    assert lines[-1] == "Also: Read aloud, and an advocate at meetings"
    assert sum("read aloud" in line.lower() for line in lines) == 2  # the need, and her words


def test_easy_read_and_large_print_typed_on_the_front_sheet_are_each_said_once(portal):
    portal.member.access_needs = "Easy read versions of reports, and large print"
    portal.member.save(update_fields=["access_needs"])

    assert what_i_need(portal.member) == [
        "I need things in large print.",
        "I need things in easy read: short words and pictures.",
    ]


def test_an_interpreter_is_asked_for_in_the_first_person(portal):
    portal.member.language, portal.member.needs_interpreter = "Polish", True
    portal.member.save(update_fields=["language", "needs_interpreter"])

    assert what_i_need(portal.member) == ["I need an interpreter who speaks Polish."]


def test_the_pdf_says_each_need_once_and_its_first_line_ends_once(client, portal):
    like_kelly(portal.member)

    text = everything_text(client, portal.scene.parent)

    first_line = (
        rf"Made for {portal.member.full_name} at \d+:\d\d [ap]\.m\. on \d+ \w+ \d{{4}}\. It"
    )
    assert re.search(first_line, text), text[:200]
    assert "m.. " not in text
    assert "I need the reports read aloud to me." in text
    for words in STAFF_WORDS:
        assert words not in text

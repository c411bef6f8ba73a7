"""What the family reads about the meeting follows their meeting: the scores' range is their
authority's (Southvale scales 1 to 10, Northshire 0 to 10), and an initial conference is not
described as a review of a plan and goals the family has never had."""

import pytest
from django.urls import reverse

from cpconf.conference_records.agenda import agenda_for_stage
from cpconf.policy.model import STAGES
from cpconf.portal import guide
from cpconf.portal.everything import everything_context
from tests.page_reading import page_html
from tests.report_scene import review_conference

pytestmark = pytest.mark.django_db

REVIEW_ONLY = ("the goals from the last meeting", "still need a child protection plan")
INITIAL_ONLY = ("the worries that led to this meeting", "each child needs a child protection")


def meeting_page(client, user, conference) -> str:
    client.force_login(user)
    return page_html(client.get(reverse("portal:conference", args=[conference.pk])))


def test_a_southvale_family_is_told_scores_run_from_1_to_10(client, portal):
    page = meeting_page(client, portal.foreign_parent, portal.foreign_conference)

    assert "a number from 1 to 10" in page
    assert "1 means not safe at all" in page
    assert "from 0 to 10" not in page


def test_a_northshire_family_is_told_scores_run_from_0_to_10(client, portal):
    page = meeting_page(client, portal.scene.parent, portal.scene.conference)

    assert "a number from 0 to 10" in page
    assert "0 means not safe at all" in page


def test_an_initial_conference_is_not_described_as_a_review(client, portal):
    assert portal.scene.conference.stage == "initial"

    page = meeting_page(client, portal.scene.parent, portal.scene.conference)

    for words in REVIEW_ONLY:
        assert words not in page
    for words in INITIAL_ONLY:
        assert words in page


def test_a_review_looks_back_at_the_plan_and_the_goals(client, portal):
    review = review_conference(portal.scene)

    page = meeting_page(client, portal.scene.parent, review)

    for words in REVIEW_ONLY:
        assert words in page
    for words in INITIAL_ONLY:
        assert words not in page


def test_the_parts_follow_the_chairs_agenda_numbering(client, portal):
    page = meeting_page(client, portal.scene.parent, portal.scene.conference)

    assert "The meeting has 7 parts." in page
    headings = [heading for heading, _words in guide.meeting_guide(portal.scene.conference)]
    assert [h.split(".")[0] for h in headings] == [str(n) for n in range(1, 8)]
    assert all(heading in page for heading in headings)


@pytest.mark.parametrize("stage", STAGES)
def test_every_part_of_every_agenda_has_the_familys_words(stage):
    keys = {section.key for section in agenda_for_stage(stage).sections}

    assert keys <= set(guide.WORDS[stage])
    assert keys <= set(guide.STAGE_TITLES[stage])


def test_download_everything_describes_the_coming_meeting_as_its_page_does(portal):
    context = everything_context(portal.member)

    (meeting,) = [m for m in context["meetings"] if m["conference"] == portal.scene.conference]
    assert meeting["agenda"] == guide.meeting_guide(portal.scene.conference)
    words = " ".join(said for _heading, said in meeting["agenda"])
    assert "still need" not in words and "from 0 to 10" in words

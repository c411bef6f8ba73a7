"""The chair's brief at the front of the preparation view, and the family's own words: given a
review whose previous conference agreed a danger statement and a plan, reports from two
agencies and one invited report not yet in, when the chair opens the preparation, then one
page says every agency's score and recommendation per child, what has not arrived (and
whose it is), the danger statement and how far the previous plan has got; the parents' own
report and the children's views are on the page too."""

import pytest
from django.urls import reverse
from django.utils import timezone
from lxml import html

from cpconf.conference_records.models import (
    ConferenceRecord,
    RecordPart,
    RecordStatus,
    RecordVersion,
    record_fingerprint,
)
from cpconf.families.models import FamilyMember
from cpconf.packs.chairs_brief import chair_brief
from cpconf.portal.models import ChildView
from cpconf.portal.services import parents_report_send
from cpconf.preparation.chair_view import chair_view_for
from tests.factories import InvitationFactory
from tests.preparation.builders import another_writer, submitted
from tests.report_scene import review_conference

pytestmark = pytest.mark.django_db

DANGER = "Lily and Noah may be hurt when Dad comes home drunk and angry."
GOALS = "Mum keeps the children safe when Dad has been drinking."
ACTIONS = [
    {"action": "Mum to attend the parenting course", "who": "Mum", "by_when": "2026-10-01",
     "progress": "new", "priority": "high", "carried_forward": False, "child_ids": []},
    {"action": "School to check Lily's attendance weekly", "who": "Alder Primary",
     "by_when": "2026-09-15", "progress": "done", "priority": "medium",
     "carried_forward": False, "child_ids": []},
]  # fmt: skip


def finalise_previous(conference, chair):
    content = {"why_here": {"danger_statement": DANGER, "safety_goals": GOALS},
               "plan": {"actions": ACTIONS}}  # fmt: skip
    record = ConferenceRecord.objects.create(
        conference=conference, status=RecordStatus.FINALISED, finalised_at=timezone.now()
    )
    RecordVersion.objects.create(
        record=record,
        number=1,
        content=content,
        fingerprint=record_fingerprint(content),
        finalised_by=chair,
        finalised_at=timezone.now(),
    )


@pytest.fixture
def review(scene):
    """A review: the school's report and a health visitor's submitted, the colleague invited
    and not yet started; the previous conference's record finalised."""
    conference = review_conference(scene)
    finalise_previous(scene.conference, scene.chair)
    agency = scene.colleague.role_assignments.get().agency
    InvitationFactory(conference=conference, invitee=scene.colleague, agency=agency)
    school = submitted(scene, conference=conference, scores=(3, 7))
    health = another_writer(scene, "Harbour Health Visiting")
    health.invitations.update(conference=conference)
    health_report = submitted(scene, health, conference=conference, scores=(5, 2))
    return conference, school, health_report


def open_page(client, user, conference):
    client.force_login(user)
    response = client.get(reverse("preparation:prepare", args=[conference.pk]))
    assert response.status_code == 200
    return html.fromstring(response.content.decode())


def texts(nodes) -> list[str]:
    return [" ".join(node.text_content().split()) for node in nodes]


def test_the_brief_gives_each_agencys_score_and_recommendation_per_child(scene, review):
    conference, _school, _health = review

    brief = chair_brief(conference, chair_view_for(scene.chair, conference).preparation.reports)

    lily, noah = scene.children
    by_child = {c.child_id: {v.agency: (v.score, v.recommendation) for v in c.views}
                for c in brief.children}  # fmt: skip
    needed = "Child protection plan needed"
    assert {k: (s, r.startswith(needed)) for k, (s, r) in by_child[lily.pk].items()} == {
        "Alder Primary": (3, True),
        "Harbour Health Visiting": (5, True),
    }
    assert by_child[noah.pk]["Alder Primary"][0] == 7
    assert by_child[noah.pk]["Harbour Health Visiting"][0] == 2


def test_the_brief_names_what_has_not_arrived_and_whose_it_is(scene, review):
    conference, _school, _health = review

    brief = chair_brief(conference, [])

    colleague_agency = scene.colleague.role_assignments.get().agency.name
    assert [(m.agency, m.author, m.status) for m in brief.missing] == [
        (colleague_agency, scene.colleague.get_full_name(), "Not started")
    ]


def test_the_brief_gives_the_danger_statement_and_the_previous_plans_progress(
    client, scene, review
):
    conference, _school, _health = review

    tree = open_page(client, scene.chair, conference)

    brief = tree.xpath("//*[@data-chair-brief]")[0]
    assert tree.xpath("//main//h2")[0].get("id") == "brief-title"  # at the front
    danger = " ".join(brief.xpath(".//*[@data-brief-danger]")[0].text_content().split())
    assert DANGER in danger and GOALS in danger
    plan = brief.xpath(".//table[@data-brief-plan]")[0]
    assert "1 of 2 actions done" in plan.xpath("./caption")[0].text_content()
    rows = [texts(r.xpath("./td")) for r in plan.xpath(".//tbody/tr")]
    assert rows[0][:2] == ["Mum to attend the parenting course", "Mum"]
    assert rows[0][3] == "New action" and rows[1][3] == "Done"
    scores = brief.xpath(f'.//table[@data-brief-child="{scene.children[0].pk}"]//tbody/tr')
    assert [texts(r.xpath("./th|./td"))[:2] for r in scores] == [
        ["Alder Primary", "3"],
        ["Harbour Health Visiting", "5"],
    ]


def test_once_the_chair_records_progress_the_brief_shows_it(client, scene, review):
    conference, _school, _health = review
    record = ConferenceRecord.objects.create(conference=conference)
    carried = [dict(a, carried_forward=True, progress="done") for a in ACTIONS]
    RecordPart.objects.create(record=record, key="plan", content={"actions": carried})

    brief = chair_brief(conference, [])

    assert brief.previous_plan is not None and brief.previous_plan.progress_recorded_now
    assert brief.previous_plan.done == 2


def test_an_initial_conference_has_no_previous_plan(client, scene):
    tree = open_page(client, scene.chair, scene.conference)

    assert not tree.xpath("//table[@data-brief-plan]")
    danger = texts(tree.xpath("//*[@data-brief-danger]"))[0]
    assert "Not agreed yet" in danger


def test_the_parents_report_and_the_childrens_views_are_on_the_page(client, scene):
    member = FamilyMember.objects.get(user=scene.parent)
    parents_report_send(
        member=member, conference=scene.conference, kind="report", text="We have <changed>."
    )
    ChildView.objects.create(
        conference=scene.conference, member=member, child=scene.children[0], text="I like school."
    )

    tree = open_page(client, scene.chair, scene.conference)

    words = tree.xpath("//*[@data-family-words]")[0]
    assert "We have <changed>." in texts(words.xpath(".//*[@data-parents-report]"))[0]
    views = texts(words.xpath(".//*[@data-child-view]"))
    assert views == [f"{scene.children[0].full_name}'s views I like school."]

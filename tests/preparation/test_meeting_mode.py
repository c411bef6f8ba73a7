"""The meeting mode: given a conference with submitted reports, when the chair runs the
meeting, then each page is one section of the conference's agenda (read from the agenda
data), with links to the section before and after, and the reports' parts for that section
beside it — never the restricted section; a section not on the agenda is a 404, and so is
the page for anyone who does not prepare the conference."""

import pytest
from django.urls import reverse
from lxml import html

from cpconf.conference_records.agenda import agenda_for_stage
from cpconf.preparation.meeting import REPORT_SECTIONS
from tests.preparation.builders import another_writer, submitted
from tests.report_scene import review_conference

pytestmark = pytest.mark.django_db


def section_page(client, user, conference, key=None):
    client.force_login(user)
    if key is None:
        url = reverse("preparation:meeting", args=[conference.pk])
    else:
        url = reverse("preparation:meeting_section", args=[conference.pk, key])
    return client.get(url)


def tree_of(response):
    assert response.status_code == 200
    return html.fromstring(response.content.decode())


def words(node) -> str:
    return " ".join(node.text_content().split())


def test_the_meeting_starts_at_the_agendas_first_section_and_walks_it_in_order(client, scene):
    agenda = agenda_for_stage(scene.conference.stage)
    keys = [section.key for section in agenda.sections]

    tree = tree_of(section_page(client, scene.chair, scene.conference))
    seen = []
    while True:
        seen.append(tree.xpath("//*[@data-meeting-section]")[0].get("data-meeting-section"))
        section = agenda.section(seen[-1])
        assert words(tree.xpath("//h1")[0]) == f"{section.number}. {section.title}"
        following = tree.xpath("//a[@data-next]/@href")
        if not following:
            break
        tree = tree_of(client.get(following[0]))

    assert seen == keys
    assert not tree.xpath("//a[@data-next]")
    previous = tree.xpath("//a[@data-previous]/@href")[0]
    assert previous == reverse("preparation:meeting_section", args=[scene.conference.pk, keys[-2]])


def test_a_review_follows_the_review_agenda(client, scene):
    review = review_conference(scene)

    tree = tree_of(section_page(client, scene.chair, review, "why_here"))

    guidance = words(tree.xpath("//*[@data-guidance]")[0])
    assert guidance == agenda_for_stage("review").section("why_here").guidance[0]


def test_the_discussion_shows_each_reports_worries_and_strengths_beside_it(client, scene):
    school = submitted(scene, words="School words.")
    health = submitted(scene, another_writer(scene, "Harbour Health Visiting"), words="Health.")

    tree = tree_of(section_page(client, scene.chair, scene.conference, "discussion"))

    beside = tree.xpath("//*[@data-beside]")[0]
    extracts = [words(e) for e in beside.xpath(".//*[@data-extract]")]
    assert extracts[0].startswith(f"{school.agency.name} (")
    assert extracts[0].endswith("What are you worried about?: Lily and Noah. School words.")
    by_school = [e for e in extracts if e.startswith(school.agency.name)]
    by_health = [e for e in extracts if e.startswith(health.agency.name)]
    assert all("School words." in e for e in by_school)
    assert all("Health." in e for e in by_health)
    assert len(by_school) == len(by_health) >= 2  # each answer once, not once per child
    headings = [words(h) for h in beside.xpath(".//h3")]
    assert "What are you worried about?" in headings and "What is going well?" in headings
    assert "What needs to happen?" not in headings  # that is for the plan


def test_the_plan_shows_what_needs_to_happen_and_the_decisions_the_recommendations(client, scene):
    submitted(scene, words="School words.", scores=(3, 7))

    plan = tree_of(section_page(client, scene.chair, scene.conference, "plan"))
    decisions = tree_of(section_page(client, scene.chair, scene.conference, "decisions"))
    scaling = tree_of(section_page(client, scene.chair, scene.conference, "scaling"))

    assert "What needs to happen?" in [words(h) for h in plan.xpath("//*[@data-beside]//h3")]
    lily = scene.children[0]
    recommended = words(decisions.xpath(f'//*[@data-recommendations="{lily.pk}"]')[0])
    assert "Child protection plan needed" in recommended and "(scaling 3)" in recommended
    assert f"Reason for {lily.full_name}" in recommended
    scores = scaling.xpath(f'//table[@data-brief-child="{lily.pk}"]//tbody/tr')
    assert [words(cell) for cell in scores[0].xpath("./th|./td")][:2] == ["Alder Primary", "3"]


def test_no_restricted_text_is_shown_in_any_section(client, scene):
    canary = "CANARY-meeting-restricted"
    submitted(scene, restricted={"text": canary, "reason": "CANARY-reason"})

    for section in agenda_for_stage(scene.conference.stage).sections:
        body = section_page(client, scene.chair, scene.conference, section.key).content.decode()
        assert canary not in body and "CANARY-reason" not in body


def test_every_agenda_section_has_a_mapping_to_the_reports():
    for stage in ("initial", "review"):
        for section in agenda_for_stage(stage).sections:
            assert section.key in REPORT_SECTIONS


def test_a_section_not_on_the_agenda_is_404(client, scene):
    assert section_page(client, scene.chair, scene.conference, "nonsense").status_code == 404


@pytest.mark.parametrize("who", ["parent", "author"])
def test_someone_who_does_not_prepare_the_conference_gets_404(client, scene, who):
    submitted(scene)

    response = section_page(client, getattr(scene, who), scene.conference, "discussion")

    assert response.status_code == 404

"""The chair's preparation view: given submitted reports, when the chair (or the unit) opens
it, then each report stands once, its parts about each child grouped inside it, with the
coach's warnings (as the board counts them), the family's comments, no restricted text, and
what is outstanding."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from lxml import html

from cpconf.preparation.selectors import family_comments
from cpconf.reports.received import board_rows
from tests.preparation.builders import OPINION, UNATTRIBUTED, another_writer, submitted, written
from tests.report_scene import RESTRICTED_TEXT

pytestmark = pytest.mark.django_db


def page(client, user, conference):
    client.force_login(user)
    response = client.get(reverse("preparation:prepare", args=[conference.pk]))
    assert response.status_code == 200
    return response, html.fromstring(response.content.decode())


def cells(row) -> list[str]:
    return [" ".join(cell.text_content().split()) for cell in row.xpath("./th|./td")]


def answers(tree, report) -> dict[str, str]:
    """The report's Signs of Safety answers, by section key, from its one place on the page."""
    rows = tree.xpath(f'//*[@id="report-{report.pk}"]//*[@data-answer]')
    return {
        row.get("data-answer"): " ".join(row.xpath("./dd")[0].text_content().split())
        for row in rows
    }


def child_row(tree, report, child) -> list[str]:
    table = tree.xpath(f'//*[@id="report-{report.pk}"]//table[@data-report-children]')[0]
    return cells(table.xpath(f'.//tr[@data-child="{child.pk}"]')[0])


def test_each_report_stands_once_with_its_parts_about_each_child_inside(client, scene):
    school = submitted(scene, words="School words.", scores=(3, 7))
    health = submitted(
        scene,
        another_writer(scene, "Harbour Health Visiting"),
        words="Health words.",
        scores=(5, 2),
    )

    response, tree = page(client, scene.chair, scene.conference)

    body = response.content.decode()
    for report in (school, health):  # one place per report, not one per child
        assert len(tree.xpath(f'//*[@id="report-{report.pk}"]')) == 1
        assert body.count(f'data-report-children="{report.pk}"') == 1
    assert body.count("Lily and Noah. School words.") == 3  # three answers, each shown once
    assert answers(tree, school) == {
        "worries": "What are you worried about?: Lily and Noah. School words.",
        "going_well": "What is going well?: Lily and Noah. School words.",
        "needs_to_happen": "What needs to happen?: Lily and Noah. School words.",
    }
    assert answers(tree, health)["worries"] == (
        "What are you worried about?: Lily and Noah. Health words."
    )
    lily, noah = scene.children
    for child, (school_score, health_score) in ((lily, ("3", "5")), (noah, ("7", "2"))):
        school_row, health_row = child_row(tree, school, child), child_row(tree, health, child)
        assert school_row[0] == child.full_name
        assert school_row[1] == school_score
        assert school_row[2].startswith("Child protection plan needed")
        assert school_row[3] == f"Reason for {child.full_name}"
        assert health_row[1] == health_score


def test_a_review_report_is_read_by_section_key(client, scene):
    from tests.report_scene import review_conference

    review = review_conference(scene)
    report = submitted(scene, conference=review, words="Since the last conference.")

    _response, tree = page(client, scene.chair, review)

    assert answers(tree, report) == {
        "worries": "What are you worried about now?: Lily and Noah. Since the last conference.",
        "going_well": "What is going well now?: Lily and Noah. Since the last conference.",
        "needs_to_happen": "What needs to happen?: Lily and Noah. Since the last conference.",
    }


def test_the_coach_warnings_are_the_boards_and_the_sentences_are_quoted(client, scene):
    report = submitted(
        scene,
        worries={"text": f"{UNATTRIBUTED} {OPINION} Lily was late for school on Monday."},
    )
    board_count = next(r for r in board_rows(scene.conference) if r.report == report)
    board_count = board_count.coach_warnings

    _response, tree = page(client, scene.chair, scene.conference)

    card = tree.xpath(f'//*[@id="report-{report.pk}"]')[0]
    warnings = card.xpath(".//*[@data-warnings]")[0]
    assert int(warnings.get("data-warnings")) == board_count
    assert board_count >= 2
    text = " ".join(warnings.text_content().split())
    assert f"{board_count} warnings" in text
    assert f"“{UNATTRIBUTED}”" in text
    assert f"“{OPINION}”" in text
    assert "Reported without saying who said it: 1" in text
    assert "Opinion stated as fact: 1" in text


def test_warnings_in_the_restricted_section_are_counted_but_not_quoted(client, scene):
    restricted = f"{RESTRICTED_TEXT} {OPINION}"
    report = submitted(scene, restricted={"text": restricted, "reason": "Informant"})
    board_count = next(r for r in board_rows(scene.conference) if r.report == report).coach_warnings

    response, tree = page(client, scene.chair, scene.conference)

    warnings = tree.xpath(f'//*[@id="report-{report.pk}"]//*[@data-warnings]')[0]
    assert int(warnings.get("data-warnings")) == board_count
    assert "in the restricted section" in warnings.text_content()
    assert OPINION not in response.content.decode()


def test_the_familys_comments_are_shown_on_each_report(client, scene):
    report = submitted(scene)
    other = submitted(
        scene,
        another_writer(scene, "Harbour Health Visiting"),
        sharing={
            "shared": "yes",
            "shared_on": "2026-11-20",
            "method": "phone",
            "language_support": "none",
            "shared_with": "Dawn Hartwell",
            "comments": "We have a new cot <now> & a fridge.",
            "not_shared_reason": "",
        },
    )

    portal_comment(scene, other, "Written in the portal: Lily is happier now.")

    response, tree = page(client, scene.chair, scene.conference)

    def comments(r):
        return [
            p.text_content()
            for p in tree.xpath(f'//*[@id="report-{r.pk}"]//p[@data-family-comment]')
        ]

    assert comments(report) == ["I don't agree that the house is unsafe."]
    assert comments(other) == [
        "We have a new cot <now> & a fridge.",
        "Written in the portal: Lily is happier now.",
    ]
    assert "&lt;now&gt;" in response.content.decode()
    assert family_comments(other) == comments(other)


def test_no_restricted_text_reaches_the_page_even_for_the_chair(client, scene):
    canary = "CANARY-preparation-restricted"
    report = submitted(scene, restricted={"text": canary, "reason": "Reason CANARY-reason"})

    for user in (scene.chair, scene.unit):
        response, tree = page(client, user, scene.conference)

        body = response.content.decode()
        assert canary not in body and "CANARY-reason" not in body
        link = tree.xpath(
            f'//*[@id="report-{report.pk}"]//a[contains(., "restricted information")]'
        )[0]
        assert " ".join(link.text_content().split()) == (
            "This report has restricted information: read it in the report"
        )
        assert link.get("href") == reverse("reports:version", args=[report.pk, 1])


def test_the_latest_version_is_read(client, scene):
    from cpconf.reports import services
    from tests.report_scene import answers_for, save, submit

    report = submitted(scene, words="First words.")
    services.report_amend(report=report, reason="Corrected a date", actor=scene.author)
    report.refresh_from_db()
    save(report, "worries", {"text": "Amended worries about Lily and Noah."})
    save(report, "sharing", answers_for(report)["sharing"])  # each version is shared afresh
    submit(report)

    _response, tree = page(client, scene.chair, scene.conference)

    assert answers(tree, report)["worries"] == "Amended worries about Lily and Noah."


def test_reports_not_yet_submitted_are_listed_as_outstanding(client, scene):
    written(scene)  # the author's report: a draft
    colleague_agency = scene.colleague.role_assignments.get().agency

    _response, tree = page(client, scene.chair, scene.conference)

    outstanding = tree.xpath('//*[@data-chair-brief]//table[@id="outstanding"]')[0]
    rows = [cells(r) for r in outstanding.xpath(".//tbody/tr")]
    assert [r[0] for r in rows] == sorted(["Alder Primary", colleague_agency.name])
    authors = {r[0]: r[1] for r in rows}
    assert authors[colleague_agency.name] == scene.colleague.get_full_name()
    statuses = {r[0]: r[2] for r in rows}
    assert statuses["Alder Primary"] in ("Draft", "Shared with family")
    assert statuses[colleague_agency.name] == "Not started"
    assert not tree.xpath("//table[@data-report-children]")  # nothing submitted yet


def portal_comment(scene, report, text):
    from cpconf.portal.models import ReportComment

    member = scene.family.members.get(user=scene.parent)
    return ReportComment.objects.create(
        report=report, version=report.versions.get(), member=member, text=text
    )


def _queries_for(client, scene, first, count):
    for number in range(first, first + count):
        report = submitted(scene, another_writer(scene, f"Agency {number}"))
        portal_comment(scene, report, f"Comment {number}")
    client.force_login(scene.chair)
    url = reverse("preparation:prepare", args=[scene.conference.pk])
    client.get(url)  # warm the per-process caches (policies, report forms)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.parametrize("extra_children", [0, 3])
def test_the_number_of_queries_does_not_grow_with_reports_or_children(
    client, scene, extra_children
):
    from tests.factories import ChildFactory

    one_report = _queries_for(client, scene, 0, 1)
    for _ in range(extra_children):
        ChildFactory(family=scene.family)
    five_reports = _queries_for(client, scene, 1, 4)

    assert five_reports == one_report


def test_a_section_the_form_does_not_ask_is_shown_as_not_asked():
    """A local report form may leave out a Signs of Safety question: say so, don't fail."""
    import dataclasses

    from cpconf.organisations.report_forms import report_form_named
    from cpconf.preparation.selectors import _answers

    form = report_form_named("review")
    without = dataclasses.replace(
        form, sections=tuple(s for s in form.sections if s.key != "going_well")
    )

    answers = {a.key: a for a in _answers(without, {"worries": {"text": "Worry."}})}

    assert (answers["worries"].in_form, answers["worries"].text) == (True, "Worry.")
    assert answers["going_well"].in_form is False
    assert (answers["needs_to_happen"].in_form, answers["needs_to_happen"].text) == (True, "")


def test_a_family_member_gets_404(client, scene):
    submitted(scene)
    client.force_login(scene.parent)

    response = client.get(reverse("preparation:prepare", args=[scene.conference.pk]))

    assert response.status_code == 404

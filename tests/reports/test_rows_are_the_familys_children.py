"""A report's "The children" and "Scaling and recommendation" parts have one row for each
child on the conference family's record, and no others. Which child a row is, and whether
that child is unborn, come from the record, never from what the page posts: a post naming
another family's child, adding a made-up child, leaving a child out or swapping two rows is
refused with a clear error and nothing is saved. Scaling scores are read back against
children by id (the chair's preparation, the history of scores), so a score saved against
the wrong id would show against the wrong child."""

import datetime as dt

import pytest
from django.utils import timezone

from cpconf.named_errors import named
from cpconf.reports.forms import NOT_THE_FAMILYS_CHILDREN, NOT_THIS_CHILD
from tests.factories import ChildFactory, FamilyFactory
from tests.report_scene import start
from tests.reports.part_posts import (
    assessment_rows,
    child_rows,
    date_fields,
    part_url,
    rows_post,
    summary_links,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def zofia(scene):
    """A child of another family in the same authority."""
    nowak = FamilyFactory(local_authority=scene.authority, name="Nowak")
    return ChildFactory(
        family=nowak, given_name="Zofia", family_name="Nowak", date_of_birth=dt.date(2020, 3, 8)
    )


def assert_unchanged(report, key: str, before: dict) -> None:
    section = report.sections.get(key=key)
    assert section.revision == 0
    assert section.content == before


# The children part.


def test_a_child_of_another_family_is_refused_and_nothing_saved(client, scene, zofia):
    report = start(scene)
    before = report.sections.get(key="children").content
    rows = child_rows(report)
    rows[0] |= {"child_id": zofia.pk, "name": "Zofia Nowak"}
    client.force_login(scene.author)

    response = client.post(part_url(report, "children"), rows_post("children", rows))

    assert response.status_code == 400
    assert summary_links(response.content.decode()) == [
        ("id_children-0-name", named("Zofia Nowak", NOT_THIS_CHILD))
    ]
    assert_unchanged(report, "children", before)


def test_a_made_up_extra_child_is_refused_and_nothing_saved(client, scene):
    report = start(scene)
    before = report.sections.get(key="children").content
    injected = {
        "child_id": 999999,
        "name": "Injected Child",
        **date_fields("date_of_birth", dt.date(2018, 1, 1)),
        "id_number": "",
    }
    client.force_login(scene.author)

    response = client.post(
        part_url(report, "children"), rows_post("children", [*child_rows(report), injected])
    )

    assert response.status_code == 400
    page = response.content.decode()
    assert summary_links(page) == [("id_children-0-name", NOT_THE_FAMILYS_CHILDREN)]
    assert "Injected Child" not in page  # the page shows the family's children again
    assert 'name="children-TOTAL_FORMS" value="2"' in page
    assert_unchanged(report, "children", before)


def test_a_child_left_out_is_refused_and_nothing_saved(client, scene):
    report = start(scene)
    before = report.sections.get(key="children").content
    client.force_login(scene.author)

    response = client.post(
        part_url(report, "children"), rows_post("children", child_rows(report)[:1])
    )

    assert response.status_code == 400
    assert (
        "id_children-0-name",
        NOT_THE_FAMILYS_CHILDREN,
    ) in summary_links(response.content.decode())
    assert_unchanged(report, "children", before)


def test_rows_swapped_are_refused_so_no_date_is_saved_against_the_other_child(client, scene):
    report = start(scene)
    before = report.sections.get(key="children").content
    lily, noah = child_rows(report)
    client.force_login(scene.author)

    response = client.post(part_url(report, "children"), rows_post("children", [noah, lily]))

    assert response.status_code == 400
    assert [target for target, _ in summary_links(response.content.decode())] == [
        "id_children-0-name",
        "id_children-1-name",
    ]
    assert_unchanged(report, "children", before)


def test_a_refused_post_keeps_what_was_typed(client, scene, zofia):
    report = start(scene)
    rows = child_rows(report)
    rows[0]["child_id"] = zofia.pk
    rows[1]["id_number"] = "943 476 5919"
    client.force_login(scene.author)

    page = client.post(part_url(report, "children"), rows_post("children", rows)).content.decode()

    assert 'value="943 476 5919"' in page
    # The hidden id is the record's child again, so saving the page as shown works.
    assert f'name="children-0-child_id" value="{scene.children[0].pk}"' in page


def test_the_unborn_flag_is_the_family_records_not_the_rows_place(client, scene):
    due = timezone.localdate() + dt.timedelta(weeks=20)
    baby = ChildFactory(
        family=scene.family, given_name="Baby", date_of_birth=None, expected_due_date=due
    )
    report = start(scene)
    # An older working copy that lost the flag, as a post from the old page could leave it.
    section = report.sections.get(key="children")
    section.content["children"][2]["unborn"] = False
    section.save()
    client.force_login(scene.author)

    page = client.get(part_url(report, "children")).content.decode()
    client.post(part_url(report, "children"), rows_post("children", child_rows(report)))

    assert "Expected due date" in page
    saved = report.sections.get(key="children").content["children"]
    assert [(c["child_id"], c["unborn"]) for c in saved] == [
        (scene.children[0].pk, False),
        (scene.children[1].pk, False),
        (baby.pk, True),
    ]


def test_a_child_added_to_the_family_after_the_report_started_gets_a_row(client, scene):
    report = start(scene)
    baby = ChildFactory(
        family=scene.family,
        given_name="Baby",
        date_of_birth=None,
        expected_due_date=timezone.localdate() + dt.timedelta(weeks=20),
    )
    client.force_login(scene.author)

    page = client.get(part_url(report, "children")).content.decode()

    assert f'name="children-2-child_id" value="{baby.pk}"' in page
    assert 'name="children-TOTAL_FORMS" value="3"' in page


# The assessment part: a scaling score and a recommendation per child.


def test_a_score_for_a_child_of_another_family_is_refused_and_nothing_saved(client, scene, zofia):
    report = start(scene)
    before = report.sections.get(key="assessment").content
    rows = assessment_rows(report)
    rows[1]["child_id"] = zofia.pk
    client.force_login(scene.author)

    response = client.post(part_url(report, "assessment"), rows_post("assessment", rows))

    assert response.status_code == 400
    assert summary_links(response.content.decode()) == [
        ("id_assessment-1-scaling", named("Noah Hartwell", NOT_THIS_CHILD))
    ]
    assert_unchanged(report, "assessment", before)


def test_a_score_for_a_made_up_child_is_refused_and_nothing_saved(client, scene):
    report = start(scene)
    before = report.sections.get(key="assessment").content
    injected = {"child_id": 999999, "name": "Injected Child", "scaling": 9}
    client.force_login(scene.author)

    response = client.post(
        part_url(report, "assessment"),
        rows_post("assessment", [*assessment_rows(report), injected]),
    )

    assert response.status_code == 400
    assert summary_links(response.content.decode()) == [
        ("id_assessment-0-scaling", NOT_THE_FAMILYS_CHILDREN)
    ]
    assert_unchanged(report, "assessment", before)


def test_each_score_is_saved_against_the_child_the_record_names(client, scene):
    report = start(scene)
    rows = assessment_rows(report)
    rows[0] |= {"name": "Someone Else", "scaling": 2}
    client.force_login(scene.author)

    response = client.post(part_url(report, "assessment"), rows_post("assessment", rows))

    assert response.status_code == 302
    saved = report.sections.get(key="assessment").content["children"]
    assert [(c["child_id"], c["name"], c["scaling"]) for c in saved] == [
        (scene.children[0].pk, "Lily Hartwell", 2),
        (scene.children[1].pk, "Noah Hartwell", 4),
    ]

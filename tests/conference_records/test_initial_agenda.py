"""An initial conference follows its own agenda: no danger statement from a last conference, no
plan to continue or end; the decision is whether each child becomes subject to a plan, with the
category; for a baby not yet born the only question is whether harm is likely; the core group
within 10 working days and the first review within 3 months. A review keeps the review's."""

import datetime as dt

import pytest
from django.utils import timezone

from cpconf.conference_records import record_content as parts
from cpconf.conference_records import services
from cpconf.conferences.models import Stage
from cpconf.documents.minutes import Facts
from cpconf.outcomes.minutes_layout import minutes_document
from tests.conference_records.builders import complete_content, held, next_review_day, write_all
from tests.conference_records.pages import content_of, part_url, rows, started, url
from tests.factories import ChildFactory, ConferenceFactory

pytestmark = pytest.mark.django_db

UNBORN_QUESTION = "Is the baby likely to suffer significant harm?"


@pytest.fixture
def baby(scene):
    """An unborn baby in the scene's family, due in two months."""
    return ChildFactory(
        family=scene.family,
        given_name="Baby",
        date_of_birth=None,
        expected_due_date=timezone.localdate() + dt.timedelta(days=60),
    )


def a_review(scene):
    """The scene's conference made a review of an initial conference three months ago."""
    initial = ConferenceFactory(
        family=scene.family, chair=scene.chair, starts_at=timezone.now() - dt.timedelta(days=90)
    )
    conference = scene.conference
    conference.meeting_type, conference.stage, conference.previous = "review", Stage.REVIEW, initial
    conference.save(update_fields=["meeting_type", "stage", "previous"])
    return conference


def page(client, scene, key: str) -> str:
    client.force_login(scene.chair)
    return client.get(part_url(scene.conference, key)).content.decode()


def test_the_initial_decisions_ask_whether_each_child_becomes_subject_to_a_plan(
    client, scene, baby
):
    started(scene)

    decisions = page(client, scene, parts.DECISIONS)

    assert "should become subject to a child protection plan" in decisions
    assert "Becomes subject to a child protection plan" in decisions
    assert "No child protection plan: child in need plan" in decisions
    assert "continues" not in decisions and "plan ends" not in decisions
    assert f'value="{parts.PLAN_CONTINUES}"' not in decisions
    for category in ("Neglect", "Physical abuse", "Emotional abuse", "Sexual abuse"):
        assert category in decisions


def test_for_an_unborn_baby_the_only_harm_question_is_whether_it_is_likely(client, scene, baby):
    started(scene)
    children = services.children_of(scene.conference)
    row = next(index for index, (child_id, _name) in enumerate(children) if child_id == baby.pk)

    decisions = page(client, scene, parts.DECISIONS)

    assert UNBORN_QUESTION in decisions
    assert f'name="children-{row}-likely_to_suffer"' in decisions
    assert f'name="children-{row}-suffered_harm"' not in decisions
    assert 'name="children-0-suffered_harm"' in decisions  # Lily's
    assert decisions.count("Has the child suffered significant harm?") == 2


def test_the_unborn_babys_decision_is_saved_without_a_has_suffered_answer(client, scene, baby):
    record = started(scene)
    lily, noah = scene.children
    client.force_login(scene.chair)

    def decision(child, **answers):
        return {"child_id": str(child.pk), "name": child.full_name, "suffered_harm": "",
                "likely_to_suffer": "yes", "outcome": parts.PLAN_STARTS,
                "categories": ["neglect"], "professional_views": "", "consensus": "yes",
                **answers}  # fmt: skip

    response = client.post(
        part_url(scene.conference, parts.DECISIONS),
        {
            "revision": "0",
            # A has-suffered answer for the baby (from an old page, say) is not kept.
            **rows(
                "children",
                decision(lily, suffered_harm="yes"),
                decision(noah, suffered_harm="yes"),
                decision(baby, suffered_harm="yes"),
            ),
            "chair_summary": "A plan starts for each child.",
            **rows("dissent"),
        },
    )

    assert response.status_code == 302
    saved = {row["child_id"]: row for row in content_of(record, parts.DECISIONS)["children"]}
    assert saved[baby.pk]["unborn"] is True
    assert saved[baby.pk]["suffered_harm"] == ""
    assert saved[baby.pk]["likely_to_suffer"] == "yes"
    assert saved[lily.pk]["unborn"] is False
    assert saved[lily.pk]["suffered_harm"] == "yes"


def test_a_plan_that_continues_is_refused_at_an_initial_conference(scene):
    record = started(scene)
    lily = scene.children[0]

    with pytest.raises(services.PartInvalid) as refused:
        services.part_save(
            record=record,
            key=parts.DECISIONS,
            content={
                "children": [
                    {"child_id": lily.pk, "name": lily.full_name, "outcome": parts.PLAN_CONTINUES}
                ]
            },
            revision=0,
            actor=scene.chair,
        )

    assert refused.value.problems == [
        parts.Problem(parts.DECISIONS, "children-0-outcome", "Choose a decision from the list")
    ]


def test_the_initial_why_here_and_discussion_have_no_last_conference_or_plan(client, scene):
    started(scene)

    why_here = page(client, scene, parts.WHY_HERE)
    discussion = page(client, scene, parts.DISCUSSION)

    assert "last conference" not in why_here
    assert "agreed at this conference" in why_here
    assert "What are we worried about: harm and danger" in discussion
    assert "What is working well: strengths and safety" in discussion
    assert "with the plan" not in discussion
    assert 'name="worries-TOTAL_FORMS"' in discussion


def test_the_initial_future_dates_ask_for_the_core_group_and_the_first_review_in_time(
    client, scene
):
    started(scene)
    due = services.future_dates_due(scene.conference)

    future = page(client, scene, parts.FUTURE_DATES)

    assert "first meeting, within 10 working days" in future
    assert "first review conference, within 3 months" in future
    assert due["core_group_within_working_days"] == 10
    assert due["next_review_within_months"] == 3


def test_the_initial_record_reads_in_the_initial_agendas_words_to_the_minutes(client, scene, baby):
    held(scene.conference)
    record = started(scene)
    content = complete_content(
        services.children_of(scene.conference),
        next_review_day(scene.conference),
        held_on=timezone.localdate(scene.conference.starts_at),
    )
    write_all(record, content, scene.chair)
    client.force_login(scene.chair)

    overview = client.get(url("overview", scene.conference)).content.decode()
    check = client.get(url("check", scene.conference)).content.decode()
    version = services.record_finalise(record=record, actor=scene.chair)
    minutes = minutes_document(version)
    decisions = next(part for part in minutes.parts if part.title == "6. Decisions")
    facts = [
        fact
        for block in decisions.blocks
        for fact in getattr(block, "rows", ())
        if isinstance(block, Facts)
    ]

    assert "4. What are we worried about, and what is working well?" in overview
    assert "Becomes subject to a child protection plan" in check
    assert "Likely to suffer significant harm: Yes" in check
    assert check.count("Has suffered significant harm") == 2  # Lily and Noah, not the baby
    assert any(part.title.startswith("4. What are we worried about") for part in minutes.parts)
    assert (("Decision", "Becomes subject to a child protection plan")) in facts
    assert (
        sum(1 for label, _answer in facts if label == "Has the child suffered significant harm?")
        == 2
    )
    assert ("Is the baby likely to suffer significant harm?", "Yes") in facts


def test_a_review_keeps_the_review_agendas_words(client, scene):
    a_review(scene)
    started(scene)

    decisions = page(client, scene, parts.DECISIONS)
    why_here = page(client, scene, parts.WHY_HERE)
    discussion = page(client, scene, parts.DISCUSSION)
    future = page(client, scene, parts.FUTURE_DATES)

    assert "should remain subject to a child protection plan" in decisions
    assert "Child protection plan continues" in decisions
    assert "Child protection plan ends: child in need plan" in decisions
    assert "As agreed at the last conference" in why_here
    assert "What is working well with the plan" in discussion
    assert "next review conference, within 6 months" in future
    assert "within 20 working days" in future


def test_a_review_may_record_a_plan_that_continues(scene):
    a_review(scene)
    record = started(scene)
    lily = scene.children[0]

    services.part_save(
        record=record,
        key=parts.DECISIONS,
        content={
            "children": [
                {
                    "child_id": lily.pk,
                    "name": lily.full_name,
                    "outcome": parts.PLAN_CONTINUES,
                    "categories": ["neglect"],
                }
            ]
        },
        revision=0,
        actor=scene.chair,
    )

    assert content_of(record, parts.DECISIONS)["children"][0]["outcome"] == parts.PLAN_CONTINUES

"""The chair's pages during the meeting: the agenda overview, one page per section, who may
open them, and what saving each section stores (content.py's shapes)."""

import pytest

from cpconf.conference_records import record_content as parts
from cpconf.conference_records import services
from cpconf.conference_records.models import ConferenceRecord
from tests.conference_records.pages import (
    content_of,
    date_fields,
    part_url,
    revision_of,
    rows,
    shown,
    started,
    url,
)

pytestmark = pytest.mark.django_db


def test_the_overview_offers_to_start_the_record_and_starting_lists_the_agenda(client, scene):
    client.force_login(scene.chair)

    before = client.get(url("overview", scene.conference))
    response = client.post(url("start", scene.conference))
    after = client.get(url("overview", scene.conference))

    assert "Start the record" in before.content.decode()
    assert not ConferenceRecord.objects.exclude(conference=scene.conference).exists()
    assert response.status_code == 302
    page = after.content.decode()
    assert "Start the record" not in page
    for section in services.agenda_of(scene.conference).sections:
        key, number, title = section.key, section.number, section.title
        assert part_url(scene.conference, key) in page
        assert f"{number}. {title}" in page
    assert "Check and finalise the record" in page
    assert "Lily" in page and scene.conference.place in page


def test_opening_the_overview_does_not_start_the_record(client, scene):
    client.force_login(scene.unit)

    client.get(url("overview", scene.conference))

    assert not ConferenceRecord.objects.exists()


def test_a_section_of_a_record_not_started_sends_the_chair_to_the_overview(client, scene):
    client.force_login(scene.chair)

    response = client.get(part_url(scene.conference, parts.WHY_HERE))

    assert response.status_code == 302
    assert response.url == url("overview", scene.conference)


@pytest.mark.parametrize("key", parts.PART_KEYS)
def test_each_section_opens_for_the_chair_and_the_unit_and_no_one_else(client, scene, key):
    started(scene)
    answers = {}
    for who in ("chair", "unit", "author", "colleague", "parent"):
        client.force_login(getattr(scene, who))
        answers[who] = client.get(part_url(scene.conference, key)).status_code

    assert answers == {"chair": 200, "unit": 200, "author": 404, "colleague": 404, "parent": 404}


def test_a_part_that_does_not_exist_is_not_found(client, scene):
    started(scene)
    client.force_login(scene.chair)

    assert client.get(part_url(scene.conference, "gossip")).status_code == 404


def _save(client, scene, key, data):
    record = ConferenceRecord.objects.get(conference=scene.conference)
    return client.post(
        part_url(scene.conference, key), {"revision": revision_of(record, key), **data}
    )


def test_saving_the_family_meeting(client, scene):
    record = started(scene)
    client.force_login(scene.chair)

    response = _save(
        client,
        scene,
        parts.FAMILY_MEETING,
        {"held": "yes", "notes": "Dawn asked for a break at 11.", "attended": "Dawn Hartwell\n\n"},
    )

    assert response.status_code == 302
    assert response.url == part_url(scene.conference, parts.INTRODUCTIONS)
    assert content_of(record, parts.FAMILY_MEETING) == {
        "held": "yes",
        "notes": "Dawn asked for a break at 11.",
        "attended": ["Dawn Hartwell"],
    }


def test_introductions_suggest_the_family_and_the_invited_and_save_family_first(client, scene):
    record = started(scene)
    client.force_login(scene.chair)

    page = client.get(part_url(scene.conference, parts.INTRODUCTIONS)).content.decode()
    response = _save(
        client,
        scene,
        parts.INTRODUCTIONS,
        {
            **rows(
                "participants",
                {
                    "name": "Priya Shah",
                    "role": "DSL",
                    "agency": "Alder Primary",
                    "kind": "professional",
                    "attendance": "present",
                },
                {"name": "", "role": "", "agency": "", "kind": "", "attendance": ""},
                {
                    "name": "Dawn Hartwell",
                    "role": "Mother",
                    "agency": "",
                    "kind": "parent",
                    "attendance": "present",
                },
                {
                    "name": "Sam Okoro",
                    "role": "GP",
                    "agency": "Hill Surgery",
                    "kind": "professional",
                    "attendance": "apologies",
                },
            ),
            "parents_report": "We have kept every appointment.",
            "confidentiality_confirmed": "on",
        },
    )

    assert 'value="Dawn Hartwell"' in page and 'value="Priya Shah"' in page
    assert "Alder Primary" in page and "Not started" in page  # the reports received
    assert response.status_code == 302
    saved = content_of(record, parts.INTRODUCTIONS)
    assert [p["name"] for p in saved["participants"]] == [
        "Dawn Hartwell",
        "Priya Shah",
        "Sam Okoro",
    ]
    assert parts.Participant.from_json(saved["participants"][2]) == parts.Participant(
        name="Sam Okoro",
        role="GP",
        agency="Hill Surgery",
        kind="professional",
        attendance="apologies",
    )
    assert saved["parents_report"] == "We have kept every appointment."
    assert saved["confidentiality_confirmed"] is True
    assert saved["equal_opportunities_confirmed"] is False


def _with_participants(client, scene):
    return _save(
        client,
        scene,
        parts.INTRODUCTIONS,
        rows(
            "participants",
            {
                "name": "Priya Shah",
                "role": "DSL",
                "agency": "Alder Primary",
                "kind": "professional",
                "attendance": "present",
            },
            {"name": "Dawn Hartwell", "role": "Mother", "kind": "parent", "attendance": "present"},
        ),
    )


def test_why_are_we_here_shows_and_saves_the_danger_statement(client, scene):
    record = started(scene)
    client.force_login(scene.chair)
    fields = {
        "child_voice": "Lily drew her house with a locked door.",
        "advocacy": "Advocate met Lily twice.",
        "danger_statement": "Left without a sober adult at night.",
        "safety_goals": "A sober adult every evening.",
        "additional_information": "",
        "questions": "Dawn asked what 'core group' means.",
    }

    response = _save(client, scene, parts.WHY_HERE, fields)
    page = client.get(part_url(scene.conference, parts.WHY_HERE)).content.decode()

    assert response.status_code == 302
    assert content_of(record, parts.WHY_HERE) == fields
    assert "Left without a sober adult at night." in page


def test_discussion_records_who_said_it_with_the_parents_first(client, scene):
    record = started(scene)
    client.force_login(scene.chair)
    _with_participants(client, scene)
    data = {}
    for heading, _title in services.agenda_of(scene.conference).headings:
        data |= rows(heading, {"speaker": "", "text": ""})
    data |= rows(
        "working_well",
        {"speaker": "Priya Shah", "text": "Lily is on time every day."},
        {"speaker": "Dawn Hartwell", "text": "The mornings are calmer."},
    )

    page = client.get(part_url(scene.conference, parts.DISCUSSION)).content.decode()
    response = _save(client, scene, parts.DISCUSSION, data)

    assert "ask the parents first" in page
    assert page.index("Dawn Hartwell (Mother)") < page.index("Priya Shah (DSL, Alder Primary)")
    assert response.status_code == 302
    assert content_of(record, parts.DISCUSSION)["entries"] == [
        {"heading": "working_well", "speaker": "Dawn Hartwell", "speaker_kind": "parent",
         "agency": "", "text": "The mornings are calmer."},
        {"heading": "working_well", "speaker": "Priya Shah", "speaker_kind": "professional",
         "agency": "Alder Primary", "text": "Lily is on time every day."},
    ]  # fmt: skip


def test_the_plan_saves_actions_and_shows_those_carried_forward(client, scene):
    record = started(scene)
    part = record.parts.get(key=parts.PLAN)
    part.content = {
        "actions": [
            {"action": "Dawn to attend the recovery group", "who": "Dawn", "by_when": "2026-11-01",
             "priority": "high", "progress": "not_started", "carried_forward": True,
             "child_ids": []},
        ]
    }  # fmt: skip
    part.save()
    client.force_login(scene.chair)
    lily = scene.children[0]

    page = client.get(part_url(scene.conference, parts.PLAN)).content.decode()
    response = _save(
        client,
        scene,
        parts.PLAN,
        rows(
            "actions",
            {"action": "Dawn to attend the recovery group", "who": "Dawn",
             **date_fields("by_when", "1", "11", "2026"), "priority": "high",
             "progress": "in_progress", "carried_forward": "True"},
            {"action": "Book Lily's eye test", "who": "Health visitor",
             **date_fields("by_when", "9", "1", "2027"), "priority": "low", "progress": "",
             "child_ids": [str(lily.pk)], "carried_forward": "False"},
            {"action": "", "who": "", **date_fields("by_when", "", "", ""), "progress": ""},
        ),
    )  # fmt: skip

    assert "Carried forward from the last plan" in page
    assert 'value="Dawn to attend' not in page  # a textarea: the words are its text
    assert "Dawn to attend the recovery group</textarea>" in page
    assert response.status_code == 302
    assert content_of(record, parts.PLAN)["actions"] == [
        {"action": "Dawn to attend the recovery group", "who": "Dawn", "by_when": "2026-11-01",
         "priority": "high", "progress": "in_progress", "carried_forward": True, "child_ids": []},
        {"action": "Book Lily's eye test", "who": "Health visitor", "by_when": "2027-01-09",
         "priority": "low", "progress": "new", "carried_forward": False,
         "child_ids": [lily.pk]},
    ]  # fmt: skip


def _scores(scene, *values):
    lily, noah = scene.children
    cells = [("Dawn Hartwell", lily), ("Dawn Hartwell", noah), ("Priya Shah", lily),
             ("Priya Shah", noah)]  # fmt: skip
    return rows(
        "scores",
        *(
            {"participant": name, "child_id": str(child.pk), "score": value}
            for (name, child), value in zip(cells, values, strict=True)
        ),
    )


def test_scaling_asks_each_person_present_for_each_child_and_shows_the_range(client, scene):
    record = started(scene)
    client.force_login(scene.chair)
    _with_participants(client, scene)

    page = client.get(part_url(scene.conference, parts.SCALING)).content.decode()
    response = _save(client, scene, parts.SCALING, _scores(scene, "7", "", "5", "4"))

    scaling = scene.authority.policy.scaling
    assert scaling.low_means in page and scaling.high_means in page
    assert page.index("Dawn Hartwell") < page.index("Priya Shah")
    assert f"from {scaling.low} to {scaling.high}" in page
    assert response.status_code == 302
    lily, noah = scene.children
    assert content_of(record, parts.SCALING)["scores"] == [
        {"participant": "Dawn Hartwell", "child_id": lily.pk, "score": 7},
        {"participant": "Priya Shah", "child_id": lily.pk, "score": 5},
        {"participant": "Priya Shah", "child_id": noah.pk, "score": 4},
    ]


def _decision(child, **answers):
    blank = {"suffered_harm": "", "likely_to_suffer": "", "professional_views": "",
             "consensus": "", "outcome": ""}  # fmt: skip
    return {"child_id": str(child.pk), "name": child.full_name, **blank, **answers}


def test_decisions_are_saved_per_child_with_the_chairs_decision_and_dissent(client, scene):
    record = started(scene)
    client.force_login(scene.chair)
    lily, noah = scene.children

    page = client.get(part_url(scene.conference, parts.DECISIONS)).content.decode()
    response = _save(
        client,
        scene,
        parts.DECISIONS,
        {
            **rows(
                "children",
                _decision(
                    lily,
                    suffered_harm="yes",
                    likely_to_suffer="yes",
                    outcome=parts.PLAN_STARTS,
                    categories=["neglect", "emotional"],
                    consensus="no",
                    professional_views="School: plan needed.",
                ),
                _decision(noah, outcome=parts.ENDS_CHILD_IN_NEED, consensus="yes"),
            ),
            "chair_summary": "Progress, but not yet safe enough for Lily.",
            **rows("dissent", {"who": "Dawn Hartwell", "view": "Lily is safe now."}),
        },
    )

    assert lily.full_name in page and noah.full_name in page
    assert "Has the child suffered significant harm?" in page
    assert response.status_code == 302
    saved = content_of(record, parts.DECISIONS)
    assert saved["children"][0] == {
        "child_id": lily.pk,
        "name": lily.full_name,
        "unborn": False,
        "suffered_harm": "yes",
        "likely_to_suffer": "yes",
        "outcome": parts.PLAN_STARTS,
        "categories": ["neglect", "emotional"],
        "professional_views": "School: plan needed.",
        "consensus": "no",
    }
    assert saved["children"][1]["outcome"] == parts.ENDS_CHILD_IN_NEED
    assert saved["children"][1]["categories"] == []
    assert saved["chair_summary"] == "Progress, but not yet safe enough for Lily."
    assert saved["dissent"] == [{"who": "Dawn Hartwell", "view": "Lily is safe now."}]


def test_future_dates_show_when_they_are_due_and_save_dates_within_them(client, scene):
    record = started(scene)
    client.force_login(scene.chair)
    due = services.future_dates_due(scene.conference)
    review = due["next_review_by"]

    page = client.get(part_url(scene.conference, parts.FUTURE_DATES)).content.decode()
    response = _save(
        client,
        scene,
        parts.FUTURE_DATES,
        {
            "core_group_members": "Dawn Hartwell\nPriya Shah, Alder Primary",
            **date_fields("core_group_on", "", "", ""),
            **date_fields("next_review_on", str(review.day), str(review.month), str(review.year)),
            **date_fields("child_in_need_meeting_on", "", "", ""),
            "feedback_forms_sent": "on",
            "appeal_explained": "on",
        },
    )

    assert f"{due['next_review_by']:%B %Y}" in page
    assert f"{due['core_group_by']:%B %Y}" in page
    assert response.status_code == 302
    assert response.url == url("check", scene.conference)
    assert content_of(record, parts.FUTURE_DATES) == {
        "core_group_members": ["Dawn Hartwell", "Priya Shah, Alder Primary"],
        "core_group_on": "",
        "core_group_late_reason": "",
        "next_review_on": review.isoformat(),
        "next_review_late_reason": "",
        "child_in_need_meeting_on": "",
        "feedback_forms_sent": True,
        "appeal_explained": True,
    }


def test_add_another_saves_and_gives_one_more_blank_row(client, scene):
    record = started(scene)
    client.force_login(scene.chair)
    blank = {"name": "", "role": "", "agency": "", "kind": "", "attendance": ""}

    response = _save(
        client,
        scene,
        parts.INTRODUCTIONS,
        {
            **rows("participants", {**blank, "name": "Dawn Hartwell", "kind": "parent"}, blank),
            "add_row": "participants",
        },
    )
    page = client.get(response.url).content.decode()

    assert response.status_code == 302
    assert "more-participants=1" in response.url
    assert content_of(record, parts.INTRODUCTIONS)["participants"][0]["name"] == "Dawn Hartwell"
    assert 'name="participants-3-name"' in page  # the saved row, two blank and one more
    assert 'name="participants-4-name"' not in page


def test_save_and_return_goes_back_to_the_agenda(client, scene):
    started(scene)
    client.force_login(scene.chair)

    response = _save(client, scene, parts.FAMILY_MEETING, {"held": "no", "return": "1"})
    overview = client.get(url("overview", scene.conference)).content.decode()

    assert response.url == url("overview", scene.conference)
    assert "Saved" in overview


@pytest.mark.parametrize(
    "name", ["overview", "check", "versions", "correct", "next_review", "version"]
)
def test_the_record_pages_are_not_found_for_anyone_but_the_chair_and_the_unit(client, scene, name):
    started(scene)
    args = (1,) if name == "version" else ()
    answers = {}
    for who in ("author", "colleague", "parent"):
        client.force_login(getattr(scene, who))
        answers[who] = client.get(url(name, scene.conference, *args)).status_code
    client.force_login(scene.unit)
    unit = client.get(url(name, scene.conference, *args)).status_code

    assert answers == {"author": 404, "colleague": 404, "parent": 404}
    assert unit in (200, 302) or (name == "version" and unit == 404)


def test_add_another_under_one_discussion_heading(client, scene):
    started(scene)
    client.force_login(scene.chair)
    data = {}
    for heading, _title in services.agenda_of(scene.conference).headings:
        data |= rows(heading, {"speaker": "", "text": ""})

    response = _save(client, scene, parts.DISCUSSION, {**data, "add_row": "worries"})
    odd = _save(client, scene, parts.DISCUSSION, {**data, "add_row": "x&more-y=9"})
    page = client.get(response.url).content.decode()

    assert "more-worries=1" in response.url
    assert 'name="worries-1-text"' in page and 'name="working_well-1-text"' not in page
    assert odd.url == part_url(scene.conference, parts.PLAN)


def test_a_decision_is_headed_with_the_childs_name_from_the_family_record(client, scene):
    record = started(scene)
    client.force_login(scene.chair)
    lily, noah = scene.children

    response = _save(
        client,
        scene,
        parts.DECISIONS,
        {
            **rows(
                "children",
                {**_decision(lily, consensus="yes"), "name": "A name typed into the page"},
                _decision(noah, consensus="yes"),
            ),
            **rows("dissent"),
        },
    )

    assert response.status_code == 302
    saved = content_of(record, parts.DECISIONS)["children"]
    assert [row["name"] for row in saved] == [lily.full_name, noah.full_name]


def test_a_score_from_someone_the_page_did_not_offer_is_refused(client, scene):
    record = started(scene)
    client.force_login(scene.chair)
    _with_participants(client, scene)
    lily = scene.children[0]
    posted = _scores(scene, "7", "", "5", "4")
    posted["scores-0-participant"] = "Someone never at the meeting"

    response = _save(client, scene, parts.SCALING, posted)

    assert response.status_code == 400
    assert shown(parts.SCORE_NOT_OFFERED) in response.content.decode()
    assert content_of(record, parts.SCALING).get("scores", []) == []
    posted = _scores(scene, "7", "", "5", "4")
    posted["scores-2-child_id"] = str(lily.pk + 1000)
    assert _save(client, scene, parts.SCALING, posted).status_code == 400

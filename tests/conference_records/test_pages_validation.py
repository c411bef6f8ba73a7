"""Bad input on the section pages is refused naming the field, keeping everything typed and
saving nothing; two people saving the same section get a conflict they choose from."""

import pytest

from cpconf.conference_records import forms as record_forms
from cpconf.conference_records import record_content as parts
from cpconf.conference_records import services
from cpconf.named_errors import named
from tests.conference_records.pages import (
    content_of,
    date_fields,
    part_url,
    revision_of,
    rows,
    shown,
    started,
)

pytestmark = pytest.mark.django_db


def _people(record, scene):
    services.part_save(
        record=record,
        key=parts.INTRODUCTIONS,
        content={
            "participants": [
                {
                    "name": "Dawn Hartwell",
                    "role": "Mother",
                    "agency": "",
                    "kind": "parent",
                    "attendance": "present",
                },
            ]
        },
        revision=0,
        actor=scene.chair,
    )


def test_a_score_out_of_the_policys_range_is_named_and_kept(client, scene):
    record = started(scene)
    _people(record, scene)
    client.force_login(scene.chair)
    lily, noah = scene.children
    scaling = scene.authority.policy.scaling
    too_high = str(scaling.high + 1)

    response = client.post(
        part_url(scene.conference, parts.SCALING),
        {
            "revision": revision_of(record, parts.SCALING),
            **rows(
                "scores",
                {"participant": "Dawn Hartwell", "child_id": str(lily.pk), "score": "6"},
                {"participant": "Dawn Hartwell", "child_id": str(noah.pk), "score": too_high},
            ),
        },
    )

    page = response.content.decode()
    message = parts.SCORE_OUT_OF_RANGE.format(
        participant="Dawn Hartwell", name=noah.full_name, low=scaling.low, high=scaling.high
    )
    assert response.status_code == 400
    assert shown(message) in page
    assert 'href="#id_scores-1-score"' in page  # the error summary points at Noah's score
    assert f'value="{too_high}"' in page and 'value="6"' in page
    assert content_of(record, parts.SCALING)["scores"] == []


def test_a_score_that_is_not_a_number_is_named_and_kept(client, scene):
    record = started(scene)
    _people(record, scene)
    client.force_login(scene.chair)
    lily = scene.children[0]

    response = client.post(
        part_url(scene.conference, parts.SCALING),
        {
            "revision": revision_of(record, parts.SCALING),
            **rows(
                "scores",
                {"participant": "Dawn Hartwell", "child_id": str(lily.pk), "score": "seven"},
            ),
        },
    )

    page = response.content.decode()
    assert response.status_code == 400
    # The message names whose score it is, and for which child (cpconf.named_errors).
    whose = f"Dawn Hartwell's score for {lily.full_name}"
    assert shown(named(whose, str(record_forms.SCORE_WHOLE_NUMBER))) in page
    assert 'value="seven"' in page


def test_an_impossible_date_is_named_and_kept_with_the_rest(client, scene):
    record = started(scene)
    client.force_login(scene.chair)

    response = client.post(
        part_url(scene.conference, parts.FUTURE_DATES),
        {
            "revision": revision_of(record, parts.FUTURE_DATES),
            "core_group_members": "Dawn Hartwell",
            **date_fields("core_group_on", "", "", ""),
            **date_fields("next_review_on", "31", "2", "2027"),
            **date_fields("child_in_need_meeting_on", "", "", ""),
            "appeal_explained": "on",
        },
    )

    page = response.content.decode()
    assert response.status_code == 400
    assert "Date of the next review conference must be a real date" in page
    assert 'href="#id_next_review_on_day"' in page
    assert 'value="31"' in page and 'value="2027"' in page
    assert "Dawn Hartwell</textarea>" in page
    assert (
        'id="id_appeal_explained" name="appeal_explained" type="checkbox" value="on" checked'
        in (page)
    )
    assert content_of(record, parts.FUTURE_DATES)["next_review_on"] == ""


def test_a_plan_without_a_category_is_named_and_kept(client, scene):
    record = started(scene)
    client.force_login(scene.chair)
    lily, noah = scene.children
    blank = {"suffered_harm": "", "likely_to_suffer": "", "professional_views": "",
             "consensus": "", "outcome": ""}  # fmt: skip

    response = client.post(
        part_url(scene.conference, parts.DECISIONS),
        {
            "revision": revision_of(record, parts.DECISIONS),
            **rows(
                "children",
                {
                    **blank,
                    "child_id": str(lily.pk),
                    "name": lily.full_name,
                    "outcome": parts.PLAN_STARTS,
                    "professional_views": "Neglect continues.",
                },
                {**blank, "child_id": str(noah.pk), "name": noah.full_name},
            ),
            "chair_summary": "Lily needs a plan.",
            **rows("dissent", {"who": "", "view": ""}),
        },
    )

    page = response.content.decode()
    assert response.status_code == 400
    assert shown(parts.CHOOSE_CATEGORY.format(name=lily.full_name)) in page
    assert 'href="#id_children-0-categories"' in page
    assert f'value="{parts.PLAN_STARTS}" checked' in page
    assert "Neglect continues.</textarea>" in page and "Lily needs a plan.</textarea>" in page
    assert content_of(record, parts.DECISIONS)["chair_summary"] == ""


def test_words_with_nobody_who_said_them_are_refused(client, scene):
    record = started(scene)
    _people(record, scene)
    client.force_login(scene.chair)
    data = {"revision": revision_of(record, parts.DISCUSSION)}
    for heading, _title in services.agenda_of(scene.conference).headings:
        data |= rows(heading, {"speaker": "", "text": ""})
    data |= rows("worries", {"speaker": "", "text": "The new partner stays over."})

    response = client.post(part_url(scene.conference, parts.DISCUSSION), data)

    page = response.content.decode()
    assert response.status_code == 400
    assert shown(record_forms.CHOOSE_SPEAKER) in page
    assert 'href="#id_worries-0-speaker"' in page
    assert "The new partner stays over.</textarea>" in page


def test_a_second_save_from_an_older_page_shows_both_versions_and_keeps_mine_if_chosen(
    client, scene
):
    record = started(scene)
    client.force_login(scene.chair)
    opened_at = revision_of(record, parts.WHY_HERE)
    services.part_save(
        record=record,
        key=parts.WHY_HERE,
        content={"child_voice": "Theirs: Lily says she likes school."},
        revision=int(opened_at),
        actor=scene.unit,
    )
    mine = {"child_voice": "Mine: Lily said she is scared at night.", "advocacy": ""}

    conflict = client.post(
        part_url(scene.conference, parts.WHY_HERE), {"revision": opened_at, **mine}
    )
    page = conflict.content.decode()
    kept = client.post(
        part_url(scene.conference, parts.WHY_HERE),
        {"revision": revision_of(record, parts.WHY_HERE), **mine, "return": "1"},
    )

    assert conflict.status_code == 409
    assert "saved by someone else" in page
    assert "Theirs: Lily says she likes school." in page
    assert page.count("Mine: Lily said she is scared at night.") == 2  # beside theirs, in the form
    assert f'name="revision" value="{int(opened_at) + 1}"' in page
    assert "Keep my version" in page and "Keep the saved version" in page
    assert kept.status_code == 302
    assert content_of(record, parts.WHY_HERE)["child_voice"].startswith("Mine:")


def test_an_autosave_saves_quietly_and_says_when_it_cannot(client, scene):
    record = started(scene)
    client.force_login(scene.chair)
    headers = {"HTTP_X_CPCONF_AUTOSAVE": "1"}
    fields = {"child_voice": "Lily said she feels safer.", "advocacy": ""}

    saved = client.post(
        part_url(scene.conference, parts.WHY_HERE), {"revision": "0", **fields}, **headers
    )
    stale = client.post(
        part_url(scene.conference, parts.WHY_HERE), {"revision": "0", **fields}, **headers
    )
    wrong = client.post(
        part_url(scene.conference, parts.FUTURE_DATES),
        {"revision": "0", **date_fields("next_review_on", "31", "2", "2027")},
        **headers,
    )

    assert saved.status_code == 200 and saved.json()["saved"] is True
    assert saved.json()["revision"] == 1
    assert content_of(record, parts.WHY_HERE)["child_voice"] == "Lily said she feels safer."
    assert stale.status_code == 409 and stale.json()["conflict"] is True
    assert wrong.status_code == 400
    assert wrong.json()["errors"][0][0] == "id_next_review_on_day"

"""Check and finalise, the finalised versions, correcting the record and booking the next
review, through the pages."""

import datetime as dt

import pytest
from django.utils import timezone

from cpconf.conference_records import forms as record_forms
from cpconf.conference_records import record_content as parts
from cpconf.conference_records import services
from cpconf.conference_records.models import RecordStatus
from cpconf.conference_records.views import CHANGED_SINCE_SHOWN
from cpconf.conferences.models import Conference
from tests.conference_records.builders import (
    complete_content,
    held,
    next_review_day,
    quorate,
    write_all,
)
from tests.conference_records.pages import (
    content_of,
    finalise,
    part_url,
    revision_of,
    shown,
    started,
    url,
)

pytestmark = pytest.mark.django_db


def _complete(scene):
    """Every part answered, at a quorate meeting that started this morning."""
    held(scene.conference)
    quorate(scene.conference)
    record = started(scene)
    children = services.children_of(scene.conference)
    write_all(record, complete_content(children, next_review_day(scene.conference)), scene.chair)
    return record


def test_the_check_page_summarises_every_part_with_links_to_change_it(client, scene):
    _complete(scene)
    client.force_login(scene.chair)

    page = client.get(url("check", scene.conference)).content.decode()

    for section in services.agenda_of(scene.conference).sections:
        key, number, title = section.key, section.number, section.title
        assert f"{number}. {title}" in page
        assert f'href="{part_url(scene.conference, key)}#' in page
    assert "Dawn Hartwell: The mornings are calmer." in page
    assert "Becomes subject to a child protection plan" in page
    assert f'href="{part_url(scene.conference, parts.DECISIONS)}#id_children-0-outcome"' in page


def test_finalising_an_incomplete_record_names_each_problem_and_links_to_its_field(client, scene):
    held(scene.conference)
    record = started(scene)
    client.force_login(scene.chair)
    lily = scene.children[0]
    services.part_save(
        record=record,
        key=parts.DECISIONS,
        content={
            "children": [
                {
                    "child_id": lily.pk,
                    "name": lily.full_name,
                    "outcome": parts.PLAN_STARTS,
                    "categories": [],
                },
            ],
            "chair_summary": "Kept as typed.",
        },
        revision=0,
        actor=scene.chair,
    )

    response = finalise(client, scene.conference)

    page = response.content.decode()
    decisions = part_url(scene.conference, parts.DECISIONS)
    future = part_url(scene.conference, parts.FUTURE_DATES)
    noah = scene.children[1]
    assert response.status_code == 400
    assert "There is a problem" in page
    assert shown(parts.CHOOSE_CATEGORY.format(name=lily.full_name)) in page
    assert f'href="{decisions}#id_children-0-categories"' in page
    assert shown(parts.CHOOSE_DECISION.format(name=noah.full_name)) in page
    assert f'href="{decisions}#id_children-1-outcome"' in page
    assert shown(parts.ENTER_NEXT_REVIEW) in page
    assert f'href="{future}#id_next_review_on_day"' in page
    record.refresh_from_db()
    assert record.status == RecordStatus.IN_PROGRESS
    assert content_of(record, parts.DECISIONS)["chair_summary"] == "Kept as typed."
    # The link lands on the field it names.
    assert 'id="id_children-0-categories"' in client.get(decisions).content.decode()
    assert 'id="id_next_review_on_day"' in client.get(future).content.decode()


def test_finalising_a_complete_record_freezes_it_as_version_one(client, scene):
    record = _complete(scene)
    client.force_login(scene.chair)

    response = finalise(client, scene.conference)
    version = client.get(response.url).content.decode()
    overview = client.get(url("overview", scene.conference)).content.decode()
    section = client.get(part_url(scene.conference, parts.WHY_HERE))

    assert response.status_code == 302
    assert response.url == url("version", scene.conference, 1)
    record.refresh_from_db()
    assert record.status == RecordStatus.FINALISED
    assert "Record of the conference, version 1" in version
    assert "Dawn to attend the recovery group weekly" in version
    assert record.versions.get().fingerprint in version
    assert "Book the next review" in version and "Correct the record" in version
    assert "Finalised versions" in overview
    assert section.status_code == 302 and section.url == url("overview", scene.conference)


def test_a_finalised_record_refuses_saves(client, scene):
    record = _complete(scene)
    services.record_finalise(record=record, actor=scene.chair)
    client.force_login(scene.chair)

    response = client.post(
        part_url(scene.conference, parts.WHY_HERE),
        {"revision": revision_of(record, parts.WHY_HERE), "child_voice": "Changed afterwards"},
    )

    assert response.status_code == 409  # nothing saved; what was typed is shown again
    assert content_of(record, parts.WHY_HERE)["child_voice"] != "Changed afterwards"


def test_correcting_the_record_needs_a_reason_and_makes_version_two(client, scene):
    record = _complete(scene)
    services.record_finalise(record=record, actor=scene.chair)
    client.force_login(scene.chair)

    refused = client.post(url("correct", scene.conference), {"reason": ""})
    started_correction = client.post(
        url("correct", scene.conference), {"reason": "Noah's score was typed as Lily's."}
    )
    why_here = content_of(record, parts.WHY_HERE)
    saved = client.post(
        part_url(scene.conference, parts.WHY_HERE),
        {
            "revision": revision_of(record, parts.WHY_HERE),
            **why_here,
            "child_voice": "Corrected words",
            "return": "1",
        },
    )
    finalised = finalise(client, scene.conference)
    versions = client.get(url("versions", scene.conference)).content.decode()
    first = client.get(url("version", scene.conference, 1)).content.decode()

    assert refused.status_code == 400
    assert shown(record_forms.ENTER_CORRECTION_REASON) in refused.content.decode()
    assert started_correction.status_code == 302
    assert saved.status_code == 302
    assert finalised.url == url("version", scene.conference, 2)
    second = record.versions.get(number=2)
    assert second.correction_reason == "Noah's score was typed as Lily's."
    assert second.content[parts.WHY_HERE]["child_voice"] == "Corrected words"
    assert record.versions.get(number=1).content[parts.WHY_HERE]["child_voice"] == ""
    assert "Version 1" in versions and "Version 2" in versions
    assert shown("Noah's score was typed as Lily's.") in versions
    assert "A later version corrects this one." in first


def test_booking_the_next_review_from_the_agreed_date(client, scene):
    record = _complete(scene)
    services.record_finalise(record=record, actor=scene.chair)
    client.force_login(scene.chair)
    agreed = dt.date.fromisoformat(next_review_day(scene.conference))

    form = client.get(url("next_review", scene.conference)).content.decode()
    response = client.post(
        url("next_review", scene.conference),
        {
            "meeting_date_day": str(agreed.day),
            "meeting_date_month": str(agreed.month),
            "meeting_date_year": str(agreed.year),
            "starts_time": "10:00",
            "place": "Civic Centre, Room 4",
            "virtual_link": "",
            "confirm_warnings": "yes",
        },
    )
    booked = client.get(url("next_review", scene.conference)).content.decode()

    assert f'value="{agreed.day}"' in form and f'value="{agreed.year}"' in form
    assert response.status_code == 302
    review = Conference.objects.get(previous=scene.conference)
    assert timezone.localtime(review.starts_at).date() == agreed
    assert review.place == "Civic Centre, Room 4"
    assert review.chair == scene.chair
    assert "The next review is booked" in booked
    assert f"/conferences/{review.pk}/" in booked
    overview = client.get(url("overview", scene.conference)).content.decode()
    assert f"/conferences/{review.pk}/" in overview


def test_the_next_review_needs_a_real_date_and_is_booked_once(client, scene):
    record = _complete(scene)
    services.record_finalise(record=record, actor=scene.chair)
    client.force_login(scene.chair)
    good = timezone.localdate() + dt.timedelta(days=60)
    fields = {"starts_time": "10:00", "place": "Civic Centre", "virtual_link": "",
              "confirm_warnings": "yes"}  # fmt: skip

    refused = client.post(
        url("next_review", scene.conference),
        {
            "meeting_date_day": "30",
            "meeting_date_month": "2",
            "meeting_date_year": "2027",
            **fields,
        },
    )
    dates = {"meeting_date_day": str(good.day), "meeting_date_month": str(good.month),
             "meeting_date_year": str(good.year)}  # fmt: skip
    _book_reading_the_warnings(client, scene.conference, {**dates, **fields})
    _book_reading_the_warnings(client, scene.conference, {**dates, **fields})

    assert refused.status_code == 400
    assert "must be a real date" in refused.content.decode()
    assert 'value="30"' in refused.content.decode()
    assert Conference.objects.filter(previous=scene.conference).count() == 1


def _book_reading_the_warnings(client, conference, data):
    """Book as the unit does: if the page warns, tick that the warnings shown were read."""
    answer = client.post(url("next_review", conference), data)
    page = answer.content.decode()
    if 'name="warnings_shown" value="' not in page:
        return answer
    shown_digest = page.split('name="warnings_shown" value="', 1)[1].split('"', 1)[0]
    return client.post(url("next_review", conference), {**data, "warnings_shown": shown_digest})


def test_the_next_review_waits_for_the_record_to_be_finalised(client, scene):
    started(scene)
    client.force_login(scene.chair)

    response = client.get(url("next_review", scene.conference))

    assert response.status_code == 302
    assert response.url == url("overview", scene.conference)


def test_finalising_refuses_words_saved_after_the_check_page_showed_the_record(client, scene):
    record = _complete(scene)
    client.force_login(scene.chair)
    page = client.get(url("check", scene.conference)).content.decode()
    as_shown = page.split('name="shown" value="', 1)[1].split('"', 1)[0]
    # Meanwhile someone else (the unit, the chair in another tab) saves a part.
    why_here = content_of(record, parts.WHY_HERE)
    services.part_save(
        record=record,
        key=parts.WHY_HERE,
        content={**why_here, "child_voice": "Saved after the check page was opened."},
        revision=record.parts.get(key=parts.WHY_HERE).revision,
        actor=scene.unit,
    )

    refused = client.post(url("check", scene.conference), {"shown": as_shown})

    assert refused.status_code == 400
    record.refresh_from_db()
    assert record.status == RecordStatus.IN_PROGRESS
    assert not record.versions.exists()
    assert shown(CHANGED_SINCE_SHOWN) in refused.content.decode()
    assert 'href="#finalise"' in refused.content.decode()
    assert "Saved after the check page was opened." in refused.content.decode()
    # Finalised from the page as it now is, the version holds what that page showed.
    finalised = finalise(client, scene.conference)
    assert finalised.status_code == 302
    version = record.versions.get()
    assert version.content[parts.WHY_HERE]["child_voice"] == (
        "Saved after the check page was opened."
    )


def test_finalising_without_what_the_page_showed_finalises_nothing(client, scene):
    record = _complete(scene)
    client.force_login(scene.chair)

    refused = client.post(url("check", scene.conference))

    assert refused.status_code == 400
    assert shown(CHANGED_SINCE_SHOWN) in refused.content.decode()
    assert not record.versions.exists()


def test_the_fingerprint_covers_the_warnings_as_well_as_the_parts(scene):
    held(scene.conference)
    record = started(scene)  # no quorum yet: the page warns of it
    children = services.children_of(scene.conference)
    write_all(record, complete_content(children, next_review_day(scene.conference)), scene.chair)
    warned = services.record_as_shown(record)
    assert services.record_warnings(record)

    quorate(scene.conference)  # the warning goes, though no part changed

    assert services.record_warnings(record) == []
    assert services.record_as_shown(record) != warned
    with pytest.raises(services.RecordChangedSinceShown):
        services.record_finalise(record=record, actor=scene.chair, as_shown=warned)


def test_a_plan_beside_no_likely_harm_is_named_and_not_finalised(client, scene):
    record = _complete(scene)
    client.force_login(scene.chair)
    decisions = content_of(record, parts.DECISIONS)
    lily = decisions["children"][0]
    offered = services.agenda_of(scene.conference).outcome_keys
    plan = next(outcome for outcome in parts.PLAN_OUTCOMES if outcome in offered)
    lily.update(suffered_harm="no", likely_to_suffer="no", outcome=plan)
    services.part_save(
        record=record,
        key=parts.DECISIONS,
        content=decisions,
        revision=record.parts.get(key=parts.DECISIONS).revision,
        actor=scene.chair,
    )

    response = finalise(client, scene.conference)

    page = response.content.decode()
    message = parts.PLAN_WITHOUT_LIKELY_HARM.format(name=lily["name"])
    link = f"{part_url(scene.conference, parts.DECISIONS)}#"
    assert response.status_code == 400
    assert shown(message) in page
    anchor = page.split(f'href="{link}', 1)[1].split('"', 1)[0]
    assert "likely_to_suffer" in anchor
    assert (
        f'id="{anchor}"' in client.get(part_url(scene.conference, parts.DECISIONS)).content.decode()
    )
    record.refresh_from_db()
    assert record.status == RecordStatus.IN_PROGRESS


def test_a_tick_for_one_dates_warnings_books_no_review_on_another(client, scene):
    record = _complete(scene)
    services.record_finalise(record=record, actor=scene.chair)
    client.force_login(scene.chair)
    saturday = timezone.localdate() + dt.timedelta(
        days=(5 - timezone.localdate().weekday()) % 7 + 14
    )
    sunday = saturday + dt.timedelta(days=1)
    fields = {"starts_time": "10:00", "place": "Civic Centre", "virtual_link": ""}

    def on(day):
        return {"meeting_date_day": str(day.day), "meeting_date_month": str(day.month),
                "meeting_date_year": str(day.year), **fields}  # fmt: skip

    first = client.post(url("next_review", scene.conference), on(saturday)).content.decode()
    digest = first.split('name="warnings_shown" value="', 1)[1].split('"', 1)[0]
    # The tick given for Saturday's warnings, sent with Sunday instead.
    moved = client.post(
        url("next_review", scene.conference),
        {**on(sunday), "warnings_shown": digest, "confirm_warnings": "yes"},
    )

    assert moved.status_code == 400
    assert not Conference.objects.filter(previous=scene.conference).exists()

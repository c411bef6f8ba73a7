"""What happens to a record's pages once it is finalised: words typed in a tab that was open
are never lost, and "Correct the record" pressed twice (a double click, two tabs, the chair
and the unit at once) opens one correction with the reason first given."""

import pytest
from django.urls import reverse

from cpconf.audit.models import AuditEvent
from cpconf.conference_records import record_content as parts
from cpconf.conference_records import services
from cpconf.conference_records.views import ALREADY_CORRECTING, FINALISED_WHILE_EDITING
from tests.conference_records.builders import finalised, held
from tests.conference_records.pages import content_of, part_url, shown, url
from tests.reports.concurrency import PRESSES, failures, press_at_once

pytestmark = pytest.mark.django_db

TYPED = "Typed in a tab left open while the record was finalised."


def _post_after_finalising(client, scene, **extra):
    held(scene.conference)
    record = services.record_start(conference=scene.conference, actor=scene.chair)
    revision = record.parts.get(key=parts.WHY_HERE).revision  # the tab opened the part
    version = finalised(scene.conference, scene.chair)
    client.force_login(scene.chair)
    posted = {**content_of(version.record, parts.WHY_HERE), "child_voice": TYPED}
    posted["revision"] = str(revision)
    return version, client.post(part_url(scene.conference, parts.WHY_HERE), posted, **extra)


def test_a_save_after_finalising_keeps_what_was_typed_and_saves_nothing(client, scene):
    version, response = _post_after_finalising(client, scene)

    assert response.status_code == 409
    page = response.content.decode()
    assert TYPED in page
    assert shown(FINALISED_WHILE_EDITING) in page
    assert content_of(version.record, parts.WHY_HERE)["child_voice"] != TYPED
    assert version.record.versions.count() == 1


def test_an_autosave_after_finalising_is_told_in_words(client, scene):
    version, response = _post_after_finalising(client, scene, HTTP_X_CPCONF_AUTOSAVE="1")

    assert response.status_code == 409
    assert response.json()["not_editable"] is True
    assert response.json()["message"] == FINALISED_WHILE_EDITING
    assert content_of(version.record, parts.WHY_HERE)["child_voice"] != TYPED


def test_a_second_correction_is_not_started_and_the_first_reason_stays(scene):
    version = finalised(scene.conference, scene.chair)
    services.record_correct(record=version.record, reason="A date was wrong", actor=scene.chair)

    with pytest.raises(services.RecordAlreadyBeingCorrected):
        services.record_correct(record=version.record, reason="Another reason", actor=scene.unit)

    version.record.refresh_from_db()
    assert version.record.correction_reason == "A date was wrong"
    assert AuditEvent.objects.filter(action="conference_record_correction_started").count() == 1


@pytest.mark.django_db(transaction=True)
def test_correct_pressed_many_times_at_once_opens_one_correction(scene):
    version = finalised(scene.conference, scene.chair)
    correct = url("correct", scene.conference)
    reasons = iter(f"Reason number {n}" for n in range(PRESSES))

    results = press_at_once(
        scene.chair,
        lambda client: client.post(correct, {"reason": next(reasons)}, follow=True),
    )

    assert failures(results) == []
    assert [r.status_code for r in results] == [200] * PRESSES
    assert AuditEvent.objects.filter(action="conference_record_correction_started").count() == 1
    version.record.refresh_from_db()
    assert version.record.correction_reason.startswith("Reason number ")
    told = sum(shown(ALREADY_CORRECTING) in r.content.decode() for r in results)
    assert told == PRESSES - 1
    assert reverse("conference_records:overview", args=[scene.conference.pk]) in {
        r.redirect_chain[-1][0] for r in results
    }

"""A review report starts from the author's previous report, and each section carried forward
must be changed or confirmed "reviewed — no change" before signing: never signed unread. The
service refuses, the check page names the sections, the task list shows which still need
review."""

import re
from html import unescape

import pytest
from django.urls import reverse

from cpconf.audit.models import AuditEvent
from cpconf.reports import selectors, services
from cpconf.reports.models import ReviewState
from tests.report_scene import (
    answers_for,
    complete,
    review_conference,
    save,
    start,
    submit,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def previous(scene):
    report = complete(start(scene))
    submit(report)
    return report


@pytest.fixture
def review(scene, previous):
    """The review report with every section answered that is not carried forward."""
    report = start(scene, conference=review_conference(scene))
    carried = carried_keys(report)
    for key, content in answers_for(report).items():
        if key not in carried:
            save(report, key, content)
    return report


def carried_keys(report) -> set[str]:
    return {s.key for s in report.sections.all() if s.review != ReviewState.NOT_CARRIED}


def states(report) -> dict[str, str]:
    return {s.key: s.review for s in report.sections.all() if s.review}


def test_every_section_carried_forward_starts_as_needing_review(scene, previous):
    report = start(scene, conference=review_conference(scene))

    carried = previous.versions.get().content["parts"]
    expected = {
        s.key
        for s in selectors.form_of(report).sections
        if carried.get(s.key) and s.kind not in ("sharing", "assessment")
    }
    assert expected >= {"worries", "going_well", "needs_to_happen", "restricted"}
    assert states(report) == dict.fromkeys(expected, ReviewState.TO_REVIEW)


def test_an_initial_report_has_nothing_to_review(scene):
    report = start(scene)

    assert states(report) == {}
    assert selectors.unreviewed_sections(report) == []


def test_signing_is_refused_naming_every_section_neither_changed_nor_confirmed(review):
    with pytest.raises(services.ReportIncomplete) as refused:
        submit(review)

    form = selectors.form_of(review)
    named = {m.key: m.message for m in refused.value.missing}
    assert set(named) == carried_keys(review)
    assert named["worries"] == (
        f"Review “{form.section('worries').title}”: change it, "
        "or confirm it is reviewed with no change"
    )
    assert not review.versions.exists()


def test_changing_a_section_or_confirming_it_lets_the_report_be_signed(scene, review):
    old = review.sections.get(key="worries").content["text"]
    save(review, "worries", {"text": old + " Attendance fell to 80%."})
    for key in carried_keys(review) - {"worries"}:
        services.section_confirm_unchanged(report=review, key=key, actor=scene.author)

    version = submit(review)

    assert version.number == 1
    assert states(review)["worries"] == ReviewState.CHANGED
    assert {v for k, v in states(review).items() if k != "worries"} == {ReviewState.CONFIRMED}
    assert AuditEvent.objects.filter(action="report_section_confirmed_unchanged").count() == (
        len(carried_keys(review)) - 1
    )


def test_a_section_saved_back_to_the_words_it_was_carried_with_needs_review_again(review):
    old = review.sections.get(key="worries").content["text"]

    save(review, "worries", {"text": old + " More."})
    assert states(review)["worries"] == ReviewState.CHANGED
    save(review, "worries", {"text": old})
    assert states(review)["worries"] == ReviewState.TO_REVIEW


def test_a_changed_section_is_not_confirmed_as_unchanged_nor_a_new_one(scene, review):
    old = review.sections.get(key="worries").content["text"]
    save(review, "worries", {"text": old + " More."})

    with pytest.raises(services.ChangedSectionNotConfirmable):
        services.section_confirm_unchanged(report=review, key="worries", actor=scene.author)
    with pytest.raises(services.SectionNotCarried):
        services.section_confirm_unchanged(report=review, key="sharing", actor=scene.author)


def test_a_confirmed_section_changed_afterwards_is_recorded_as_changed(scene, review):
    services.section_confirm_unchanged(report=review, key="worries", actor=scene.author)
    old = review.sections.get(key="worries").content["text"]

    save(review, "worries", {"text": old + " More."})

    assert states(review)["worries"] == ReviewState.CHANGED


def error_summary(page: str) -> list[str]:
    block = page.split('class="govuk-error-summary"', 1)[1].split("</ul>", 1)[0]
    return [unescape(item) for item in re.findall(r'<a href="[^"]+">([^<]+)</a>', block)]


def test_the_check_page_refuses_to_sign_and_names_the_sections(client, scene, review):
    client.force_login(scene.author)

    response = client.post(
        reverse("reports:check", args=[review.pk]),
        {"signed_name": "Priya Shah", "signed_role": "Designated safeguarding lead"},
    )

    assert response.status_code == 400
    form = selectors.form_of(review)
    named = error_summary(response.content.decode())
    for key in carried_keys(review):
        title = form.section(key).title
        assert any(title in item and "reviewed with no change" in item for item in named), key
    assert not review.versions.exists()


def test_the_task_list_shows_which_sections_still_need_review(client, scene, review):
    services.section_confirm_unchanged(report=review, key="going_well", actor=scene.author)
    client.force_login(scene.author)

    page = client.get(reverse("reports:task_list", args=[review.pk])).content.decode()

    waiting = carried_keys(review) - {"going_well"}
    for key in waiting:
        status = page.split(f'id="task-{key}-status"', 1)[1].split("</div>", 1)[0]
        assert "Needs review" in status, key
    status = page.split('id="task-going_well-status"', 1)[1].split("</div>", 1)[0]
    assert "Reviewed — no change" in status
    assert f"{len(waiting)} sections carried forward" in page
    assert "Review every carried-forward section first" in page


def test_the_section_page_offers_reviewed_no_change_and_records_it(client, scene, review):
    client.force_login(scene.author)
    part = reverse("reports:part", args=[review.pk, "worries"])
    confirm = reverse("reports:part_confirm", args=[review.pk, "worries"])

    page = client.get(part).content.decode()
    assert f'action="{confirm}"' in page and "Reviewed — no change" in page

    response = client.post(confirm)

    assert response.status_code == 302
    assert response["Location"] == reverse("reports:task_list", args=[review.pk])
    assert states(review)["worries"] == ReviewState.CONFIRMED
    assert f'action="{confirm}"' not in client.get(part).content.decode()


def test_nobody_but_the_author_confirms_a_section(client, scene, review):
    for someone in (scene.colleague, scene.chair, scene.unit, scene.parent):
        client.force_login(someone)
        response = client.post(reverse("reports:part_confirm", args=[review.pk, "worries"]))
        assert response.status_code == 404
    assert states(review)["worries"] == ReviewState.TO_REVIEW


def test_confirming_is_only_by_post(client, scene, review):
    client.force_login(scene.author)

    response = client.get(reverse("reports:part_confirm", args=[review.pk, "worries"]))

    assert response.status_code == 405

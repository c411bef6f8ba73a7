"""The refusals as the chair meets them on the pages: dates refused as they are saved, naming
the field and keeping what was typed; finalising refused with each problem in the GOV.UK error
summary, linked to its field; a conference without a quorum finalised only once the chair says
they have read the warning."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from cpconf.conference_records import date_checks, quorum, services
from cpconf.conference_records import record_content as parts
from cpconf.conference_records.models import RecordStatus
from cpconf.conference_records.views import WARNINGS_NOT_READ
from cpconf.deadlines import calendar_for_policy
from cpconf.organisations.models import AgencyKind
from tests.conference_records.builders import (
    complete_content,
    held,
    next_review_day,
    quorate,
    write_all,
)
from tests.conference_records.pages import (
    content_of,
    date_fields,
    finalise,
    part_url,
    revision_of,
    shown,
    started,
    url,
)

pytestmark = pytest.mark.django_db


def long(day: dt.date) -> str:
    return f"{day.day} {day:%B %Y}"


def future_dates(record, **fields: str) -> dict[str, str]:
    data = {
        "revision": revision_of(record, parts.FUTURE_DATES),
        "core_group_members": "Dawn Hartwell",
        **date_fields("core_group_on", "", "", ""),
        **date_fields("next_review_on", "", "", ""),
        **date_fields("child_in_need_meeting_on", "", "", ""),
        "core_group_late_reason": "",
        "next_review_late_reason": "",
    }
    return data | fields


def as_fields(name: str, day: dt.date) -> dict[str, str]:
    return date_fields(name, str(day.day), str(day.month), str(day.year))


def test_a_next_review_before_the_conference_is_refused_naming_the_field(client, scene):
    record = started(scene)
    client.force_login(scene.chair)
    held_on = timezone.localdate(scene.conference.starts_at)
    before = held_on - dt.timedelta(days=1)

    response = client.post(
        part_url(scene.conference, parts.FUTURE_DATES),
        future_dates(record, **as_fields("next_review_on", before)),
    )

    page = response.content.decode()
    assert response.status_code == 400
    assert "There is a problem" in page
    assert shown(date_checks.NEXT_REVIEW_BEFORE.format(day=long(held_on))) in page
    assert 'href="#id_next_review_on_day"' in page
    assert f'value="{before.day}"' in page and "Dawn Hartwell" in page
    assert content_of(record, parts.FUTURE_DATES)["next_review_on"] == ""


def test_a_late_core_group_is_refused_until_the_reason_is_recorded(client, scene):
    record = started(scene)
    client.force_login(scene.chair)
    due = services.future_dates_due(scene.conference)
    late = due["core_group_by"] + dt.timedelta(days=7)
    form = future_dates(record, **as_fields("core_group_on", late))

    page = client.get(part_url(scene.conference, parts.FUTURE_DATES)).content.decode()
    refused = client.post(part_url(scene.conference, parts.FUTURE_DATES), form)
    reason = "The social worker is on leave until then."
    saved = client.post(
        part_url(scene.conference, parts.FUTURE_DATES), form | {"core_group_late_reason": reason}
    )

    assert 'name="core_group_late_reason"' in page
    assert "Reason the core group meets later" in page
    assert refused.status_code == 400
    message = date_checks.CORE_GROUP_LATE.format(
        due=long(due["core_group_by"]), days=due["core_group_within_working_days"]
    )
    assert shown(message) in refused.content.decode()
    assert 'href="#id_core_group_on_day"' in refused.content.decode()
    assert saved.status_code == 302
    assert content_of(record, parts.FUTURE_DATES)["core_group_on"] == late.isoformat()
    assert content_of(record, parts.FUTURE_DATES)["core_group_late_reason"] == reason


def test_a_late_review_is_refused_until_the_reason_is_recorded(client, scene):
    record = started(scene)
    client.force_login(scene.chair)
    due = services.future_dates_due(scene.conference)
    calendar = calendar_for_policy(services.policy_of(scene.conference))
    late = calendar.working_days_after(due["next_review_by"], 1)
    form = future_dates(record, **as_fields("next_review_on", late))

    refused = client.post(part_url(scene.conference, parts.FUTURE_DATES), form)
    saved = client.post(
        part_url(scene.conference, parts.FUTURE_DATES),
        form | {"next_review_late_reason": "The family's baby is due that week."},
    )

    assert refused.status_code == 400
    message = date_checks.NEXT_REVIEW_LATE.format(
        due=long(due["next_review_by"]), months=due["next_review_within_months"]
    )
    assert shown(message) in refused.content.decode()
    assert saved.status_code == 302
    assert content_of(record, parts.FUTURE_DATES)["next_review_on"] == late.isoformat()


def complete(scene):
    record = started(scene)
    conference = scene.conference
    content = complete_content(
        services.children_of(conference),
        next_review_day(conference),
        held_on=timezone.localdate(conference.starts_at),
    )
    write_all(record, content, scene.chair)
    return record


def test_finalising_before_the_meeting_links_to_the_conference(client, scene):
    quorate(scene.conference)
    record = complete(scene)
    client.force_login(scene.chair)
    starts = timezone.localtime(scene.conference.starts_at)

    response = finalise(client, scene.conference)

    page = response.content.decode()
    message = date_checks.MEETING_NOT_STARTED.format(
        time=f"{starts:%H:%M}", day=long(starts.date())
    )
    assert response.status_code == 400
    assert shown(message) in page
    assert f'href="{reverse("conferences:detail", args=[scene.conference.pk])}"' in page
    record.refresh_from_db()
    assert record.status == RecordStatus.IN_PROGRESS


def test_finalising_without_anyone_present_links_to_introductions(client, scene):
    held(scene.conference)
    quorate(scene.conference)
    record = complete(scene)
    intro = record.parts.get(key=parts.INTRODUCTIONS)
    away = [{**p, "attendance": "apologies"} for p in intro.content["participants"]]
    services.part_save(
        record=record,
        key=parts.INTRODUCTIONS,
        content={"participants": away},
        revision=intro.revision,
        actor=scene.chair,
    )
    client.force_login(scene.chair)

    response = finalise(client, scene.conference)

    page = response.content.decode()
    introductions = part_url(scene.conference, parts.INTRODUCTIONS)
    assert response.status_code == 400
    assert shown(parts.NO_ONE_PRESENT) in page
    assert f'href="{introductions}#id_participants-0-name"' in page
    assert 'id="id_participants-0-name"' in client.get(introductions).content.decode()


def test_finalising_with_an_action_due_before_the_meeting_links_to_the_action(client, scene):
    held(scene.conference)
    quorate(scene.conference)
    record = complete(scene)
    plan = record.parts.get(key=parts.PLAN)
    yesterday = timezone.localdate() - dt.timedelta(days=1)
    actions = [{**plan.content["actions"][0], "by_when": yesterday.isoformat()}]
    services.part_save(
        record=record,
        key=parts.PLAN,
        content={"actions": actions},
        revision=plan.revision,
        actor=scene.chair,
    )
    client.force_login(scene.chair)

    response = finalise(client, scene.conference)

    page = response.content.decode()
    message = date_checks.ACTION_BEFORE.format(number=1, day=long(timezone.localdate()))
    assert response.status_code == 400
    assert shown(message) in page
    assert f'href="{part_url(scene.conference, parts.PLAN)}#id_actions-0-by_when_day"' in page


def test_without_a_quorum_the_chair_finalises_only_once_they_have_read_the_warning(client, scene):
    held(scene.conference)
    record = complete(scene)  # the authority has no children's social care agency
    client.force_login(scene.chair)
    warning = quorum.QUORUM_AGENCY_ABSENT.format(agency=AgencyKind.SOCIAL_CARE.label)

    check = client.get(url("check", scene.conference)).content.decode()
    unread = finalise(client, scene.conference)
    record.refresh_from_db()
    status_after_unread = record.status
    read = finalise(client, scene.conference, {"warnings_read": "yes"})

    assert shown(warning) in check
    assert 'name="warnings_read"' in check
    assert unread.status_code == 400
    assert shown(WARNINGS_NOT_READ) in unread.content.decode()
    assert 'href="#warnings_read"' in unread.content.decode()
    assert status_after_unread == RecordStatus.IN_PROGRESS
    assert read.status_code == 302
    record.refresh_from_db()
    assert record.status == RecordStatus.FINALISED


def test_a_quorate_conference_is_finalised_without_a_warning(client, scene):
    held(scene.conference)
    quorate(scene.conference)
    complete(scene)
    client.force_login(scene.chair)

    check = client.get(url("check", scene.conference)).content.decode()
    response = finalise(client, scene.conference)

    assert 'name="warnings_read"' not in check
    assert response.status_code == 302

"""What must be impossible when the record is finalised (DESIGN.md): before the meeting has
started, without attendance, without a decision per child or a category per plan, or with a
core group, review or action date before the meeting. Each refusal names the field it is about;
a conference without a quorum is only a warning."""

import datetime as dt
from collections.abc import Callable

import pytest
from django.utils import timezone

from cpconf.conference_records import date_checks, quorum, services
from cpconf.conference_records import record_content as parts
from cpconf.conference_records.models import RecordStatus
from cpconf.organisations.models import AgencyKind
from tests.conference_records.builders import (
    HEALTH_VISITING,
    SOCIAL_CARE,
    complete_content,
    held,
    next_review_day,
    quorate,
    write_all,
)
from tests.conference_records.pages import started

pytestmark = pytest.mark.django_db


def completed(scene, **changes):
    """The scene's record, every part answered for its meeting's date, then `changes` (part
    key to the fields that differ) saved over it."""
    record = started(scene)
    conference = scene.conference
    content = complete_content(
        services.children_of(conference),
        next_review_day(conference),
        held_on=timezone.localdate(conference.starts_at),
    )
    for key, fields in changes.items():
        content[key].update(fields)
    write_all(record, content, scene.chair)
    return record


def refused(record, scene, at=None) -> list[parts.Problem]:
    with pytest.raises(services.RecordIncomplete) as raised:
        services.record_finalise(record=record, actor=scene.chair, at=at)
    record.refresh_from_db()
    assert record.status == RecordStatus.IN_PROGRESS
    assert not record.versions.exists()
    return raised.value.problems


def test_a_record_is_not_finalised_before_its_meeting_has_started(scene):
    record = completed(scene)  # the meeting is three weeks away
    starts = timezone.localtime(scene.conference.starts_at)

    problems = refused(record, scene)

    assert problems == [
        parts.Problem(
            date_checks.CONFERENCE,
            "starts_at",
            date_checks.MEETING_NOT_STARTED.format(
                time=f"{starts:%H:%M}", day=f"{starts.day} {starts:%B %Y}"
            ),
        )
    ]


def test_once_the_meeting_has_started_the_same_record_is_finalised(scene):
    record = completed(scene)
    after_the_start = scene.conference.starts_at + dt.timedelta(hours=2)

    version = services.record_finalise(record=record, actor=scene.chair, at=after_the_start)

    assert version.number == 1
    assert version.finalised_at == after_the_start


def test_a_record_with_nobody_recorded_present_is_not_finalised(scene):
    held(scene.conference)
    everyone = complete_content(services.children_of(scene.conference), "")
    away = [
        {**person, "attendance": "apologies"}
        for person in everyone[parts.INTRODUCTIONS]["participants"]
    ]
    record = completed(scene, **{parts.INTRODUCTIONS: {"participants": away}})

    problems = refused(record, scene)

    assert problems == [parts.Problem(parts.INTRODUCTIONS, "participants", parts.NO_ONE_PRESENT)]


def test_a_record_with_no_participants_at_all_is_not_finalised(scene):
    held(scene.conference)
    record = completed(scene, **{parts.INTRODUCTIONS: {"participants": []}})

    assert parts.Problem(parts.INTRODUCTIONS, "participants", parts.NO_ONE_PRESENT) in refused(
        record, scene
    )


def test_a_child_without_a_decision_and_a_plan_without_a_category_are_named(scene):
    held(scene.conference)
    record = completed(scene)
    lily, noah = scene.children
    decisions = record.parts.get(key=parts.DECISIONS)
    content = decisions.content
    content["children"][0]["categories"] = []
    content["children"][1]["outcome"] = ""
    # Written straight to the working copy: the page asks for the category as it is saved.
    decisions.content = content
    decisions.save()

    problems = refused(record, scene)

    assert problems == [
        parts.Problem(
            parts.DECISIONS,
            "children-0-categories",
            parts.CHOOSE_CATEGORY.format(name=lily.full_name),
        ),
        parts.Problem(
            parts.DECISIONS, "children-1-outcome", parts.CHOOSE_DECISION.format(name=noah.full_name)
        ),
    ]


def _first_working_day(day: dt.date, is_working_day: Callable[[dt.date], bool]) -> dt.date:
    while not is_working_day(day):
        day += dt.timedelta(days=1)
    return day


def test_dates_before_the_meeting_are_refused_when_it_has_moved_later(scene):
    # The dates were agreed for a meeting twenty days ago; the unit then moved the meeting to
    # this morning, so the core group, the next review and an action are now before it.
    twenty_days_ago = timezone.localdate() - dt.timedelta(days=20)
    held(scene.conference, dt.timedelta(days=20))
    # Working days of the authority, as the record asks, whatever day the tests run on.
    working_day = services.timescales_of(scene.conference).is_working_day
    core_group_on = _first_working_day(twenty_days_ago + dt.timedelta(days=3), working_day)
    next_review_on = _first_working_day(twenty_days_ago + dt.timedelta(days=10), working_day)
    record = completed(
        scene,
        **{
            parts.FUTURE_DATES: {
                "core_group_on": core_group_on.isoformat(),
                "next_review_on": next_review_on.isoformat(),
            }
        },
    )
    plan = record.parts.get(key=parts.PLAN)
    services.part_save(
        record=record,
        key=parts.PLAN,
        content={
            "actions": [
                {**plan.content["actions"][0], "by_when": twenty_days_ago.isoformat()},
                # done: its date is history, not a date still to come
                {**plan.content["actions"][1], "by_when": twenty_days_ago.isoformat()},
            ]
        },
        revision=plan.revision,
        actor=scene.chair,
    )
    held(scene.conference)
    today = timezone.localdate()
    day = f"{today.day} {today:%B %Y}"

    problems = refused(record, scene)

    assert problems == [
        parts.Problem(
            parts.FUTURE_DATES, "core_group_on", date_checks.CORE_GROUP_BEFORE.format(day=day)
        ),
        parts.Problem(
            parts.FUTURE_DATES, "next_review_on", date_checks.NEXT_REVIEW_BEFORE.format(day=day)
        ),
        parts.Problem(
            parts.PLAN,
            "actions-0-by_when",
            date_checks.ACTION_BEFORE.format(number=1, day=day),
        ),
    ]


def test_a_conference_without_its_quorum_is_warned_of_but_may_be_finalised(scene):
    held(scene.conference)
    # Three agencies are present, but the authority has no agency called what the social
    # worker's was typed as: nobody from children's social care is known to be there.
    record = completed(scene)

    warnings = services.record_warnings(record)
    version = services.record_finalise(record=record, actor=scene.chair)

    assert warnings == [quorum.QUORUM_AGENCY_ABSENT.format(agency=AgencyKind.SOCIAL_CARE.label)]
    assert version.number == 1


def test_children_social_care_and_two_other_agencies_make_a_quorum(scene):
    held(scene.conference)
    quorate(scene.conference)
    record = completed(scene)

    assert services.record_warnings(record) == []


def test_too_few_other_agencies_are_warned_of(scene):
    held(scene.conference)
    quorate(scene.conference)
    everyone = complete_content(services.children_of(scene.conference), "")
    people = everyone[parts.INTRODUCTIONS]["participants"]
    without_health = [p for p in people if p["agency"] != HEALTH_VISITING]
    record = completed(scene, **{parts.INTRODUCTIONS: {"participants": without_health}})

    warnings = services.record_warnings(record)

    assert warnings == [
        quorum.QUORUM_TOO_FEW_OTHERS.format(
            count=1, needed=2, required=AgencyKind.SOCIAL_CARE.label
        )
    ]
    assert SOCIAL_CARE in [p["agency"] for p in without_health]


def test_the_quorum_is_the_policys(scene, monkeypatch):
    import dataclasses

    from cpconf.organisations.models import LocalAuthority
    from cpconf.policy import Quorum

    held(scene.conference)
    quorate(scene.conference)
    record = completed(scene)
    policy = scene.authority.policy
    stricter = dataclasses.replace(
        policy, quorum=Quorum(agencies=("social_care", "police"), other_agencies_at_least=1)
    )
    monkeypatch.setattr(LocalAuthority, "policy", property(lambda authority: stricter))

    assert services.record_warnings(record) == [
        quorum.QUORUM_AGENCY_ABSENT.format(agency=AgencyKind.POLICE.label)
    ]

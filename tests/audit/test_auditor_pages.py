"""The auditor's search and CSV export: every filter, only their own authority's events,
nobody else let in, bad input explained, and their own searches and exports recorded."""

import csv
import io
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from unittest import mock

import pytest
from django.urls import reverse

from cpconf.accounts.models import Role
from cpconf.audit.models import AuditEvent, Outcome
from cpconf.audit.services import audit_record
from cpconf.audit_trail.csv_export import COLUMNS
from cpconf.audit_trail.forms import END_BEFORE_START
from tests.factories import (
    AgencyFactory,
    ChildFactory,
    FamilyFactory,
    LocalAuthorityFactory,
    user_with_role,
)
from tests.worlds import FAST_HASHER

pytestmark = pytest.mark.django_db

SEARCH = reverse("audit:search")
EXPORT = reverse("audit:export")
FORMULA = '=HYPERLINK("http://evil.example","Click")'


@contextmanager
def recorded_at(when: datetime):
    with mock.patch("cpconf.audit.services.timezone") as clock:
        clock.now.return_value = when
        yield


@dataclass
class World:
    auditor: Any
    professional: Any
    unit: Any
    hartwell: Any
    bell: Any
    fenwick: Any
    lily: Any
    events: dict[str, AuditEvent]


def record(when: datetime, action: str, actor, family, **extra) -> AuditEvent:
    with recorded_at(when):
        return audit_record(
            action=action,
            actor=actor,
            obj=family,
            family_id=family.pk if family else None,
            local_authority_id=extra.pop("authority", None)
            or (family.local_authority_id if family else None),
            **extra,
        )


@pytest.fixture
def world(settings) -> World:
    settings.PASSWORD_HASHERS = FAST_HASHER
    north, south = LocalAuthorityFactory(), LocalAuthorityFactory()
    auditor = user_with_role(Role.AUDITOR, north, email="kevin.doyle@north.example")
    school = AgencyFactory(local_authority=north, name="Alder Primary")
    professional = user_with_role(
        Role.PROFESSIONAL, north, agency=school, email="priya.shah@north.example"
    )
    unit = user_with_role(Role.UNIT_ADMINISTRATOR, north, email="helen.marsh@north.example")
    southerner = user_with_role(Role.UNIT_ADMINISTRATOR, south, email="claire@south.example")
    hartwell = FamilyFactory(local_authority=north, case_reference="NS-2026-0141", name="Hartwell")
    lily = ChildFactory(family=hartwell, given_name="Lily", family_name="Hartwell")
    bell = FamilyFactory(local_authority=north, case_reference="NS-2026-0158", name="Bell")
    ChildFactory(family=bell, given_name="Oscar", family_name="Bell")
    fenwick = FamilyFactory(local_authority=south, case_reference="SV-2026-0033", name="Fenwick")
    ChildFactory(family=fenwick, given_name="Lily", family_name="Fenwick")
    events = {
        "march_report": record(
            datetime(2026, 3, 2, 10, tzinfo=UTC), "report_viewed", professional, hartwell
        ),
        "bell_by_unit": record(datetime(2026, 3, 10, 9, tzinfo=UTC), "family_viewed", unit, bell),
        "late_march": record(
            datetime(2026, 3, 20, 23, 30, tzinfo=UTC), "family_viewed", professional, hartwell
        ),
        # 23:30 UTC on 10 June is 00:30 on 11 June in London (summer time).
        "june_midnight": record(
            datetime(2026, 6, 10, 23, 30, tzinfo=UTC), "family_viewed", unit, hartwell
        ),
        "south": record(datetime(2026, 3, 10, 9, tzinfo=UTC), "family_viewed", southerner, fenwick),
        "formula": record(
            datetime(2026, 3, 11, 8, tzinfo=UTC),
            "sign_in",
            None,
            None,
            actor_label=FORMULA,
            outcome=Outcome.FAILED,
            authority=north.pk,
        ),
    }
    return World(auditor, professional, unit, hartwell, bell, fenwick, lily, events)


@pytest.fixture
def auditor(client, world):
    client.force_login(world.auditor)
    return client


@pytest.fixture
def found(auditor, world):
    """Search as the auditor; the names of the world's events found (the auditor's own
    search events aside)."""

    def search(**query: str) -> set[str]:
        response = auditor.get(SEARCH, query)
        assert response.status_code == 200
        ids = {event.pk for event in response.context["page"]}
        return {name for name, event in world.events.items() if event.pk in ids}

    return search


NORTH = {"march_report", "bell_by_unit", "late_march", "june_midnight", "formula"}


def test_an_auditor_sees_every_event_of_their_own_authority_and_none_of_another(found):
    assert found() == NORTH


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"child": "Lily"}, {"march_report", "late_march", "june_midnight"}),
        ({"child": "lily hartwell"}, {"march_report", "late_march", "june_midnight"}),
        ({"child": "Oscar"}, {"bell_by_unit"}),
        ({"child": "Fenwick"}, set()),  # a child of another authority
        ({"family": "ns-2026-0158"}, {"bell_by_unit"}),
        ({"family": "SV-2026-0033"}, set()),  # a family of another authority
        ({"user": "priya.shah@north.example"}, {"march_report", "late_march"}),
        ({"user": "helen"}, {"bell_by_unit", "june_midnight"}),
        ({"action": "report_viewed"}, {"march_report"}),
        ({"action": "sign_in"}, {"formula"}),
        ({"family": "NS-2026-0141", "user": "helen"}, {"june_midnight"}),
    ],
)
def test_each_filter_narrows_the_events(found, query, expected):
    assert found(**query) == expected


def test_a_child_is_found_by_their_id(found, world):
    assert found(child=str(world.lily.pk)) == {
        "march_report",
        "late_march",
        "june_midnight",
    }


def dates(prefix: str, day: int, month: int, year: int) -> dict[str, str]:
    return {f"{prefix}_day": str(day), f"{prefix}_month": str(month), f"{prefix}_year": str(year)}


def test_a_date_range_covers_whole_days_in_london_time(found):
    assert found(**dates("start", 10, 3, 2026), **dates("end", 20, 3, 2026)) == {
        "bell_by_unit",
        "late_march",
        "formula",
    }
    assert found(**dates("end", 10, 6, 2026)) == NORTH - {"june_midnight"}
    assert found(**dates("start", 11, 6, 2026)) == {"june_midnight"}


def test_an_end_date_before_the_start_date_is_explained_and_keeps_what_was_typed(auditor):
    response = auditor.get(
        SEARCH, {"user": "helen", **dates("start", 20, 3, 2026), **dates("end", 2, 3, 2026)}
    )

    assert response.status_code == 400
    page = response.content.decode()
    assert "govuk-error-summary" in page
    assert f'<a href="#id_end_day">{END_BEFORE_START}</a>' in page
    assert 'name="user" type="text" value="helen"' in page
    assert 'name="start_day" type="text" inputmode="numeric" value="20"' in page
    assert "page" not in response.context or not response.context["page"]
    assert response.context["form"]["end_day"].errors == [END_BEFORE_START]


def test_a_date_that_does_not_exist_is_explained(auditor):
    response = auditor.get(SEARCH, dates("start", 31, 2, 2026))

    assert response.status_code == 400
    assert "Start date must be a real date" in response.content.decode()


def test_a_year_of_five_digits_is_named_as_the_years_problem(auditor):
    response = auditor.get(SEARCH, dates("start", 1, 1, 99999))

    assert response.status_code == 400
    page = response.content.decode()
    assert "Year in start date must include 4 numbers" in page
    assert "must include a day, month and year" not in page
    assert "Ensure this value" not in page
    assert 'value="99999"' in page  # what was typed is kept


def test_results_come_a_page_at_a_time(auditor, world):
    for _ in range(55):
        audit_record(
            action="report_viewed",
            actor=world.professional,
            obj=world.hartwell,
            family_id=world.hartwell.pk,
        )

    first = auditor.get(SEARCH, {"action": "report_viewed"})
    second = auditor.get(SEARCH, {"action": "report_viewed", "page": "2"})

    assert len(first.context["page"]) == 50
    assert len(second.context["page"]) == 6
    assert 'href="?action=report_viewed&amp;page=2"' in first.content.decode()
    assert 'class="govuk-pagination' in first.content.decode()


def test_each_search_is_itself_recorded(auditor, world):
    auditor.get(SEARCH, {"family": "NS-2026-0141"})

    event = AuditEvent.objects.get(action="audit_searched")
    assert (event.actor, event.family_id, event.local_authority_id) == (
        world.auditor,
        world.hartwell.pk,
        world.hartwell.local_authority_id,
    )


@pytest.mark.parametrize("url", [SEARCH, EXPORT])
@pytest.mark.parametrize(
    "role",
    [
        Role.PROFESSIONAL,
        Role.SOCIAL_WORKER,
        Role.UNIT_ADMINISTRATOR,
        Role.CHAIR,
        Role.FAMILY_MEMBER,
    ],
)
def test_everyone_but_an_auditor_gets_not_found(client, world, url, role):
    client.force_login(user_with_role(role, world.hartwell.local_authority))

    assert client.get(url).status_code == 404


@pytest.mark.parametrize("url", [SEARCH, EXPORT])
def test_someone_signed_out_is_sent_to_sign_in(client, db, url):
    response = client.get(url)

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:sign_in"))


def exported(client, **query) -> tuple[Any, list[dict[str, str]]]:
    response = client.get(EXPORT, query)
    assert response.status_code == 200
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return response, list(csv.DictReader(io.StringIO(text)))


def test_the_export_holds_the_same_events_with_their_recorded_fields_only(auditor, world):
    response, rows = exported(auditor, family="NS-2026-0141")

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="audit-events-')
    assert tuple(rows[0]) == COLUMNS
    recorded = [r for r in rows if r["action"] != "audit_exported"]
    expected = [world.events[n] for n in ("march_report", "late_march", "june_midnight")]
    assert [int(r["sequence"]) for r in recorded] == [e.sequence for e in expected]
    first = recorded[0]
    assert first["occurred_at"] == "2026-03-02T10:00:00.000000+00:00"
    assert (first["actor_label"], first["roles"], first["agency"]) == (
        "priya.shah@north.example",
        "professional",
        "Alder Primary",
    )
    assert (first["object_type"], first["object_id"]) == ("families.family", str(world.hartwell.pk))
    assert first["hash"] == expected[0].hash


def test_the_export_never_crosses_to_another_authority(auditor, world):
    _, rows = exported(auditor)

    assert str(world.fenwick.pk) not in {r["family_id"] for r in rows}
    assert {r["local_authority_id"] for r in rows} == {str(world.hartwell.local_authority_id)}


def test_a_cell_a_spreadsheet_would_run_as_a_formula_is_made_text(auditor):
    _, rows = exported(auditor, action="sign_in")

    assert [r["actor_label"] for r in rows if r["action"] == "sign_in"] == [f"'{FORMULA}"]


@pytest.mark.parametrize("start", ["=", "+", "-", "@"])
def test_every_formula_start_is_guarded(start):
    from cpconf.audit_trail.csv_export import spreadsheet_safe

    assert spreadsheet_safe(f"{start}1+1") == f"'{start}1+1"
    assert spreadsheet_safe("priya@example.org") == "priya@example.org"
    assert spreadsheet_safe(None) == ""


def test_the_export_is_itself_recorded(auditor, world):
    exported(auditor, family="NS-2026-0158")

    event = AuditEvent.objects.get(action="audit_exported")
    assert (event.actor, event.family_id, event.roles) == (world.auditor, world.bell.pk, "auditor")


def test_an_export_with_bad_dates_shows_the_search_with_the_problem(auditor):
    response = auditor.get(EXPORT, {**dates("start", 20, 3, 2026), **dates("end", 2, 3, 2026)})

    assert response.status_code == 400
    assert str(END_BEFORE_START) in response.content.decode()
    assert not AuditEvent.objects.filter(action="audit_exported").exists()


def test_the_action_filter_offers_each_action_in_the_auditors_own_trail_once(auditor, world):
    for _ in range(3):
        record(datetime(2026, 4, 1, tzinfo=UTC), "conference_viewed", world.unit, world.bell)
    record(datetime(2026, 4, 2, tzinfo=UTC), "only_in_the_south", None, world.fenwick)

    offered = [
        value for value, _label in auditor.get(SEARCH).context["form"].fields["action"].choices
    ]

    assert "only_in_the_south" not in offered
    actions = [value for value in offered if value]
    assert actions == sorted(set(actions))
    assert {"conference_viewed", "family_viewed", "report_viewed", "sign_in"} <= set(actions)


def test_a_very_long_trail_is_counted_only_up_to_the_cap(auditor, world, monkeypatch):
    monkeypatch.setattr("cpconf.audit_trail.views.COUNTED_EVENTS", 60)
    for _ in range(70):
        record(datetime(2026, 5, 1, tzinfo=UTC), "report_viewed", world.professional, world.bell)

    capped = auditor.get(SEARCH, {"action": "report_viewed"})
    narrowed = auditor.get(SEARCH, {"action": "report_viewed", "family": "NS-2026-0141"})

    page = capped.content.decode()
    assert "More than 60 events" in page
    assert len(capped.context["page"]) == 50
    assert 'href="?action=report_viewed&amp;page=2" rel="next"' in page
    # Narrowed below the cap, the count is exact again.
    assert "1 event" in narrowed.content.decode()
    assert "More than" not in narrowed.content.decode()


def test_the_page_beyond_the_cap_is_still_there(auditor, world, monkeypatch):
    monkeypatch.setattr("cpconf.audit_trail.views.COUNTED_EVENTS", 50)
    for _ in range(120):
        record(datetime(2026, 5, 1, tzinfo=UTC), "report_viewed", world.professional, world.bell)

    second = auditor.get(SEARCH, {"action": "report_viewed", "page": "2"})

    assert len(second.context["page"]) == 50
    assert "More than 50 events" in second.content.decode()

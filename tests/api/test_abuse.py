"""Limits on how hard the API can be pushed: calls are throttled per client and per address
(a wrong token or none counts against the address too), the limit's state is in the database
cache that every web process shares, and a flood of wrong tokens leaves a bounded number of
audit events that still say how many were refused."""

import os
import subprocess
import sys

import pytest
from django.conf import settings as django_settings
from django.core.cache import caches
from django.core.cache.backends.db import DatabaseCache
from django.db import connection
from rest_framework.test import APIClient

from cpconf.api.errors import TOO_MANY_REQUESTS
from cpconf.api.models import TokenRefusalCount, token_digest
from cpconf.api.services import api_client_create
from cpconf.audit.models import AuditEvent, Outcome
from tests.api.conftest import bearer

pytestmark = pytest.mark.django_db


@pytest.fixture
def rates(settings):
    def set_rates(*, client: str = "100/minute", address: str = "100/minute") -> None:
        settings.REST_FRAMEWORK = {
            **settings.REST_FRAMEWORK,
            "DEFAULT_THROTTLE_RATES": {"client": client, "address": address},
        }

    return set_rates


def _is_throttled(response) -> None:
    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0
    assert response.json() == {"errors": [{"field": None, "message": TOO_MANY_REQUESTS}]}
    assert "no-store" in response["Cache-Control"]


def test_a_client_over_its_rate_gets_429_with_retry_after(api, rates, scene):
    rates(client="3/minute")
    answers = [api.http.get("/api/families/").status_code for _ in range(3)]

    response = api.http.get("/api/families/")

    assert answers == [200, 200, 200]
    _is_throttled(response)
    # Another client at the same address has its own allowance.
    _other, token = api_client_create(local_authority=scene.authority, name="Nightly script")
    assert APIClient().get("/api/families/", **bearer(token)).status_code == 200


def test_an_address_over_its_rate_gets_429_whatever_token_it_sends(api, rates):
    rates(address="3/minute")
    anonymous = APIClient()
    answers = [
        anonymous.get("/api/families/").status_code,
        anonymous.get("/api/families/", **bearer("wrong")).status_code,
        api.http.get("/api/families/").status_code,
    ]

    wrong_token = anonymous.get("/api/families/", **bearer("wrong again"))
    good_token = api.http.get("/api/families/")
    elsewhere = api.http.get("/api/families/", REMOTE_ADDR="192.0.2.7")

    assert answers == [401, 401, 200]
    _is_throttled(wrong_token)
    _is_throttled(good_token)
    assert elsewhere.status_code == 200


def test_a_forwarded_for_header_is_not_trusted_unless_configured(api, rates, settings):
    rates(address="2/minute")
    spoofed = [
        api.http.get("/api/families/", HTTP_X_FORWARDED_FOR=f"198.51.100.{n}").status_code
        for n in range(3)
    ]
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "NUM_PROXIES": 1}
    behind_proxy = [
        api.http.get("/api/families/", HTTP_X_FORWARDED_FOR=f"198.51.100.{n}").status_code
        for n in range(3)
    ]

    assert spoofed == [200, 200, 429]
    assert behind_proxy == [200, 200, 200]


def test_the_throttle_state_is_in_the_database_cache_all_processes_share(api, rates):
    rates(client="5/minute")
    for _ in range(3):
        api.http.get("/api/families/")

    table = django_settings.CACHES["default"]["LOCATION"]
    assert isinstance(caches["default"], DatabaseCache)
    assert table in connection.introspection.table_names()  # made by `cpconf migrate`
    # A cache object of its own, as another web process has, sees the same three calls.
    history = DatabaseCache(table, {}).get(f"throttle_client_{token_digest(api.token)}")
    assert len(history) == 3


def test_the_description_documents_the_429(client):
    description = client.get("/api/openapi.json").json()

    assert "429" in description["paths"]["/api/families/"]["get"]["responses"]


def test_a_flood_of_wrong_tokens_writes_few_audit_events_and_counts_them_all(api):
    stranger = APIClient()
    answers = {
        stranger.get("/api/families/", **bearer(f"guess-{n}")).status_code for n in range(50)
    }

    assert answers == {401}
    events = AuditEvent.objects.filter(action="api_token_refused")
    # One per address per window: two if the run crossed a window's end.
    assert 1 <= events.count() <= 2
    assert all(e.outcome == Outcome.REFUSED and e.ip_address == "127.0.0.1" for e in events)
    counts = TokenRefusalCount.objects.filter(address="127.0.0.1", client=None)
    assert sum(c.refusals for c in counts) == 50
    # Each event names the count it began, so an auditor can find how many followed.
    assert {(e.object_type, e.object_id) for e in events} == {
        ("api.tokenrefusalcount", str(c.pk)) for c in counts
    }


def test_wrong_tokens_from_another_address_are_audited_on_their_own(api):
    APIClient().get("/api/families/", **bearer("guess-1"))
    APIClient().get("/api/families/", **bearer("guess-2"), REMOTE_ADDR="203.0.113.9")

    addresses = set(
        AuditEvent.objects.filter(action="api_token_refused").values_list("ip_address", flat=True)
    )
    assert addresses == {"127.0.0.1", "203.0.113.9"}


def _settings_with(**environment: str) -> subprocess.CompletedProcess[str]:
    code = "import cpconf.settings as s; print(s.REST_FRAMEWORK['DEFAULT_THROTTLE_RATES'])"
    return subprocess.run(
        [sys.executable, "-c", code],
        env={
            **{k: v for k, v in os.environ.items() if not k.startswith("CPCONF_API_RATE")},
            **{"CPCONF_ENV": "test", "SECRET_KEY": "x" * 50},
            **environment,
        },
        capture_output=True,
        text=True,
        check=False,
    )


def test_the_rates_come_from_the_environment_and_a_bad_one_refuses_to_start():
    chosen = _settings_with(CPCONF_API_RATE_CLIENT="50/hour", CPCONF_API_RATE_ADDRESS="9/second")
    default = _settings_with()
    bad = _settings_with(CPCONF_API_RATE_CLIENT="lots")

    assert chosen.stdout.strip() == "{'client': '50/hour', 'address': '9/second'}"
    assert default.stdout.strip() == "{'client': '300/minute', 'address': '600/minute'}"
    assert bad.returncode != 0
    assert "CPCONF_API_RATE_CLIENT" in bad.stderr

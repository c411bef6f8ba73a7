"""Bodies the API refuses before anything reads them: JSON nested too deep, numbers that are
not finite (1e999, NaN, Infinity) anywhere, bytes that are not UTF-8, anything not sent as
JSON, and bodies too large. Each is a 400 in the usual error shape, and nothing is written."""

import json

import pytest

from cpconf.api.errors import SEND_JSON, TOO_LARGE
from cpconf.api.parsers import MAX_DEPTH, NOT_FINITE, NOT_JSON, NOT_UTF8, TOO_DEEP
from cpconf.audit.models import AuditEvent
from cpconf.families.models import Family
from tests.api.test_families import BODY

pytestmark = pytest.mark.django_db

URL = "/api/families/CS-0100/"
GOOD = json.dumps(BODY)


def _put(api, body: bytes | str, content_type: str = "application/json"):
    return api.http.generic("PUT", URL, body, content_type=content_type)


def _refused(response, message: str) -> None:
    assert response.status_code == 400
    assert response.json() == {"errors": [{"field": None, "message": message}]}
    assert not Family.objects.filter(case_reference="CS-0100").exists()
    assert not AuditEvent.objects.filter(action__startswith="api_family_").exists()


def test_a_good_body_is_still_accepted(api):
    assert _put(api, GOOD).status_code == 201


def test_ten_thousand_levels_of_nesting_are_refused(api):
    _refused(_put(api, "[" * 10_000), TOO_DEEP % {"depth": MAX_DEPTH})
    _refused(_put(api, '{"a":' * 10_000 + "1" + "}" * 10_000), TOO_DEEP % {"depth": MAX_DEPTH})


def test_nesting_a_python_could_parse_but_deeper_than_any_body_needs_is_refused(api):
    deep = {"name": "Ashdown", "children": [[[["x"]]]]}
    for _ in range(MAX_DEPTH):
        deep = {"name": "Ashdown", "children": [deep]}

    _refused(_put(api, json.dumps(deep)), TOO_DEEP % {"depth": MAX_DEPTH})


@pytest.mark.parametrize("number", ["1e999", "-1e999", "NaN", "Infinity", "-Infinity", "123.4e400"])
def test_numbers_that_are_not_finite_are_refused_anywhere_in_the_body(api, number):
    at_the_top = GOOD.replace('"Ashdown"', number, 1)
    deep_inside = GOOD.replace('"lives_in_household": true', f'"extra": [{{"x": {number}}}]')

    _refused(_put(api, at_the_top), NOT_FINITE)
    _refused(_put(api, deep_inside), NOT_FINITE)


def test_bytes_that_are_not_utf8_are_refused(api):
    latin1 = GOOD.replace("Karen", "Kär").encode("latin-1")

    _refused(_put(api, latin1), NOT_UTF8)
    _refused(_put(api, b"\xff\xfe{}"), NOT_UTF8)
    _refused(_put(api, latin1, "application/json; charset=latin-1"), NOT_UTF8)


def test_something_that_is_not_json_is_refused(api):
    _refused(_put(api, GOOD[:-1]), NOT_JSON)
    _refused(_put(api, "name=Ashdown"), NOT_JSON)


@pytest.mark.parametrize(
    "content_type", ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data"]
)
def test_a_body_not_sent_as_json_is_refused(api, content_type):
    _refused(_put(api, GOOD, content_type), SEND_JSON)


def test_a_body_over_the_size_limit_is_refused(api, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000

    _refused(_put(api, GOOD.replace("Karen", "K" * 2000)), TOO_LARGE)


def test_an_invitation_with_a_non_finite_number_is_refused(api, scene):
    body = f'{{"agency": {scene.school.pk}, "email": "a@school.example", "x": 1e999}}'

    response = api.http.generic(
        "POST",
        f"/api/conferences/{scene.conference.pk}/invitations/",
        body,
        content_type="application/json",
    )

    assert response.status_code == 400
    assert response.json()["errors"] == [{"field": None, "message": NOT_FINITE}]
    assert not scene.conference.invitations.filter(email="a@school.example").exists()

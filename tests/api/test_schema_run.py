"""Schemathesis over the whole OpenAPI description, in process through the WSGI app.

With the client's token: no operation answers with a server error, and every response keeps
to the schema it declares. Without any credentials: every operation answers 401. The run is
bounded (a few examples per operation, no deadline) so it stays well under a minute; the
description's path ids are pointed at real records, so reads are found as well as not.
"""

import pytest
import schemathesis
from django.core import signals
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from rest_framework.test import APIClient
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import content_type_conformance, response_schema_conformance

from cpconf.conference_records.models import ConferenceRecord, RecordStatus, RecordVersion
from cpconf.families.models import ExternalReference, ReferenceKind
from tests.api.conftest import bearer
from tests.api.test_conferences import RECORD
from tests.report_scene import complete, start, submit

pytestmark = pytest.mark.django_db

BOUNDED = settings(
    max_examples=6,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=list(HealthCheck),
)


def _world_ids(scene, api) -> dict[str, int | str | dict[str, str]]:
    """Real records for the path parameters: a submitted report, a finalised record."""
    report = complete(start(scene))
    submit(report)
    record = ConferenceRecord.objects.create(
        conference=scene.conference, status=RecordStatus.FINALISED, finalised_at=timezone.now()
    )
    RecordVersion.objects.create(
        record=record,
        number=1,
        content=RECORD,
        fingerprint="0" * 64,
        finalised_by=scene.chair,
        finalised_at=timezone.now(),
    )
    invitation = scene.conference.invitations.first()
    conference = scene.conference.pk
    return {
        "/api/conferences/{id}/": conference,
        "/api/conferences/{id}/invitations/": conference,
        "/api/conferences/{id}/outcome/": conference,
        "/api/invitations/{id}/": invitation.pk,
        "/api/reports/{id}/": report.pk,
        "/api/families/{case_reference}/": scene.family.case_reference,
        "/api/families/{case_reference}/children/{reference}/census/": {
            "case_reference": scene.family.case_reference,
            "reference": _child_known_to_the_case_system(scene),
        },
    }


def _child_known_to_the_case_system(scene) -> str:
    child = scene.children[0]
    ExternalReference.objects.create(
        family=child.family, kind=ReferenceKind.CHILD, reference="C-100", child=child
    )
    return "C-100"


@pytest.fixture
def api_schema(db, scene, api):
    """The description, run against the app as a server runs it but inside this test's
    transaction: Django closes old connections as each request starts and ends, which would
    end the transaction, so that is off for the run (as Django's own test client does; so it
    is turned off after the test client has fetched the description)."""
    loaded = schemathesis.openapi.from_dict(APIClient().get("/api/openapi.json").json())
    loaded.app = get_wsgi_application()
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield loaded
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


def _operations(api_schema):
    return [result.ok() for result in api_schema.get_all_operations()]


def _run(strategy, examples: int, check) -> None:
    @given(case=strategy)
    @settings(BOUNDED, max_examples=examples)
    def run(case) -> None:
        check(case)

    run()


def test_no_server_errors_and_every_response_keeps_to_its_schema(api_schema, scene, api):
    """Random input everywhere, then the same with the path naming real records; and input
    that breaks the schema, which must be refused without a server error."""
    token = {"Authorization": f"Bearer {api.token}"}
    real = _world_ids(scene, api)
    answered: set[tuple[str, int]] = set()

    def conforms(case) -> None:
        response = case.call_and_validate(
            headers=token,
            checks=[not_a_server_error, response_schema_conformance, content_type_conformance],
        )
        answered.add((case.operation.label, response.status_code))

    def no_server_error(case) -> None:
        case.call_and_validate(headers=token, checks=[not_a_server_error])

    for operation in _operations(api_schema):
        _run(operation.as_strategy(), 6, conforms)
        if operation.path in real:
            given = real[operation.path]
            name = "case_reference" if "case_reference" in operation.path else "id"
            body = {"agency": scene.school.pk, "email": "run@school.example"}
            fixed = operation.as_strategy(
                path_parameters=given if isinstance(given, dict) else {name: given},
                **({"body": body} if operation.method.upper() == "POST" else {}),
            )
            _run(fixed, 6, conforms)
        _run(operation.as_strategy(GenerationMode.NEGATIVE), 4, no_server_error)
    # The run reached real records and wrote some, not only refusals.
    succeeded = {label for label, status in answered if status in (200, 201)}
    missed = {o.label for o in _operations(api_schema)} - succeeded
    assert not missed, sorted(answered)


def test_no_operation_works_without_credentials(api_schema):
    def refused(case) -> None:
        for name in list(case.headers or {}):
            if name.lower() == "authorization":
                del case.headers[name]
        response = case.call()
        assert response.status_code == 401, f"{case.method} {case.formatted_path}"
        assert response.json()["errors"][0]["field"] is None

    operations = _operations(api_schema)
    for operation in operations:
        _run(operation.as_strategy(), 2, refused)
    assert len(operations) >= 10


def test_the_description_is_public_and_names_the_security_scheme(client):
    description = client.get("/api/openapi.json").json()

    assert description["components"]["securitySchemes"]["clientToken"]["scheme"] == "bearer"
    assert "family copy" in description["info"]["description"]
    assert all(
        operation["security"] == [{"clientToken": []}]
        for operations in description["paths"].values()
        for operation in operations.values()
    )


def test_the_run_used_a_real_token(api):
    assert APIClient().get("/api/families/", **bearer(api.token)).status_code == 200

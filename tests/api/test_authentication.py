"""Only a valid, unrevoked token opens the API: no header, a wrong token, a revoked one and a
signed-in person's session all get 401 in JSON, and nothing is shown."""

import pytest
from django.core.management import CommandError, call_command
from rest_framework.test import APIClient

from cpconf.api.authentication import TOKEN_NOT_VALID
from cpconf.api.models import ApiClient, token_digest
from cpconf.audit.models import AuditEvent, Outcome
from tests.api.conftest import bearer

pytestmark = pytest.mark.django_db


def _errors(response):
    assert response["Content-Type"].startswith("application/json")
    return response.json()["errors"]


def test_no_token_is_401_with_json(api):
    response = APIClient().get("/api/families/")

    assert response.status_code == 401
    assert response["WWW-Authenticate"].startswith("Bearer")
    assert _errors(response)[0]["field"] is None


def test_a_wrong_token_is_401_and_the_refusal_is_audited(api):
    response = APIClient().get("/api/families/", **bearer("not-the-token"))

    assert response.status_code == 401
    assert _errors(response) == [{"field": None, "message": TOKEN_NOT_VALID}]
    assert AuditEvent.objects.filter(action="api_token_refused", outcome=Outcome.REFUSED).exists()


def test_a_revoked_token_is_401(api):
    call_command("api_client_revoke", authority=api.client.local_authority.name, name="Case system")

    response = api.http.get("/api/families/")

    assert response.status_code == 401
    event = AuditEvent.objects.filter(action="api_token_refused").get()
    assert event.local_authority_id == api.client.local_authority_id
    assert "Case system" in event.actor_label


def test_a_valid_token_opens_the_api_and_notes_its_use(api):
    response = api.http.get("/api/families/")

    assert response.status_code == 200
    assert response["Cache-Control"].count("no-store")
    api.client.refresh_from_db()
    assert api.client.last_used_at is not None


def test_a_signed_in_person_session_is_not_accepted(client, scene, api):
    client.force_login(scene.unit)

    response = client.get("/api/families/")
    put = client.put(
        f"/api/families/{scene.family.case_reference}/", {}, content_type="application/json"
    )

    assert response.status_code == 401
    assert put.status_code == 401
    assert scene.family.name.encode() not in response.content


def test_the_token_is_printed_once_and_only_its_hash_kept(scene, capsys):
    call_command("api_client_create", authority=scene.authority.name, name="Nightly script")

    token = capsys.readouterr().out.strip().splitlines()[-1]
    client = ApiClient.objects.get(name="Nightly script")
    assert client.token_hash == token_digest(token)
    assert token not in str(client.__dict__)
    assert not client.user.is_active and not client.user.has_usable_password()
    response = APIClient().get("/api/families/", **bearer(token))
    assert response.status_code == 200


def test_the_service_account_cannot_sign_in_to_pages(client, api):
    assert client.login(email=api.client.user.email, password="") is False


def test_the_commands_refuse_an_unknown_authority_or_a_name_taken(api):
    authority = api.client.local_authority.name
    with pytest.raises(CommandError, match="no local authority called 'Nowhere'"):
        call_command("api_client_create", authority="Nowhere", name="Case system")
    with pytest.raises(CommandError, match="already has an API client"):
        call_command("api_client_create", authority=authority, name="Case system")
    with pytest.raises(CommandError, match="has no API client called 'Other'"):
        call_command("api_client_revoke", authority=authority, name="Other")


def test_making_and_revoking_a_client_is_audited(api):
    call_command("api_client_revoke", authority=api.client.local_authority.slug, name="Case system")

    actions = set(
        AuditEvent.objects.filter(object_type="api.apiclient").values_list("action", flat=True)
    )
    assert actions == {"api_client_created", "api_client_revoked"}

"""A system client for the scene's authority, an API test client carrying its token, and a
family of another authority that the client must never reach."""

from dataclasses import dataclass

import pytest
from rest_framework.test import APIClient

from cpconf.api.models import ApiClient
from cpconf.api.services import api_client_create
from cpconf.families.models import Family
from tests.factories import (
    ChildFactory,
    ConferenceFactory,
    FamilyFactory,
    InvitationFactory,
    LocalAuthorityFactory,
)


@dataclass
class Api:
    client: ApiClient
    token: str
    http: APIClient
    foreign_family: Family


def bearer(token: str) -> dict[str, str]:
    return {"HTTP_AUTHORIZATION": f"Bearer {token}"}


@pytest.fixture
def api(scene) -> Api:
    client, token = api_client_create(local_authority=scene.authority, name="Case system")
    http = APIClient()
    http.credentials(**bearer(token))
    foreign = FamilyFactory(local_authority=LocalAuthorityFactory(), name="Faraway")
    ChildFactory(family=foreign)
    InvitationFactory(conference=ConferenceFactory(family=foreign))
    return Api(client, token, http, foreign)

"""The OpenAPI description's shared parts: the error shape every operation may answer with,
the bearer-token security scheme, and the description's opening text."""

from typing import Any

from drf_spectacular.extensions import OpenApiAuthenticationExtension
from drf_spectacular.utils import OpenApiResponse
from rest_framework import serializers
from rest_framework.settings import api_settings

from cpconf.api.parsers import MAX_DEPTH

DESCRIPTION = """\
The integration API of CP Conference, for a local authority's case system.

**Authentication.** Every operation needs `Authorization: Bearer <token>`, the token of a
system client (`cpconf api_client_create`). A client belongs to one local authority and sees
only that authority's records; anything else is answered 404, as if it did not exist. A
signed-in person's session cookie is not accepted: without a token every operation answers
401. Every call is recorded in the audit trail under the client's name.

**Reports.** Reports are read as the *family copy*: no restricted section (information the
family may not see) is ever sent through the API.

**Errors.** Every error is `{"errors": [{"field": ..., "message": ...}]}`, where `field`
names the input at fault (`children[0].date_of_birth`) or is null for the whole request.
Bodies are JSON in UTF-8, sent as `application/json`, with finite numbers only (no `NaN`,
`Infinity` or `1e999`) and nested no more than %(depth)s levels; anything else is 400.

**Rate limits.** Calls are limited to %(client)s for each client and %(address)s for each
address, whatever token it sends; over a limit the answer is 429, with `Retry-After` giving
the seconds to wait.
"""

BIGGEST_ID = 2**63 - 1
RETRY_AFTER = {
    "description": "Seconds to wait before calling again.",
    "schema": {"type": "integer", "minimum": 1},
}


class ErrorSerializer(serializers.Serializer):
    field = serializers.CharField(allow_null=True)
    message = serializers.CharField(allow_blank=True)


class ErrorsSerializer(serializers.Serializer):
    errors = ErrorSerializer(many=True)


ERRORS = {
    400: OpenApiResponse(ErrorsSerializer, description="The input is wrong: each error names it."),
    401: OpenApiResponse(ErrorsSerializer, description="No valid token."),
    404: OpenApiResponse(
        ErrorsSerializer, description="No such record, or another local authority's."
    ),
    429: OpenApiResponse(
        ErrorsSerializer,
        description="Too many calls from this client or address: wait the seconds in Retry-After.",
    ),
}


class ApiClientAuthenticationScheme(OpenApiAuthenticationExtension):
    target_class = "cpconf.api.authentication.ApiClientAuthentication"
    name = "clientToken"

    def get_security_definition(self, auto_schema: Any) -> dict[str, str]:
        return {"type": "http", "scheme": "bearer"}


def describe_api(result: dict[str, Any], generator: Any, **kwargs: Any) -> dict[str, Any]:
    """The opening text with the rates in force, Retry-After on every 429, and ids in paths
    limited to what the database can hold."""
    rates = api_settings.DEFAULT_THROTTLE_RATES
    result["info"]["description"] = DESCRIPTION % {
        "depth": MAX_DEPTH,
        "client": rates["client"],
        "address": rates["address"],
    }
    for operations in result.get("paths", {}).values():
        for operation in operations.values():
            if "429" in operation.get("responses", {}):
                operation["responses"]["429"]["headers"] = {"Retry-After": RETRY_AFTER}
            for parameter in operation.get("parameters", []):
                if parameter["in"] == "path" and parameter["schema"].get("type") == "integer":
                    parameter["schema"].update(minimum=1, maximum=BIGGEST_ID)
    return result

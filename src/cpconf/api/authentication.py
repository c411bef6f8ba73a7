"""`Authorization: Bearer <token>`: the only way in to the API. A session cookie counts for
nothing here, so a signed-in person's browser can never be made to call the API (no CSRF),
and page users get the same 401 as anyone without a token."""

from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _
from rest_framework import exceptions
from rest_framework.authentication import BaseAuthentication, get_authorization_header

from cpconf.api.models import ApiClient, token_digest
from cpconf.audit.models import Outcome
from cpconf.audit.services import audit_record

KEYWORD = b"bearer"
TOKEN_NOT_VALID = "The token is not valid, or has been revoked"  # noqa: S105 (a message)
HEADER_MALFORMED = "Give the token as Authorization: Bearer followed by the token"


class ApiClientAuthentication(BaseAuthentication):
    def authenticate(self, request: Any) -> tuple[Any, ApiClient] | None:
        parts = get_authorization_header(request).split()
        if not parts or parts[0].lower() != KEYWORD:
            return None  # no credentials: IsAuthenticated answers 401
        if len(parts) != 2:
            raise exceptions.AuthenticationFailed(_(HEADER_MALFORMED))
        try:
            token = parts[1].decode("ascii")
        except UnicodeDecodeError:
            raise exceptions.AuthenticationFailed(_(TOKEN_NOT_VALID)) from None
        client = (
            ApiClient.objects.select_related("local_authority", "user")
            .filter(token_hash=token_digest(token))
            .first()
        )
        if client is None or not client.is_active:
            self._refused(request, client)
            raise exceptions.AuthenticationFailed(_(TOKEN_NOT_VALID))
        now = timezone.now()
        ApiClient.objects.filter(pk=client.pk).update(last_used_at=now)
        client.last_used_at = now
        return client.user, client

    def authenticate_header(self, request: Any) -> str:
        return 'Bearer realm="api"'

    @staticmethod
    def _refused(request: Any, client: ApiClient | None) -> None:
        """A wrong or revoked token is a refusal worth knowing of: under the authority of the
        revoked client when there is one."""
        audit_record(
            action="api_token_refused",
            actor=None,
            request=request._request,
            obj=client,
            local_authority_id=client.local_authority_id if client else None,
            outcome=Outcome.REFUSED,
            actor_label=client.audit_label if client else "API client with an unknown token",
        )

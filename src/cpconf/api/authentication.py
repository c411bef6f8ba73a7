"""`Authorization: Bearer <token>`: the only way in to the API. A session cookie counts for
nothing here, so a signed-in person's browser can never be made to call the API (no CSRF),
and page users get the same 401 as anyone without a token."""

from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _
from rest_framework import exceptions
from rest_framework.authentication import BaseAuthentication, get_authorization_header
from rest_framework.throttling import BaseThrottle

from cpconf.api.models import ADDRESS_LENGTH, ApiClient, token_digest
from cpconf.api.services import token_refusal_count

KEYWORD = b"bearer"
TOKEN_NOT_VALID = "The token is not valid, or has been revoked"  # noqa: S105 (a message)
HEADER_MALFORMED = "Give the token as Authorization: Bearer followed by the token"


def bearer_token(request: Any) -> str | None:
    """The token the call sends as `Authorization: Bearer <token>`, if it sends one that way."""
    parts = get_authorization_header(request).split()
    if len(parts) != 2 or parts[0].lower() != KEYWORD:
        return None
    return parts[1].decode("ascii", errors="replace")


def client_address(request: Any) -> str:
    """The caller's address as DRF's throttles see it: REMOTE_ADDR, or X-Forwarded-For only as
    far as `NUM_PROXIES` trusts it (CPCONF_API_PROXIES)."""
    return str(BaseThrottle().get_ident(request) or "")[:ADDRESS_LENGTH]


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
        """A wrong or revoked token is a refusal worth knowing of, but a flood of them must not
        flood the audit trail: counted per address, audited once in each window."""
        token_refusal_count(
            client=client, address=client_address(request), request=request._request
        )

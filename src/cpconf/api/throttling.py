"""How often the API may be called: per client and per address, with DRF's throttling.

Both limits are checked before the token is looked up (see `ApiView.perform_authentication`),
so calls with a wrong token or none count against their address too. The client is known
by the SHA-256 of the token it sends, which is what its record keeps, so no query is needed.
Their state is in the default cache, the database cache that every web process shares.

The rates are `REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"]` (from `CPCONF_API_RATE_CLIENT` and
`CPCONF_API_RATE_ADDRESS`), read on each call so that tests can turn them down.
"""

from typing import Any

from rest_framework.settings import api_settings
from rest_framework.throttling import SimpleRateThrottle

from cpconf.api.authentication import bearer_token, client_address
from cpconf.api.models import token_digest


class ApiRateThrottle(SimpleRateThrottle):
    def get_rate(self) -> str:
        rate: str = api_settings.DEFAULT_THROTTLE_RATES[self.scope]
        return rate

    def wait(self) -> float:
        """Until the call that used up the allowance leaves the window; at least a second, so
        every 429 says when to try again."""
        allowed, duration = self.num_requests or 1, self.duration or 1
        filled = self.history[allowed - 1] if len(self.history) >= allowed else self.now
        return max(1.0, duration - (self.now - filled))


class ClientRateThrottle(ApiRateThrottle):
    scope = "client"

    def get_cache_key(self, request: Any, view: Any) -> str | None:
        token = bearer_token(request)
        if token is None:
            return None  # no client named: the address's limit alone applies
        return self.cache_format % {"scope": self.scope, "ident": token_digest(token)}


class AddressRateThrottle(ApiRateThrottle):
    scope = "address"

    def get_cache_key(self, request: Any, view: Any) -> str:
        return self.cache_format % {"scope": self.scope, "ident": client_address(request)}

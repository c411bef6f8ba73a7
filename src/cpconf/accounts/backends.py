"""The authentication backend listed only under CPCONF_ENV=test.

Django's test client `force_login(user)` signs the user in through the first backend in
AUTHENTICATION_BACKENDS and stores that backend's path in the session. Listing this backend
first in test settings therefore marks exactly the sessions tests create with force_login,
and `cpconf.accounts.second_factor.second_factor_passed` counts those as fully signed in, so
page tests need not act out the second factor.

It checks no credentials (`authenticate` always answers None), so no one can sign in through
it; and outside test settings it is not listed, so Django ignores any session naming it.
"""

from typing import Any

from django.conf import settings
from django.contrib.auth.backends import ModelBackend
from django.http import HttpRequest

TEST_CLIENT_BACKEND = "cpconf.accounts.backends.TestClientBackend"


class TestClientBackend(ModelBackend):
    __test__ = False  # not a test class, whatever pytest makes of the name

    def authenticate(
        self,
        request: HttpRequest | None,
        username: str | None = None,
        password: str | None = None,
        **kwargs: Any,
    ) -> None:
        return None


def signed_in_by_test_client(backend_path: str | None) -> bool:
    return backend_path == TEST_CLIENT_BACKEND and (
        TEST_CLIENT_BACKEND in settings.AUTHENTICATION_BACKENDS
    )

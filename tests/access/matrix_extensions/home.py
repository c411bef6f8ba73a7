"""The health check the load balancer asks: the same plain "OK" for everyone, signed in or
not, and it shows nothing about anyone."""

from tests.access.matrix_base import USERS, Case, no_args

CASES = (
    Case("home:health", "get", ("none",), no_args, {user: "200" for user in USERS}),
    Case("home:health", "post", ("none",), no_args, {user: "405" for user in USERS}),
)

"""The health checks the load balancer and a monitor ask: the same plain answer for everyone,
signed in or not, and it shows nothing about anyone. No worker runs in the matrix, so the
worker check answers 503 to everyone alike."""

from tests.access.matrix_base import USERS, Case, no_args

CASES = (
    Case("home:health", "get", ("none",), no_args, {user: "200" for user in USERS}),
    Case("home:health", "post", ("none",), no_args, {user: "405" for user in USERS}),
    Case("home:health_worker", "get", ("none",), no_args, {user: "503" for user in USERS}),
    Case("home:health_worker", "post", ("none",), no_args, {user: "405" for user in USERS}),
)

"""The integration API in the matrix. It answers only a system client's bearer token, so
every page user — signed in with a session cookie, whatever their role — gets the same 401
(in JSON) as anonymous, for every record and every method; the OpenAPI description is
public. The client's own authority scoping is tested in tests/api."""

from tests.access.matrix_base import CONFERENCES, FAMILIES, REPORTS, USERS, Case, no_args, pk


def _everyone(answer: str, targets: tuple[str, ...]) -> dict[str, str]:
    return {user: " ".join([answer] * len(targets)) for user in USERS}


def _case_reference(family) -> tuple:
    return (family.case_reference,)


def _first_child(family) -> tuple:
    """The family and its first child by reference (whether or not the case system gave the
    child one, the answer to a page user is 401)."""
    return (family.case_reference, f"C-{family.children.order_by('pk').first().pk}")


def _first_invitation(conference) -> tuple:
    return (conference.invitations.order_by("pk").first().pk,)


NONE = ("none",)
CASES = (
    Case("api:openapi", "get", NONE, no_args, _everyone("200", NONE)),
    Case("api:families", "get", NONE, no_args, _everyone("401", NONE)),
    Case("api:family", "get", FAMILIES, _case_reference, _everyone("401", FAMILIES)),
    Case("api:family", "put", FAMILIES, _case_reference, _everyone("401", FAMILIES)),
    # The census's one operation, routed beside the API's (cpconf.census.api).
    Case("api_child_census", "get", FAMILIES, _first_child, _everyone("401", FAMILIES)),
    Case("api_child_census", "put", FAMILIES, _first_child, _everyone("401", FAMILIES)),
    Case("api:agencies", "get", NONE, no_args, _everyone("401", NONE)),
    Case("api:conferences", "get", NONE, no_args, _everyone("401", NONE)),
    Case("api:conference", "get", CONFERENCES, pk, _everyone("401", CONFERENCES)),
    Case("api:conference_invitations", "get", CONFERENCES, pk, _everyone("401", CONFERENCES)),
    Case("api:conference_invitations", "post", CONFERENCES, pk, _everyone("401", CONFERENCES)),
    Case("api:conference_outcome", "get", CONFERENCES, pk, _everyone("401", CONFERENCES)),
    Case("api:invitation", "get", CONFERENCES, _first_invitation, _everyone("401", CONFERENCES)),
    Case("api:report", "get", REPORTS, pk, _everyone("401", REPORTS)),
)

"""Who may see and do what: the one place that answers it, for pages, exports and the API.

Every query that returns a child's information starts from a scope, so a list, a search and
a single-object page can never disagree: a single object is fetched with
`lookups.get_visible_or_404(scope, request, action=..., permission=...)`, so one the user may
not see (or may see but not use this way) is a 404 before the view does anything else, and
the read or the refusal — one of the two, never both — is in the audit trail. Deny by
default: a user with no role that grants sight of a record sees nothing.

The scopes live with the records they scope (`families.access_rules`,
`conferences.access_rules`, `reports.access_rules`, `outcomes.access_rules`, ...), built from
the grants in `access.rules`; their rules are registered into the one table here.
"""

from cpconf.access.rules import (
    AnyUser,
    may,
    may_read_audit_trail,
    register,
    roles_of,
)

__all__ = [
    "AnyUser",
    "may",
    "may_read_audit_trail",
    "register",
    "roles_of",
]

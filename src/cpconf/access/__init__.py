"""Who may see and do what: the one place that answers it, for pages, exports and the API.

Every query that returns a child's information starts from a scope here, so a list, a
search and a single-object page can never disagree: a single object is fetched with
`lookups.get_visible_or_404(scope, request, action=..., permission=...)`, so one the user may
not see (or may see but not use this way) is a 404 before the view does anything else, and
the read or the refusal — one of the two, never both — is in the audit trail. Deny by
default: a user with no role that grants sight of a record sees nothing.
"""

from cpconf.access.rules import (
    agency_to_report_for,
    children_visible_to,
    conferences_visible_to,
    families_visible_to,
    may,
    may_edit_report,
    may_read_audit_trail,
    may_read_minutes,
    may_see_restricted,
    outcome_letters_visible_to,
    reports_visible_to,
    roles_of,
)

__all__ = [
    "agency_to_report_for",
    "children_visible_to",
    "conferences_visible_to",
    "families_visible_to",
    "may",
    "may_edit_report",
    "may_read_audit_trail",
    "may_read_minutes",
    "may_see_restricted",
    "outcome_letters_visible_to",
    "reports_visible_to",
    "roles_of",
]

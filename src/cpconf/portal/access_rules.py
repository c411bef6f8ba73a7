"""A family member's rules, answered by the portal's own scopes (which start from the
member's FamilyMember record); registered by PortalConfig."""

from cpconf.access.rules import register
from cpconf.portal import selectors


def register_rules() -> None:
    register(
        {
            # The family portal: a shared, submitted report's family copy; a child's views.
            ("reports.professionalreport", "portal_read"): selectors.may_read_shared_report,
            ("portal.childview", "view"): selectors.may_see_child_view,
        }
    )

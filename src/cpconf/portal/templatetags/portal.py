"""What other pages show from the family portal: the family's comments on a report (in its
sharing record), the family's access needs, and what the family sent for a conference; and
a report's tables as lines to hear, for the listening page."""

from typing import Any

from django import template

from cpconf.conferences.models import Conference
from cpconf.documents import Table
from cpconf.families.models import Family
from cpconf.portal import selectors
from cpconf.reports.models import ProfessionalReport

register = template.Library()


@register.inclusion_tag("portal/_report_comments.html")
def portal_comments(report: ProfessionalReport) -> dict[str, Any]:
    return {"comments": selectors.comments_on(report)}


@register.inclusion_tag("portal/_access_needs.html")
def family_access_needs(family: Family) -> dict[str, Any]:
    return {"needs": selectors.family_access_needs(family)}


@register.inclusion_tag("portal/_from_the_family.html")
def from_the_family(conference: Conference) -> dict[str, Any]:
    """For the chair and the unit (the board): the parents' reports and the child's views."""
    from cpconf.portal.models import ChildView, ParentsReport

    return {
        "conference": conference,
        "needs": selectors.family_access_needs(conference.family),
        "sent": ParentsReport.objects.filter(conference=conference).select_related("member"),
        "views": ChildView.objects.filter(conference=conference).select_related("member", "child"),
    }


@register.inclusion_tag("portal/_invite_link.html", takes_context=True)
def portal_invite_link(context: dict[str, Any], family: Family) -> dict[str, Any]:
    from cpconf.access import may

    user = context["request"].user
    return {"family": family, "may_invite": may(user, "invite_family_member", family)}


@register.simple_tag
def spoken_rows(table: Table) -> list[str]:
    """A table's rows as lines to hear: "Lily Hartwell, Date of birth: 2 March 2016". A
    screen reader or the browser's voice reads a row of bare cells as a string of words."""
    lines = []
    for first, *rest in (row for row in table.rows if row):
        said = [
            f"{header}: {value}"
            for header, value in zip(table.headers[1:], rest, strict=False)
            if value
        ]
        lines.append(", ".join([first, *said]) if first else ", ".join(said))
    return lines

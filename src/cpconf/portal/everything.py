""" "Download everything about our family": one PDF of exactly what the portal shows the
member — their conferences, the family copies shared with them, the letters, and what they
sent. Built from the same selectors as the pages, so it can hold nothing the pages do not.

WeasyPrint is given a URL fetcher that fetches nothing, so no text can make it read a file.
"""

from typing import Any

from django.template.loader import render_to_string
from django.utils import timezone
from weasyprint import HTML
from weasyprint.urls import URLFetcher

from cpconf.families.models import FamilyMember
from cpconf.portal import guide, selectors


def everything_context(member: FamilyMember) -> dict[str, Any]:
    meetings = []
    for conference in selectors.conferences_for(member):
        shared = selectors.shared_reports_for(member, conference)
        meetings.append(
            {
                "conference": conference,
                "reports": [
                    {
                        "shared": item,
                        "document": selectors.family_copy_document(item),
                        "comments": selectors.comments_by(member, item.report),
                    }
                    for item in shared
                ],
                "letter": selectors.letter_for(member, conference),
                "sent": selectors.parents_reports_by(member, conference),
                "views": selectors.child_views_by(member, conference),
                "feedback": selectors.feedback_by(member, conference),
            }
        )
    return {
        "member": member,
        "family": member.family,
        "meetings": meetings,
        "needs": selectors.access_needs_lines(member),
        "agenda": guide.AGENDA,
        "made_at": timezone.localtime(),
    }


def everything_pdf(member: FamilyMember) -> bytes:
    html = render_to_string("portal/everything_pdf.html", everything_context(member))
    fetch_nothing = URLFetcher(allowed_protocols=frozenset())
    return bytes(HTML(string=html, url_fetcher=fetch_nothing).write_pdf())

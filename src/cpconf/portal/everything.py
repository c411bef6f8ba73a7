""" "Download everything about our family": one PDF of exactly what the portal shows the
member — their conferences, the family copies shared with them, the letters, and what they
sent. Built from the same selectors as the pages, so it can hold nothing the pages do not.

WeasyPrint is given a URL fetcher that fetches nothing, so no text can make it read a file.
"""

import re
from typing import Any

from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from cpconf.documents.pdf import FONT_FAMILY, PDF_VARIANT
from cpconf.families.models import FamilyMember
from cpconf.portal import guide, selectors


def everything_context(member: FamilyMember) -> dict[str, Any]:
    reading = selectors.reading_format(member)
    now = timezone.now()
    meetings = []
    for conference in selectors.conferences_for(member):
        shared = selectors.shared_reports_for(member, conference)
        meetings.append(
            {
                "conference": conference,
                "reports": [
                    {
                        "shared": item,
                        "document": selectors.family_copy_document(item, reading),
                        "comments": selectors.comments_by(member, item.report),
                    }
                    for item in shared
                ],
                "letter": selectors.letter_for(member, conference),
                "sent": selectors.parents_reports_by(member, conference),
                "views": selectors.child_views_by(member, conference),
                "feedback": selectors.feedback_by(member, conference),
                # What happens at it, as its page says, for a meeting still to come.
                "agenda": guide.meeting_guide(conference) if conference.starts_at > now else [],
            }
        )
    return {
        "member": member,
        "family": member.family,
        "meetings": meetings,
        "needs": what_i_need(member),
        "made_at": timezone.localtime(now),
        "reading": reading,
    }


# Anything typed under "Anything else" (or on the front sheet) that says only what the
# lines above already say: "Prefers reports read aloud", "Easy read, and large print".
PHRASE_BREAKS = re.compile(r"[;,.\n]|\band\b|\balso\b", re.IGNORECASE)
SAID_ALREADY = (
    selectors.TYPED_LARGE_PRINT,
    selectors.TYPED_EASY_READ,
    selectors.TYPED_READ_ALOUD,
)


def what_i_need(member: FamilyMember) -> list[str]:
    """What the member needs, in their own words (the staff's list says "them"), each once:
    the front sheet's typed note is shown only when it says more than the lines above it."""
    lines = []
    if member.needs_interpreter:
        lines.append(
            _("I need an interpreter who speaks %(language)s.") % {"language": member.language}
        )
    elif member.language and member.language.lower() != "english":
        lines.append(_("My first language is %(language)s.") % {"language": member.language})
    reading = selectors.reading_format(member)
    needs = selectors.access_needs_of(member)
    wanted = (
        (reading.large_print, _("I need things in large print.")),
        (reading.easy_read, _("I need things in easy read: short words and pictures.")),
        (needs.reading_support, _("I need someone to read the reports with me.")),
        (reading.read_aloud, _("I need the reports read aloud to me.")),
    )
    lines += [str(line) for need, line in wanted if need]
    typed = member.access_needs.strip()
    if typed and not _says_only_what_is_listed(typed):
        lines.append(_("Also: %(typed)s") % {"typed": typed})
    return lines


def _says_only_what_is_listed(typed: str) -> bool:
    phrases = [p.strip() for p in PHRASE_BREAKS.split(typed) if p.strip()]
    return all(any(rule.search(phrase) for rule in SAID_ALREADY) for phrase in phrases)


# Kept out of the template: templates carry no inline style (the pages' content security
# policy), and this one is drawn only by WeasyPrint.
STYLESHEET = """
@page {
  size: A4;
  margin: 18mm;
  @bottom-right {
  content: counter(page) " / " counter(pages);
  font-size: 10pt;
  }
}
html {
  font-family: $font_family;
  font-size: 13pt;
  line-height: 1.45;
  color: #0b0c0c;
  }
h1 {
  font-size: 24pt;
  }
h2 {
  font-size: 19pt;
  border-bottom: 2px solid #0b0c0c;
  margin-top: 10mm;
  }
h3 {
  font-size: 16pt;
  margin-top: 6mm;
  }
h4 {
  font-size: 14pt;
  }
.meeting {
  break-before: page;
  }
.preserve {
  white-space: pre-wrap;
  }
table {
  border-collapse: collapse;
  width: 100%;
  }
th, td {
  border: 1px solid #0b0c0c;
  padding: 2mm;
  text-align: left;
  vertical-align: top;
  }
.note {
  border-left: 4px solid #1d70b8;
  padding-left: 4mm;
  }
ins {
  color: #1d70b8;
  text-decoration: underline;
  }
del {
  color: #942514;
  text-decoration: line-through;
  }
""".replace("$font_family", FONT_FAMILY)  # the reports' fonts, with their fallbacks


# Large print, for a member who asked for it: 18pt and over, with wider spacing.
LARGE_PRINT_STYLESHEET = """
@page { @bottom-right { font-size: 18pt; } }
html { font-size: 18pt; line-height: 1.6; }
h1 { font-size: 30pt; }
h2 { font-size: 26pt; }
h3 { font-size: 22pt; }
h4 { font-size: 20pt; }
p, li, th, td { margin-bottom: 4mm; }
"""


def everything_pdf(member: FamilyMember) -> bytes:
    """Tagged for screen readers (PDF/UA-1), like every PDF the system makes."""
    # Imported here for the reason cpconf.documents.pdf.tagged_pdf gives.
    from weasyprint import CSS, HTML
    from weasyprint.urls import URLFetcher

    context = everything_context(member)
    html = render_to_string("portal/everything_pdf.html", context)
    fetch_nothing = URLFetcher(allowed_protocols=frozenset())
    document = HTML(string=html, url_fetcher=fetch_nothing)
    styles = STYLESHEET + (LARGE_PRINT_STYLESHEET if context["reading"].large_print else "")
    pdf = document.write_pdf(stylesheets=[CSS(string=styles)], pdf_variant=PDF_VARIANT)
    return bytes(pdf)

"""What the outcome page shows: the latest finalised version's letters (as issued, or as
each would be issued today) and its minutes, and every letter issued before."""

from typing import Any

from django.db.models import Q
from django.utils import timezone

from cpconf.access import may
from cpconf.accounts.models import User
from cpconf.conference_records.models import RecordVersion
from cpconf.conferences.models import Conference
from cpconf.documents.letter import EXPLAINED_TERMS, letter_text
from cpconf.outcomes import letters, selectors
from cpconf.outcomes.due_dates import outcome_due_dates
from cpconf.outcomes.forms import OtherRecipientsForm
from cpconf.outcomes.minutes_layout import minutes_document, preview_parts
from cpconf.outcomes.models import MinutesApproval, OutcomeLetter
from cpconf.outcomes.services import letter_recipients
from cpconf.quality import analyse


def outcome_page_context(conference: Conference, form: Any = None) -> dict[str, Any]:
    version = selectors.latest_finalised_version(conference)
    context: dict[str, Any] = {
        "conference": conference,
        "version": version,
        "letters": list(selectors.letters_of(conference)),
        "due": outcome_due_dates(conference),
    }
    if version is None:
        return context
    context["minutes_approval"] = MinutesApproval.objects.filter(record_version=version).first()
    issued = selectors.letters_for(version)
    readers = letter_previews(version, issued)
    form = form or OtherRecipientsForm(family=conference.family)
    context |= {
        "issued": issued,
        "readers": readers,
        "letter_findings": [] if issued else plain_language_findings(readers[0]["content"]),
        "recipients_form": None if issued else form,
        "minutes": preview_parts(minutes_document(version)),
        "being_corrected": version.record.is_being_corrected,
    }
    return context


def letter_previews(version: RecordVersion, issued: list[OutcomeLetter]) -> list[dict[str, Any]]:
    """Each letter as issued or, before issuing, as each parent or carer would get it today."""
    if issued:
        return [
            {"to": letter.addressed_to, "content": letter.content, "letter": letter}
            for letter in issued
        ]
    today = timezone.localdate()
    return [
        {
            "to": recipient.full_name if recipient else "",
            "content": letters.letter_content(version, issued_on=today, recipient=recipient),
            "letter": None,
        }
        for recipient in letter_recipients(version.record.conference.family)
    ]


# What would make the letter hard for a parent to read: the chair's own words (the summary, the
# plan's actions) may carry professional words the letter's fixed wording avoids.
PLAIN_LANGUAGE_RULES = ("jargon", "acronym", "long_sentence")


def plain_language_findings(content: dict[str, Any]) -> list[dict[str, Any]]:
    findings = analyse(letter_text(content)).to_dict()["findings"]
    return [
        finding
        for finding in findings
        if finding["rule"] in PLAIN_LANGUAGE_RULES
        and finding["text"].lower() not in EXPLAINED_TERMS
    ]


def minutes_version_for(
    user: User, conference: Conference, requested: str | None
) -> RecordVersion | None:
    """The version whose minutes this reader gets: the chair and the unit any finalised
    version (the latest unless asked); invited professionals only issued or approved ones."""
    versions = RecordVersion.objects.filter(record__conference=conference).select_related(
        "record__conference__family__local_authority", "record__conference__chair"
    )
    if not may(user, "issue_outcome", conference):
        versions = versions.filter(
            Q(outcome_letters__isnull=False) | Q(minutes_approval__isnull=False)
        ).distinct()
    if requested is not None:
        return versions.filter(number=int(requested)).first() if requested.isdigit() else None
    return versions.order_by("-number").first()

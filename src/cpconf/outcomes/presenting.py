"""What the outcome page shows: the latest finalised version's letter (as issued, or as it
would be issued today) and its minutes, and every letter issued before."""

from typing import Any

from django.utils import timezone

from cpconf.access import may
from cpconf.accounts.models import User
from cpconf.conference_records.models import RecordVersion
from cpconf.conferences.models import Conference
from cpconf.documents.letter import letter_text
from cpconf.outcomes import letters, selectors
from cpconf.outcomes.minutes import minutes_document, preview_parts
from cpconf.quality import analyse


def outcome_page_context(conference: Conference) -> dict[str, Any]:
    version = selectors.latest_finalised_version(conference)
    context: dict[str, Any] = {
        "conference": conference,
        "version": version,
        "letters": list(selectors.letters_of(conference)),
    }
    if version is None:
        return context
    letter = selectors.letter_for(version)
    content = (
        letter.content
        if letter
        else letters.letter_content(version, issued_on=timezone.localdate())
    )
    context |= {
        "letter": letter,
        "letter_content": content,
        "letter_findings": [] if letter else plain_language_findings(content),
        "minutes": preview_parts(minutes_document(version)),
        "being_corrected": version.record.is_being_corrected,
    }
    return context


# What would make the letter hard for a parent to read: the chair's own words (the summary, the
# plan's actions) may carry professional words the letter's fixed wording avoids.
PLAIN_LANGUAGE_RULES = ("jargon", "acronym", "long_sentence")


def plain_language_findings(content: dict[str, Any]) -> list[dict[str, Any]]:
    findings = analyse(letter_text(content)).to_dict()["findings"]
    return [finding for finding in findings if finding["rule"] in PLAIN_LANGUAGE_RULES]


def minutes_version_for(
    user: User, conference: Conference, requested: str | None
) -> RecordVersion | None:
    """The version whose minutes this reader gets: the chair and the unit any finalised
    version (the latest unless asked); invited professionals only issued ones."""
    versions = RecordVersion.objects.filter(record__conference=conference).select_related(
        "record__conference__family__local_authority", "record__conference__chair"
    )
    if not may(user, "issue_outcome", conference):
        versions = versions.filter(outcome_letter__isnull=False)
    if requested is not None:
        return versions.filter(number=int(requested)).first() if requested.isdigit() else None
    return versions.order_by("-number").first()

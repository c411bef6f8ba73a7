"""Reading what a conference produced afterwards, always through an access scope."""

from django.db.models import Q, QuerySet

from cpconf.access import AnyUser, roles_of
from cpconf.accounts.models import Role
from cpconf.conference_records.models import RecordStatus, RecordVersion
from cpconf.conferences.models import Conference
from cpconf.outcomes.access_rules import outcome_letters_visible_to
from cpconf.outcomes.models import OutcomeLetter

CONFERENCE_RELATED = (
    "family",
    "family__local_authority",
    "chair",
    "family__allocated_social_worker",
)


def conferences_run_by(user: AnyUser) -> QuerySet[Conference]:
    """The conferences whose minutes and letter this user issues: the unit of the family's
    authority, and the conference's chair."""
    conditions = Q(pk__in=[])
    for assignment in roles_of(user):
        in_authority = Q(family__local_authority_id=assignment.local_authority_id)
        if assignment.role == Role.UNIT_ADMINISTRATOR:
            conditions |= in_authority
        elif assignment.role == Role.CHAIR:
            conditions |= in_authority & Q(chair=user)
    return Conference.objects.filter(conditions).select_related(*CONFERENCE_RELATED)


def latest_finalised_version(conference: Conference) -> RecordVersion | None:
    """The record's newest finalised version: the only one whose letter may be issued."""
    return (
        RecordVersion.objects.filter(
            record__conference=conference, record__status=RecordStatus.FINALISED
        )
        .select_related("record", "finalised_by")
        .order_by("-number")
        .first()
    )


def letters_of(conference: Conference) -> QuerySet[OutcomeLetter]:
    """Every letter issued for the conference, newest version first (corrections keep the
    earlier letters), each version's letters in the order they were issued."""
    return (
        OutcomeLetter.objects.filter(record_version__record__conference=conference)
        .select_related("record_version", "issued_by", "recipient")
        .order_by("-record_version__number", "pk")
    )


def letters_for(version: RecordVersion) -> list[OutcomeLetter]:
    """The letters issued from this version, one per recipient (none if not issued yet)."""
    return list(
        OutcomeLetter.objects.filter(record_version=version)
        .select_related("recipient")
        .order_by("pk")
    )


def readable_letters(user: AnyUser) -> QuerySet[OutcomeLetter]:
    """Issued letters this user may read, for `get_visible_or_404` to fetch one from."""
    return outcome_letters_visible_to(user).select_related(
        "record_version__record__conference__family__local_authority", "recipient"
    )

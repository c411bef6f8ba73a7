"""Reading conference records, always through the access scope and the "run_record" rule."""

from typing import Any

from django.db.models import QuerySet
from django.http import HttpRequest

from cpconf.access import AnyUser
from cpconf.access.lookups import get_visible_or_404
from cpconf.conference_records.models import ConferenceRecord, RecordVersion
from cpconf.conferences.access_rules import conferences_visible_to
from cpconf.conferences.models import Conference


def conferences_for(user: AnyUser) -> QuerySet[Conference]:
    """Conferences this user may know of; whether they run the record is the "run_record"
    rule's to say, asked by `get_visible_or_404` before it records the read or the refusal."""
    return conferences_visible_to(user).select_related(
        "family", "family__local_authority", "chair", "previous"
    )


def record_for(
    request: HttpRequest, conference_pk: int, action: str = "conference_record_viewed"
) -> ConferenceRecord | None:
    """The conference's record for the person running it, or None if nobody has started it;
    404 for anyone else. Only reads (the read itself is audited, as every read of a child's
    record is): a record is started by `services.record_start`, on the chair's POST."""
    conference = get_visible_or_404(
        conferences_for(request.user),
        request,
        action=action,
        permission="run_record",
        pk=conference_pk,
    )
    record = ConferenceRecord.objects.filter(conference=conference).first()
    if record is not None:
        record.conference = conference
    return record


def version_numbered(conference: Conference, number: int) -> RecordVersion | None:
    return RecordVersion.objects.filter(record__conference=conference, number=number).first()


def latest_version(record: ConferenceRecord) -> RecordVersion | None:
    return record.versions.order_by("-number").first()


def versions_of(record: ConferenceRecord) -> list[RecordVersion]:
    """Every finalised version, oldest first, with who finalised it."""
    return list(record.versions.select_related("finalised_by").order_by("number"))


def latest_finalised_content(conference: Conference) -> dict[str, Any] | None:
    """What the conference decided, as last finalised; None if its record never was."""
    version = (
        RecordVersion.objects.filter(record__conference=conference).order_by("-number").first()
    )
    return dict(version.content) if version is not None else None

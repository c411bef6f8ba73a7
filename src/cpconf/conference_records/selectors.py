"""Reading conference records, always through the access scope and the "run_record" rule."""

from typing import Any

from django.http import HttpRequest

from cpconf.access import conferences_visible_to, may
from cpconf.access.lookups import get_visible_or_404
from cpconf.conference_records.models import ConferenceRecord, RecordVersion
from cpconf.conferences.models import Conference


def runnable_conference(
    request: HttpRequest, conference_pk: int, action: str = "conference_record_viewed"
) -> Conference:
    """The conference, if this user may run its record (its chair, the unit); else an audited
    refusal and a 404, the same as for a conference that does not exist."""
    visible = conferences_visible_to(request.user).filter(pk=conference_pk)
    allowed = [c.pk for c in visible.select_related("family") if may(request.user, "run_record", c)]
    scope = Conference.objects.filter(pk__in=allowed).select_related(
        "family", "family__local_authority", "chair", "previous"
    )
    return get_visible_or_404(scope, request, action=action, pk=conference_pk)


def record_for(
    request: HttpRequest, conference_pk: int, action: str = "conference_record_viewed"
) -> ConferenceRecord:
    """The conference's record for the person running it, started the first time it is
    opened (audited as started); 404 for anyone else."""
    from cpconf.conference_records.services import record_start

    conference = runnable_conference(request, conference_pk, action=action)
    record = ConferenceRecord.objects.filter(conference=conference).first()
    if record is None or not record.parts.exists():
        record = record_start(conference=conference, actor=request.user, request=request)  # type: ignore[arg-type]
    record.conference = conference
    return record


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

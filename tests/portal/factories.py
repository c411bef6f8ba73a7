"""An issued outcome letter, made directly (the outcomes app issues them in the product)."""

from django.utils import timezone

from cpconf.conference_records.models import ConferenceRecord, RecordStatus, RecordVersion
from cpconf.conferences.models import Conference
from cpconf.outcomes.models import OutcomeLetter

LETTER_CONTENT = {
    "title": "The decision from the meeting",
    "addressed_to": "Dear Dawn Hartwell",
    "sections": [
        {"heading": "What we decided", "paragraphs": ["Lily and Noah still need a plan."]},
        {"heading": "The plan", "paragraphs": ["School will check in with Lily every week."]},
    ],
}


def issued_letter(conference: Conference, content: dict | None = None) -> OutcomeLetter:
    now = timezone.now()
    record = ConferenceRecord.objects.create(
        conference=conference, status=RecordStatus.FINALISED, finalised_at=now
    )
    version = RecordVersion.objects.create(
        record=record,
        number=1,
        content={},
        fingerprint="0" * 64,
        finalised_by=conference.chair,
        finalised_at=now,
    )
    return OutcomeLetter.objects.create(
        record_version=version,
        issued_at=now,
        issued_by=conference.chair,
        content=content or LETTER_CONTENT,
        fingerprint="1" * 64,
    )

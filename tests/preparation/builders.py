"""Submitted reports and finalised conference records for the preparation tests."""

import datetime as dt
from typing import Any

from django.utils import timezone

from cpconf.accounts.models import Role
from cpconf.conference_records.models import (
    ConferenceRecord,
    RecordStatus,
    RecordVersion,
    record_fingerprint,
)
from cpconf.reports.models import ProfessionalReport
from tests.factories import AgencyFactory, InvitationFactory, user_with_role
from tests.report_scene import PASSWORD, Scene, complete, save, start, submit

UNATTRIBUTED = "It was reported that Dad had returned to the family home."
OPINION = "Mum is neglectful."


def written(
    scene: Scene, author=None, *, conference=None, words: str = "", scores=(4, 6), **extra: Any
):
    """A report by `author` (the scene's author by default), complete, not yet submitted."""
    report = complete(start(scene, conference=conference, author=author), words)
    children = report.sections.get(key="children").content["children"]
    save(
        report,
        "assessment",
        {
            "children": [
                {
                    **child,
                    "scaling": scores[index % len(scores)],
                    "recommendation": "child_protection_plan",
                    "reason": f"Reason for {child['name']}",
                }
                for index, child in enumerate(children)
            ]
        },
    )
    for key, content in extra.items():
        save(report, key, content)
    return report


def submitted(scene: Scene, author=None, **kwargs: Any) -> ProfessionalReport:
    report = written(scene, author, **kwargs)
    submit(report)
    report.refresh_from_db()
    return report


def another_writer(scene: Scene, name: str):
    agency = AgencyFactory(local_authority=scene.authority, name=name)
    writer = user_with_role(Role.PROFESSIONAL, scene.authority, agency=agency, password=PASSWORD)
    InvitationFactory(conference=scene.conference, invitee=writer, agency=agency)
    return writer


def finalised_record(conference, chair, scores: list[dict[str, Any]], *, versions: int = 1):
    """A finalised record (made directly: the record services are being written)."""
    record = ConferenceRecord.objects.create(
        conference=conference, status=RecordStatus.FINALISED, finalised_at=timezone.now()
    )
    for number in range(1, versions + 1):
        content = {"scaling": {"scores": scores if number == versions else []}}
        RecordVersion.objects.create(
            record=record,
            number=number,
            content=content,
            fingerprint=record_fingerprint(content),
            finalised_by=chair,
            finalised_at=timezone.now() - dt.timedelta(days=versions - number),
            correction_reason="" if number == 1 else "Scores corrected",
        )
    return record

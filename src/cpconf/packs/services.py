"""Releasing and building the conference pack.

The unit releases the pack (`pack_release`): from then on, invited professionals may read the
submitted reports, and both copies are queued to be built. Building (`pack_build`) runs as a
background job: it is not one transaction, so that its progress (reports laid out of the
total) is visible to the page while it works; the files are saved, and the build audited, in
one transaction at the end. A report submitted or amended after the release queues both
copies again (`pack_queue`, called from `report_submit`).

Releasing while invited reports have not arrived is refused (`ReportsMissing`, naming them)
unless the unit confirms it; the release then keeps the names of what was missing
(`PackRelease`), and its audit event points at that record. The conference copy opens with
the chair's brief.
"""

import logging
from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime
from functools import partial

from django.db import transaction
from django.db.models import F
from django.http import HttpRequest
from django.utils import timezone

from cpconf.accounts.models import User
from cpconf.audit.models import Outcome
from cpconf.audit.services import audit_for_family
from cpconf.conferences.models import Conference
from cpconf.documents import pack_docx, pack_pdf
from cpconf.documents.pack import PackBrief
from cpconf.packs import pack_contents
from cpconf.packs.chairs_brief import MissingReport, chair_brief, missing_reports
from cpconf.packs.models import ConferencePack, PackCopy, PackRelease, PackState
from cpconf.packs.printed_brief import brief_for_pack

logger = logging.getLogger(__name__)
FAILURE_SHOWN = 500  # characters of the error kept for the page and the logs


def _enqueue(pack_id: int) -> None:
    from cpconf.packs.tasks import build_pack  # the task module imports this one

    build_pack.enqueue(pack_id=pack_id)


def pack_queue(*, conference: Conference) -> list[ConferencePack]:
    """Mark both copies as waiting and build each once the calling transaction commits (a job
    started earlier would not yet see what the transaction wrote)."""
    packs = []
    for copy in PackCopy.values:
        total = len(pack_contents.entries_for(conference, copy))
        fields = {"state": PackState.QUEUED, "reports_done": 0, "reports_total": total}
        updated = ConferencePack.objects.filter(conference=conference, copy=copy).update(
            **fields, requested=F("requested") + 1, failure="", modified_at=timezone.now()
        )
        if not updated:
            ConferencePack.objects.create(conference=conference, copy=copy, requested=1, **fields)
        pack = ConferencePack.objects.defer("pdf", "docx").get(conference=conference, copy=copy)
        transaction.on_commit(partial(_enqueue, pack.pk))
        packs.append(pack)
    return packs


class ReportsMissing(Exception):
    """Invited reports have not arrived and the unit has not confirmed releasing without
    them: `missing` names each (agency and author) for the page to list."""

    def __init__(self, missing: Sequence[MissingReport]) -> None:
        super().__init__(", ".join(m.named for m in missing))
        self.missing = tuple(missing)


@transaction.atomic
def pack_release(
    *,
    conference: Conference,
    actor: User,
    request: HttpRequest | None = None,
    now: datetime | None = None,
    release_with_missing: bool = False,
) -> bool:
    """Release the pack (once; a second call builds it again) and queue both copies. A first
    release with reports missing needs `release_with_missing`, else `ReportsMissing`.

    True when this call released the pack; False when it was released already (by an
    earlier press, or one at the same moment), so the caller says which happened."""
    locked = Conference.objects.select_for_update().get(pk=conference.pk)
    first = locked.pack_released_at is None
    audited: Conference | PackRelease = locked
    if first:
        missing = missing_reports(locked)
        if missing and not release_with_missing:
            raise ReportsMissing(missing)
        released_at = now or timezone.now()
        locked.pack_released_at = released_at
        locked.modified_by = actor
        locked.save(update_fields=["pack_released_at", "modified_by", "modified_at"])
        audited = _record_release(locked, actor, missing, released_at)
    conference.pack_released_at = locked.pack_released_at
    audit_for_family(
        action="pack_released" if first else "pack_rebuild_requested",
        actor=actor,
        request=request,
        obj=audited,
        family=conference.family,
    )
    pack_queue(conference=conference)
    return first


def _record_release(
    conference: Conference,
    actor: User,
    missing: Sequence[MissingReport],
    released_at: datetime,
) -> PackRelease:
    """Keep who released the pack, when, and the names of any report that had not arrived."""
    return PackRelease.objects.create(
        conference=conference,
        released_at=released_at,
        missing=[{"agency": m.agency, "author": m.author, "status": m.status} for m in missing],
        created_by=actor,
        modified_by=actor,
    )


def _chair_brief(conference: Conference, entries: list[pack_contents.PackEntry]) -> PackBrief:
    """The chair's brief from the reports the conference copy holds."""
    return brief_for_pack(chair_brief(conference, entries))


def _progress(pack_id: int, **fields: object) -> None:
    """A small update of its own, committed at once, so the page sees how far the build is."""
    ConferencePack.objects.filter(pk=pack_id).update(**fields, modified_at=timezone.now())


def pack_build(*, pack_id: int) -> str:
    """Lay out every report of the copy, then write the PDF and the Word file; the state the
    pack ends in."""
    pack = (
        ConferencePack.objects.defer("pdf", "docx")
        .select_related("conference__family__local_authority", "conference__chair")
        .get(pk=pack_id)
    )
    conference = pack.conference
    if pack.answered >= pack.requested and pack.built_at is not None:
        return str(pack.state)  # a build since this job was queued already answered it
    request = pack.requested
    try:
        entries = pack_contents.entries_for(conference, pack.copy)
        _progress(pack_id, state=PackState.BUILDING, reports_done=0, reports_total=len(entries))
        reports = []
        for done, entry in enumerate(entries, start=1):
            reports.append(pack_contents.pack_report(entry, pack.copy))
            _progress(pack_id, reports_done=done)
        document = pack_contents.pack_document(conference, pack.copy, entries, reports)
        if pack.copy == PackCopy.CONFERENCE:
            document = replace(document, brief=_chair_brief(conference, entries))
        pdf, docx = pack_pdf(document), pack_docx(document)
    except Exception as error:
        logger.exception("Pack %s could not be built", pack_id)
        _progress(pack_id, state=PackState.FAILED, failure=str(error)[:FAILURE_SHOWN])
        raise
    return _save_build(pack, request, entries, pdf, docx)


@transaction.atomic
def _save_build(
    pack: ConferencePack,
    request: int,
    entries: list[pack_contents.PackEntry],
    pdf: bytes,
    docx: bytes,
) -> str:
    """Save the files; ready, unless a newer request came in while building (its job will
    build again, and the page keeps saying so)."""
    current = ConferencePack.objects.select_for_update().defer("pdf", "docx").get(pk=pack.pk)
    state = PackState.READY if current.requested == request else PackState.QUEUED
    ConferencePack.objects.filter(pk=pack.pk).update(
        state=state,
        answered=request,
        reports_done=F("reports_total") if state == PackState.READY else 0,
        built_at=timezone.now(),
        pdf=pdf,
        docx=docx,
        versions=pack_contents.contents_of(entries),
        fingerprint=pack_contents.contents_fingerprint(pack.copy, entries, pack.conference),
        failure="",
        modified_at=timezone.now(),
    )
    audit_for_family(
        action=f"pack_{pack.copy}_copy_built", actor=None, obj=pack, family=pack.conference.family
    )
    return str(state)


def pack_copy_taken(
    *,
    pack: ConferencePack,
    actor: User,
    request: HttpRequest | None = None,
    refused: bool = False,
) -> None:
    """A downloaded pack leaves the system: record who took which copy, or was refused it."""
    audit_for_family(
        action=f"pack_{pack.copy}_copy_downloaded",
        actor=actor,
        request=request,
        obj=pack,
        family=pack.conference.family,
        outcome=Outcome.REFUSED if refused else Outcome.SUCCESS,
    )


def rebuild_released_pack(*, conference: Conference, **signal: object) -> None:
    """A report submitted late, or an amendment signed, after the pack's release goes into
    the pack: both copies are built again once the submission commits. Connected to the
    reports app's `report_version_submitted` signal (the reports know nothing of packs)."""
    if conference.pack_released_at is None:
        return
    pack_queue(conference=conference)

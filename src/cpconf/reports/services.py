"""Every change to a professional report: each in one transaction, each audited.

The working copy is a set of `ReportSection` rows saved as the author goes. Submission freezes
all of it into a `ReportVersion` with a SHA-256 fingerprint; an amendment reopens the working
copy with a reason and the next signature makes the next version.
"""

from datetime import datetime
from typing import Any

from django.db import connection, transaction
from django.http import HttpRequest
from django.utils import timezone

from cpconf.accounts.models import User
from cpconf.audit.models import Outcome
from cpconf.audit.services import audit_for_family
from cpconf.conferences.models import Conference
from cpconf.conferences.scheduling import deadlines_for
from cpconf.deadlines import is_late
from cpconf.organisations.models import Agency
from cpconf.reportform import ReportForm
from cpconf.reports import report_content as parts
from cpconf.reports.models import (
    ProfessionalReport,
    ReportSection,
    ReportStatus,
    ReportVersion,
    ReviewState,
    SectionState,
    content_fingerprint,
)
from cpconf.reports.selectors import (  # the reads a state change needs
    MissingAnswer,
    carried_from,
    carried_keys,
    form_of,
    is_closed,
    missing_answers,
    previous_report_for,
    report_form_for,
    unreviewed_sections,
    version_content,
)
from cpconf.reports.signals import report_version_submitted


class SectionConflict(Exception):
    """The section changed since the author's page loaded (another tab, another window)."""

    def __init__(self, section: ReportSection) -> None:
        super().__init__(f"Section {section.key} is at revision {section.revision}.")
        self.section = section


class ReportNotEditable(Exception):
    """The report is submitted (and not being amended): it is never changed in place."""


class ReportChangedSinceShown(Exception):
    """The working copy was saved (another tab, another window) after the check page showed
    it: a signature covers only what its signer was shown."""


class ReportAlreadyBeingAmended(Exception):
    """An amendment is already open: a second one (a double click, another tab) starts none."""


class ConferenceClosed(Exception):
    """The conference's record is finalised, or the conference was cancelled: its reports
    stay as the meeting had them (its pack, and what its family read), so none is signed
    or amended for it any more. Anything new goes into the report for the next review."""


def _open_conference(report: ProfessionalReport) -> Conference:
    """The report's conference, held until the transaction ends so that it is not finalised
    (or its pack released) between this check and the signature; ConferenceClosed if it is
    finalised or cancelled. Taken after the report's lock, as every report service locks.

    A shared lock: the record's finalisation and the pack's release (which change the row)
    wait for signatures in progress, and they for them, but two authors signing reports to
    the same conference do not wait for each other. Django's ORM has no FOR SHARE, hence
    the statement; SQLite writes one transaction at a time and needs none."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            table = connection.ops.quote_name(Conference._meta.db_table)
            cursor.execute(
                f"SELECT 1 FROM {table} WHERE id = %s FOR SHARE",  # noqa: S608  # nosec B608 (a model's table)
                [report.conference_id],
            )
    conference = Conference.objects.select_related("family__local_authority").get(
        pk=report.conference_id
    )
    if is_closed(conference):
        raise ConferenceClosed(str(conference))
    return conference


class ReportIncomplete(Exception):
    def __init__(self, missing: list[MissingAnswer]) -> None:
        super().__init__(", ".join(m.key for m in missing))
        self.missing = missing


class ChangedSectionNotConfirmable(Exception):
    """The author changed this carried-forward section: "reviewed — no change" would be false."""


class SectionNotCarried(Exception):
    """Only a section carried forward from the previous report is confirmed unchanged."""


def _audit(
    action: str,
    *,
    actor: User,
    request: HttpRequest | None,
    obj: Any,
    conference: Conference,
) -> None:
    """Every report event is filed under the family and its authority, for the audit trail."""
    audit_for_family(action=action, actor=actor, request=request, obj=obj, family=conference.family)


def _starting_content(report: ProfessionalReport, form: ReportForm) -> dict[str, dict[str, Any]]:
    """Front sheet from the author, children and family from the family record; for a review,
    every section the previous report had, carried over word for word."""
    family = report.conference.family
    author = report.author
    children = [parts.child_row(child) for child in family.children.order_by("pk")]
    members = [
        parts.FamilyMember(
            name=member.full_name,
            relationship=member.get_relationship_display(),
            household="yes" if member.lives_in_household else "no",
        )
        for member in family.members.order_by("pk")
    ]
    content: dict[str, dict[str, Any]] = {
        parts.FRONT_SHEET: parts.FrontSheet(
            name=author.get_full_name() or author.email,
            role=author.job_title,
            workplace=report.agency.name,
            email=author.email,
        ).to_json(),
        parts.CHILDREN: parts.Children(children=children).to_json(),
        parts.FAMILY_MEMBERS: parts.FamilyMembers(members=members).to_json(),
    }
    previous = carried_from(report.previous_report, author_id=author.pk)
    for section in form.sections:
        carried = previous.get(section.key)
        if section.kind == "sharing":
            carried = None  # sharing is done afresh for every conference
        if section.kind == "assessment":  # given afresh for each child
            assessed = [parts.ChildAssessment(child_id=c.child_id, name=c.name) for c in children]
            carried = parts.Assessment(children=assessed).to_json()
        content[section.key] = carried or {}
    return content


@transaction.atomic
def report_start(
    *,
    conference: Conference,
    author: User,
    agency: Agency,
    request: HttpRequest | None = None,
) -> ProfessionalReport:
    """Create the author's report with its working copy, or return the one already there."""
    report, created = ProfessionalReport.objects.get_or_create(
        conference=conference,
        author=author,
        defaults={"agency": agency, "created_by": author, "modified_by": author},
    )
    # Two starts at once (a double click): the second waits here, then finds the first's copy.
    report = ProfessionalReport.objects.select_for_update().get(pk=report.pk)
    if report.sections.exists():
        return report
    form = report_form_for(conference)
    report.form_key = form.key
    if form.is_review:
        report.previous_report = previous_report_for(conference, author, agency)
    if report.status == ReportStatus.NOT_STARTED:
        report.status = ReportStatus.DRAFT
    report.modified_by = author
    report.save()
    carried = carried_keys(form) if report.previous_report_id else set()
    for key, value in _starting_content(report, form).items():
        ReportSection.objects.create(
            report=report,
            key=key,
            content=value,
            state=SectionState.IN_PROGRESS if value else SectionState.NOT_STARTED,
            review=ReviewState.TO_REVIEW if value and key in carried else ReviewState.NOT_CARRIED,
            created_by=author,
            modified_by=author,
        )
    _audit(
        "report_started" if created else "report_working_copy_created",
        actor=author,
        request=request,
        obj=report,
        conference=conference,
    )
    return report


@transaction.atomic
def section_save(
    *,
    report: ProfessionalReport,
    key: str,
    content: dict[str, Any],
    base_revision: int,
    completed: bool | None,
    actor: User,
    request: HttpRequest | None = None,
) -> ReportSection:
    """Save one part of the working copy if nobody saved it since `base_revision`.

    `completed` None keeps the state the author last chose (an autosave never marks a
    section completed by itself)."""
    locked = ProfessionalReport.objects.select_for_update().get(pk=report.pk)
    if not locked.is_editable:
        raise ReportNotEditable(str(report))
    section = ReportSection.objects.select_for_update().get(report=report, key=key)
    if section.revision != base_revision:
        raise SectionConflict(section)
    section.review = _review_after_save(locked, section, content)
    section.content = content
    section.revision += 1
    if completed is True:
        section.state = SectionState.COMPLETED
    elif completed is False or section.state == SectionState.NOT_STARTED:
        section.state = SectionState.IN_PROGRESS
    section.modified_by = actor
    section.save()
    _note_sharing(locked, key, content, actor)
    _audit(
        "report_section_saved",
        actor=actor,
        request=request,
        obj=section,
        conference=report.conference,
    )
    return section


def _review_after_save(
    report: ProfessionalReport, section: ReportSection, content: dict[str, Any]
) -> str:
    """A carried-forward section saved with different words is changed; saved back to the
    words it was carried with, it needs review again (unless the author confirmed it)."""
    if section.review == ReviewState.NOT_CARRIED:
        return section.review
    form = form_of(report)
    kind = parts.part_of(form, section.key).kind
    carried = carried_from(report.previous_report, author_id=report.author_id)
    as_carried = parts.text_of(kind, carried.get(section.key) or {}, form)
    if parts.text_of(kind, content, form) != as_carried:
        return ReviewState.CHANGED
    if section.review == ReviewState.CHANGED:
        return ReviewState.TO_REVIEW
    return section.review


@transaction.atomic
def section_confirm_unchanged(
    *,
    report: ProfessionalReport,
    key: str,
    actor: User,
    request: HttpRequest | None = None,
) -> ReportSection:
    """The author has read a section carried forward from their previous report and it still
    holds: "reviewed — no change", recorded and audited. Confirming twice changes nothing; a
    section whose words the author changed is not confirmed as unchanged."""
    locked = ProfessionalReport.objects.select_for_update().get(pk=report.pk)
    if not locked.is_editable:
        raise ReportNotEditable(str(report))
    section = ReportSection.objects.select_for_update().get(report=locked, key=key)
    if section.review == ReviewState.NOT_CARRIED:
        raise SectionNotCarried(key)
    if section.review == ReviewState.CHANGED:
        raise ChangedSectionNotConfirmable(key)
    if section.review == ReviewState.CONFIRMED:
        return section
    section.review = ReviewState.CONFIRMED
    section.state = SectionState.COMPLETED
    section.revision += 1
    section.modified_by = actor
    section.save()
    _audit(
        "report_section_confirmed_unchanged",
        actor=actor,
        request=request,
        obj=section,
        conference=locked.conference,
    )
    return section


def _note_sharing(
    report: ProfessionalReport, key: str, content: dict[str, Any], actor: User
) -> None:
    form = form_of(report)
    if key not in {s.key for s in form.sections if s.kind == "sharing"}:
        return
    shared = parts.Sharing.from_json(content).shared == "yes"
    if report.status == ReportStatus.DRAFT and shared:
        report.status = ReportStatus.SHARED
    elif report.status == ReportStatus.SHARED and not shared:
        report.status = ReportStatus.DRAFT
    else:
        return
    report.modified_by = actor
    report.save(update_fields=["status", "modified_by", "modified_at"])


@transaction.atomic
def report_submit(
    *,
    report: ProfessionalReport,
    signed_name: str,
    signed_role: str,
    actor: User,
    request: HttpRequest | None = None,
    now: datetime | None = None,
    as_shown: str | None = None,
) -> ReportVersion:
    """Sign and freeze the working copy as the next version; record whether it was late.

    `as_shown`: the fingerprint the signer's page showed (`selectors.fingerprint_to_sign`);
    when it is given and the report has changed since, nothing is signed. Only code that
    shows no one the report (the demo) leaves it out."""
    now = now or timezone.now()
    locked = ProfessionalReport.objects.select_for_update().get(pk=report.pk)
    if not locked.is_editable:
        raise ReportNotEditable(str(report))
    locked.conference = _open_conference(locked)
    # The comparison is fixed now: amending the previous report later changes nothing here.
    compared_with = locked.latest_previous_version()
    content = version_content(locked, compared_with)
    if as_shown is not None and content_fingerprint(content) != as_shown:
        raise ReportChangedSinceShown(str(report))
    missing = missing_answers(locked) + unreviewed_sections(locked)
    if missing:
        raise ReportIncomplete(missing)
    number = (locked.versions.order_by("-number").values_list("number", flat=True).first() or 0) + 1
    late = is_late(deadlines_for(locked.conference).submit_by, now)
    version = ReportVersion.objects.create(
        report=locked,
        number=number,
        content=content,
        fingerprint=content_fingerprint(content),
        signed_name=signed_name,
        signed_role=signed_role,
        signed_at=now,
        late=late,
        amendment_reason=locked.amendment_reason if number > 1 else "",
        compared_with=compared_with,
        created_by=actor,
        modified_by=actor,
    )
    if number == 1:
        locked.submitted_late = late
    locked.status = ReportStatus.SUBMITTED
    locked.submitted_at = locked.submitted_at or now
    locked.amendment_reason = ""
    locked.modified_by = actor
    locked.save()
    _audit(
        "report_submitted" if number == 1 else "report_amendment_submitted",
        actor=actor,
        request=request,
        obj=version,
        conference=locked.conference,
    )
    report_version_submitted.send(sender=ProfessionalReport, conference=locked.conference)
    return version


@transaction.atomic
def report_amend(
    *,
    report: ProfessionalReport,
    reason: str,
    actor: User,
    request: HttpRequest | None = None,
) -> ProfessionalReport:
    """Reopen a submitted report's working copy. The submitted versions stay as they are and
    stay what everyone else reads until the amendment is signed.

    Sharing is recorded per version: the new version has not been shared with the family,
    whatever the last one said, so its sharing part starts empty and the author records it
    afresh (the old version keeps its own record)."""
    locked = ProfessionalReport.objects.select_for_update().get(pk=report.pk)
    if not locked.is_submitted:
        raise ReportNotEditable("Only a submitted report is amended; this one is still a draft.")
    if locked.is_being_amended:
        raise ReportAlreadyBeingAmended(str(locked))
    locked.conference = _open_conference(locked)
    locked.amendment_reason = reason.strip()
    locked.modified_by = actor
    locked.save()
    _sharing_afresh(locked, actor)
    _audit(
        "report_amendment_started",
        actor=actor,
        request=request,
        obj=locked,
        conference=locked.conference,
    )
    return locked


def _sharing_afresh(report: ProfessionalReport, actor: User) -> None:
    keys = [s.key for s in form_of(report).sections if s.kind == "sharing"]
    for section in ReportSection.objects.select_for_update().filter(report=report, key__in=keys):
        section.content = {}
        section.state = SectionState.NOT_STARTED
        section.revision += 1
        section.modified_by = actor
        section.save()


def record_copy_taken(
    *,
    report: ProfessionalReport,
    copy: str,
    actor: User,
    request: HttpRequest | None = None,
    refused: bool = False,
) -> None:
    """A downloaded copy leaves the system: record who took which copy, or was refused it."""
    audit_for_family(
        action=f"report_{copy}_copy_downloaded",
        actor=actor,
        request=request,
        obj=report,
        family=report.conference.family,
        outcome=Outcome.REFUSED if refused else Outcome.SUCCESS,
    )

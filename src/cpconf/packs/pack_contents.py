"""What goes into a conference pack, read from the database and laid out as plain data.

Each copy holds the latest version of every submitted report; the family copy holds each
report's family copy (no restricted section), and only the reports their authors shared with
the family. The cover and the merged chronology are made from the same reports as the copy,
so the family copy's chronology has no event from a report the family was not given.
"""

import hashlib
import json
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _

from cpconf.chronology import AgencyEvent, MergedEvent, merge_chronologies
from cpconf.conferences.models import Conference
from cpconf.documents import PackDocument, PackReport, Paragraph, Section, Table, Wording
from cpconf.organisations.report_forms import report_form_named
from cpconf.reportform import ReportForm
from cpconf.reports import report_content as parts
from cpconf.reports.copies import report_document
from cpconf.reports.models import ProfessionalReport, ReportStatus, ReportVersion
from cpconf.reports.report_display import (
    meeting_rows,
    previous_parts,
    signature_rows,
    version_footer,
)

FAMILY_COPY = "family"
CONFERENCE_COPY = "conference"


def parents_report(conference: Conference) -> str | None:
    """The parents' own report or safety plan for this conference, if they sent one through
    the family portal; the pack puts it in both copies."""
    from cpconf.portal import selectors as portal  # the portal reads reports; packs read it

    return portal.parents_report(conference)


@dataclass(frozen=True)
class PackEntry:
    """A submitted report and the version of it the pack holds (its latest)."""

    report: ProfessionalReport
    version: ReportVersion

    @property
    def form(self) -> ReportForm:
        return report_form_named(self.version.content["form"])

    @property
    def parts(self) -> dict[str, Any]:
        return dict(self.version.content["parts"])

    @property
    def sharing(self) -> dict[str, Any]:
        keys = [s.key for s in self.form.sections if s.kind == "sharing"]
        return dict(self.parts.get(keys[0]) or {}) if keys else {}

    @property
    def shared_with_family(self) -> bool:
        return parts.Sharing.from_json(self.sharing).shared == "yes"


def submitted_entries(conference: Conference) -> list[PackEntry]:
    """Every submitted report of the conference with its latest version, by agency."""
    reports = (
        ProfessionalReport.objects.filter(conference=conference, status=ReportStatus.SUBMITTED)
        .select_related("agency", "author", "conference__family__local_authority")
        .prefetch_related("versions")
        .order_by("agency__name", "pk")
    )
    entries = []
    for report in reports:
        versions = sorted(report.versions.all(), key=lambda v: v.number)
        if versions:
            entries.append(PackEntry(report, versions[-1]))
    return entries


def entries_for(conference: Conference, copy: str) -> list[PackEntry]:
    entries = submitted_entries(conference)
    if copy == FAMILY_COPY:
        return [entry for entry in entries if entry.shared_with_family]
    return entries


def _visible_parts(entry: PackEntry, copy: str) -> dict[str, Any]:
    if copy == FAMILY_COPY:
        return parts.family_copy(entry.parts, entry.form)
    return entry.parts


def _day(value: Any) -> date | None:
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        return None


def chronology_events(entries: list[PackEntry], copy: str) -> list[AgencyEvent]:
    """The entries of every chronology section of these reports, each under its agency."""
    events = []
    for entry in entries:
        visible = _visible_parts(entry, copy)
        for section in entry.form.sections:
            if section.kind != "chronology" or section.key not in visible:
                continue
            for item in parts.Chronology.from_json(visible[section.key]).entries:
                if item.event.strip():
                    events.append(
                        AgencyEvent(
                            on=_day(item.date),
                            event=item.event.strip(),
                            agency=entry.report.agency.name,
                            source=item.source,
                        )
                    )
    return events


def merged_chronology(conference: Conference, copy: str) -> list[MergedEvent]:
    names = [child.given_name for child in conference.family.children.all()]
    return merge_chronologies(chronology_events(entries_for(conference, copy), copy), names=names)


def display_day(day: date | None) -> str:
    return f"{day.day} {day:%B %Y}" if day else _("Date not given")


def _recorded_by(event: AgencyEvent) -> str:
    if event.source:
        return _("%(agency)s (source: %(source)s)") % {
            "agency": event.agency,
            "source": event.source,
        }
    return event.agency


def chronology_table(merged: list[MergedEvent]) -> Table:
    rows = []
    for item in merged:
        if item.is_merged:
            wordings = [
                f"{w.agency}"
                + (f", {display_day(w.on)}" if w.on != item.on else "")
                + f": {w.event}"
                for w in item.wordings
            ]
            what = " / ".join(wordings)
        else:
            what = item.wordings[0].event
        by = "; ".join(_recorded_by(w) for w in item.wordings)
        rows.append((display_day(item.on), what, by))
    headers = (_("Date"), _("What happened"), _("Recorded by"))
    return Table(_("Significant events from every agency's report"), headers, tuple(rows))


def sharing_line(entry: PackEntry) -> str:
    sharing = parts.Sharing.from_json(entry.sharing)
    if sharing.shared == "yes":
        return _("Shared on %(day)s with %(who)s") % {
            "day": parts.display_date(sharing.shared_on),
            "who": sharing.shared_with,
        }
    if sharing.shared == "no":
        return _("Not shared: %(why)s") % {"why": sharing.not_shared_reason}
    return _("Not recorded")


def submitted_line(entry: PackEntry) -> str:
    report = entry.report
    submitted_at = report.submitted_at or entry.version.signed_at
    when = timezone.localtime(submitted_at).strftime("%-d %B %Y")
    line = (_("Late, %(day)s") if report.submitted_late else _("On time, %(day)s")) % {"day": when}
    if entry.version.number > 1:
        line += " " + _("(amended: version %(number)s)") % {"number": entry.version.number}
    return line


def received_table(entries: list[PackEntry]) -> Table:
    rows = tuple(
        (
            entry.report.agency.name,
            f"{entry.version.signed_name}, {entry.version.signed_role}",
            submitted_line(entry),
            sharing_line(entry),
        )
        for entry in entries
    )
    headers = (_("Agency"), _("Author"), _("Submitted"), _("Shared with the family"))
    return Table(_("Every submitted report, by agency"), headers, rows)


def pack_report(entry: PackEntry, copy: str) -> PackReport:
    """A report laid out as its own copy is: its latest version, changes marked against the
    author's previous report for a review."""
    report, version = entry.report, entry.version
    document = report_document(
        form=entry.form,
        content=entry.parts,
        copy=copy,
        meeting=meeting_rows(report),
        previous=previous_parts(report, version),
        signature=signature_rows(version),
        footer=version_footer(report, version, copy),
    )
    note = _("Version %(number)s · SHA-256 %(fingerprint)s…") % {
        "number": version.number,
        "fingerprint": version.fingerprint[:16],
    }
    if copy == FAMILY_COPY:  # the fingerprint is the conference's check, not the family's
        note = _("Version %(number)s") % {"number": version.number}
    heading = f"{report.agency.name} — {version.signed_name}"
    return PackReport(heading=heading, document=document, note=note)


def _front(entries: list[PackEntry], copy: str, conference: Conference) -> tuple[Section, ...]:
    received = received_table(entries)
    merged = merged_chronology(conference, copy)
    own_report = parents_report(conference)
    return (
        Section(
            _("Reports received"),
            tables=(received,) if received.rows else (),
            empty_text=_("No reports had been submitted when this pack was built."),
        ),
        Section(
            _("Merged chronology"),
            tables=(chronology_table(merged),) if merged else (),
            empty_text=_("No agency's report gives significant events."),
        ),
        Section(
            _("The parents' own report"),
            paragraphs=(Paragraph.plain(own_report),) if own_report else (),
            empty_text=_("The parents have not sent their own report."),
        ),
    )


def cover_rows(conference: Conference, copy: str) -> tuple[tuple[str, str], ...]:
    starts = timezone.localtime(conference.starts_at)
    copy_label = _("Conference copy") if copy == CONFERENCE_COPY else _("Family copy")
    return (
        (_("Family"), f"{conference.family.name} ({conference.family.case_reference})"),
        (_("Type of meeting"), conference.meeting_type_label),
        (_("Date of meeting"), starts.strftime("%A %-d %B %Y, %H:%M")),
        (_("Chair"), conference.chair.get_full_name() or conference.chair.email),
        (_("Copy"), copy_label),
        (
            _("The parents' own report"),
            _("Included") if parents_report(conference) else _("Not given"),
        ),
        (_("Pack built"), timezone.localtime().strftime("%-d %B %Y, %H:%M")),
    )


def pack_document(
    conference: Conference, copy: str, entries: list[PackEntry], reports: list[PackReport]
) -> PackDocument:
    family_note = _(" — no restricted sections, only reports shared with the family")
    return PackDocument(
        title=_("Conference pack"),
        subtitle=(_("Conference copy") if copy == CONFERENCE_COPY else _("Family copy"))
        + (family_note if copy == FAMILY_COPY else ""),
        cover=cover_rows(conference, copy),
        front=_front(entries, copy, conference),
        reports=tuple(reports),
        footer=f"{conference.family.case_reference} · "
        + (_("Conference copy") if copy == CONFERENCE_COPY else _("Family copy"))
        + " · OFFICIAL-SENSITIVE",
        wording=Wording(page_number=_("Page {page} of {pages}")),
    )


def contents_of(entries: list[PackEntry]) -> list[dict[str, Any]]:
    return [
        {
            "report_id": entry.report.pk,
            "version_id": entry.version.pk,
            "number": entry.version.number,
            "agency": entry.report.agency.name,
        }
        for entry in entries
    ]


def contents_fingerprint(copy: str, entries: list[PackEntry], conference: Conference) -> str:
    """SHA-256 over what the copy holds: the same versions give the same fingerprint."""
    held = {
        "copy": copy,
        "versions": [[e.version.pk, e.version.fingerprint] for e in entries],
        "parents_report": parents_report(conference) or "",
    }
    canonical = json.dumps(held, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()

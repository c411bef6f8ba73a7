"""A subject access export as a PDF for the reviewer, laid out by `cpconf.documents`.

Every item of the export is a section headed by what it is and where it came from, with each
third-party flag spelled out above its content, so the reviewer can read and redact the
printed copy item by item.
"""

import json
from collections.abc import Iterator
from datetime import datetime
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from cpconf.dataprotection.export_items import local_time, walk
from cpconf.dataprotection.registered_sections import registered_sections
from cpconf.dataprotection.subject_access import AUDIT_EVENTS
from cpconf.documents import Paragraph, ReportDocument, Section, Table, report_pdf
from cpconf.documents.model import Wording

THIRD_PARTY = gettext_noop("Third-party information — review before release")
NOTHING_HELD = gettext_noop("Nothing held")
GROUP_TITLES = {
    "account": gettext_noop("Account"),
    "role_assignments": gettext_noop("Role"),
    "family": gettext_noop("Family"),
    "children": gettext_noop("Child"),
    "family_members": gettext_noop("Family member"),
    "front_sheet_versions": gettext_noop("Earlier front sheet"),
    "case_system_references": gettext_noop("Case system reference"),
    "legal_holds": gettext_noop("Legal hold"),
    "allocated_families": gettext_noop("Family allocated"),
    "conferences": gettext_noop("Conference"),
    "invitations": gettext_noop("Invitation"),
    "reports": gettext_noop("Report"),
    "young_people": gettext_noop("Young person"),
    "access_needs": gettext_noop("Access needs"),
    "family_comments": gettext_noop("Family's comments on a report"),
    "parents_reports": gettext_noop("Parents' report or safety plan"),
    "child_views": gettext_noop("Child's views"),
    "feedback": gettext_noop("Feedback"),
    "pack_releases": gettext_noop("Pack released"),
    "conference_records": gettext_noop("Conference record"),
    "minutes_approvals": gettext_noop("Minutes approved"),
    "outcome_letters": gettext_noop("Outcome letter"),
    AUDIT_EVENTS: gettext_noop("Audit events"),
}
KINDS = {
    "family": gettext_noop("A family's case record"),
    "family_member": gettext_noop("A family member's own information"),
    "user": gettext_noop("An account holder's own information"),
}


def _shown(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return str(value)


def _flag(entry: dict[str, Any]) -> tuple[Paragraph, ...]:
    if not entry["third_party"]:
        return ()
    return (Paragraph.plain(f"{_(THIRD_PARTY)}: {entry['third_party_reason']}"),)


def _item_section(heading: str, entry: dict[str, Any]) -> Section:
    """A record: its flag, then its fields (or, for a report part, its words)."""
    paragraphs = _flag(entry)
    tables: tuple[Table, ...] = ()
    if "text" in entry:
        paragraphs += tuple(Paragraph.plain(line) for line in entry["text"].split("\n\n") if line)
    else:
        rows = tuple((name, _shown(value)) for name, value in entry["data"].items())
        tables = (Table("", (_("Field"), _("Value")), rows),)
    title = f"{heading}: {entry['title']}"
    return Section(title, question=entry["source"], paragraphs=paragraphs, tables=tables)


def _group_title(name: str) -> str:
    """This app's sections by name; the others by the title their app registered."""
    titles = {s.name: s.title for s in registered_sections()} | GROUP_TITLES
    return _(titles.get(name, name.replace("_", " ").capitalize()))


def _versioned_sections(heading: str, entry: dict[str, Any]) -> Iterator[Section]:
    """A report or a conference record: then each version, its parts, and the working copy."""
    yield _item_section(heading, entry)
    for version in entry["versions"]:
        yield _item_section(entry["title"], version)
        for part in version["parts"]:
            yield _item_section(f"{entry['title']}, {version['title']}", part)
    for part in entry["working_copy"]:
        yield _item_section(f"{entry['title']}, {_('working copy')}", part)


def _audit_section(entries: list[dict[str, Any]]) -> Section:
    headers = (_("When"), _("Who"), _("Action"), _("Record"), _("Outcome"), _(THIRD_PARTY))
    rows = tuple(
        (
            _shown(e["data"].get("occurred_at")),
            _shown(e["data"].get("actor_label")),
            _shown(e["data"].get("action")),
            f"{e['data'].get('object_type', '')} {e['data'].get('object_id', '')}".strip(),
            _shown(e["data"].get("outcome")),
            e["third_party_reason"],
        )
        for e in entries
    )
    table = Table("", headers, rows)
    return Section(
        _group_title(AUDIT_EVENTS),
        tables=(table,) if rows else (),
        empty_text=_(NOTHING_HELD),
    )


def _sections(export: dict[str, Any]) -> Iterator[Section]:
    for name in export["sections"]:
        if name == AUDIT_EVENTS:
            yield _audit_section(export[name])
        else:
            for entry in export[name]:
                if "versions" in entry:
                    yield from _versioned_sections(_group_title(name), entry)
                else:
                    yield _item_section(_group_title(name), entry)


def _contents(export: dict[str, Any]) -> Table:
    rows = []
    for name in export["sections"]:
        every = list(walk(export[name]))
        flagged = sum(1 for entry in every if entry["third_party"])
        rows.append((_group_title(name), str(len(every)), str(flagged)))
    headers = (_("Kind of record"), _("Items"), _("Third-party items to review"))
    return Table(_("What is held"), headers, tuple(rows))


def export_document(export: dict[str, Any]) -> ReportDocument:
    subject = export["subject"]
    prepared = local_time(datetime.fromisoformat(export["generated_at"]))
    front_sheet = (
        (_("Data subject"), subject["name"]),
        (_("Request"), _(KINDS[subject["kind"]])),
        (_("Record"), subject["source"]),
        (_("Prepared"), prepared),
        (_("Items"), str(export["summary"]["items"])),
        (_("Third-party items to review"), str(export["summary"]["third_party_items"])),
        (_("Before release"), export["notice"]),
    )
    return ReportDocument(
        title=_("Subject access export"),
        subtitle=subject["name"],
        front_sheet=front_sheet,
        tables=(_contents(export),),
        sections=tuple(_sections(export)),
        footer=_("Subject access export: confidential until reviewed"),
        wording=Wording(page_number=_("Page {page} of {pages}")),
    )


def export_pdf(export: dict[str, Any]) -> bytes:
    return report_pdf(export_document(export))

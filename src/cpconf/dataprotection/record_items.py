"""The items of a subject access export that a conference made: the release of its pack
(with the reports missing then), the chair's record (every finalised version, part by part,
and the working copy), the approvals of the minutes, and the outcome letters as issued (their
stored words, not a PDF, which is made from them).

A record part's text is the record as the chair's pages show it (`record_display`), so the
reviewer reads the decisions, dissent and plan in the agenda's words; its data keeps the
content exactly as stored.
"""

import json
from typing import Any

from django.db.models import Q
from django.utils.translation import gettext as _

from cpconf.conference_records.agenda import Agenda, agenda_for_stage
from cpconf.conference_records.models import ConferenceRecord, RecordPart, RecordVersion
from cpconf.conference_records.record_content import PART_TYPES, part_children
from cpconf.conference_records.record_display import summary_rows
from cpconf.conferences.models import Conference
from cpconf.dataprotection.export_items import fields_of, item, local_time, source_of
from cpconf.dataprotection.third_party import Requester, person
from cpconf.outcomes.models import MinutesApproval, OutcomeLetter
from cpconf.packs.models import PackRelease

RECORD_SECTIONS = ("pack_releases", "conference_records", "minutes_approvals", "outcome_letters")


def _agenda(conference: Conference) -> Agenda | None:
    try:
        return agenda_for_stage(conference.stage)
    except KeyError:
        return None  # a stage since retired: the content is still shown, as stored


def _part_text(
    key: str, content: dict[str, Any], children: list[tuple[int, str]], agenda: Agenda | None
) -> tuple[str, str]:
    """The part's title and its words as the chair's pages show them."""
    if agenda is None or key not in PART_TYPES:
        title = key.replace("_", " ").capitalize()
        return title, json.dumps(content, ensure_ascii=False, sort_keys=True) if content else ""
    rows = summary_rows(key, content, children, agenda)
    text = "\n\n".join(f"{row.label}: {'; '.join(row.lines)}" for row in rows if row.lines)
    return _(agenda.section(key).title), text


def _part_item(
    source: str,
    key: str,
    content: dict[str, Any],
    *,
    conference: Conference,
    children: list[tuple[int, str]],
    requester: Requester,
    extra: dict[str, Any] | None = None,
) -> dict[str, Any]:
    family = conference.family
    title, text = _part_text(key, content, children, _agenda(conference))
    reasons = [requester.family(family.pk, family.name)]
    reasons += requester.record_part(key, content, text=text)
    data = {"key": key, **(extra or {}), "content": content}
    return {**item(source, title, data, reasons), "text": text}


def _children(conference: Conference, content: dict[str, Any]) -> list[tuple[int, str]]:
    return part_children(content) or [
        (child.pk, child.full_name) for child in conference.family.children.order_by("pk")
    ]


def _version_item(version: RecordVersion, requester: Requester) -> dict[str, Any]:
    conference = version.record.conference
    family, chair = conference.family, version.finalised_by
    reasons = [
        requester.family(family.pk, family.name),
        requester.professional(_("finalised by"), chair.pk, str(chair), chair.email),
    ]
    title = _("Version %(number)s, finalised %(when)s") % {
        "number": version.number,
        "when": local_time(version.finalised_at),
    }
    entry = item(source_of(version), title, fields_of(version, exclude=("content",)), reasons)
    children = _children(conference, version.content)
    entry["parts"] = [
        _part_item(
            f"{source_of(version)}:{key}",
            key,
            content or {},
            conference=conference,
            children=children,
            requester=requester,
        )
        for key, content in version.content.items()
    ]
    return entry


def _working_part(part: RecordPart, conference: Conference, requester: Requester) -> dict:
    extra = {"revision": part.revision, "modified_at": fields_of(part)["modified_at"]}
    return _part_item(
        source_of(part),
        part.key,
        part.content or {},
        conference=conference,
        children=_children(conference, {}),
        requester=requester,
        extra=extra,
    )


def _record_item(record: ConferenceRecord, requester: Requester) -> dict[str, Any]:
    conference, family = record.conference, record.conference.family
    title = _("Record of the %(meeting)s, %(when)s") % {
        "meeting": conference.meeting_type_label,
        "when": local_time(conference.starts_at),
    }
    entry = item(
        source_of(record), title, fields_of(record), [requester.family(family.pk, family.name)]
    )
    entry["versions"] = [
        _version_item(v, requester) for v in sorted(record.versions.all(), key=lambda v: v.number)
    ]
    entry["working_copy"] = [
        _working_part(p, conference, requester)
        for p in sorted(record.parts.all(), key=lambda p: p.pk)
    ]
    return entry


def _approval_item(approval: MinutesApproval, requester: Requester) -> dict[str, Any]:
    version, by = approval.record_version, approval.approved_by
    family = version.record.conference.family
    reasons = [
        requester.family(family.pk, family.name),
        requester.professional(_("approved by"), by.pk, str(by), by.email),
    ]
    title = _("Minutes of version %(number)s approved %(when)s") % {
        "number": version.number,
        "when": local_time(approval.approved_at),
    }
    data = {**fields_of(approval), "approved_by_name": person(str(by), by.email)}
    return item(source_of(approval), title, data, reasons)


def _release_item(release: PackRelease, requester: Requester) -> dict[str, Any]:
    """Names the authors whose reports had not arrived when the pack was released."""
    family = release.conference.family
    reasons = [requester.family(family.pk, family.name)]
    for missing in release.missing or ():
        author = str(missing.get("author", "")) if isinstance(missing, dict) else ""
        reasons.append(requester.professional(_("author of a missing report"), None, author))
    title = _("Pack released %(when)s") % {"when": local_time(release.released_at)}
    return item(source_of(release), title, fields_of(release), reasons)


def letter_text(content: dict[str, Any]) -> str:
    """The letter's words in the order it reads, from its stored content."""
    lines = [content.get("title"), *content.get("recipient_address", ())]
    lines += [f"{label}: {value}" for label, value in content.get("details", ())]
    lines += [content.get("greeting") or content.get("addressed_to"), *content.get("notice", ())]
    for section in content.get("sections", ()):
        lines += [section.get("heading"), *section.get("paragraphs", ())]
    return "\n\n".join(str(line) for line in lines if line)


def _letter_item(letter: OutcomeLetter, requester: Requester) -> dict[str, Any]:
    family = letter.record_version.record.conference.family
    to = letter.recipient.full_name if letter.recipient else _("the family")
    by = letter.issued_by
    text = letter_text(letter.content or {})
    children = [c for c in family.children.all() if c.full_name in text]
    reasons = [
        requester.family(family.pk, family.name),
        requester.addressed_to(letter.recipient_id, to),
        requester.professional(_("issued by"), by.pk, str(by), by.email),
        *[requester.child(child.full_name, child.pk) for child in children],
    ]
    title = _("Outcome letter to %(to)s, issued %(when)s") % {
        "to": to,
        "when": local_time(letter.issued_at),
    }
    data = {**fields_of(letter), "recipient": to, "issued_by_name": person(str(by), by.email)}
    return {**item(source_of(letter), title, data, reasons), "text": text}


def record_sections(
    conference_ids: list[int], member_id: int | None, requester: Requester
) -> dict[str, list[dict[str, Any]]]:
    """What the conferences held made: pack releases, records, minutes approvals and
    letters; in a person's export also every letter addressed to them."""
    records = (
        ConferenceRecord.objects.filter(conference__in=conference_ids)
        .select_related("conference__family")
        .prefetch_related("versions__finalised_by", "parts")
        .order_by("conference__starts_at", "pk")
    )
    approvals = MinutesApproval.objects.filter(
        record_version__record__conference__in=conference_ids
    ).select_related("approved_by", "record_version__record__conference__family")
    to_them = Q(record_version__record__conference__in=conference_ids)
    if member_id is not None:
        to_them |= Q(recipient=member_id)
    letters = OutcomeLetter.objects.filter(to_them).select_related(
        "recipient", "issued_by", "record_version__record__conference__family"
    )
    releases = PackRelease.objects.filter(conference__in=conference_ids).select_related(
        "conference__family"
    )
    return {
        "pack_releases": [_release_item(r, requester) for r in releases.order_by("pk")],
        "conference_records": [_record_item(r, requester) for r in records],
        "minutes_approvals": [_approval_item(a, requester) for a in approvals.order_by("pk")],
        "outcome_letters": [
            _letter_item(x, requester) for x in letters.order_by("issued_at", "pk")
        ],
    }

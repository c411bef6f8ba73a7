"""The items of a subject access export: each record as plain data with where it came from.

Every item is a dict with `source` ("app.model#id", or a report part within it), `title`,
`third_party` (true when it names or comes from someone other than the subject),
`third_party_reason` (why, for the reviewer) and `data` (the record's fields as stored).
A report item also has its `versions` (each with its `parts`) and its `working_copy`.
"""

import json
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from decimal import Decimal
from typing import Any
from uuid import UUID

from django.core.exceptions import ImproperlyConfigured
from django.db.models import Model
from django.utils import timezone
from django.utils.translation import gettext as _

from cpconf.dataprotection.third_party import Requester, reasons_text
from cpconf.organisations.report_forms import report_form_named
from cpconf.reportform import ReportForm
from cpconf.reports import report_content as parts
from cpconf.reports.models import ProfessionalReport, ReportSection, ReportVersion

NESTED = ("versions", "parts", "working_copy")


def plain(value: Any) -> Any:
    """A value JSON can hold as it is: times and dates as ISO 8601."""
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal | UUID):
        return str(value)
    return value


def local_time(moment: datetime) -> str:
    """A moment as people write it, in UK time: 2 March 2026 10:00."""
    local = timezone.localtime(moment)
    return f"{local.day} {local:%B %Y %H:%M}"


def source_of(obj: Model) -> str:
    return f"{obj._meta.label_lower}#{obj.pk}"


def fields_of(obj: Model, exclude: Iterable[str] = ()) -> dict[str, Any]:
    """Every stored field of the record, by column (a link as the linked record's id)."""
    skipped = set(exclude)
    return {
        f.attname: plain(getattr(obj, f.attname))
        for f in obj._meta.concrete_fields
        if f.name not in skipped and f.attname not in skipped
    }


def item(
    source: str, title: str, data: dict[str, Any], reasons: Iterable[str] = ()
) -> dict[str, Any]:
    reason = reasons_text(reasons)
    return {
        "source": source,
        "title": title,
        "third_party": bool(reason),
        "third_party_reason": reason,
        "data": data,
    }


def walk(items: Iterable[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    """Every item, and every item nested in it (versions, their parts, working copies)."""
    for entry in items:
        yield entry
        for key in NESTED:
            yield from walk(entry.get(key, ()))


def _form(key: str) -> ReportForm | None:
    try:
        return report_form_named(key)
    except ImproperlyConfigured:
        return None  # a form since retired: the content is still shown, as stored


def _part(form: ReportForm | None, key: str) -> tuple[str, str, bool]:
    """The part's kind, title and whether the family's copy leaves it out."""
    if form is not None:
        try:
            part = parts.part_of(form, key)
        except KeyError:
            pass
        else:
            hidden = part.section is not None and not part.section.family_sees
            return part.kind, part.title, hidden
    return key, key.replace("_", " ").capitalize(), False


def _part_item(
    source: str,
    key: str,
    content: dict[str, Any],
    *,
    form: ReportForm | None,
    requester: Requester,
    report: ProfessionalReport,
    outside: str,
    extra: dict[str, Any] | None = None,
) -> dict[str, Any]:
    kind, title, hidden = _part(form, key)
    if form is not None:
        text = parts.text_of(kind, content, form)
    else:
        text = json.dumps(content, ensure_ascii=False, sort_keys=True) if content else ""
    reasons = requester.report_part(
        kind, content, text=text, hidden=hidden, author_id=report.author_id
    )
    if kind != parts.FRONT_SHEET:
        reasons.append(outside)
    data = {"key": key, "kind": kind, **(extra or {}), "content": content}
    return {**item(source, title, data, reasons), "text": text}


def _section_item(
    section: ReportSection,
    report: ProfessionalReport,
    form: ReportForm | None,
    requester: Requester,
    outside: str,
) -> dict[str, Any]:
    extra = {
        "state": section.state,
        "revision": section.revision,
        "modified_at": plain(section.modified_at),
    }
    return _part_item(
        source_of(section),
        section.key,
        section.content or {},
        form=form,
        requester=requester,
        report=report,
        outside=outside,
        extra=extra,
    )


def _version_item(
    version: ReportVersion, requester: Requester, outside: str, author: str
) -> dict[str, Any]:
    report = version.report
    form = _form(version.content.get("form", ""))
    signer = requester.professional(_("signed by"), report.author_id, version.signed_name, author)
    title = _("Version %(number)s, signed %(when)s") % {
        "number": version.number,
        "when": local_time(version.signed_at),
    }
    entry = item(source_of(version), title, fields_of(version, exclude=("content",)), [signer])
    entry["parts"] = [
        _part_item(
            f"{source_of(version)}:{key}",
            key,
            content or {},
            form=form,
            requester=requester,
            report=report,
            outside=outside,
        )
        for key, content in version.content.get("parts", {}).items()
    ]
    return entry


def report_item(report: ProfessionalReport, requester: Requester) -> dict[str, Any]:
    """A report with every version's content and its working copy, each part flagged."""
    family = report.conference.family
    author = report.author
    outside = requester.family(family.pk, family.name)
    author_name = author.get_full_name() or author.email
    data = {
        **fields_of(report),
        "author": author_name,
        "author_email": author.email,
        "agency": report.agency.name,
    }
    reasons = [outside, requester.professional(_("author"), author.pk, author_name, author.email)]
    title = _("%(agency)s report by %(author)s") % {"agency": report.agency, "author": author_name}
    entry = item(source_of(report), title, data, reasons)
    entry["versions"] = [
        _version_item(version, requester, outside, author.email)
        for version in sorted(report.versions.all(), key=lambda v: v.number)
    ]
    form = _form(report.form_key) if report.form_key else None
    entry["working_copy"] = [
        _section_item(section, report, form, requester, outside)
        for section in sorted(report.sections.all(), key=lambda s: s.pk)
    ]
    return entry

"""A finalised conference record laid out as minutes, in the order and words of the agenda its
conference followed (an initial conference's or a review's, `conference_records.agenda`).

The one place that turns a `RecordVersion` (and its conference) into the plain
`MinutesDocument` that `cpconf.documents` draws as Word or PDF, and the page previews.
"""

from datetime import date
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _

from cpconf.conference_records import record_content as parts
from cpconf.conference_records.agenda import Agenda, agenda_for_stage
from cpconf.conference_records.models import RecordVersion
from cpconf.conference_records.record_display import headings_of
from cpconf.conferences.board import board_rows
from cpconf.conferences.models import Conference
from cpconf.documents import Facts, MinutesDocument, MinutesPart, Subheading, Table, Text, Wording
from cpconf.documents.letter import long_date
from cpconf.families.models import Child

FOOTER = "OFFICIAL-SENSITIVE. Minutes of {reference}, version {number}."
NONE_RECORDED = "None recorded"


def _labels(choices: tuple[tuple[str, str], ...]) -> dict[str, str]:
    return {key: _(label) for key, label in choices}


def _yes_no(value: Any) -> str:
    return _("Yes") if value in (True, "yes") else _("No") if value in (False, "no") else ""


def _iso_day(value: Any) -> str:
    try:
        return long_date(date.fromisoformat(value)) if value else ""
    except (TypeError, ValueError):
        return str(value)


def _part(content: dict[str, Any], key: str) -> dict[str, Any]:
    value = content.get(key)
    return value if isinstance(value, dict) else {}


def _rows(value: Any) -> list[dict[str, Any]]:
    return [row for row in value if isinstance(row, dict)] if isinstance(value, list) else []


def _title(agenda: Agenda, key: str) -> str:
    section = agenda.section(key)
    return f"{section.number}. {_(section.title)}"


def minutes_document(version: RecordVersion) -> MinutesDocument:
    conference = version.record.conference
    content = version.content
    children = _child_names(conference, content)
    agenda = agenda_for_stage(conference.stage)
    of = {key: _part(content, key) for key in parts.PART_KEYS}
    made = {
        parts.FAMILY_MEETING: lambda: _family_meeting(of[parts.FAMILY_MEETING], agenda),
        parts.INTRODUCTIONS: lambda: _introductions(of[parts.INTRODUCTIONS], conference, agenda),
        parts.WHY_HERE: lambda: _why_here(of[parts.WHY_HERE], agenda),
        parts.DISCUSSION: lambda: _discussion(of[parts.DISCUSSION], agenda),
        parts.PLAN: lambda: _plan(of[parts.PLAN], children, agenda),
        parts.SCALING: lambda: _scaling(of[parts.SCALING], children, conference, agenda),
        parts.DECISIONS: lambda: _decisions(of[parts.DECISIONS], children, agenda),
        parts.FUTURE_DATES: lambda: _future_dates(of[parts.FUTURE_DATES], agenda),
    }
    return MinutesDocument(
        title=_("Minutes: %(meeting)s") % {"meeting": conference.meeting_type_label},
        subtitle=_("%(family)s family (%(reference)s), version %(number)s")
        % {
            "family": conference.family.name,
            "reference": conference.family.case_reference,
            "number": version.number,
        },
        front_sheet=_front_sheet(conference, version),
        parts=tuple(made[key]() for key in agenda.part_keys),
        footer=_(FOOTER).format(reference=conference.family.case_reference, number=version.number),
        wording=Wording(page_number=_("Page {page} of {pages}")),
    )


def _child_names(conference: Conference, content: dict[str, Any]) -> dict[int, str]:
    names = {child.pk: child.full_name for child in conference.family.children.all()}
    for row in _rows(_part(content, parts.DECISIONS).get("children")):
        names.setdefault(row.get("child_id"), str(row.get("name", "")))  # type: ignore[arg-type]
    return names


def _child_line(child: Child) -> str:
    if child.date_of_birth is not None:
        return f"{child.full_name} ({long_date(child.date_of_birth)})"
    due = long_date(child.expected_due_date) if child.expected_due_date else ""
    return f"{child.full_name} ({_('unborn, due %(day)s') % {'day': due}})"


def _front_sheet(conference: Conference, version: RecordVersion) -> tuple[tuple[str, str], ...]:
    starts = timezone.localtime(conference.starts_at)
    children = "; ".join(_child_line(child) for child in conference.family.children.all())
    rows = [
        (_("Type of meeting"), conference.meeting_type_label),
        (_("Date and time"), f"{long_date(starts.date())}, {starts:%H:%M}"),
        (_("Place"), conference.place or _("Online")),
        (_("Chair"), str(conference.chair)),
        (_("Family"), f"{conference.family.name} ({conference.family.case_reference})"),
        (_("Children"), children),
        (_("Record"), _("Version %(number)s") % {"number": version.number}),
        (_("Finalised"), long_date(timezone.localtime(version.finalised_at).date())),
    ]
    if version.correction_reason:
        rows.append((_("Reason for the correction"), version.correction_reason))
    return tuple(rows)


def _family_meeting(part: dict[str, Any], agenda: Agenda) -> MinutesPart:
    blocks: list[Any] = []
    if part.get("held"):
        blocks.append(Facts(((_("Meeting held with the family"), _yes_no(part["held"])),)))
    attended = [str(name) for name in part.get("attended") or [] if name]
    if attended:
        blocks.append(Text(", ".join(attended), label=_("Who attended")))
    if part.get("notes"):
        blocks.append(Text(str(part["notes"]), label=_("Notes")))
    return MinutesPart(_title(agenda, parts.FAMILY_MEETING), tuple(blocks), _(NONE_RECORDED))


def _family_first(participants: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return sorted(participants, key=lambda p: p.get("kind") not in parts.FAMILY_KINDS)


def _introductions(part: dict[str, Any], conference: Conference, agenda: Agenda) -> MinutesPart:
    kinds = _labels(parts.PARTICIPANT_KINDS)
    people = _family_first(_rows(part.get("participants")))
    headers = (_("Name"), _("Role"), _("Agency"), _("Taking part as"))
    blocks: list[Any] = []
    for attendance, heading in (("present", _("Present")), ("apologies", _("Apologies"))):
        rows = tuple(
            (
                p.get("name", ""),
                p.get("role", ""),
                p.get("agency", ""),
                kinds.get(str(p.get("kind")), ""),
            )
            for p in people
            if p.get("attendance", "present") == attendance
        )
        blocks += [
            Subheading(heading),
            Table("", headers, rows) if rows else Text(_(NONE_RECORDED)),
        ]
    blocks += [Subheading(_("Reports received")), _reports_received(conference)]
    if part.get("parents_report"):
        blocks.append(
            Text(str(part["parents_report"]), label=_("Parents' own report or safety plan"))
        )
    statements = (
        (
            _("Confidentiality statement confirmed"),
            _yes_no(bool(part.get("confidentiality_confirmed"))),
        ),
        (
            _("Equal opportunities statement confirmed"),
            _yes_no(bool(part.get("equal_opportunities_confirmed"))),
        ),
    )
    blocks.append(Facts(statements))
    return MinutesPart(_title(agenda, parts.INTRODUCTIONS), tuple(blocks))


def _reports_received(conference: Conference) -> Table:
    rows = tuple(
        (
            row.invitation.agency.name,
            _(row.status_label) if row.is_submitted else _("Not received"),
            _(row.sharing) if row.is_submitted else "",
        )
        for row in board_rows(conference)
    )
    headers = (_("Agency"), _("Report"), _("Shared with the family"))
    return Table("", headers, rows or ((_("No reports were requested"), "", ""),))


WHY_HERE_FIELDS = (
    ("child_voice", "The child's voice: what the child has told us or shown us"),
    ("advocacy", "Advocacy, direct work, wishes and feelings"),
    ("danger_statement", "Danger statement"),
    ("safety_goals", "Safety goals"),
    ("additional_information", "Additional information not shared in reports"),
    ("questions", "Questions about the reports"),
)


def _why_here(part: dict[str, Any], agenda: Agenda) -> MinutesPart:
    blocks: list[Any] = []
    for key, heading in WHY_HERE_FIELDS:
        wording = agenda.wording(parts.WHY_HERE, key)
        if part.get(key):
            blocks += [Subheading(_(wording.label if wording else heading)), Text(str(part[key]))]
    return MinutesPart(_title(agenda, parts.WHY_HERE), tuple(blocks), _(NONE_RECORDED))


def _speaker(entry: dict[str, Any]) -> str:
    agency = entry.get("agency") or ""
    speaker = entry.get("speaker") or _("Not recorded")
    return f"{speaker} ({agency})" if agency else str(speaker)


def _discussion(part: dict[str, Any], agenda: Agenda) -> MinutesPart:
    entries = _rows(part.get("entries"))
    blocks: list[Any] = []
    for key, heading in headings_of(entries, agenda):
        said = [e for e in entries if e.get("heading") == key]
        said.sort(key=lambda e: e.get("speaker_kind") != "parent")  # parents first
        if said:
            blocks.append(Subheading(_(heading)))
            blocks += [Text(str(e.get("text", "")), label=_speaker(e)) for e in said]
    return MinutesPart(_title(agenda, parts.DISCUSSION), tuple(blocks), _(NONE_RECORDED))


def _plan(part: dict[str, Any], children: dict[int, str], agenda: Agenda) -> MinutesPart:
    priorities, progress = _labels(parts.PRIORITIES), _labels(parts.PROGRESS)
    rows = []
    for action in _rows(part.get("actions")):
        ids = action.get("child_ids") or []
        for_whom = ", ".join(children.get(i, "") for i in ids) if ids else _("All the children")
        rows.append(
            (
                str(action.get("action", "")),
                str(action.get("who", "")),
                _iso_day(action.get("by_when")),
                priorities.get(action.get("priority"), ""),  # type: ignore[arg-type]
                progress.get(action.get("progress"), ""),  # type: ignore[arg-type]
                for_whom,
            )
        )
    if not rows:
        return MinutesPart(_title(agenda, parts.PLAN), (), _(NONE_RECORDED))
    headers = (_("Action"), _("Who"), _("By when"), _("Priority"), _("Progress"), _("For"))
    return MinutesPart(_title(agenda, parts.PLAN), (Table(_("The plan"), headers, tuple(rows)),))


def _scaling(
    part: dict[str, Any], children: dict[int, str], conference: Conference, agenda: Agenda
) -> MinutesPart:
    scaling = conference.family.local_authority.policy.scaling
    meaning = Text(
        _("%(low)s means: %(low_means)s %(high)s means: %(high_means)s")
        % {
            "low": scaling.low,
            "low_means": scaling.low_means,
            "high": scaling.high,
            "high_means": scaling.high_means,
        },
        label=_("The scale"),
    )
    scores = _rows(part.get("scores"))
    child_ids = list(dict.fromkeys(s.get("child_id") for s in scores))
    participants = list(dict.fromkeys(str(s.get("participant", "")) for s in scores))
    given = {(str(s.get("participant", "")), s.get("child_id")): s.get("score") for s in scores}
    rows = tuple((who, *(str(given.get((who, c), "")) for c in child_ids)) for who in participants)
    if not rows:
        return MinutesPart(_title(agenda, parts.SCALING), (meaning, Text(_(NONE_RECORDED))))
    headers = (_("Participant"), *(children.get(c, "") for c in child_ids))  # type: ignore[arg-type]
    table = Table(_("How safe each person thinks each child is"), headers, rows)
    return MinutesPart(_title(agenda, parts.SCALING), (meaning, table))


def _harm_facts(row: dict[str, Any], agenda: Agenda) -> tuple[tuple[str, str], ...]:
    """The significant-harm questions as the agenda asks them: for a baby not yet born, only
    whether harm is likely."""

    def asked(name: str, fallback: str) -> str:
        wording = agenda.wording(parts.DECISIONS, name)
        return _(wording.label) if wording else _(fallback)

    likely = (
        asked("unborn_likely_to_suffer", "Is the baby likely to suffer significant harm?")
        if row.get("unborn")
        else asked("likely_to_suffer", "Is the child likely to suffer significant harm?")
    )
    facts = ((likely, _yes_no(row.get("likely_to_suffer"))),)
    if row.get("unborn"):
        return facts
    suffered = asked("suffered_harm", "Has the child suffered significant harm?")
    return ((suffered, _yes_no(row.get("suffered_harm"))), *facts)


def _decisions(part: dict[str, Any], children: dict[int, str], agenda: Agenda) -> MinutesPart:
    categories = _labels(parts.CATEGORIES)
    blocks: list[Any] = []
    for row in _rows(part.get("children")):
        name = children.get(row.get("child_id"), str(row.get("name", "")))  # type: ignore[arg-type]
        consensus = (
            _("No: the chair made the decision") if row.get("consensus") == "no" else _("Yes")
        )
        outcome = str(row.get("outcome") or "")
        facts = (
            *_harm_facts(row, agenda),
            (_("Decision"), _(agenda.outcome_label(outcome)) if outcome else ""),
            (
                _("Category"),
                ", ".join(categories.get(c, c) for c in row.get("categories") or []) or _("None"),
            ),
            (_("Consensus"), consensus),
        )
        blocks += [Subheading(name), Facts(facts)]
        if row.get("professional_views"):
            blocks.append(Text(str(row["professional_views"]), label=_("Professionals' views")))
    blocks.append(Subheading(_("Chair's summary")))
    blocks.append(Text(str(part.get("chair_summary") or _(NONE_RECORDED))))
    blocks.append(Subheading(_("Dissenting views")))
    dissent = _rows(part.get("dissent"))
    blocks += [Text(str(d.get("view", "")), label=str(d.get("who", ""))) for d in dissent] or [
        Text(_(NONE_RECORDED))
    ]
    return MinutesPart(_title(agenda, parts.DECISIONS), tuple(blocks))


def _future_dates(part: dict[str, Any], agenda: Agenda) -> MinutesPart:
    members = ", ".join(str(m) for m in part.get("core_group_members") or [] if m)
    rows = [
        (_("Core group members"), members or _(NONE_RECORDED)),
        (_("Core group meeting"), _iso_day(part.get("core_group_on")) or _("Not set")),
    ]
    if part.get("core_group_late_reason"):
        rows.append((_("Why the core group meets later"), str(part["core_group_late_reason"])))
    rows.append((_("Next review conference"), _iso_day(part.get("next_review_on")) or _("Not set")))
    if part.get("next_review_late_reason"):
        rows.append((_("Why the next review is later"), str(part["next_review_late_reason"])))
    if part.get("child_in_need_meeting_on"):
        rows.append((_("Child in need meeting"), _iso_day(part["child_in_need_meeting_on"])))
    rows += [
        (_("Feedback forms sent"), _yes_no(bool(part.get("feedback_forms_sent")))),
        (_("Family told of their right to appeal"), _yes_no(bool(part.get("appeal_explained")))),
    ]
    return MinutesPart(_title(agenda, parts.FUTURE_DATES), (Facts(tuple(rows)),))


def _kind(block: Any) -> str:
    return {Subheading: "subheading", Text: "text", Table: "table", Facts: "facts"}[type(block)]


def preview_parts(document: MinutesDocument) -> list[dict[str, Any]]:
    """The minutes' parts for a page template, each block tagged with what it is."""
    return [
        {
            "title": part.title,
            "empty_text": part.empty_text,
            "blocks": [{"kind": _kind(block), "block": block} for block in part.blocks],
        }
        for part in document.parts
    ]

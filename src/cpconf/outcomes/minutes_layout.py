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
from cpconf.conference_records.record_display import headings_of, part_attended
from cpconf.conferences.models import Conference
from cpconf.documents import Facts, MinutesDocument, MinutesPart, Subheading, Table, Text, Wording
from cpconf.documents.letter import long_date
from cpconf.families.models import Child
from cpconf.reports.received import board_rows

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


def _title(agenda: Agenda, key: str) -> str:
    section = agenda.section(key)
    return f"{section.number}. {_(section.title)}"


def minutes_document(version: RecordVersion) -> MinutesDocument:
    conference = version.record.conference
    content = version.content
    children = _child_names(conference, content)
    agenda = agenda_for_stage(conference.stage)
    record = parts.RecordContent.from_json(content)
    made = {
        parts.FAMILY_MEETING: lambda: _family_meeting(record.family_meeting, agenda),
        parts.INTRODUCTIONS: lambda: _introductions(record.introductions, conference, agenda),
        parts.WHY_HERE: lambda: _why_here(record.why_here, agenda),
        parts.DISCUSSION: lambda: _discussion(record.discussion, agenda),
        parts.PLAN: lambda: _plan(record.plan, children, agenda),
        parts.SCALING: lambda: _scaling(record.scaling, children, conference, agenda),
        parts.DECISIONS: lambda: _decisions(record.decisions, children, agenda),
        parts.FUTURE_DATES: lambda: _future_dates(record.future_dates, agenda),
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
    for row in parts.Decisions.from_json(content.get(parts.DECISIONS)).children:
        if row.child_id is not None:
            names.setdefault(row.child_id, row.name)
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


def _family_meeting(part: parts.FamilyMeeting, agenda: Agenda) -> MinutesPart:
    blocks: list[Any] = []
    if part.held:
        blocks.append(Facts(((_("Meeting held with the family"), _yes_no(part.held)),)))
    attended = [name for name in part.attended if name]
    if attended:
        blocks.append(Text(", ".join(attended), label=_("Who attended")))
    if part.notes:
        blocks.append(Text(part.notes, label=_("Notes")))
    return MinutesPart(_title(agenda, parts.FAMILY_MEETING), tuple(blocks), _(NONE_RECORDED))


def _family_first(participants: list[parts.Participant]) -> list[parts.Participant]:
    return sorted(participants, key=lambda p: not p.is_family)


def _taking_part_as(person: parts.Participant, kinds: dict[str, str]) -> str:
    """Their kind, and for an interpreter or advocate, for whom ("Interpreter for Ms A")."""
    kind = kinds.get(person.kind, "")
    if person.kind in parts.SUPPORTING_KINDS and person.for_whom:
        return _("%(kind)s for %(whom)s") % {"kind": kind, "whom": person.for_whom}
    return kind


def _introductions(
    introductions: parts.Introductions, conference: Conference, agenda: Agenda
) -> MinutesPart:
    kinds = _labels(parts.PARTICIPANT_KINDS)
    people = _family_first(introductions.participants)
    headers = (_("Name"), _("Role"), _("Agency"), _("Taking part as"))
    blocks: list[Any] = []
    for attendance, heading in (
        (parts.PRESENT, _("Present")),
        (parts.PART_OF_THE_MEETING, _("Present for part of the meeting")),
        (parts.APOLOGIES, _("Apologies")),
    ):
        shown = [p for p in people if p.attendance == attendance]
        if attendance == parts.PART_OF_THE_MEETING and not shown:
            continue  # most conferences have nobody who came or went: no empty heading
        rows = tuple(
            (p.name, p.role, p.agency, _taking_part_as(p, kinds))
            + ((part_attended(p),) if attendance == parts.PART_OF_THE_MEETING else ())
            for p in shown
        )
        columns = headers + ((_("When"),) if attendance == parts.PART_OF_THE_MEETING else ())
        blocks += [
            Subheading(heading),
            Table("", columns, rows) if rows else Text(_(NONE_RECORDED)),
        ]
    blocks += [Subheading(_("Reports received")), _reports_received(conference)]
    if introductions.parents_report:
        blocks.append(
            Text(introductions.parents_report, label=_("Parents' own report or safety plan"))
        )
    statements = (
        (
            _("Confidentiality statement confirmed"),
            _yes_no(introductions.confidentiality_confirmed),
        ),
        (
            _("Equal opportunities statement confirmed"),
            _yes_no(introductions.equal_opportunities_confirmed),
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


def _why_here(part: parts.WhyHere, agenda: Agenda) -> MinutesPart:
    blocks: list[Any] = []
    for key, heading in WHY_HERE_FIELDS:
        wording = agenda.wording(parts.WHY_HERE, key)
        said = getattr(part, key)
        if said:
            blocks += [Subheading(_(wording.label if wording else heading)), Text(said)]
    return MinutesPart(_title(agenda, parts.WHY_HERE), tuple(blocks), _(NONE_RECORDED))


def _speaker(entry: parts.DiscussionEntry) -> str:
    speaker = entry.speaker or _("Not recorded")
    return f"{speaker} ({entry.agency})" if entry.agency else speaker


def _discussion(part: parts.Discussion, agenda: Agenda) -> MinutesPart:
    entries = part.entries
    blocks: list[Any] = []
    for key, heading in headings_of([e.to_json() for e in entries], agenda):
        said = [e for e in entries if e.heading == key]
        said.sort(key=lambda e: e.speaker_kind != "parent")  # parents first
        if said:
            blocks.append(Subheading(_(heading)))
            blocks += [Text(e.text, label=_speaker(e)) for e in said]
    return MinutesPart(_title(agenda, parts.DISCUSSION), tuple(blocks), _(NONE_RECORDED))


def _plan(part: parts.Plan, children: dict[int, str], agenda: Agenda) -> MinutesPart:
    priorities, progress = _labels(parts.PRIORITIES), _labels(parts.PROGRESS)
    rows = []
    for action in part.actions:
        ids = action.child_ids
        for_whom = ", ".join(children.get(i, "") for i in ids) if ids else _("All the children")
        rows.append(
            (
                action.action,
                action.who,
                _iso_day(action.by_when),
                priorities.get(action.priority, ""),
                progress.get(action.progress, ""),
                for_whom,
            )
        )
    if not rows:
        return MinutesPart(_title(agenda, parts.PLAN), (), _(NONE_RECORDED))
    headers = (_("Action"), _("Who"), _("By when"), _("Priority"), _("Progress"), _("For"))
    return MinutesPart(_title(agenda, parts.PLAN), (Table(_("The plan"), headers, tuple(rows)),))


def _scaling(
    part: parts.Scaling, children: dict[int, str], conference: Conference, agenda: Agenda
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
    scores = part.scores
    child_ids = list(dict.fromkeys(s.child_id for s in scores))
    participants = list(dict.fromkeys(s.participant for s in scores))
    given = {(s.participant, s.child_id): s.score for s in scores}
    rows = tuple((who, *(_score(given.get((who, c))) for c in child_ids)) for who in participants)
    if not rows:
        return MinutesPart(_title(agenda, parts.SCALING), (meaning, Text(_(NONE_RECORDED))))
    headers = (_("Participant"), *(children.get(c, "") for c in child_ids))  # type: ignore[arg-type]
    table = Table(_("How safe each person thinks each child is"), headers, rows)
    return MinutesPart(_title(agenda, parts.SCALING), (meaning, table))


def _score(score: int | None) -> str:
    return "" if score is None else str(score)


def _harm_facts(row: parts.ChildDecision, agenda: Agenda) -> tuple[tuple[str, str], ...]:
    """The significant-harm questions as the agenda asks them: for a baby not yet born, only
    whether harm is likely."""

    def asked(name: str, fallback: str) -> str:
        wording = agenda.wording(parts.DECISIONS, name)
        return _(wording.label) if wording else _(fallback)

    likely = (
        asked("unborn_likely_to_suffer", "Is the baby likely to suffer significant harm?")
        if row.unborn
        else asked("likely_to_suffer", "Is the child likely to suffer significant harm?")
    )
    facts = ((likely, _yes_no(row.likely_to_suffer)),)
    if row.unborn:
        return facts
    suffered = asked("suffered_harm", "Has the child suffered significant harm?")
    return ((suffered, _yes_no(row.suffered_harm)), *facts)


def _decisions(part: parts.Decisions, children: dict[int, str], agenda: Agenda) -> MinutesPart:
    categories = _labels(parts.CATEGORIES)
    blocks: list[Any] = []
    for row in part.children:
        name = children.get(row.child_id, row.name) if row.child_id is not None else row.name
        consensus = _("No: the chair made the decision") if row.consensus == "no" else _("Yes")
        outcome = row.outcome
        facts = (
            *_harm_facts(row, agenda),
            (_("Decision"), _(agenda.outcome_label(outcome)) if outcome else ""),
            (
                _("Category"),
                ", ".join(categories.get(c, c) for c in row.categories) or _("None"),
            ),
            (_("Consensus"), consensus),
        )
        blocks += [Subheading(name), Facts(facts)]
        if row.professional_views:
            blocks.append(Text(row.professional_views, label=_("Professionals' views")))
    blocks.append(Subheading(_("Chair's summary")))
    blocks.append(Text(part.chair_summary or _(NONE_RECORDED)))
    blocks.append(Subheading(_("Dissenting views")))
    blocks += [Text(d.view, label=d.who) for d in part.dissent] or [Text(_(NONE_RECORDED))]
    return MinutesPart(_title(agenda, parts.DECISIONS), tuple(blocks))


def _future_dates(part: parts.FutureDates, agenda: Agenda) -> MinutesPart:
    members = ", ".join(m for m in part.core_group_members if m)
    rows = [
        (_("Core group members"), members or _(NONE_RECORDED)),
        (_("Core group meeting"), _iso_day(part.core_group_on) or _("Not set")),
    ]
    if part.core_group_late_reason:
        rows.append((_("Why the core group meets later"), part.core_group_late_reason))
    rows.append((_("Next review conference"), _iso_day(part.next_review_on) or _("Not set")))
    if part.next_review_late_reason:
        rows.append((_("Why the next review is later"), part.next_review_late_reason))
    if part.child_in_need_meeting_on:
        rows.append((_("Child in need meeting"), _iso_day(part.child_in_need_meeting_on)))
    rows += [
        (_("Feedback forms sent"), _yes_no(part.feedback_forms_sent)),
        (_("Family told of their right to appeal"), _yes_no(part.appeal_explained)),
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

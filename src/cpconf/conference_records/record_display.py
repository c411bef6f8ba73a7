"""A record's content as a reader sees it: for each part, rows of a GOV.UK summary list
(what was asked, what was recorded, and which field to change), in the words and order of the
conference's agenda. Used by check and finalise, the finalised versions and the conflict page,
so all three read the same."""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _

from cpconf.conference_records import record_content as parts
from cpconf.conference_records.agenda import Agenda


@dataclass(frozen=True)
class Row:
    label: str
    lines: list[str]
    field: str  # the content field it shows, for the Change link's anchor


def _labels(pairs: tuple[tuple[str, str], ...]) -> dict[str, str]:
    return {key: _(label) for key, label in pairs}


def _yes_no(value: Any) -> str:
    return {"yes": _("Yes"), "no": _("No"), True: _("Yes"), False: _("No")}.get(value, "")


def _answer(value: Any) -> str:
    return _yes_no(value) or _("not recorded")


def _day(value: str) -> str:
    if not value:
        return ""
    year, month, day = value.split("-")
    months = [
        _("January"), _("February"), _("March"), _("April"), _("May"), _("June"), _("July"),
        _("August"), _("September"), _("October"), _("November"), _("December"),
    ]  # fmt: skip
    return f"{int(day)} {months[int(month) - 1]} {year}"


def _text(value: Any) -> list[str]:
    return [str(value)] if value else []


def _family_meeting(c: parts.FamilyMeeting, names: dict[int, str], agenda: Agenda) -> list[Row]:
    return [
        Row(_("Met the family beforehand"), _text(_yes_no(c.held)), "held"),
        Row(_("Notes"), _text(c.notes), "notes"),
        Row(_("Who attended"), list(c.attended), "attended"),
    ]


def _person(p: parts.Participant) -> str:
    kinds = _labels(parts.PARTICIPANT_KINDS)
    kind = kinds.get(p.kind, "")
    shown = [p.role, p.agency, kind if kind != p.role else ""]
    details = ", ".join(v for v in shown if v)
    when = attendance_note(p)
    return f"{p.name}{': ' + details if details else ''}{' (' + when + ')' if when else ''}"


def attendance_note(p: parts.Participant) -> str:
    """How they took part, beyond being there: for whom, which part, or their apologies."""
    notes = []
    if p.kind in parts.SUPPORTING_KINDS and p.for_whom:
        notes.append(
            _("%(kind)s for %(whom)s")
            % {"kind": _labels(parts.PARTICIPANT_KINDS)[p.kind], "whom": p.for_whom}
        )
    if p.attendance == parts.PART_OF_THE_MEETING:
        notes.append(part_attended(p))
    if p.attendance == parts.APOLOGIES:
        notes.append(_("sent apologies"))
    return "; ".join(notes)


def part_attended(p: parts.Participant) -> str:
    """ "present 10:15 to 11:40, for items 1 to 4", in as many of those words as were given."""
    said = []
    if p.arrived_at and p.left_at:
        said.append(_("%(arrived)s to %(left)s") % {"arrived": p.arrived_at, "left": p.left_at})
    elif p.arrived_at:
        said.append(_("from %(arrived)s") % {"arrived": p.arrived_at})
    elif p.left_at:
        said.append(_("until %(left)s") % {"left": p.left_at})
    if p.present_for:
        said.append(_("for %(items)s") % {"items": p.present_for})
    return _("present %(when)s") % {"when": ", ".join(said)} if said else _("present for part")


def _introductions(c: parts.Introductions, names: dict[int, str], agenda: Agenda) -> list[Row]:
    people = c.participants
    present = [_person(p) for p in people if p.attendance != parts.APOLOGIES]
    away = [_person(p) for p in people if p.attendance == parts.APOLOGIES]
    return [
        Row(_("Present"), present, "participants"),
        Row(_("Apologies"), away, "participants"),
        Row(_("The parents' own report"), _text(c.parents_report), "parents_report"),
        Row(
            _("Confidentiality statement"),
            [_("Explained")] if c.confidentiality_confirmed else [],
            "confidentiality_confirmed",
        ),
        Row(
            _("Equal opportunities statement"),
            [_("Explained")] if c.equal_opportunities_confirmed else [],
            "equal_opportunities_confirmed",
        ),
    ]


WHY_HERE_LABELS = (
    ("child_voice", "The voice of the child"),
    ("advocacy", "Advocacy, direct work, wishes and feelings"),
    ("danger_statement", "Danger statement"),
    ("safety_goals", "Safety goals"),
    ("additional_information", "Information not shared in the reports"),
    ("questions", "Questions about the reports"),
)


def _why_here(c: parts.WhyHere, names: dict[int, str], agenda: Agenda) -> list[Row]:
    rows = []
    for key, label in WHY_HERE_LABELS:
        wording = agenda.wording(parts.WHY_HERE, key)
        rows.append(Row(_(wording.label if wording else label), _text(getattr(c, key)), key))
    return rows


def headings_of(entries: list[dict[str, Any]], agenda: Agenda) -> list[tuple[str, str]]:
    """The agenda's discussion headings, then any other a record holds (one written under
    another agenda), so nothing said is left out."""
    headings = list(agenda.headings)
    for entry in entries:
        heading = str(entry.get("heading", ""))
        if heading and heading not in dict(headings):
            headings.append((heading, heading.replace("_", " ").capitalize()))
    return headings


def _discussion(c: parts.Discussion, names: dict[int, str], agenda: Agenda) -> list[Row]:
    rows = []
    for heading, title in headings_of([e.to_json() for e in c.entries], agenda):
        said = []
        for entry in c.entries:
            if entry.heading != heading:
                continue
            who = f"{entry.speaker} ({entry.agency})" if entry.agency else entry.speaker
            said.append(f"{who}: {entry.text}")
        rows.append(Row(_(title), said, heading))
    return rows


def _plan(c: parts.Plan, names: dict[int, str], agenda: Agenda) -> list[Row]:
    priorities, progress = _labels(parts.PRIORITIES), _labels(parts.PROGRESS)
    rows = []
    for index, action in enumerate(c.actions):
        details = [
            _("Who: %(who)s") % {"who": action.who or _("not recorded")},
            _("By: %(day)s") % {"day": _day(action.by_when) or _("not recorded")},
        ]
        if action.priority:
            details.append(_("Priority: %(p)s") % {"p": priorities.get(action.priority, "")})
        details.append(_("Progress: %(p)s") % {"p": progress.get(action.progress, "")})
        children = [names.get(i, "") for i in action.child_ids]
        if children:
            details.append(_("For: %(children)s") % {"children": ", ".join(children)})
        if action.carried_forward:
            details.append(_("Carried forward from the last plan"))
        label = _("Action %(n)s") % {"n": index + 1}
        rows.append(Row(label, [action.action, *details], f"actions-{index}-action"))
    return rows or [Row(_("Actions"), [], "actions")]


def _scaling(c: parts.Scaling, names: dict[int, str], agenda: Agenda) -> list[Row]:
    by_child: dict[Any, list[str]] = {}
    for score in c.scores:
        by_child.setdefault(score.child_id, []).append(f"{score.participant}: {score.score}")
    rows = [
        Row(_("Scores for %(name)s") % {"name": name}, by_child.pop(child_id, []), "scores")
        for child_id, name in names.items()
    ]
    rows += [Row(_("Scores for a child no longer listed"), s, "scores") for s in by_child.values()]
    return rows


def _decisions(c: parts.Decisions, names: dict[int, str], agenda: Agenda) -> list[Row]:
    categories = _labels(parts.CATEGORIES)
    rows = []
    for index, d in enumerate(c.children):
        name = d.name or (names.get(d.child_id, "") if d.child_id is not None else "")
        chosen = [categories.get(k, k) for k in d.categories]
        outcome = d.outcome
        decided = _(agenda.outcome_label(outcome)) if outcome else _("not recorded")
        lines = [_("Decision: %(o)s") % {"o": decided}]
        if chosen:
            lines.append(_("Category: %(c)s") % {"c": ", ".join(chosen)})
        if not d.unborn:  # a baby not yet born is asked only whether harm is likely
            lines.append(
                _("Has suffered significant harm: %(a)s") % {"a": _answer(d.suffered_harm)}
            )
        lines.append(
            _("Likely to suffer significant harm: %(a)s") % {"a": _answer(d.likely_to_suffer)}
        )
        if d.consensus == "no":
            lines.append(_("No consensus: this is the chair's decision"))
        elif d.consensus == "yes":
            lines.append(_("The conference agreed"))
        if d.professional_views:
            lines.append(_("Professionals' views: %(v)s") % {"v": d.professional_views})
        rows.append(Row(name, lines, f"children-{index}-outcome"))
    rows.append(Row(_("The chair's summary"), _text(c.chair_summary), "chair_summary"))
    dissent = [f"{d.who}: {d.view}" for d in c.dissent]
    rows.append(Row(_("Dissenting views"), dissent, "dissent"))
    return rows


def _future_dates(c: parts.FutureDates, names: dict[int, str], agenda: Agenda) -> list[Row]:
    return [
        Row(_("Core group members"), list(c.core_group_members), "core_group_members"),
        Row(_("Core group meeting"), _text(_day(c.core_group_on)), "core_group_on"),
        *_reason(
            c.core_group_late_reason, _("Why the core group meets later"), "core_group_late_reason"
        ),
        Row(_("Next review conference"), _text(_day(c.next_review_on)), "next_review_on"),
        *_reason(
            c.next_review_late_reason, _("Why the next review is later"), "next_review_late_reason"
        ),
        Row(
            _("Child in need meeting"),
            _text(_day(c.child_in_need_meeting_on)),
            "child_in_need_meeting_on",
        ),
        Row(
            _("Feedback forms sent"),
            _text(_yes_no(c.feedback_forms_sent)),
            "feedback_forms_sent",
        ),
        Row(_("Right to appeal explained"), _text(_yes_no(c.appeal_explained)), "appeal_explained"),
    ]


def _reason(reason: str, label: str, field: str) -> list[Row]:
    """A late date's reason, shown only where one was given."""
    return [Row(label, [reason], field)] if reason else []


Summary = Callable[[Any, dict[int, str], Agenda], list[Row]]
SUMMARIES: dict[str, Summary] = {
    parts.FAMILY_MEETING: _family_meeting,
    parts.INTRODUCTIONS: _introductions,
    parts.WHY_HERE: _why_here,
    parts.DISCUSSION: _discussion,
    parts.PLAN: _plan,
    parts.SCALING: _scaling,
    parts.DECISIONS: _decisions,
    parts.FUTURE_DATES: _future_dates,
}


def summary_rows(
    key: str, content: dict[str, Any], children: list[tuple[int, str]], agenda: Agenda
) -> list[Row]:
    return SUMMARIES[key](parts.PART_TYPES[key].from_json(content), dict(children), agenda)


@dataclass(frozen=True)
class PartSummary:
    key: str
    number: int
    title: str
    rows: list[Row]


def record_summary(
    content: dict[str, dict[str, Any]], children: list[tuple[int, str]], agenda: Agenda
) -> list[PartSummary]:
    """Every part of a record in the order of its agenda."""
    return [
        PartSummary(
            section.key,
            section.number,
            _(section.title),
            summary_rows(section.key, content.get(section.key, {}), children, agenda),
        )
        for section in agenda.sections
    ]

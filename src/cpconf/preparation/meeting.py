"""The meeting mode: the conference's agenda (data: `cpconf/agendas/*.toml`) one section at a
time, with the parts of the reports that section needs beside it.

Which report sections feed which agenda section is below (`REPORT_SECTIONS`, by the report
forms' section keys, which the initial and review forms share); what else a section shows —
the family's words, the reports received and not arrived, the danger statement, the previous
plan, each agency's scores or recommendations per child — is named in `EXTRAS`. Restricted
sections are never read: only sections of the kinds in `READ_KINDS` are.
"""

from dataclasses import dataclass
from typing import Any

from django.http import Http404
from django.utils.translation import gettext as _

from cpconf.conference_records.agenda import Agenda, AgendaSection, agenda_for_stage
from cpconf.conference_records.record_content import (
    DECISIONS,
    DISCUSSION,
    FAMILY_MEETING,
    FUTURE_DATES,
    INTRODUCTIONS,
    PLAN,
    SCALING,
    WHY_HERE,
)
from cpconf.conferences.models import Conference
from cpconf.preparation.chair_view import ChairView
from cpconf.preparation.history import latest_content
from cpconf.reports.report_content import FACTOR_CHANGES, FACTOR_KINDS
from cpconf.reports.selectors import form_of_version

REPORT_SECTIONS: dict[str, tuple[str, ...]] = {
    FAMILY_MEETING: (),
    INTRODUCTIONS: ("involvement",),
    WHY_HERE: ("child_views",),
    DISCUSSION: (
        "worries",
        "going_well",
        "factors",
        "outcomes_changed",
        "sustainable",
        "if_nothing_changes",
        "not_known_enough",
        "anything_else",
    ),
    PLAN: ("needs_to_happen", "agency_support"),
    SCALING: (),
    DECISIONS: (),
    FUTURE_DATES: (),
}
# What else each section shows, by the names the template knows.
EXTRAS: dict[str, tuple[str, ...]] = {
    FAMILY_MEETING: ("family", "sharing"),
    INTRODUCTIONS: ("received", "missing", "family"),
    WHY_HERE: ("family", "danger"),
    DISCUSSION: (),
    PLAN: ("previous_plan",),
    SCALING: ("scores",),
    DECISIONS: ("recommendations",),
    FUTURE_DATES: ("previous_plan",),
}
READ_KINDS = ("text", "factors")


@dataclass(frozen=True)
class Extract:
    """One report's answer to one of its form's questions."""

    agency: str
    author: str
    title: str
    paragraphs: tuple[str, ...]


@dataclass(frozen=True)
class MeetingSection:
    view: ChairView
    agenda: Agenda
    section: AgendaSection
    position: int  # 1-based, among the agenda's sections
    previous: AgendaSection | None
    next: AgendaSection | None
    guidance: tuple[str, ...]
    extracts: tuple[Extract, ...]
    extras: tuple[str, ...]

    @property
    def total(self) -> int:
        return len(self.agenda.sections)


def agenda_of(conference: Conference) -> Agenda:
    return agenda_for_stage(conference.stage)


def _factor_lines(content: dict[str, Any]) -> tuple[str, ...]:
    kinds, changes = dict(FACTOR_KINDS), dict(FACTOR_CHANGES)
    lines = []
    for row in content.get("factors") or []:
        if not isinstance(row, dict) or not row.get("factor"):
            continue
        words = _("%(factor)s (%(kind)s): %(change)s") % {
            "factor": row["factor"],
            "kind": kinds.get(row.get("kind") or "", "").lower(),
            "change": changes.get(row.get("change") or "", _("not said")).lower(),
        }
        for extra in (row.get("how_much"), row.get("evidence")):
            if extra:
                words += f"; {extra}"
        lines.append(words)
    return tuple(lines)


def _answer(kind: str, content: dict[str, Any]) -> tuple[str, ...]:
    if kind == "factors":
        return _factor_lines(content)
    text = str(content.get("text") or "").strip()
    return (text,) if text else ()


def extracts_for(view: ChairView, key: str) -> tuple[Extract, ...]:
    """Each report's answers to the report sections this agenda section needs, in the order
    the mapping gives them, report by report (by agency)."""
    wanted = REPORT_SECTIONS.get(key, ())
    extracts = []
    for placed in view.reports:
        report, version = placed.prepared.report, placed.prepared.version
        form, parts = form_of_version(report, version), latest_content(report) or {}
        sections = {s.key: s for s in form.sections if s.kind in READ_KINDS}
        for name in wanted:
            section = sections.get(name)
            answer = _answer(section.kind, parts.get(name) or {}) if section else ()
            if section and answer:
                extracts.append(
                    Extract(report.agency.name, version.signed_name, section.title, answer)
                )
    return tuple(extracts)


def _guidance(conference: Conference, agenda: Agenda, key: str) -> tuple[str, ...]:
    """The section's guidance, with the local policy's timescales in place."""
    policy = conference.family.local_authority.policy
    meeting_type = conference.meeting_type_policy
    months = (
        policy.later_reviews_within_months
        if meeting_type.is_review
        else policy.first_review_within_months
    )
    return tuple(
        _(text).format(
            core_group_days=meeting_type.core_group_within_working_days, review_months=months
        )
        for text in agenda.section(key).guidance
    )


def meeting_section(view: ChairView, key: str | None) -> MeetingSection:
    """The agenda section `key` (the first when None); a key not on this agenda is a 404."""
    agenda = agenda_of(view.conference)
    keys = agenda.part_keys
    if key is None:
        key = keys[0]
    if key not in keys:
        raise Http404("No such agenda section.")
    index = keys.index(key)
    guidance = _guidance(view.conference, agenda, key)
    return MeetingSection(
        view=view,
        agenda=agenda,
        section=agenda.sections[index],
        position=index + 1,
        previous=agenda.sections[index - 1] if index else None,
        next=agenda.sections[index + 1] if index + 1 < len(keys) else None,
        guidance=guidance,
        extracts=extracts_for(view, key),
        extras=EXTRAS.get(key, ()),
    )

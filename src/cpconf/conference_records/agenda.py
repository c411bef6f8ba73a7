"""The chair's agendas as data: `cpconf/agendas/<stage>.toml`, beside the report forms.

An initial conference and a review follow different agendas (seeds/004 is the review's): the
initial one has no plan to review and no danger statement from a last conference, and decides
whether each child becomes subject to a plan. Both cover the same parts of the record
(`content.PART_KEYS`, whose shapes are code); the agenda says their order, numbers, titles and
guidance, the discussion's headings, the decisions the conference can take, and how some
questions are worded. Nothing here imports Django; every problem in a file names the file,
the key and what is wanted, as the policy and report form files do.
"""

import string
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from cpconf.conference_records import record_content as parts
from cpconf.datafile import MISSING, DataFileError, TableReader
from cpconf.policy.model import STAGES

SHIPPED_DIRECTORY = Path(__file__).resolve().parent.parent / "agendas"

AGENDA_SETTINGS = ("title", "stage", "sections")
SECTION_SETTINGS = ("key", "number", "title", "guidance", "fields", "headings", "outcomes")
WORDING_SETTINGS = ("label", "hint")
# The answers an agenda may word its own way, per part; those a part must word are required.
FIELDS = {
    parts.WHY_HERE: tuple(parts.empty_content([])[parts.WHY_HERE]),
    parts.DECISIONS: (
        "suffered_harm",
        "likely_to_suffer",
        "unborn_likely_to_suffer",
        "professional_views",
    ),
}
REQUIRED_FIELDS = {
    parts.DECISIONS: ("suffered_harm", "likely_to_suffer", "unborn_likely_to_suffer"),
}
# Guidance may name the local policy's timescales for this kind of meeting.
PLACEHOLDERS = ("core_group_days", "review_months")

NOT_A_SETTING = "is not a setting an agenda can have"
NOT_A_PART = "{value!r} is not a part of the record; the parts are " + ", ".join(parts.PART_KEYS)
TWICE = "{value!r} is in the agenda twice"
MUST_INCLUDE = "must include {key}"
NOT_A_FIELD = "is not an answer this section words; the answers are {fields}"
ONLY_DISCUSSION_HEADINGS = "only the discussion section lists headings"
ONLY_DECISION_OUTCOMES = "only the decisions section lists outcomes"
MUST_LIST = "must list at least one, each starting [[sections.{name}]]"
PLACEHOLDERS_LISTED = ", ".join(f"{{{p}}}" for p in PLACEHOLDERS)
NOT_A_PLACEHOLDER = "is not one of " + PLACEHOLDERS_LISTED
UNMATCHED_BRACE = "has a { or } that is not part of a placeholder; the placeholders are "
NOT_A_NUMBER = "must be 1 or more"
NO_AGENDA_FOR = "there is no agenda for {stage} conferences"


class AgendaError(DataFileError):
    """An agenda file that cannot be used, with the file and key at fault."""


@dataclass(frozen=True)
class Wording:
    label: str
    hint: str = ""


@dataclass(frozen=True)
class AgendaSection:
    key: str  # the part of the record (content.PART_KEYS)
    number: int  # as the paper agenda numbers it: the discussion and the plan share 4
    title: str
    guidance: tuple[str, ...] = ()
    fields: Mapping[str, Wording] = field(default_factory=dict, hash=False, compare=False)


@dataclass(frozen=True)
class Agenda:
    stage: str
    title: str
    sections: tuple[AgendaSection, ...]
    headings: tuple[tuple[str, str], ...]  # the discussion's (key, title), in order
    outcomes: tuple[tuple[str, str], ...]  # the decisions' (key, label), in order
    source: str = ""

    @property
    def part_keys(self) -> tuple[str, ...]:
        return tuple(section.key for section in self.sections)

    def section(self, key: str) -> AgendaSection:
        return next(section for section in self.sections if section.key == key)

    @property
    def heading_keys(self) -> tuple[str, ...]:
        return tuple(key for key, _title in self.headings)

    @property
    def outcome_keys(self) -> tuple[str, ...]:
        return tuple(key for key, _label in self.outcomes)

    def outcome_label(self, key: str) -> str:
        """The decision as this agenda words it; one it does not offer (an older record's) in
        the review's words, so a frozen record always reads."""
        return dict(self.outcomes).get(key) or dict(parts.OUTCOMES).get(key, key)

    def wording(self, section: str, name: str) -> Wording | None:
        return self.section(section).fields.get(name)

    def guidance(self, key: str, *, core_group_days: int, review_months: int) -> tuple[str, ...]:
        """The section's guidance, with the policy's timescales in place."""
        numbers = {"core_group_days": core_group_days, "review_months": review_months}
        return tuple(text.format(**numbers) for text in self.section(key).guidance)


def _wording(reader: TableReader, name: str) -> Wording:
    table = reader.table(name)
    table.only(WORDING_SETTINGS, NOT_A_SETTING)
    hint = table.text("hint") if "hint" in table.data else ""
    return Wording(label=table.text("label"), hint=hint)


def _fields(reader: TableReader, key: str) -> dict[str, Wording]:
    allowed = FIELDS.get(key, ())
    if "fields" not in reader.data:
        table = TableReader(reader.source, {}, prefix=reader.key("fields."), error=reader.error)
    else:
        table = reader.table("fields")
    table.only(allowed, NOT_A_FIELD.format(fields=", ".join(allowed) or "none"))
    for name in REQUIRED_FIELDS.get(key, ()):
        table.raw(name)
    return {name: _wording(table, name) for name in table.data}


def _guidance(reader: TableReader) -> tuple[str, ...]:
    texts = reader.text_list("guidance", default=())
    for text in texts:
        try:
            found = [name for _text, name, _spec, _conv in string.Formatter().parse(text)]
        except ValueError:
            raise reader.fail("guidance", UNMATCHED_BRACE + PLACEHOLDERS_LISTED) from None
        for name in found:
            if name is not None and name not in PLACEHOLDERS:
                raise reader.fail("guidance", f"{{{name}}} {NOT_A_PLACEHOLDER}")
    return texts


def _listed(reader: TableReader, name: str, owner: str, problem: str) -> list[TableReader]:
    """The [[sections.<name>]] tables of a section, which only `owner` has (and must)."""
    if reader.key("") != f"sections.{owner}.":
        if name in reader.data:
            raise reader.fail(name, problem)
        return []
    rows = reader.raw(name)
    if not isinstance(rows, list) or not rows or not all(isinstance(r, Mapping) for r in rows):
        raise reader.fail(name, MUST_LIST.format(name=name))
    prefix = reader.key(name)
    return [
        TableReader(reader.source, row, prefix=f"{prefix}[{n}].", error=reader.error)
        for n, row in enumerate(rows, start=1)
    ]


def _headings(reader: TableReader) -> tuple[tuple[str, str], ...]:
    rows = _listed(reader, "headings", parts.DISCUSSION, ONLY_DISCUSSION_HEADINGS)
    for row in rows:
        row.only(("key", "title"), NOT_A_SETTING)
    return tuple((row.text("key"), row.text("title")) for row in rows)


def _outcomes(reader: TableReader) -> tuple[tuple[str, str], ...]:
    rows = _listed(reader, "outcomes", parts.DECISIONS, ONLY_DECISION_OUTCOMES)
    for row in rows:
        row.only(("key", "label"), NOT_A_SETTING)
    return tuple((row.choice("key", parts.OUTCOME_KEYS), row.text("label")) for row in rows)


def _section(reader: TableReader) -> tuple[AgendaSection, TableReader]:
    if "key" not in reader.data:
        raise reader.fail("key", MISSING)
    key = reader.text("key")
    if key not in parts.PART_KEYS:
        raise reader.fail("key", NOT_A_PART.format(value=key))
    named = TableReader(reader.source, reader.data, prefix=f"sections.{key}.", error=reader.error)
    named.only(SECTION_SETTINGS, NOT_A_SETTING)
    number = named.whole_number("number")
    if number < 1:
        raise named.fail("number", NOT_A_NUMBER)
    section = AgendaSection(
        key=key,
        number=number,
        title=named.text("title"),
        guidance=_guidance(named),
        fields=_fields(named, key),
    )
    return section, named


def _sections(reader: TableReader) -> tuple[tuple[AgendaSection, ...], Any, Any]:
    rows = reader.raw("sections")
    if not isinstance(rows, list) or not all(isinstance(r, Mapping) for r in rows):
        raise reader.fail("sections", "must be a list of tables, each starting [[sections]]")
    sections: list[AgendaSection] = []
    headings: tuple[tuple[str, str], ...] = ()
    outcomes: tuple[tuple[str, str], ...] = ()
    for index, row in enumerate(rows, start=1):
        place = TableReader(reader.source, row, prefix=f"sections[{index}].", error=reader.error)
        section, named = _section(place)
        if section.key in [s.key for s in sections]:
            raise named.fail("key", TWICE.format(value=section.key))
        headings = _headings(named) or headings
        outcomes = _outcomes(named) or outcomes
        sections.append(section)
    for key in parts.PART_KEYS:
        if key not in [s.key for s in sections]:
            raise reader.fail("sections", MUST_INCLUDE.format(key=key))
    return tuple(sections), headings, outcomes


def _agenda_from_data(source: str, data: Mapping[str, Any]) -> Agenda:
    reader = TableReader(source, data, error=AgendaError)
    reader.only(AGENDA_SETTINGS, NOT_A_SETTING)
    stage = reader.choice("stage", STAGES)
    sections, headings, outcomes = _sections(reader)
    return Agenda(
        stage=stage,
        title=reader.text("title"),
        sections=sections,
        headings=headings,
        outcomes=outcomes,
        source=source,
    )


def load_agenda(path: Path) -> Agenda:
    """Read one agenda; the file is named after its stage (initial.toml, review.toml)."""
    path = Path(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise AgendaError(path.name, "(file)", f"cannot be read: {error.strerror}") from None
    except tomllib.TOMLDecodeError as error:
        raise AgendaError(path.name, "(file)", f"is not valid TOML: {error}") from None
    agenda = _agenda_from_data(path.name, data)
    if agenda.stage != path.stem:
        raise AgendaError(path.name, "stage", f"must match the file name ({path.stem!r})")
    return agenda


def load_agendas(directory: Path) -> dict[str, Agenda]:
    """One agenda for each stage, by stage; a stage without one is an error."""
    agendas: dict[str, Agenda] = {}
    for stage in STAGES:
        path = Path(directory) / f"{stage}.toml"
        if not path.exists():
            raise AgendaError(path.name, "(file)", NO_AGENDA_FOR.format(stage=stage))
        agendas[stage] = load_agenda(path)
    return agendas


@cache
def shipped_agendas() -> dict[str, Agenda]:
    return load_agendas(SHIPPED_DIRECTORY)


def agenda_for_stage(stage: str) -> Agenda:
    """The agenda a conference at this stage follows (a conference's `stage`)."""
    return shipped_agendas()[stage]


__all__ = [
    "PLACEHOLDERS",
    "SHIPPED_DIRECTORY",
    "Agenda",
    "AgendaError",
    "AgendaSection",
    "Wording",
    "agenda_for_stage",
    "load_agenda",
    "load_agendas",
    "shipped_agendas",
]

"""Read report form files and say exactly what is wrong with a bad one.

Every error names the file, the key and the problem. Sections are counted from 1 in keys
such as ``sections[3].key``, the way a person counts them down the file.
"""

import re
import tomllib
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from cpconf.datafile import MISSING, TableReader, not_one_of
from cpconf.policy.model import STAGES
from cpconf.reportform.errors import NOT_A_SETTING, ReportFormError
from cpconf.reportform.model import (
    AGENCY_GROUPS,
    AGENCY_KINDS,
    AGENCY_PLACEHOLDER,
    REVIEW_ONLY_KINDS,
    SECTION_KINDS,
    ReportForm,
    Section,
)

# The forms that come with the product, beside this package.
SHIPPED_DIRECTORY = Path(__file__).resolve().parent.parent / "reportforms"

FORM_SETTINGS = (
    "title",
    "stage",
    "introduction",
    "stock_answers",
    "recommendations",
    "agency_groups",
    "sections",
)
SECTION_SETTINGS = (
    "key",
    "title",
    "question",
    "kind",
    "prompts",
    "agency_prompts",
    "stock_answers",
    "required",
    "family_sees",
    "max_length",
    "family_title",
)
# Sections every form has exactly one of: the chair and the family copy depend on them.
ONE_OF_EACH_KINDS = ("restricted", "sharing", "assessment")

NO_SECTIONS = "must list the report's sections, each starting [[sections]]"
NOT_A_SLUG = "must be lower-case letters, digits and underscores, like going_well, not {value!r}"
MUST_BE_SECTION_TABLE = "must be a table of settings starting [[sections]]"
NO_RECOMMENDATIONS = "must list at least one recommendation"
STOCK_ANSWERS_ON_TEXT_ONLY = "only text sections can take stock answers"
RESTRICTED_IS_HIDDEN = "must be false: the family never sees the restricted section"
ONLY_RESTRICTED_IS_HIDDEN = "can only be false for the section of kind 'restricted'"
NOT_VALID_TOML = "is not valid TOML"
FAMILY_TITLE_FOR_RESTRICTED = "cannot be set: the family never sees the restricted section"
FAMILY_TITLE_PLACEHOLDER = (
    "can only hold {agency} (the writer's agency) in curly brackets, like "
    '"What {agency} recommends"'
)

_SLUG = re.compile(r"[a-z][a-z0-9_]*")
_BRACED = re.compile(r"[{}]")
_TOML_POSITION = re.compile(r"(?P<what>.*) \(at line (?P<line>\d+), column (?P<column>\d+)\)")


def _slug(reader: TableReader, name: str) -> str:
    value = reader.text(name)
    if not _SLUG.fullmatch(value):
        raise reader.fail(name, NOT_A_SLUG.format(value=value))
    return value


def _agency_prompts(reader: TableReader) -> dict[str, tuple[str, ...]]:
    if "agency_prompts" not in reader.data:
        return {}
    table = reader.table("agency_prompts")
    for group in table.data:
        if group not in AGENCY_GROUPS:
            raise table.fail(group, not_one_of(group, AGENCY_GROUPS))
    return {group: table.text_list(group) for group in table.data}


def _stock_answers(reader: TableReader, kind: str, accepted: tuple[str, ...]) -> tuple[str, ...]:
    answers = reader.text_list("stock_answers", default=())
    if answers and kind != "text":
        raise reader.fail("stock_answers", STOCK_ANSWERS_ON_TEXT_ONLY)
    for answer in answers:
        if answer not in accepted:
            problem = f"{answer!r} is not one of the form's stock answers: {', '.join(accepted)}"
            raise reader.fail("stock_answers", problem)
    return answers


def _family_sees(reader: TableReader, kind: str) -> bool:
    restricted = kind == "restricted"
    family_sees = reader.true_or_false("family_sees", default=not restricted)
    if restricted and family_sees:
        raise reader.fail("family_sees", RESTRICTED_IS_HIDDEN)
    if not restricted and not family_sees:
        raise reader.fail("family_sees", ONLY_RESTRICTED_IS_HIDDEN)
    return family_sees


def _family_title(reader: TableReader, kind: str) -> str:
    """The heading the family reads instead of the writer's title, if the form gives one."""
    if "family_title" not in reader.data:
        return ""
    if kind == "restricted":
        raise reader.fail("family_title", FAMILY_TITLE_FOR_RESTRICTED)
    title = reader.text("family_title")
    if _BRACED.search(title.replace(AGENCY_PLACEHOLDER, "")):
        raise reader.fail("family_title", FAMILY_TITLE_PLACEHOLDER)
    return title


def _section(reader: TableReader, stage: str, accepted: tuple[str, ...]) -> Section:
    # Once the section's key is known, errors name it rather than its place in the file.
    key = _slug(reader, "key") if "key" in reader.data else None
    if key is not None:
        reader = TableReader(
            reader.source, reader.data, prefix=f"sections.{key}.", error=reader.error
        )
    reader.only(SECTION_SETTINGS, NOT_A_SETTING)
    if key is None:
        raise reader.fail("key", MISSING)
    kind = reader.choice("kind", SECTION_KINDS)
    if kind in REVIEW_ONLY_KINDS and stage != "review":
        problem = f"{kind!r} sections can only be in review forms, and this form is {stage!r}"
        raise reader.fail("kind", problem)
    return Section(
        key=key,
        title=reader.text("title"),
        question=reader.text("question"),
        kind=kind,
        prompts=reader.text_list("prompts", default=()),
        agency_prompts=_agency_prompts(reader),
        stock_answers=_stock_answers(reader, kind, accepted),
        required=reader.true_or_false("required", default=True),
        family_sees=_family_sees(reader, kind),
        max_length=reader.positive_number("max_length", default=10000),
        family_title=_family_title(reader, kind),
    )


def _sections(reader: TableReader, stage: str, accepted: tuple[str, ...]) -> tuple[Section, ...]:
    items = reader.raw("sections")
    if not isinstance(items, list) or not items:
        raise reader.fail("sections", NO_SECTIONS)
    sections: list[Section] = []
    for number, item in enumerate(items, start=1):
        place = f"sections[{number}]"
        if not isinstance(item, Mapping):
            raise reader.fail(place, MUST_BE_SECTION_TABLE)
        item_reader = TableReader(reader.source, item, f"{place}.", error=reader.error)
        section = _section(item_reader, stage, accepted)
        earlier = [s.key for s in sections]
        if section.key in earlier:
            problem = (
                f"{section.key!r} is already the key of section {earlier.index(section.key) + 1}"
            )
            raise reader.fail(f"{place}.key", problem)
        sections.append(section)
    _check_one_of_each(reader, sections)
    return tuple(sections)


def _check_one_of_each(reader: TableReader, sections: list[Section]) -> None:
    for kind in ONE_OF_EACH_KINDS:
        count = sum(1 for section in sections if section.kind == kind)
        if count != 1:
            raise reader.fail(
                "sections", f"must have exactly one section of kind {kind!r}, not {count}"
            )


def _recommendations(reader: TableReader) -> tuple[tuple[str, str], ...]:
    table = reader.table("recommendations")
    if not table.data:
        raise reader.fail("recommendations", NO_RECOMMENDATIONS)
    for key in table.data:
        if not _SLUG.fullmatch(key):
            raise table.fail(key, NOT_A_SLUG.format(value=key))
    return tuple((key, table.text(key)) for key in table.data)


def _agency_groups(reader: TableReader) -> dict[str, str]:
    table = reader.table("agency_groups")
    for kind in table.data:
        if kind not in AGENCY_KINDS:
            raise table.fail(kind, f"{kind!r} is not a kind of agency: {', '.join(AGENCY_KINDS)}")
    missing = [kind for kind in AGENCY_KINDS if kind not in table.data]
    if missing:
        problem = f"must give a group for every kind of agency; missing {', '.join(missing)}"
        raise reader.fail("agency_groups", problem)
    return {kind: table.choice(kind, AGENCY_GROUPS) for kind in AGENCY_KINDS}


def _form_from_data(key: str, source: str, data: Mapping[str, Any]) -> ReportForm:
    reader = TableReader(source, data, error=ReportFormError)
    reader.only(FORM_SETTINGS, NOT_A_SETTING)
    stage = reader.choice("stage", STAGES)
    stock_answers = reader.text_list("stock_answers")
    return ReportForm(
        key=key,
        title=reader.text("title"),
        stage=stage,
        introduction=reader.text_list("introduction"),
        stock_answers=stock_answers,
        recommendations=_recommendations(reader),
        agency_groups=_agency_groups(reader),
        sections=_sections(reader, stage, stock_answers),
        source=source,
    )


def _parse(path: Path) -> dict[str, Any]:
    source = path.name
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise ReportFormError(source, "(file)", f"cannot be read: {error.strerror}") from None
    except UnicodeDecodeError:
        raise ReportFormError(source, "(file)", "is not UTF-8 text") from None
    except tomllib.TOMLDecodeError as error:
        position = _TOML_POSITION.fullmatch(str(error))
        if position is None:
            raise ReportFormError(source, "(file)", f"{NOT_VALID_TOML}: {error}") from None
        problem = f"{NOT_VALID_TOML}: {position['what']} (column {position['column']})"
        raise ReportFormError(source, f"line {position['line']}", problem) from None


def load_report_form(path: Path) -> ReportForm:
    """Read one report form file; its key is the file name without ``.toml``."""
    path = Path(path)
    return _form_from_data(path.stem, path.name, _parse(path))


def load_report_forms(directories: Iterable[Path]) -> dict[str, ReportForm]:
    """Every ``*.toml`` report form in the directories, by key; a key given twice is an error."""
    forms: dict[str, ReportForm] = {}
    found_in: dict[str, Path] = {}
    for directory in directories:
        for path in sorted(Path(directory).glob("*.toml")):
            form = load_report_form(path)
            if form.key in forms:
                problem = (
                    f"a report form called {form.key!r} is already loaded from {found_in[form.key]}"
                )
                raise ReportFormError(path.name, "(file)", problem)
            forms[form.key] = form
            found_in[form.key] = path
    return forms

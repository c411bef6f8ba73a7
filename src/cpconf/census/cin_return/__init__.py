"""The child protection items of the Children in Need census: plain data in, a file the DfE
schema accepts out — or no file and every problem, by child and element.

No Django import: the web app and the command adapt the database to these dataclasses in one
place (`cpconf.census.gathering`), and everything here is tested on its own.
"""

from dataclasses import dataclass
from datetime import datetime

from cpconf.census.cin_return.items import (
    CATEGORY_LABELS,
    CensusYear,
    ChildItems,
    PlanItems,
    Problem,
    ReturnHeader,
    Section47Items,
    category_code,
)
from cpconf.census.cin_return.plans import (
    ChildDecision,
    HeldConference,
    Plan,
    plans_from_conferences,
)
from cpconf.census.cin_return.schema import schema_problems
from cpconf.census.cin_return.validation_rules import child_problems, header_problems
from cpconf.census.cin_return.xml_file import census_xml
from cpconf.census.cin_return.year import Episode, episode_in_year

__all__ = [
    "CATEGORY_LABELS",
    "NO_CHILDREN",
    "CensusReturn",
    "CensusYear",
    "ChildDecision",
    "ChildItems",
    "Episode",
    "HeldConference",
    "Plan",
    "PlanItems",
    "Problem",
    "ReturnHeader",
    "Section47Items",
    "build_return",
    "category_code",
    "census_xml",
    "child_problems",
    "episode_in_year",
    "plans_from_conferences",
    "schema_problems",
]


NO_CHILDREN = (
    "No child had an initial conference or a child protection plan in the year: the DfE "
    "schema needs at least one child"
)


@dataclass(frozen=True)
class CensusReturn:
    """The file, only when nothing stops it; otherwise None and the problems."""

    xml: bytes | None
    problems: tuple[Problem, ...]
    children: int

    @property
    def is_valid(self) -> bool:
        return self.xml is not None


def build_return(
    header: ReturnHeader, children: list[ChildItems], made_at: datetime
) -> CensusReturn:
    """Check every child, build the file, check it against the DfE schema. A schema error on
    an element already listed for the same child (an empty Ethnicity nobody entered) is the
    same problem, and is listed once, in the unit's words."""
    problems = header_problems(header)
    if not children:
        problems.append(Problem("", "Children", NO_CHILDREN))
    for child in children:
        problems += child_problems(child, header.census_year)
    xml = census_xml(header, children, made_at)
    listed = {(problem.child_id, problem.element) for problem in problems}
    if not header.la_code:
        listed.add((None, "LEA"))
    for problem in schema_problems(xml, children):
        if (problem.child_id, problem.element) not in listed:
            problems.append(problem)
    return CensusReturn(
        xml=None if problems else xml, problems=tuple(problems), children=len(children)
    )

"""The shape of a report form once read and checked.

Mappings are held as read-only views and left out of the hash, so forms and sections stay
frozen, comparable and usable as dictionary keys or in caches.
"""

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import TypeVar

SECTION_KINDS = ("text", "restricted", "assessment", "sharing", "chronology", "factors")
AGENCY_GROUPS = ("school", "health", "adult_services", "police", "other")

# The kinds of agency a professional can belong to. These mirror
# cpconf.organisations.models.AgencyKind, which this package cannot import; a test keeps
# the two the same.
AGENCY_KINDS = (
    "school",
    "early_years",
    "health",
    "gp",
    "police",
    "adult_services",
    "housing",
    "probation",
    "social_care",
    "other",
)

# Section kinds that only make sense when there was an earlier conference to compare with.
REVIEW_ONLY_KINDS = ("chronology", "factors")

# How a risk or protective factor from the last conference has moved, for "factors" sections.
FACTOR_CHANGES = ("increased", "diminished", "unchanged")

# In a section's family heading, where the writer's agency goes.
AGENCY_PLACEHOLDER = "{agency}"

# Used when an agency kind is not in a form's mapping, so new kinds get general prompts.
FALLBACK_GROUP = "other"


_Value = TypeVar("_Value")


def _frozen(mapping: Mapping[str, _Value]) -> Mapping[str, _Value]:
    return MappingProxyType(dict(mapping))


@dataclass(frozen=True)
class Section:
    """One question of the report, as shown on the task list and the question page."""

    key: str
    title: str
    question: str
    kind: str
    prompts: tuple[str, ...] = ()
    agency_prompts: Mapping[str, tuple[str, ...]] = field(
        default_factory=lambda: MappingProxyType({}), hash=False
    )
    stock_answers: tuple[str, ...] = ()
    required: bool = True
    family_sees: bool = True
    max_length: int = 10000
    # The heading the family reads: the title is addressed to the writer ("Your
    # recommendation"); "{agency}" in it becomes the writer's agency or workplace.
    family_title: str = ""

    def __post_init__(self) -> None:
        object.__setattr__(self, "agency_prompts", _frozen(self.agency_prompts))

    def title_for_family(self, agency: str) -> str:
        """The section's heading in the family's copy, or its title when it has none."""
        if not self.family_title:
            return self.title
        return self.family_title.replace(AGENCY_PLACEHOLDER, agency)

    def prompts_for(self, agency_kind: str, groups: Mapping[str, str]) -> tuple[str, ...]:
        """The extra prompts for this kind of agency, through the form's agency groups."""
        group = groups.get(agency_kind, FALLBACK_GROUP)
        return self.agency_prompts.get(group, ())


@dataclass(frozen=True)
class ReportForm:
    """A local authority's report form for one stage of conference."""

    key: str
    title: str
    stage: str
    introduction: tuple[str, ...]
    stock_answers: tuple[str, ...]
    recommendations: tuple[tuple[str, str], ...]
    agency_groups: Mapping[str, str] = field(hash=False)
    sections: tuple[Section, ...]
    source: str = ""

    def __post_init__(self) -> None:
        object.__setattr__(self, "agency_groups", _frozen(self.agency_groups))

    @property
    def is_review(self) -> bool:
        return self.stage == "review"

    def section(self, key: str) -> Section:
        for section in self.sections:
            if section.key == key:
                return section
        raise KeyError(key)

    def sections_for_family(self) -> tuple[Section, ...]:
        """The sections a family member may read: never the restricted one."""
        return tuple(section for section in self.sections if section.family_sees)

    def agency_group(self, agency_kind: str) -> str:
        return self.agency_groups.get(agency_kind, FALLBACK_GROUP)

    def recommendation_label(self, key: str) -> str:
        for recommendation_key, label in self.recommendations:
            if recommendation_key == key:
                return label
        raise KeyError(key)

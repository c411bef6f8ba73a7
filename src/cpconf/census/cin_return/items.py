"""The child protection items of the Children in Need census, as plain data.

Each dataclass holds what the return says about one thing, in the DfE's words (the element
names are in the docstrings), or None where this system does not hold it: a None is listed as
missing, never filled in with a guess.
"""

from dataclasses import dataclass, field
from datetime import date

# The categories a conference records (cpconf.conference_records.record_content.CATEGORIES)
# and the DfE's codes for them; more than one category is "MUL".
CATEGORY_CODES = {
    "neglect": "NEG",
    "physical": "PHY",
    "emotional": "EMO",
    "sexual": "SAB",
}
MULTIPLE = "MUL"
CATEGORY_LABELS = {
    "NEG": "Neglect",
    "PHY": "Physical abuse",
    "EMO": "Emotional abuse",
    "SAB": "Sexual abuse",
    "MUL": "Multiple",
}

# GenderCurrent "0" means "not recorded or unborn" in the schema: an unborn child's is known.
GENDER_UNBORN = "0"


def category_code(categories: tuple[str, ...] | list[str]) -> str | None:
    """The DfE code for a conference's categories: one code, "MUL" for several, None for
    none (a plan without a category is listed as a problem, not given one)."""
    codes = {CATEGORY_CODES[c] for c in categories if c in CATEGORY_CODES}
    if not codes:
        return None
    return codes.pop() if len(codes) == 1 else MULTIPLE


FIRST_CENSUS_YEAR = 2000


@dataclass(frozen=True)
class CensusYear:
    """A collection year: `CensusYear(2027)` runs from 1 April 2026 to 31 March 2027, and its
    reference date (the header's ReferenceDate) is the last day."""

    year: int

    @property
    def starts_on(self) -> date:
        return date(self.year - 1, 4, 1)

    @property
    def ends_on(self) -> date:
        return date(self.year, 3, 31)

    def __contains__(self, day: date) -> bool:
        return self.starts_on <= day <= self.ends_on

    @classmethod
    def containing(cls, day: date) -> "CensusYear":
        return cls(day.year + 1 if day.month >= 4 else day.year)

    @staticmethod
    def may_be_made(year: int, today: date) -> bool:
        """A return is made for a census year that has begun (the one still running, for a
        check before it ends, or one past), never for one to come: a return for 2100 would
        state that every plan open today is still open then. None before 2000."""
        return FIRST_CENSUS_YEAR <= year <= CensusYear.containing(today).year


@dataclass(frozen=True)
class PlanItems:
    """ChildProtectionPlans: one plan, from the conference that made it to the one that
    ended it (`ended_on` None while it is open at the reference date)."""

    started_on: date
    ended_on: date | None
    initial_category: str | None
    latest_category: str | None
    previous_plans: int | None
    review_dates: tuple[date, ...] = ()


@dataclass(frozen=True)
class Section47Items:
    """Section47: the enquiry's start (the strategy discussion that started it), the date
    the initial conference was due and the date it was held."""

    started_on: date | None
    initial_conference_target: date | None
    initial_conference_on: date | None


@dataclass(frozen=True)
class ChildItems:
    """Child: identifiers, characteristics and one CINdetails episode with the child
    protection items. `name` and `child_id` are for the unit's lists, never in the file."""

    child_id: int
    name: str
    la_child_id: str | None
    upn: str | None
    upn_unknown: str | None
    birth_date: date | None
    expected_birth_date: date | None
    gender: str | None
    ethnicity: str | None
    disabilities: tuple[str, ...] = ()
    referral_date: date | None = None
    referral_source: str | None = None
    initial_conference_on: date | None = None
    section_47s: tuple[Section47Items, ...] = ()
    plans: tuple[PlanItems, ...] = field(default_factory=tuple)

    @property
    def is_unborn(self) -> bool:
        return self.birth_date is None


@dataclass(frozen=True)
class ReturnHeader:
    """Header: the collection year and the authority's three-digit DfE code (LEA)."""

    census_year: CensusYear
    la_code: str | None
    software: str = "CP Conference"
    release: str = "0.1.0"


@dataclass(frozen=True, order=True)
class Problem:
    """One thing stopping the file: which child (empty for the header), which element, and
    what is wrong, worded for the unit."""

    child: str
    element: str
    message: str
    child_id: int | None = None

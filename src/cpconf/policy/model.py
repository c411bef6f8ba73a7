"""The shape of a local policy once read and checked."""

from dataclasses import dataclass, field
from datetime import date, time

NATIONS = ("england", "wales", "scotland", "northern_ireland")
STAGES = ("initial", "review")
LEAD_TIME_UNITS = ("working_days", "hours", "calendar_days")
RETENTION_KINDS = ("family", "conference", "report", "audit")
DEFAULT_RETENTION_YEARS = 35
DEFAULT_APPEAL_WORKING_DAYS = 10
APPEALS_KEYS = ("within_working_days", "contact")
QUORUM_KEYS = ("agencies", "other_agencies_at_least")
LETTERHEAD_KEYS = ("authority", "service", "address", "phone", "email")
AFTER_THE_MEETING_KEYS = ("letter_within_working_days", "minutes_within_working_days")
DEFAULT_LETTER_WORKING_DAYS = 1
DEFAULT_MINUTES_WORKING_DAYS = 20


@dataclass(frozen=True)
class LeadTime:
    """How long before a meeting something is due: N working days, hours or calendar days."""

    amount: int
    unit: str

    def describe(self) -> str:
        words = {"working_days": "working days", "hours": "hours", "calendar_days": "days"}
        return f"{self.amount} {words[self.unit]}"


@dataclass(frozen=True)
class MeetingType:
    key: str
    label: str
    stage: str
    report_form: str
    submit_before: LeadTime
    share_with_family_before: LeadTime
    core_group_within_working_days: int

    @property
    def is_review(self) -> bool:
        return self.stage == "review"


@dataclass(frozen=True)
class Scaling:
    """The scaling question's range and what its two ends mean."""

    low: int
    high: int
    low_means: str
    high_means: str

    def contains(self, score: int) -> bool:
        return self.low <= score <= self.high


@dataclass(frozen=True)
class Retention:
    """How many years after the last contact each kind of record is kept.

    35 years is the usual period for child protection case records; an authority that keeps
    some kinds for less (or more) says so in its policy.
    """

    family: int = DEFAULT_RETENTION_YEARS
    conference: int = DEFAULT_RETENTION_YEARS
    report: int = DEFAULT_RETENTION_YEARS
    audit: int = DEFAULT_RETENTION_YEARS

    def years_for(self, kind: str) -> int:
        if kind not in RETENTION_KINDS:
            raise KeyError(kind)
        return int(getattr(self, kind))


@dataclass(frozen=True)
class Appeals:
    """How long a family has to appeal a conference's decision, and whom the outcome letter
    tells them to contact about it, an appeal or a complaint (in words a parent knows).

    An empty contact means the policy's own contact.
    """

    within_working_days: int = DEFAULT_APPEAL_WORKING_DAYS
    contact: str = ""


@dataclass(frozen=True)
class AfterTheMeeting:
    """When the family's outcome letter and the approved minutes are due: within N working
    days after the meeting (cpconf.deadlines). The letter within one working day tells the
    family the decision at once; the minutes take longer and are approved on their own."""

    letter_within_working_days: int = DEFAULT_LETTER_WORKING_DAYS
    minutes_within_working_days: int = DEFAULT_MINUTES_WORKING_DAYS


@dataclass(frozen=True)
class Letterhead:
    """Who an outcome letter comes from, printed at its top: the authority, the service that
    runs conferences, its postal address, phone and email (the family writes back to these).

    A policy without a `[letterhead]` table heads its letters with its title alone.
    """

    authority: str = ""
    service: str = ""
    address: tuple[str, ...] = ()
    phone: str = ""
    email: str = ""


@dataclass(frozen=True)
class Quorum:
    """Who must be at a conference for it to be quorate: someone from each kind of agency in
    `agencies` (kinds as in cpconf.reportform.AGENCY_KINDS), and people from at least
    `other_agencies_at_least` other agencies. Working Together asks for children's social care
    and at least two other agencies that work with the children. Without a quorum the chair
    is warned before finalising the record (the conference may still go ahead)."""

    agencies: tuple[str, ...] = ("social_care",)
    other_agencies_at_least: int = 2


DEFAULT_QUORUM = Quorum()


@dataclass(frozen=True)
class Policy:
    name: str
    title: str
    nation: str
    working_day_cutoff: time
    scaling: Scaling
    meeting_types: dict[str, MeetingType]
    first_review_within_months: int
    later_reviews_within_months: int
    initial_conference_within_working_days: int
    contact: str
    closure_days: frozenset[date] = field(default_factory=frozenset)
    retention: Retention = field(default_factory=Retention)
    appeals: Appeals = field(default_factory=Appeals)
    letterhead: Letterhead = field(default_factory=Letterhead)
    quorum: Quorum = DEFAULT_QUORUM
    after_the_meeting: AfterTheMeeting = field(default_factory=AfterTheMeeting)
    source: str = ""

    @property
    def appeal_contact(self) -> str:
        return self.appeals.contact or self.contact

    def meeting_type(self, key: str) -> MeetingType:
        return self.meeting_types[key]

    def meeting_type_choices(self) -> list[tuple[str, str]]:
        return [(key, mt.label) for key, mt in self.meeting_types.items()]

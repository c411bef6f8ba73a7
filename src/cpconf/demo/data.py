"""The demo data, as plain declarations: who, which families, which conferences and reports.

Everything here is fictional. Dates that must stay near "now" (conferences, an unborn baby's
due date) are given as days from the day of seeding, and are only turned into dates when a
record is first created; records are found again by their natural keys, never by a date.
NHS numbers are in the 999 range the NHS keeps for testing, with valid check digits.
"""

from dataclasses import dataclass
from datetime import date, time

from cpconf.accounts.models import Role
from cpconf.conferences.models import Attendance, ConferenceStatus
from cpconf.families.models import Relationship
from cpconf.organisations.models import AgencyKind
from cpconf.reports.models import ReportStatus

DEMO_PASSWORD = "demo-password-2026"  # noqa: S105  (printed on purpose: fictional demo users)

NORTHSHIRE = "northshire"
SOUTHVALE = "southvale"


@dataclass(frozen=True)
class AuthorityData:
    slug: str
    name: str
    policy_name: str


@dataclass(frozen=True)
class AgencyData:
    authority: str
    name: str
    kind: AgencyKind


@dataclass(frozen=True)
class RoleData:
    authority: str
    role: Role
    agency: str = ""


@dataclass(frozen=True)
class UserData:
    email: str
    first_name: str
    last_name: str
    job_title: str
    roles: tuple[RoleData, ...]

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}"

    def agency_in(self, authority: str) -> str:
        """The agency the user reports for in an authority: invitations and reports need it."""
        for role in self.roles:
            if role.authority == authority and role.agency:
                return role.agency
        raise LookupError(f"{self.email} has no agency in {authority}.")


@dataclass(frozen=True)
class ChildData:
    given_name: str
    family_name: str
    date_of_birth: date | None = None
    due_in_days: int | None = None
    nhs_number: str = ""


@dataclass(frozen=True)
class MemberData:
    full_name: str
    relationship: Relationship
    lives_in_household: bool
    language: str = "English"
    needs_interpreter: bool = False
    access_needs: str = ""
    user_email: str = ""


@dataclass(frozen=True)
class FamilyData:
    authority: str
    case_reference: str
    name: str
    social_worker: str
    children: tuple[ChildData, ...]
    members: tuple[MemberData, ...]


@dataclass(frozen=True)
class ConferenceData:
    """`key` names the conference within this file, so reviews and invitations can refer to it."""

    key: str
    family: str
    meeting_type: str
    days_from_today: int
    at: time
    chair: str
    booked_by: str
    previous: str = ""
    place: str = ""
    virtual_link: str = ""
    status: ConferenceStatus = ConferenceStatus.SCHEDULED


@dataclass(frozen=True)
class InvitationData:
    conference: str
    invitee: str
    attendance: Attendance = Attendance.AWAITING_REPLY


@dataclass(frozen=True)
class ReportData:
    conference: str
    author: str
    status: ReportStatus
    late: bool = False


AUTHORITIES = (
    AuthorityData(NORTHSHIRE, "Northshire Council", "northshire"),
    AuthorityData(SOUTHVALE, "Southvale Borough Council", "southvale"),
)

SOCIAL_CARE = "Northshire Children's Social Care"
PRIMARY = "Brookfield Primary School"
SECONDARY = "Castlegate High School"
HEALTH_VISITING = "Northshire Health Visiting Team"
GP = "Millbrook Medical Practice"
POLICE = "Northshire Police"
MENTAL_HEALTH = "Northshire Adult Mental Health Service"
SUBSTANCE_MISUSE = "Northshire Drug and Alcohol Recovery Service"
SV_SOCIAL_CARE = "Southvale Children's Services"
SV_PRIMARY = "Riverside Primary School"
SV_HEALTH_VISITING = "Southvale Health Visiting Service"
SV_POLICE = "Southvale Police"

AGENCIES = (
    AgencyData(NORTHSHIRE, SOCIAL_CARE, AgencyKind.SOCIAL_CARE),
    AgencyData(NORTHSHIRE, PRIMARY, AgencyKind.SCHOOL),
    AgencyData(NORTHSHIRE, SECONDARY, AgencyKind.SCHOOL),
    AgencyData(NORTHSHIRE, HEALTH_VISITING, AgencyKind.HEALTH),
    AgencyData(NORTHSHIRE, GP, AgencyKind.GP),
    AgencyData(NORTHSHIRE, POLICE, AgencyKind.POLICE),
    AgencyData(NORTHSHIRE, MENTAL_HEALTH, AgencyKind.ADULT_SERVICES),
    AgencyData(NORTHSHIRE, SUBSTANCE_MISUSE, AgencyKind.ADULT_SERVICES),
    AgencyData(SOUTHVALE, SV_SOCIAL_CARE, AgencyKind.SOCIAL_CARE),
    AgencyData(SOUTHVALE, SV_PRIMARY, AgencyKind.SCHOOL),
    AgencyData(SOUTHVALE, SV_HEALTH_VISITING, AgencyKind.HEALTH),
    AgencyData(SOUTHVALE, SV_POLICE, AgencyKind.POLICE),
)


def _at(authority: str, role: Role, agency: str = "") -> tuple[RoleData]:
    return (RoleData(authority, role, agency),)


def _northshire(role: Role, agency: str = "") -> tuple[RoleData]:
    return _at(NORTHSHIRE, role, agency)


def _southvale(role: Role, agency: str = "") -> tuple[RoleData]:
    return _at(SOUTHVALE, role, agency)


PROFESSIONAL = Role.PROFESSIONAL
N = "@northshire.example"
S = "@southvale.example"

# fmt: off
USERS = (
    UserData(f"rachel.whitmore{N}", "Rachel", "Whitmore", "Designated safeguarding lead",
             _northshire(PROFESSIONAL, PRIMARY)),
    UserData(f"daniel.osei{N}", "Daniel", "Osei", "Designated safeguarding lead",
             _northshire(PROFESSIONAL, SECONDARY)),
    UserData(f"gemma.hartley{N}", "Gemma", "Hartley", "Health visitor",
             _northshire(PROFESSIONAL, HEALTH_VISITING)),
    UserData(f"imran.siddiqui{N}", "Imran", "Siddiqui", "General practitioner",
             _northshire(PROFESSIONAL, GP)),
    UserData(f"laura.bennett{N}", "Laura", "Bennett", "Police constable, public protection unit",
             _northshire(PROFESSIONAL, POLICE)),
    UserData(f"tom.fairclough{N}", "Tom", "Fairclough", "Community mental health nurse",
             _northshire(PROFESSIONAL, MENTAL_HEALTH)),
    UserData(f"sian.lloyd{N}", "Siân", "Lloyd", "Recovery worker",
             _northshire(PROFESSIONAL, SUBSTANCE_MISUSE)),
    UserData(f"joanne.pritchard{N}", "Joanne", "Pritchard", "Social worker",
             _northshire(Role.SOCIAL_WORKER, SOCIAL_CARE)),
    UserData(f"marcus.reid{N}", "Marcus", "Reid", "Social worker",
             _northshire(Role.SOCIAL_WORKER, SOCIAL_CARE)),
    UserData(f"helen.marsh{N}", "Helen", "Marsh", "Conference coordinator",
             _northshire(Role.UNIT_ADMINISTRATOR)),
    UserData(f"anthony.greaves{N}", "Anthony", "Greaves", "Child protection conference chair",
             _northshire(Role.CHAIR)),
    UserData(f"fiona.macleod{N}", "Fiona", "MacLeod", "Independent reviewing officer",
             _northshire(Role.CHAIR)),
    UserData(f"ruth.akinola{N}", "Ruth", "Akinola", "Senior practitioner, review unit",
             _northshire(Role.CHAIR) + _northshire(Role.UNIT_ADMINISTRATOR)),
    UserData(f"kevin.doyle{N}", "Kevin", "Doyle", "Information governance officer",
             _northshire(Role.AUDITOR)),
    UserData(f"kelly.ashdown{N}", "Kelly", "Ashdown", "", _northshire(Role.FAMILY_MEMBER)),
    UserData(f"jason.carter{N}", "Jason", "Carter", "", _northshire(Role.FAMILY_MEMBER)),
    UserData(f"claire.dunmore{S}", "Claire", "Dunmore", "Child protection unit administrator",
             _at(SOUTHVALE, Role.UNIT_ADMINISTRATOR)),
    UserData(f"owen.prescott{S}", "Owen", "Prescott", "Child protection conference chair",
             _at(SOUTHVALE, Role.CHAIR)),
    UserData(f"priya.shah{S}", "Priya", "Shah", "Social worker",
             _southvale(Role.SOCIAL_WORKER, SV_SOCIAL_CARE)),
    UserData(f"gareth.evans{S}", "Gareth", "Evans", "Designated safeguarding lead",
             _southvale(PROFESSIONAL, SV_PRIMARY)),
    UserData(f"amira.haddad{S}", "Amira", "Haddad", "Health visitor",
             _southvale(PROFESSIONAL, SV_HEALTH_VISITING)),
    UserData(f"neil.foster{S}", "Neil", "Foster", "Police constable, child abuse investigation",
             _southvale(PROFESSIONAL, SV_POLICE)),
)

FAMILIES = (
    FamilyData(NORTHSHIRE, "NS-2026-0141", "Ashdown", f"joanne.pritchard{N}", children=(
        ChildData("Lily", "Ashdown", date(2013, 5, 14), nhs_number="9995260182"),
        ChildData("Mason", "Ashdown", date(2018, 9, 2), nhs_number="9991590838"),
        ChildData("Poppy", "Pike", date(2023, 11, 20), nhs_number="9990166137"),
    ), members=(
        MemberData("Kelly Ashdown", Relationship.MOTHER, lives_in_household=True,
                   access_needs="Prefers reports read aloud", user_email=f"kelly.ashdown{N}"),
        MemberData("Shaun Pike", Relationship.PARTNER, lives_in_household=True),
        MemberData("Darren Ashdown", Relationship.FATHER, lives_in_household=False),
    )),
    FamilyData(NORTHSHIRE, "NS-2026-0158", "Nowak", f"joanne.pritchard{N}", children=(
        ChildData("Zofia", "Nowak", date(2020, 3, 8), nhs_number="9991860916"),
        ChildData("Baby", "Nowak", due_in_days=110),
    ), members=(
        MemberData("Agnieszka Nowak", Relationship.MOTHER, lives_in_household=True,
                   language="Polish", needs_interpreter=True),
        MemberData("Tomasz Nowak", Relationship.FATHER, lives_in_household=True,
                   language="Polish"),
    )),
    FamilyData(NORTHSHIRE, "NS-2026-0097", "Carter", f"marcus.reid{N}", children=(
        ChildData("Tyler", "Carter", date(2012, 7, 30), nhs_number="9993909963"),
        ChildData("Ruby", "Carter", date(2017, 1, 19), nhs_number="9990308241"),
    ), members=(
        MemberData("Jason Carter", Relationship.FATHER, lives_in_household=True,
                   user_email=f"jason.carter{N}"),
        MemberData("Leanne Carter", Relationship.MOTHER, lives_in_household=False),
        MemberData("Pauline Carter", Relationship.GRANDPARENT, lives_in_household=False),
    )),
    FamilyData(NORTHSHIRE, "NS-2026-0163", "Price", f"marcus.reid{N}", children=(
        ChildData("Ellie-Mae", "Price", date(2024, 6, 11), nhs_number="9996281949"),
    ), members=(
        MemberData("Danielle Price", Relationship.MOTHER, lives_in_household=True,
                   access_needs="Easy read versions of reports, and large print"),
        MemberData("Ryan Holt", Relationship.PARTNER, lives_in_household=True),
    )),
    FamilyData(SOUTHVALE, "SV-2026-0033", "Fenwick", f"priya.shah{S}", children=(
        ChildData("Noah", "Fenwick", date(2019, 10, 4), nhs_number="9998219930"),
    ), members=(
        MemberData("Hayley Fenwick", Relationship.MOTHER, lives_in_household=True),
    )),
)

CIVIC_CENTRE = "Northshire Civic Centre, Conference Room 2"
FAMILY_CENTRE = "Castlegate Family Centre, Room 1"
TEN = time(10, 0)
HALF_ONE = time(13, 30)
FINALISED = ConferenceStatus.FINALISED
HELEN = f"helen.marsh{N}"

CONFERENCES = (
    ConferenceData("ashdown-initial", "NS-2026-0141", "initial", -70, TEN, f"anthony.greaves{N}",
                   HELEN, place=CIVIC_CENTRE, status=FINALISED),
    ConferenceData("ashdown-review", "NS-2026-0141", "review", 14, TEN, f"anthony.greaves{N}",
                   HELEN, previous="ashdown-initial", place=CIVIC_CENTRE),
    ConferenceData("carter-initial", "NS-2026-0097", "initial", -240, HALF_ONE,
                   f"fiona.macleod{N}", HELEN, place=FAMILY_CENTRE, status=FINALISED),
    ConferenceData("carter-first-review", "NS-2026-0097", "review", -155, HALF_ONE,
                   f"fiona.macleod{N}", HELEN, previous="carter-initial",
                   virtual_link="https://meet.northshire.example/cp/k7x2m9", status=FINALISED),
    ConferenceData("carter-second-review", "NS-2026-0097", "review", 22, TEN,
                   f"fiona.macleod{N}", HELEN, previous="carter-first-review",
                   place=FAMILY_CENTRE),
    ConferenceData("price-initial", "NS-2026-0163", "safer_me_plus_initial", -63, TEN,
                   f"ruth.akinola{N}", f"ruth.akinola{N}", place=CIVIC_CENTRE, status=FINALISED),
    ConferenceData("price-review", "NS-2026-0163", "safer_me_plus_review", 21, HALF_ONE,
                   f"ruth.akinola{N}", f"ruth.akinola{N}", previous="price-initial",
                   virtual_link="https://meet.northshire.example/cp/abc123"),
    ConferenceData("nowak-initial", "NS-2026-0158", "initial", 9, HALF_ONE, f"fiona.macleod{N}",
                   HELEN, place="Northshire Civic Centre, Conference Room 1"),
    ConferenceData("fenwick-initial", "SV-2026-0033", "initial", 12, TEN, f"owen.prescott{S}",
                   f"claire.dunmore{S}", place="Southvale Town Hall, Committee Room B"),
)

ATTENDING = Attendance.ATTENDING
APOLOGIES = Attendance.APOLOGIES
REPORT_ONLY = Attendance.REPORT_ONLY
AWAITING = Attendance.AWAITING_REPLY


def _invite(
    conference: str, *invitees: tuple[str, Attendance], domain: str = N
) -> tuple[InvitationData, ...]:
    return tuple(InvitationData(conference, f"{name}{domain}", answer) for name, answer in invitees)


INVITATIONS = (
    *_invite("ashdown-initial", ("rachel.whitmore", ATTENDING), ("daniel.osei", ATTENDING),
             ("gemma.hartley", ATTENDING), ("imran.siddiqui", REPORT_ONLY),
             ("laura.bennett", APOLOGIES), ("joanne.pritchard", ATTENDING)),
    *_invite("ashdown-review", ("rachel.whitmore", ATTENDING), ("daniel.osei", AWAITING),
             ("gemma.hartley", ATTENDING), ("imran.siddiqui", REPORT_ONLY),
             ("laura.bennett", AWAITING), ("joanne.pritchard", ATTENDING)),
    *_invite("carter-initial", ("daniel.osei", ATTENDING), ("rachel.whitmore", ATTENDING),
             ("laura.bennett", ATTENDING), ("tom.fairclough", ATTENDING),
             ("marcus.reid", ATTENDING)),
    *_invite("carter-first-review", ("daniel.osei", ATTENDING), ("rachel.whitmore", APOLOGIES),
             ("tom.fairclough", ATTENDING), ("marcus.reid", ATTENDING)),
    *_invite("carter-second-review", ("daniel.osei", AWAITING), ("rachel.whitmore", AWAITING),
             ("tom.fairclough", ATTENDING), ("marcus.reid", ATTENDING)),
    *_invite("price-initial", ("gemma.hartley", ATTENDING), ("sian.lloyd", ATTENDING),
             ("imran.siddiqui", REPORT_ONLY), ("laura.bennett", ATTENDING),
             ("marcus.reid", ATTENDING)),
    *_invite("price-review", ("gemma.hartley", AWAITING), ("sian.lloyd", ATTENDING),
             ("imran.siddiqui", REPORT_ONLY), ("marcus.reid", ATTENDING)),
    *_invite("nowak-initial", ("rachel.whitmore", AWAITING), ("gemma.hartley", ATTENDING),
             ("imran.siddiqui", AWAITING), ("joanne.pritchard", ATTENDING)),
    *_invite("fenwick-initial", ("priya.shah", ATTENDING), ("gareth.evans", ATTENDING),
             ("amira.haddad", ATTENDING), ("neil.foster", AWAITING), domain=S),
)


def _reports(conference: str, status: ReportStatus, *authors: str) -> tuple[ReportData, ...]:
    return tuple(ReportData(conference, f"{name}{N}", status) for name in authors)


SUBMITTED = ReportStatus.SUBMITTED

REPORTS = (
    *_reports("ashdown-initial", SUBMITTED, "rachel.whitmore", "daniel.osei", "gemma.hartley",
              "imran.siddiqui", "joanne.pritchard"),
    ReportData("ashdown-initial", f"laura.bennett{N}", SUBMITTED, late=True),
    # The main demo conference: its reports board shows every state.
    ReportData("ashdown-review", f"rachel.whitmore{N}", SUBMITTED),
    ReportData("ashdown-review", f"gemma.hartley{N}", ReportStatus.SHARED),
    ReportData("ashdown-review", f"daniel.osei{N}", ReportStatus.DRAFT),
    ReportData("ashdown-review", f"joanne.pritchard{N}", ReportStatus.DRAFT),
    ReportData("ashdown-review", f"imran.siddiqui{N}", ReportStatus.NOT_STARTED),
    *_reports("carter-initial", SUBMITTED, "daniel.osei", "rachel.whitmore", "laura.bennett",
              "tom.fairclough", "marcus.reid"),
    *_reports("carter-first-review", SUBMITTED, "daniel.osei", "rachel.whitmore",
              "tom.fairclough", "marcus.reid"),
    ReportData("carter-second-review", f"marcus.reid{N}", ReportStatus.SHARED),
    ReportData("carter-second-review", f"tom.fairclough{N}", ReportStatus.NOT_STARTED),
    *_reports("price-initial", SUBMITTED, "gemma.hartley", "sian.lloyd", "imran.siddiqui",
              "laura.bennett", "marcus.reid"),
    ReportData("price-review", f"sian.lloyd{N}", ReportStatus.DRAFT),
    ReportData("nowak-initial", f"joanne.pritchard{N}", ReportStatus.DRAFT),
    ReportData("nowak-initial", f"gemma.hartley{N}", ReportStatus.NOT_STARTED),
    # Southvale's own journey, under its own policy (48 hours, scaling 1 to 10).
    ReportData("fenwick-initial", f"gareth.evans{S}", SUBMITTED),
    ReportData("fenwick-initial", f"amira.haddad{S}", ReportStatus.SHARED),
    ReportData("fenwick-initial", f"priya.shah{S}", ReportStatus.DRAFT),
    ReportData("fenwick-initial", f"neil.foster{S}", ReportStatus.NOT_STARTED),
)
# fmt: on

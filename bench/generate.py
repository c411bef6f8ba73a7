"""A large fictional local authority on PostgreSQL, for the load run and the pack benchmark.

Fenmoor Borough Council (fictional, under Northshire's policy file): at full scale 3,000
families, 10,000 conferences (an initial conference and its reviews for each family, most in
the past, about one family in seven with its next conference in the coming nine weeks),
eight invitees and 80,000 reports in all, written with the demo's wording
(`cpconf.demo.report_text`) lengthened with varied sentences to 800 to 1,500 words each, and a
signed version (some amended, with a second) for every submitted one.

Runs into its own database (default ``cpconf_bench`` on 127.0.0.1), dropped and created
afresh each time, so it is re-runnable. Bulk rows go in with PostgreSQL's COPY. Writes
``var/bench/DATABASE/plan.json``: the accounts the load client signs in as, with the records each
one reads or writes.

    BENCH_SCALE=0.05 python bench/generate.py     # a quick one: 150 families

Every person, family and event is invented.
"""

import json
import os
import random
import sys
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

BENCH_DIR = Path(__file__).resolve().parent
PROJECT_DIR = BENCH_DIR.parent
sys.path.insert(0, str(BENCH_DIR))

from bench_accounts import BENCH_PASSWORD, key_hex  # noqa: E402

DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/cpconf_bench"


def plan_file(url: str) -> Path:
    """Where the load client's plan for this database is kept (one folder per database)."""
    return PROJECT_DIR / "var" / "bench" / url.rsplit("/", 1)[1] / "plan.json"


LONDON = ZoneInfo("Europe/London")
SEED = 2026
AUTHORITY = ("Fenmoor Borough Council", "fenmoor", "northshire")
DOMAIN = "fenmoor.example"

FULL = {"families": 3000, "conferences": 10_000, "invitees": 8, "audit_events": 1_000_000}
# The trail an authority builds up: mostly reads of reports and families, as every page that
# shows a family's information records its read (`cpconf.access.lookups`).
AUDITED_READS = (
    ("report_viewed", 40),
    ("report_version_viewed", 15),
    ("family_viewed", 15),
    ("conference_viewed", 10),
    ("board_viewed", 6),
    ("preparation_viewed", 4),
    ("report_started", 3),
    ("report_submitted", 3),
    ("report_family_copy_downloaded", 2),
    ("report_conference_copy_downloaded", 2),
)
STAFF = {"unit_administrator": 8, "chair": 40, "social_worker": 150, "auditor": 4}
PROFESSIONALS_PER_AGENCY = 10
UPCOMING_SHARE = 0.15

FIRST_NAMES = [
    "Amelia",
    "Olivia",
    "Isla",
    "Ava",
    "Mia",
    "Ivy",
    "Lily",
    "Freya",
    "Florence",
    "Willow",
    "Rosie",
    "Evie",
    "Grace",
    "Ruby",
    "Poppy",
    "Sophia",
    "Elsie",
    "Daisy",
    "Harper",
    "Sienna",
    "Noah",
    "Oliver",
    "George",
    "Arthur",
    "Leo",
    "Harry",
    "Oscar",
    "Archie",
    "Henry",
    "Jack",
    "Theo",
    "Charlie",
    "Freddie",
    "Alfie",
    "Finley",
    "Thomas",
    "Jacob",
    "Arlo",
    "Reggie",
    "Max",
    "Ezra",
    "Rory",
    "Louie",
]
LAST_NAMES = [
    "Ashby",
    "Barlow",
    "Carrick",
    "Dawlish",
    "Eddon",
    "Fairweather",
    "Garside",
    "Hallam",
    "Ingleby",
    "Jessop",
    "Kershaw",
    "Lumley",
    "Marsden",
    "Nuttall",
    "Ormerod",
    "Pilling",
    "Quarmby",
    "Ridley",
    "Sowerby",
    "Thwaite",
    "Uttley",
    "Varley",
    "Whitaker",
    "Yeadon",
    "Ackroyd",
    "Brearley",
    "Crowther",
    "Dobson",
    "Entwistle",
    "Fletcher",
    "Greenwood",
    "Haworth",
    "Illingworth",
    "Jagger",
    "Kenyon",
    "Lockwood",
    "Mellor",
    "Naylor",
    "Oldroyd",
    "Pickles",
    "Rhodes",
    "Sutcliffe",
]
AGENCY_KINDS = (
    ("school", "{place} Primary School"),
    ("school", "{place} Academy"),
    ("early_years", "{place} Nursery"),
    ("health", "{place} Health Visiting Team"),
    ("gp", "{place} Medical Practice"),
    ("police", "Fenmoor Police, {place} station"),
    ("adult_services", "{place} Adult Mental Health Service"),
    ("housing", "{place} Housing Office"),
    ("probation", "{place} Probation Office"),
)
PLACES = [
    "Ashcombe",
    "Brackley",
    "Cleeve",
    "Dunmere",
    "Elmstead",
    "Fernhill",
    "Gorsey",
    "Holmeside",
    "Ivybridge",
    "Kettleby",
    "Lowmoor",
    "Marshgate",
]
# Sentences of the kind professionals write, to bring each section to a realistic length.
MORE_SENTENCES = (
    "{name} has settled well into the new class and has made two good friends.",
    "Mum brought {name} to every appointment at the clinic between March and July.",
    "I visited the family at home on {day} May and saw both children.",
    "The kitchen was clean and there was fresh food in the fridge.",
    "{name} told me about the school trip to the farm and was smiling.",
    "Dad has started a new job and works from eight until four.",
    "Grandma collects the children from school on Tuesdays and Thursdays.",
    "The health visitor weighed {name} on {day} June and the weight was as expected.",
    "Mum has kept in touch with me by text and answered every message.",
    "{name} was late to school on {day} mornings this half term.",
    "The family have asked for help with the cost of school uniform.",
    "I will visit every two weeks and see the children on their own.",
    "{name} said the best thing about home is playing with the dog.",
    "The bedroom {name} shares had a bed each and clean bedding when I saw it.",
    "Mum said she finds the mornings hardest and has asked for help with the routine.",
    "{name} has been to breakfast club on {day} of the last twenty school days.",
    "There was no food in the house on one visit; mum said the money had run out.",
    "The children's father has not kept to the contact arrangement since the spring.",
    "{name} was upset at the end of the day and did not want to go home.",
    "I have spoken with the family support worker, who sees mum every week.",
)
TEXT_SECTION_PADDING = (6, 14)


def configure() -> str:
    url = os.environ.get("BENCH_POSTGRES_URL", DEFAULT_URL)
    os.environ["DATABASE_URL"] = url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cpconf.settings")
    os.environ.setdefault("CPCONF_ENV", "test")
    return url


def recreate_database(url: str) -> None:
    """Drop and create the bench database, connected to the server's `postgres` database."""
    import psycopg
    from psycopg import sql

    name = url.rsplit("/", 1)[1]
    with psycopg.connect(url.rsplit("/", 1)[0] + "/postgres", autocommit=True) as admin:
        admin.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
        )
        admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))


@dataclass
class Sizes:
    families: int
    conferences: int
    invitees: int

    audit_events: int = 0

    @classmethod
    def at(cls, scale: float) -> "Sizes":
        families = max(20, round(FULL["families"] * scale))
        conferences = max(families * 2, round(FULL["conferences"] * scale))
        audit_events = round(FULL["audit_events"] * scale)
        return cls(families, conferences, FULL["invitees"], audit_events)


@dataclass
class ReportSpec:
    pk: int
    conference_pk: int
    author: "Person"
    agency_pk: int
    agency_kind: str
    agency_name: str
    form_key: str
    status: str
    submitted_at: datetime | None
    late: bool
    previous_pk: int | None
    family_index: int
    starts_at: datetime
    amended: bool = False


@dataclass
class Person:
    pk: int
    email: str
    name: str
    job_title: str
    role: str
    agency_pk: int | None = None
    agency_kind: str = ""
    agency_name: str = ""


@dataclass
class FamilyRows:
    children: list[dict[str, Any]] = field(default_factory=list)
    members: list[dict[str, Any]] = field(default_factory=list)


class Copier:
    """COPY rows of one model, columns named by field (attname), in one stream."""

    def __init__(self, cursor: Any, model: Any, names: Sequence[str]) -> None:
        self.cursor = cursor
        self.table = model._meta.db_table
        known = {f.attname: f.column for f in model._meta.concrete_fields}
        self.columns = [known[name] for name in names]
        # Columns added to the model since this generator was written take their default,
        # so a new field with one does not break the bench.
        self.defaults = [
            f
            for f in model._meta.concrete_fields
            if f.attname not in names
            and not f.primary_key
            and not f.null
            and f.get_default() is not None
        ]
        self.columns += [f.column for f in self.defaults]
        self.count = 0

    def statement(self) -> str:
        columns = ", ".join(f'"{c}"' for c in self.columns)
        return f'COPY "{self.table}" ({columns}) FROM STDIN'

    def write(self, rows: Iterable[Sequence[Any]]) -> int:
        from django.db import connection

        defaults = tuple(f.get_db_prep_save(f.get_default(), connection) for f in self.defaults)
        with self.cursor.copy(self.statement()) as copy:
            for row in rows:
                copy.write_row((*row, *defaults))
                self.count += 1
        return self.count


def _weekday(day: date) -> date:
    while day.weekday() >= 5:
        day += timedelta(days=1)
    return day


def _at_ten(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, 10, 0, tzinfo=LONDON).astimezone(UTC)


def _working_days_before(moment: datetime, days: int) -> datetime:
    local = moment.astimezone(LONDON).replace(hour=12)
    while days:
        local -= timedelta(days=1)
        if local.weekday() < 5:
            days -= 1
    return local.astimezone(UTC)


class Generator:
    def __init__(self, sizes: Sizes, now: datetime) -> None:
        self.sizes = sizes
        self.now = now
        self.random = random.Random(SEED)  # noqa: S311  (fiction, not secrets)
        self.people: dict[str, list[Person]] = {}
        self.report_specs: list[ReportSpec] = []
        self.family_rows: list[FamilyRows] = []
        self.family_names: list[str] = []
        self.counts: dict[str, int] = {}

    # -- people and organisations (small: the ORM) -----------------------------------------

    def organisations_and_people(self) -> None:
        from django.contrib.auth.hashers import make_password
        from django_otp.plugins.otp_totp.models import TOTPDevice

        from cpconf.accounts.models import RoleAssignment, User
        from cpconf.organisations.models import Agency, AgencyKind, LocalAuthority

        name, slug, policy = AUTHORITY
        self.authority = LocalAuthority.objects.create(name=name, slug=slug, policy_name=policy)
        agencies = [
            Agency(local_authority=self.authority, name=pattern.format(place=place), kind=kind)
            for place in PLACES
            for kind, pattern in AGENCY_KINDS
        ]
        social_care = Agency(
            local_authority=self.authority,
            name="Fenmoor Children's Social Care",
            kind=AgencyKind.SOCIAL_CARE,
        )
        Agency.objects.bulk_create([*agencies, social_care])
        password = make_password(BENCH_PASSWORD)
        wanted: list[tuple[str, Any]] = [
            (role, social_care if role == "social_worker" else None)
            for role, count in STAFF.items()
            for _ in range(count)
        ]
        wanted += [
            ("professional", agency) for agency in agencies for _ in range(PROFESSIONALS_PER_AGENCY)
        ]
        users, people = [], []
        for index, (role, agency) in enumerate(wanted):
            first = self.random.choice(FIRST_NAMES)
            last = self.random.choice(LAST_NAMES)
            email = f"{first}.{last}.{index}@{DOMAIN}".lower()
            title = {
                "unit_administrator": "Conference unit administrator",
                "chair": "Independent reviewing officer",
                "social_worker": "Social worker",
                "auditor": "Information governance officer",
            }.get(role, "Designated safeguarding lead")
            users.append(
                User(
                    email=email,
                    first_name=first,
                    last_name=last,
                    job_title=title,
                    password=password,
                )
            )
            people.append(
                Person(
                    0,
                    email,
                    f"{first} {last}",
                    title,
                    role,
                    agency.pk if agency else None,
                    agency.kind if agency else "",
                    agency.name if agency else "",
                )
            )
        User.objects.bulk_create(users, batch_size=1000)
        for user, person in zip(users, people, strict=True):
            person.pk = user.pk
            self.people.setdefault(person.role, []).append(person)
        RoleAssignment.objects.bulk_create(
            [
                RoleAssignment(
                    user_id=p.pk,
                    local_authority=self.authority,
                    role=p.role,
                    agency_id=p.agency_pk,
                )
                for p in people
            ],
            batch_size=1000,
        )
        TOTPDevice.objects.bulk_create(
            [
                TOTPDevice(
                    user_id=p.pk, name="Bench authenticator", key=key_hex(p.email), confirmed=True
                )
                for p in people
            ],
            batch_size=1000,
        )
        self.counts["users"] = len(users)
        self.counts["agencies"] = len(agencies) + 1

    # -- families, conferences, invitations, reports (COPY) --------------------------------

    def families(self, cursor: Any) -> None:
        from cpconf.families.models import Child, Family, FamilyMember

        now = self.now
        family_rows, child_rows, member_rows = [], [], []
        child_pk = member_pk = 0
        social_workers = self.people["social_worker"]
        for index in range(self.sizes.families):
            surname = self.random.choice(LAST_NAMES)
            self.family_names.append(surname)
            worker = social_workers[index % len(social_workers)]
            family_rows.append(
                (
                    index + 1,
                    self.authority.pk,
                    f"FEN-{100000 + index}",
                    surname,
                    worker.pk,
                    now,
                    worker.pk,
                    now,
                    worker.pk,
                )
            )
            rows = FamilyRows()
            for _ in range(self.random.choice((1, 1, 2, 2, 3, 4))):
                child_pk += 1
                born = date(2011, 1, 1) + timedelta(days=self.random.randrange(0, 14 * 365))
                given = self.random.choice(FIRST_NAMES)
                nhs = f"{self.random.randrange(400, 499)} {self.random.randrange(100, 999)} "
                nhs += f"{self.random.randrange(1000, 9999)}"
                child_rows.append(
                    (child_pk, index + 1, given, surname, born, None, nhs, "", now, worker.pk)
                )
                rows.children.append(
                    {
                        "child_id": child_pk,
                        "name": f"{given} {surname}",
                        "date_of_birth": born.isoformat(),
                        "unborn": False,
                        "id_number": nhs,
                    }
                )
            for relationship, label in (("mother", "Mother"), ("father", "Father")):
                member_pk += 1
                full_name = f"{self.random.choice(FIRST_NAMES)} {surname}"
                household = relationship == "mother" or self.random.random() < 0.5
                member_rows.append(
                    (
                        member_pk,
                        index + 1,
                        full_name,
                        relationship,
                        household,
                        "English",
                        False,
                        "",
                        None,
                        now,
                        worker.pk,
                    )
                )
                rows.members.append(
                    {
                        "name": full_name,
                        "relationship": label,
                        "household": "yes" if household else "no",
                    }
                )
            self.family_rows.append(rows)
        base = ("created_at", "created_by_id", "modified_at", "modified_by_id")
        Copier(
            cursor,
            Family,
            (
                "id",
                "local_authority_id",
                "case_reference",
                "name",
                "allocated_social_worker_id",
                *base,
            ),
        ).write(family_rows)
        Copier(
            cursor,
            Child,
            (
                "id",
                "family_id",
                "given_name",
                "family_name",
                "date_of_birth",
                "expected_due_date",
                "nhs_number",
                "other_id",
                *base,
            ),
        ).write([(*row, row[-2], row[-1]) for row in child_rows])
        Copier(
            cursor,
            FamilyMember,
            (
                "id",
                "family_id",
                "full_name",
                "relationship",
                "lives_in_household",
                "language",
                "needs_interpreter",
                "access_needs",
                "user_id",
                *base,
            ),
        ).write([(*row, row[-2], row[-1]) for row in member_rows])
        self.counts |= {
            "families": len(family_rows),
            "children": len(child_rows),
            "family_members": len(member_rows),
        }

    def _chain_lengths(self) -> list[int]:
        families, conferences = self.sizes.families, self.sizes.conferences
        lengths = [conferences // families] * families
        for index in self.random.sample(range(families), conferences % families):
            lengths[index] += 1
        return lengths

    def _chain_dates(self, length: int, upcoming: bool) -> list[date]:
        """Initial, then the first review three months on and six-monthly after that."""
        today = self.now.astimezone(LONDON).date()
        if upcoming:
            last = today + timedelta(days=self.random.randrange(1, 63))
        else:
            last = today - timedelta(days=self.random.randrange(7, 720))
        days = [last]
        for position in range(length - 1, 0, -1):
            gap = 91 if position == 1 else 182
            days.append(days[-1] - timedelta(days=gap + self.random.randrange(-7, 8)))
        return [_weekday(d) for d in reversed(days)]

    def conferences_and_reports(self, cursor: Any) -> None:
        from cpconf.conferences.models import Conference, Invitation
        from cpconf.reports.models import ProfessionalReport

        chairs = self.people["chair"]
        professionals = self.people["professional"]
        by_agency: dict[int, list[Person]] = {}
        for person in professionals:
            by_agency.setdefault(person.agency_pk or 0, []).append(person)
        agency_pks = sorted(by_agency)
        social_workers = self.people["social_worker"]
        conference_rows, invitation_rows, report_rows = [], [], []
        conference_pk = invitation_pk = report_pk = 0
        for family_index, length in enumerate(self._chain_lengths()):
            upcoming = self.random.random() < UPCOMING_SHARE
            chair = self.random.choice(chairs)
            worker = social_workers[family_index % len(social_workers)]
            team = [worker] + [
                self.random.choice(by_agency[a])
                for a in self.random.sample(agency_pks, self.sizes.invitees - 1)
            ]
            previous_pk: int | None = None
            previous_reports: dict[int, int] = {}
            days = self._chain_dates(length, upcoming)
            for position, day in enumerate(days):
                conference_pk += 1
                starts_at = _at_ten(day)
                is_future = starts_at > self.now
                stage = "initial" if position == 0 else "review"
                place = f"{self.random.choice(PLACES)} Children's Centre, Room {position + 1}"
                conference_rows.append(
                    (
                        conference_pk,
                        family_index + 1,
                        stage,
                        stage,
                        starts_at,
                        place,
                        "",
                        chair.pk,
                        previous_pk,
                        "scheduled" if is_future else "finalised",
                        None if is_future else starts_at - timedelta(days=3),
                        (starts_at - timedelta(days=21)).date() if position == 0 else None,
                        self.now,
                        worker.pk,
                        self.now,
                        worker.pk,
                    )
                )
                reports_here: dict[int, int] = {}
                for person in team:
                    invitation_pk += 1
                    if is_future:
                        attendance = self.random.choice(("awaiting_reply", "attending"))
                    else:
                        attendance = self.random.choice(("attending",) * 4 + ("report_only",))
                    invitation_rows.append(
                        (
                            invitation_pk,
                            conference_pk,
                            person.pk,
                            person.email,
                            person.agency_pk,
                            attendance,
                            self.now,
                            worker.pk,
                            self.now,
                            worker.pk,
                        )
                    )
                    report_pk += 1
                    status = "submitted"
                    if is_future:
                        status = self.random.choice(
                            ("not_started", "draft", "draft", "shared", "submitted")
                        )
                    late = status == "submitted" and self.random.random() < 0.08
                    submitted_at = None
                    if status == "submitted":
                        before = 1 if late else self.random.randrange(3, 8)
                        submitted_at = min(_working_days_before(starts_at, before), self.now)
                    spec = ReportSpec(
                        pk=report_pk,
                        conference_pk=conference_pk,
                        author=person,
                        agency_pk=person.agency_pk or 0,
                        agency_kind=person.agency_kind,
                        agency_name=person.agency_name,
                        form_key="" if status == "not_started" else stage,
                        status=status,
                        submitted_at=submitted_at,
                        late=late,
                        previous_pk=previous_reports.get(person.pk) if stage == "review" else None,
                        family_index=family_index,
                        starts_at=starts_at,
                        amended=status == "submitted" and self.random.random() < 0.05,
                    )
                    self.report_specs.append(spec)
                    reports_here[person.pk] = report_pk
                    report_rows.append(
                        (
                            report_pk,
                            conference_pk,
                            person.pk,
                            person.agency_pk,
                            status,
                            submitted_at,
                            late,
                            spec.form_key,
                            spec.previous_pk,
                            "",
                            self.now,
                            person.pk,
                            self.now,
                            person.pk,
                        )
                    )
                previous_pk = conference_pk
                previous_reports = reports_here
        base = ("created_at", "created_by_id", "modified_at", "modified_by_id")
        Copier(
            cursor,
            Conference,
            (
                "id",
                "family_id",
                "meeting_type",
                "stage",
                "starts_at",
                "place",
                "virtual_link",
                "chair_id",
                "previous_id",
                "status",
                "pack_released_at",
                "strategy_discussion_on",
                *base,
            ),
        ).write(conference_rows)
        Copier(
            cursor,
            Invitation,
            ("id", "conference_id", "invitee_id", "email", "agency_id", "attendance", *base),
        ).write(invitation_rows)
        Copier(
            cursor,
            ProfessionalReport,
            (
                "id",
                "conference_id",
                "author_id",
                "agency_id",
                "status",
                "submitted_at",
                "submitted_late",
                "form_key",
                "previous_report_id",
                "amendment_reason",
                *base,
            ),
        ).write(report_rows)
        self.counts |= {
            "conferences": len(conference_rows),
            "invitations": len(invitation_rows),
            "reports": len(report_rows),
        }

    # -- report content -------------------------------------------------------------------

    def _padding(self, rng: random.Random, first: str) -> str:
        count = rng.randrange(*TEXT_SECTION_PADDING)
        return " ".join(
            rng.choice(MORE_SENTENCES).format(name=first, day=rng.randrange(2, 28))
            for _ in range(count)
        )

    def content_of(self, spec: ReportSpec) -> dict[str, dict[str, Any]]:
        """The report's working copy: the front sheet, children and family from the records,
        then the demo's answers for its agency, each text lengthened with varied sentences."""
        from cpconf.demo.report_text import demo_answers
        from cpconf.organisations.report_forms import report_form_named

        rng = random.Random(spec.pk)  # noqa: S311  (the same words on every run)
        form = report_form_named(spec.form_key)
        family = self.family_rows[spec.family_index]
        copy: dict[str, dict[str, Any]] = {
            "front_sheet": {
                "name": spec.author.name,
                "role": spec.author.job_title,
                "workplace": spec.agency_name,
                "email": spec.author.email,
            },
            "children": {"children": family.children},
            "family_members": {"members": family.members},
        }
        for section in form.sections:
            if section.kind == "assessment":
                copy[section.key] = {
                    "children": [
                        {**c, "scaling": None, "recommendation": "", "reason": ""}
                        for c in family.children
                    ]
                }
            else:
                copy[section.key] = {}
        moment = spec.submitted_at or self.now
        answers = demo_answers(
            form,
            spec.agency_kind or "other",
            copy,
            shared=spec.status != "draft",
            shared_on=moment.astimezone(LONDON).date() - timedelta(days=1),
        )
        first = family.children[0]["name"].split(" ")[0]
        for value in answers.values():
            if value.get("text"):
                value["text"] = f"{value['text']} {self._padding(rng, first)}"
        if spec.status == "draft":
            keys = [s.key for s in form.sections][: len(form.sections) // 2]
            answers = {k: v for k, v in answers.items() if k in keys}
        return copy | answers

    def sections_and_versions(self, cursor: Any, versions_cursor: Any) -> None:
        from cpconf.reports.models import ReportSection, ReportVersion, content_fingerprint

        section_names = ("id", "report_id", "key", "content", "state", "revision")
        section_names += ("created_at", "created_by_id", "modified_at", "modified_by_id")
        version_names = ("id", "report_id", "number", "content", "fingerprint", "signed_name")
        version_names += ("signed_role", "signed_at", "late", "amendment_reason")
        version_names += ("created_at", "created_by_id", "modified_at", "modified_by_id")
        sections = Copier(cursor, ReportSection, section_names)
        versions = Copier(versions_cursor, ReportVersion, version_names)
        version_rows: list[tuple[Any, ...]] = []
        words = 0

        def section_rows() -> Iterator[tuple[Any, ...]]:
            nonlocal words
            section_pk = version_pk = 0
            for spec in self.report_specs:
                if spec.status == "not_started":
                    continue
                copy = self.content_of(spec)
                for key, value in copy.items():
                    section_pk += 1
                    state = "completed" if value else "not_started"
                    moment = spec.submitted_at or self.now
                    yield (section_pk, spec.pk, key, json.dumps(value), state, 1 if value else 0)
                    yield (moment, spec.author.pk, moment, spec.author.pk)
                if spec.status != "submitted" or spec.submitted_at is None:
                    continue
                content = {"form": spec.form_key, "parts": copy}
                words += sum(len(str(v.get("text", "")).split()) for v in copy.values())
                signed = (spec.author.name, spec.author.job_title, spec.submitted_at)
                version_pk += 1
                version_rows.append(
                    (
                        version_pk,
                        spec.pk,
                        1,
                        json.dumps(content),
                        content_fingerprint(content),
                        *signed,
                        spec.late,
                        "",
                        spec.submitted_at,
                        spec.author.pk,
                        spec.submitted_at,
                        spec.author.pk,
                    )
                )
                if spec.amended:
                    amended = json.loads(json.dumps(content))
                    worries = amended["parts"].get("worries") or {}
                    worries["text"] = (
                        str(worries.get("text", "")) + " Corrected: the visit was on a Tuesday."
                    )
                    amended["parts"]["worries"] = worries
                    at = spec.submitted_at + timedelta(hours=20)
                    version_pk += 1
                    version_rows.append(
                        (
                            version_pk,
                            spec.pk,
                            2,
                            json.dumps(amended),
                            content_fingerprint(amended),
                            *signed[:2],
                            at,
                            spec.late,
                            "A date in the worries section was wrong.",
                            at,
                            spec.author.pk,
                            at,
                            spec.author.pk,
                        )
                    )
                if len(version_rows) >= 2000:
                    flush_versions()

        def with_recorded(rows: Iterator[tuple[Any, ...]]) -> Iterator[tuple[Any, ...]]:
            """The section rows come in two halves: its content, then who and when."""
            for row in rows:
                yield row + next(rows)

        with versions_cursor.copy(versions.statement()) as version_copy:

            def flush_versions() -> None:
                for row in version_rows:
                    version_copy.write_row(row)
                    versions.count += 1
                version_rows.clear()

            sections.write(with_recorded(section_rows()))
            flush_versions()
        self.counts |= {
            "report_sections": sections.count,
            "report_versions": versions.count,
            "words_in_first_versions": words,
        }

    # -- the load client's plan -----------------------------------------------------------

    def audit_trail(self, cursor: Any) -> None:
        """Two years of the authority's audit trail (a million events at full scale), each
        event chained to the one before as `cpconf.audit.services` chains them, so the trail
        still verifies and the application appends after it. The auditor's search and the
        unit's pages are measured against a trail of an authority's size, not an empty one."""
        from cpconf.audit.chain import GENESIS_HASH, RECORDED_FIELDS, canonical_content, event_hash
        from cpconf.audit.models import AuditChainHead, AuditEvent

        names = [name for name, _weight in AUDITED_READS]
        weights = [weight for _name, weight in AUDITED_READS]
        staff = [
            p
            for role in ("professional", "social_worker", "chair")
            for p in self.people.get(role, [])
        ]
        specs = self.report_specs
        span = timedelta(days=730).total_seconds()
        start = self.now - timedelta(days=730)
        fields = [*RECORDED_FIELDS, "previous_hash", "hash"]
        copier = Copier(cursor, AuditEvent, ["id", *fields])
        rng = random.Random(SEED + 1)  # noqa: S311  (fiction, not secrets)
        moments = sorted(rng.random() * span for _ in range(self.sizes.audit_events))
        # After whatever setting up the authority has already recorded.
        head = AuditChainHead.objects.filter(pk=1).first()
        first, previous = (head.sequence + 1, head.hash) if head else (1, GENESIS_HASH)
        first_id = (
            AuditEvent.objects.order_by("-id").values_list("id", flat=True).first() or 0
        ) + 1

        def rows() -> Iterator[tuple[Any, ...]]:
            nonlocal previous
            for number, offset in enumerate(moments):
                sequence = first + number
                action = rng.choices(names, weights)[0]
                spec = rng.choice(specs)
                person = rng.choice(staff)
                object_type, object_id = "reports.professionalreport", str(spec.pk)
                if action == "family_viewed":
                    object_type, object_id = "families.family", str(spec.family_index + 1)
                elif action in ("conference_viewed", "board_viewed", "preparation_viewed"):
                    object_type, object_id = "conferences.conference", str(spec.conference_pk)
                event = {
                    "sequence": sequence,
                    "occurred_at": start + timedelta(seconds=offset),
                    "actor_id": person.pk,
                    "actor_label": person.email,
                    "roles": person.role,
                    "agency": person.agency_name,
                    "action": action,
                    "object_type": object_type,
                    "object_id": object_id,
                    "family_id": spec.family_index + 1,
                    "local_authority_id": self.authority.pk,
                    "outcome": "success",
                    "request_id": f"{sequence:032x}",
                    "ip_address": "10.0.0.1",
                }
                event["previous_hash"] = previous
                event["hash"] = previous = event_hash(previous, canonical_content(event))
                yield (first_id + number, *(event[name] for name in fields))

        copier.write(rows())
        AuditChainHead.objects.update_or_create(
            pk=1, defaults={"sequence": first + len(moments) - 1, "hash": previous}
        )
        self.counts["audit_events"] = self.sizes.audit_events

    def plan(self) -> dict[str, Any]:
        """Accounts for the load client, each with records it may read or write."""
        from cpconf.conferences.models import Conference
        from cpconf.reports.models import ProfessionalReport, ReportVersion

        now = self.now
        upcoming = Conference.objects.filter(
            family__local_authority=self.authority, starts_at__gt=now, status="scheduled"
        )
        drafts = ProfessionalReport.objects.filter(
            conference__in=upcoming, status="draft"
        ).order_by("pk")
        own_versions = dict(
            ReportVersion.objects.filter(
                report__conference__family__local_authority=self.authority, number=1
            )
            .order_by("report__author_id", "-report_id")
            .values_list("report__author_id", "report_id")
        )
        accounts: list[dict[str, Any]] = []
        seen: set[int] = set()
        for report in drafts:
            if report.author_id in seen or report.author_id not in own_versions:
                continue
            seen.add(report.author_id)
            person = self._person(report.author_id)
            accounts.append(
                {
                    "role": person.role,
                    "email": person.email,
                    "draft_report": report.pk,
                    "draft_section": "worries",
                    "version": [own_versions[report.author_id], 1],
                }
            )
        for chair in self.people["chair"]:
            chaired = upcoming.filter(chair_id=chair.pk).order_by("starts_at").first()
            if chaired is None:
                continue
            version = (
                ReportVersion.objects.filter(report__conference=chaired, number=1)
                .values_list("report_id", flat=True)
                .first()
            )
            accounts.append(
                {
                    "role": "chair",
                    "email": chair.email,
                    "conference": chaired.pk,
                    "version": [version, 1] if version else None,
                }
            )
        busiest = list(upcoming.order_by("starts_at").values_list("pk", flat=True)[:20])
        for index, person in enumerate(self.people["unit_administrator"]):
            accounts.append(
                {
                    "role": "unit_administrator",
                    "email": person.email,
                    "conference": busiest[index % len(busiest)],
                }
            )
        for person in self.people["auditor"]:
            accounts.append({"role": "auditor", "email": person.email})
        return {"password": BENCH_PASSWORD, "authority": AUTHORITY[0], "accounts": accounts}

    def _person(self, pk: int) -> Person:
        for people in self.people.values():
            for person in people:
                if person.pk == pk:
                    return person
        raise KeyError(pk)


def reset_sequences(cursor: Any) -> None:
    """After COPY with explicit ids, the next id each table hands out comes after them."""
    from django.core.management.color import no_style
    from django.db import connection

    from cpconf.conferences.models import Conference, Invitation
    from cpconf.families.models import Child, Family, FamilyMember
    from cpconf.reports.models import ProfessionalReport, ReportSection, ReportVersion

    models = [Family, Child, FamilyMember, Conference, Invitation]
    from cpconf.audit.models import AuditEvent

    models += [ProfessionalReport, ReportSection, ReportVersion, AuditEvent]
    for statement in connection.ops.sequence_reset_sql(no_style(), models):
        cursor.execute(statement)


def main() -> int:
    scale = float(os.environ.get("BENCH_SCALE", "1"))
    url = configure()
    started = time.perf_counter()
    recreate_database(url)
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection, transaction
    from django.utils import timezone

    call_command("migrate", verbosity=0)
    migrated = time.perf_counter()
    generator = Generator(Sizes.at(scale), timezone.now().replace(microsecond=0))
    steps: dict[str, float] = {"create and migrate": migrated - started}
    with transaction.atomic():
        generator.organisations_and_people()
        with connection.cursor() as cursor:
            mark = time.perf_counter()
            generator.families(cursor)
            generator.conferences_and_reports(cursor)
            steps["people, families, conferences, reports"] = time.perf_counter() - mark
    import psycopg

    mark = time.perf_counter()
    with (
        transaction.atomic(),
        connection.cursor() as cursor,
        psycopg.connect(url) as versions_connection,
        versions_connection.cursor() as versions_cursor,
    ):
        generator.sections_and_versions(cursor, versions_cursor)
    steps["report sections and versions"] = time.perf_counter() - mark
    mark = time.perf_counter()
    with transaction.atomic(), connection.cursor() as cursor:
        generator.audit_trail(cursor)
    steps["audit trail"] = time.perf_counter() - mark
    with connection.cursor() as cursor:
        reset_sequences(cursor)
        mark = time.perf_counter()
        cursor.execute("ANALYZE")
        steps["analyze"] = time.perf_counter() - mark
        cursor.execute("SELECT pg_database_size(current_database())")
        size = cursor.fetchone()[0]
    plan = generator.plan()
    plan_path = plan_file(url)
    plan_path.parent.mkdir(parents=True, exist_ok=True)
    plan_path.write_text(json.dumps(plan, indent=2) + "\n")
    summary = {
        "scale": scale,
        "database": url.rsplit("@", 1)[-1],
        "rows": generator.counts,
        "database_mb": round(size / 2**20),
        "seconds": {k: round(v, 1) for k, v in steps.items()},
        "total_seconds": round(time.perf_counter() - started, 1),
        "load_accounts": len(plan["accounts"]),
    }
    plan_path.with_name("generated.json").write_text(json.dumps(summary, indent=2) + "\n")
    print(json.dumps(summary, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""A Northshire-style conference with everyone around a report, and ways to fill one in.

The `scene` fixture (tests/conftest.py) builds it; report and browser tests share it.
"""

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from django.urls import reverse
from django.utils import timezone

from cpconf.accounts.models import Role, User
from cpconf.conferences.models import Conference, Stage
from cpconf.families.models import Child, Family
from cpconf.organisations.models import Agency, AgencyKind, LocalAuthority
from cpconf.reports import selectors, services
from cpconf.reports.models import ProfessionalReport
from tests.factories import (
    AgencyFactory,
    ChildFactory,
    ConferenceFactory,
    FamilyFactory,
    FamilyMemberFactory,
    InvitationFactory,
    LocalAuthorityFactory,
    user_with_role,
)

PASSWORD = "a-long-test-password-2026"
RESTRICTED_TEXT = "The neighbour who reported this lives at 14 Alder Close and fears reprisal."


@dataclass
class Scene:
    authority: LocalAuthority
    family: Family
    children: list[Child]
    conference: Conference
    school: Agency
    author: User
    colleague: User
    chair: User
    unit: User
    parent: User


def build_scene() -> Scene:
    authority = LocalAuthorityFactory(policy_name="northshire")
    family = FamilyFactory(local_authority=authority, name="Hartwell")
    children = [
        ChildFactory(family=family, given_name="Lily", date_of_birth=dt.date(2016, 3, 2)),
        ChildFactory(family=family, given_name="Noah", date_of_birth=dt.date(2020, 9, 17)),
    ]
    FamilyMemberFactory(family=family, full_name="Dawn Hartwell")
    # Names with an apostrophe are escaped in HTML ("O&#x27;Brien"): the chair and the unit
    # always have one, so every page test that looks for them reads the page as shown
    # (tests/page_reading.py), not by luck of the names Faker draws.
    chair = user_with_role(Role.CHAIR, authority, password=PASSWORD, last_name="O'Brien")
    conference = ConferenceFactory(
        family=family,
        chair=chair,
        starts_at=timezone.now() + dt.timedelta(days=21),
    )
    school = AgencyFactory(local_authority=authority, name="Alder Primary", kind=AgencyKind.SCHOOL)
    author = user_with_role(
        Role.PROFESSIONAL,
        authority,
        agency=school,
        password=PASSWORD,
        first_name="Priya",
        last_name="Shah",
        job_title="Designated safeguarding lead",
    )
    InvitationFactory(conference=conference, invitee=author, agency=school)
    colleague = user_with_role(Role.PROFESSIONAL, authority, password=PASSWORD)
    InvitationFactory(
        conference=conference, invitee=colleague, agency=colleague.role_assignments.get().agency
    )
    unit = user_with_role(
        Role.UNIT_ADMINISTRATOR, authority, password=PASSWORD, last_name="D'Souza"
    )
    parent = user_with_role(Role.FAMILY_MEMBER, authority, password=PASSWORD)
    FamilyMemberFactory(family=family, full_name="Parent Account", user=parent)
    return Scene(
        authority, family, children, conference, school, author, colleague, chair, unit, parent
    )


def save(report: ProfessionalReport, key: str, content: dict[str, Any], *, completed: bool = True):
    section = report.sections.get(key=key)
    return services.section_save(
        report=report,
        key=key,
        content=content,
        base_revision=section.revision,
        completed=completed,
        actor=report.author,
    )


def share_again(report) -> None:
    """Sharing is recorded per version: an amendment is shared with the family afresh."""
    first = report.versions.order_by("number").first()
    save(report, "sharing", first.content["parts"]["sharing"])


def answers_for(report: ProfessionalReport, words: str = "") -> dict[str, dict[str, Any]]:
    """A valid answer for every part of the report's form."""
    form = selectors.form_of(report)
    children = report.sections.get(key="children").content["children"]
    today = timezone.localdate().isoformat()
    front = report.sections.get(key="front_sheet").content
    answers: dict[str, dict[str, Any]] = {
        "front_sheet": {**front, "role": front.get("role") or "Family support worker"}
    }
    for section in form.sections:
        match section.kind:
            case "text":
                answers[section.key] = {"text": f"{section.title}: Lily and Noah. {words}".strip()}
            case "restricted":
                answers[section.key] = {"text": RESTRICTED_TEXT, "reason": "Risk to the informant."}
            case "assessment":
                answers[section.key] = {
                    "children": [
                        {
                            **c,
                            "scaling": 4,
                            "recommendation": "child_protection_plan",
                            "reason": "Neglect continues.",
                        }
                        for c in children
                    ]
                }
            case "sharing":
                answers[section.key] = {
                    "shared": "yes",
                    "shared_on": today,
                    "method": "in_person",
                    "language_support": "none",
                    "shared_with": "Dawn Hartwell, mother",
                    "comments": "I don't agree that the house is unsafe.",
                    "not_shared_reason": "",
                }
            case "chronology":
                answers[section.key] = {
                    "entries": [
                        {
                            "date": today,
                            "event": "Home visit, kitchen clean",
                            "source": "School nurse",
                        }
                    ]
                }
            case "factors":
                answers[section.key] = {
                    "factors": [
                        {
                            "factor": "Poor school attendance",
                            "kind": "risk",
                            "change": "diminished",
                            "how_much": "from 71% to 88%",
                            "evidence": "Register",
                        }
                    ]
                }
    return answers


def complete(report: ProfessionalReport, words: str = "") -> ProfessionalReport:
    """Every part answered and, in a review, every carried-forward section left as it was
    confirmed "reviewed — no change", so the report is ready to sign."""
    for key, content in answers_for(report, words).items():
        save(report, key, content)
    confirm_unchanged(report)
    report.refresh_from_db()
    return report


def confirm_unchanged(report: ProfessionalReport) -> None:
    """The author confirms every carried-forward section they have not changed."""
    for unchanged in selectors.unreviewed_sections(report):
        services.section_confirm_unchanged(report=report, key=unchanged.key, actor=report.author)


def submit(report: ProfessionalReport, **kwargs: Any):
    return services.report_submit(
        report=report,
        signed_name="Priya Shah",
        signed_role="Designated safeguarding lead",
        actor=report.author,
        **kwargs,
    )


def start(scene: Scene, conference: Conference | None = None, author: User | None = None):
    author = author or scene.author
    return services.report_start(
        conference=conference or scene.conference,
        author=author,
        agency=author.role_assignments.get().agency,
    )


def review_conference(scene: Scene) -> Conference:
    """The scene's conference becomes a past initial one, with a review after it."""
    scene.conference.starts_at = timezone.now() - dt.timedelta(days=90)
    scene.conference.pack_released_at = timezone.now() - dt.timedelta(days=95)
    scene.conference.save()
    review = ConferenceFactory(
        family=scene.family,
        chair=scene.chair,
        meeting_type="review",
        stage=Stage.REVIEW,
        previous=scene.conference,
        starts_at=timezone.now() + dt.timedelta(days=30),
    )
    InvitationFactory(conference=review, invitee=scene.author, agency=scene.school)
    return review


SHOWN = re.compile(r'name="shown" value="([0-9a-f]*)"')


def signature_from_page(client, report: ProfessionalReport, **typed: str) -> dict[str, str]:
    """What the check page's form sends: the signature typed, the confirmation ticked, and
    the fingerprint of the report as the page showed it (read from the page itself)."""
    page = client.get(reverse("reports:check", args=[report.pk])).content.decode()
    found = SHOWN.search(page)
    assert found is not None, "the check page carries no fingerprint of what it shows"
    return {
        "signed_name": "Priya Shah",
        "signed_role": "Designated safeguarding lead",
        "confirm": "on",
        "shown": found.group(1),
    } | typed

"""Given a family of three adults around the children (a mother and her partner at home, the
children's father living elsewhere), a grandmother who helps and a young person, when the
chair issues the letters, then each parent or carer gets their own letter addressed to them,
dated, referenced and headed, in the form their record asks for; the chair may add another
adult; and in the portal each reads their own letter and nobody else's."""

import html
import io
import re
from datetime import datetime, timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from docx import Document
from pypdf import PdfReader

from cpconf.accounts.models import Role
from cpconf.conferences.models import Conference
from cpconf.deadlines import calendar_for_policy, within_working_days_after
from cpconf.documents.letter import long_date
from cpconf.families.models import Relationship
from cpconf.outcomes.models import OutcomeLetter
from cpconf.outcomes.services import NOT_AN_ADULT_HERE, OutcomeError, outcome_issue
from cpconf.portal.models import AccessNeeds
from tests.factories import FamilyMemberFactory, user_with_role
from tests.outcomes.records import finalised_record, letter_to
from tests.report_scene import PASSWORD

pytestmark = pytest.mark.django_db

CHILDRENS_ADDRESS = "14 Alder Close\nNorthshire\nNS2 5AB"
LONG_DATE = re.compile(
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday) \d{1,2} [A-Z][a-z]+ \d{4}"
)


@pytest.fixture
def adults(scene):
    """The scene's family (Dawn Hartwell and Parent Account, the scene's parent, both mothers
    at home) with a partner at home, a father elsewhere, a grandmother and a young person."""
    family = scene.family
    family.address = CHILDRENS_ADDRESS
    family.save()
    people = {
        "partner": FamilyMemberFactory(
            family=family, full_name="Shaun Pike", relationship=Relationship.PARTNER
        ),
        "father": FamilyMemberFactory(
            family=family,
            full_name="Darren Ashdown",
            relationship=Relationship.FATHER,
            lives_in_household=False,
            user=user_with_role(Role.FAMILY_MEMBER, scene.authority, password=PASSWORD),
        ),
        "grandmother": FamilyMemberFactory(
            family=family,
            full_name="Pauline Carter",
            relationship=Relationship.GRANDPARENT,
            lives_in_household=False,
        ),
        "young_person": FamilyMemberFactory(
            family=family, full_name="Tyler Hartwell", relationship=Relationship.YOUNG_PERSON
        ),
    }
    return people


def held_weeks_ago(conference: Conference, weeks: int = 6) -> Conference:
    Conference.objects.filter(pk=conference.pk).update(
        starts_at=timezone.now() - timedelta(weeks=weeks)
    )
    conference.refresh_from_db()
    return conference


def pdf_text(body: bytes) -> str:
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(body)).pages)
    return " ".join(text.split())


def docx_text(body: bytes) -> str:
    document = Document(io.BytesIO(body))
    lines = [p.text for p in document.paragraphs]
    lines += [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return " ".join(" ".join(lines).split())


def download(client, user, letter, extension: str) -> str:
    client.force_login(user)
    response = client.get(reverse("outcomes:letter_download", args=[letter.pk, extension]))
    assert response.status_code == 200
    return pdf_text(response.content) if extension == "pdf" else docx_text(response.content)


def test_each_parent_or_carer_gets_their_own_letter(scene, adults):
    letters = outcome_issue(record_version=finalised_record(scene.conference), actor=scene.chair)

    assert [letter.addressed_to for letter in letters] == [
        "Dawn Hartwell",
        "Parent Account",
        "Shaun Pike",
        "Darren Ashdown",
    ]
    assert [letter.recipient.full_name for letter in letters] == [
        letter.addressed_to for letter in letters
    ]
    assert len({letter.fingerprint for letter in letters}) == len(letters)


@pytest.mark.parametrize("extension", ["pdf", "docx"])
def test_each_letter_is_addressed_dated_referenced_and_headed(client, scene, adults, extension):
    letters = outcome_issue(record_version=finalised_record(scene.conference), actor=scene.chair)
    today = long_date(timezone.localdate())
    held_on = long_date(timezone.localtime(scene.conference.starts_at).date())

    for letter in letters:
        name = letter.addressed_to
        text = download(client, scene.chair, letter, extension)
        assert f"Dear {name}," in text
        others = {other.addressed_to for other in letters} - {name}
        assert not any(f"Dear {other}" in text for other in others)
        assert f"Date {today}" in text
        assert f"Our reference {scene.family.case_reference}" in text
        assert f"Meeting date {held_on}" in text
        assert "Northshire Council" in text and "Northshire Civic Centre" in text
        assert "Phone: 01632 960 100" in text and "Email: qarss@northshire.example" in text


def test_the_letter_goes_to_where_the_reader_lives_and_never_shows_the_childrens_address_to_someone_elsewhere(  # noqa: E501
    client, scene, adults
):
    letters = outcome_issue(record_version=finalised_record(scene.conference), actor=scene.chair)

    at_home = download(client, scene.chair, letter_to(letters, "Shaun Pike"), "pdf")
    elsewhere = download(client, scene.chair, letter_to(letters, "Darren Ashdown"), "pdf")

    assert "Shaun Pike 14 Alder Close Northshire NS2 5AB" in at_home
    assert "14 Alder Close" not in elsewhere


def test_the_chair_chooses_another_adult_to_get_a_letter(client, scene, adults):
    version = finalised_record(scene.conference)
    client.force_login(scene.chair)
    url = reverse("outcomes:issue", args=[scene.conference.pk])

    page = client.get(reverse("outcomes:outcome", args=[scene.conference.pk])).content.decode()
    response = client.post(url, {"version": "1", "recipients": [adults["grandmother"].pk]})

    assert "Pauline Carter (grandparent)" in page
    assert "Tyler Hartwell" not in page  # a young person is not sent a parent's letter
    assert response.status_code == 302
    letters = OutcomeLetter.objects.filter(record_version=version)
    assert letters.count() == 5
    assert letters.filter(recipient=adults["grandmother"]).exists()
    assert not letters.filter(recipient=adults["young_person"]).exists()


def test_a_young_person_or_someone_elses_relative_is_refused_as_a_recipient(client, scene, adults):
    version = finalised_record(scene.conference)
    stranger = FamilyMemberFactory(full_name="Somebody Else", relationship=Relationship.FATHER)
    client.force_login(scene.chair)
    url = reverse("outcomes:issue", args=[scene.conference.pk])

    response = client.post(url, {"version": "1", "recipients": [adults["young_person"].pk]})

    assert response.status_code == 400
    assert NOT_AN_ADULT_HERE in html.unescape(response.content.decode())
    assert "There is a problem" in response.content.decode()
    assert not OutcomeLetter.objects.exists()
    for refused in (adults["young_person"], stranger):
        with pytest.raises(OutcomeError, match=NOT_AN_ADULT_HERE):
            outcome_issue(record_version=version, actor=scene.chair, extra_recipients=[refused])
    assert not OutcomeLetter.objects.exists()


def test_every_date_to_act_by_is_after_a_late_letters_date(client, scene, adults):
    """The conference was six weeks ago; its core group and an action's date have gone by.
    The letter issued today gives none of them as a deadline, and its appeal date is still
    to come: working days counted from today."""
    held_weeks_ago(scene.conference)
    letters = outcome_issue(record_version=finalised_record(scene.conference), actor=scene.chair)
    today = timezone.localdate()
    held_on = timezone.localtime(scene.conference.starts_at).date()
    policy = scene.authority.policy
    appeal_by = within_working_days_after(
        today, policy.appeals.within_working_days, calendar_for_policy(policy)
    ).date()

    for extension in ("pdf", "docx"):
        text = download(client, scene.chair, letter_to(letters, "Darren Ashdown"), extension)
        dates = [datetime.strptime(d, "%A %d %B %Y").date() for d in LONG_DATE.findall(text)]
        assert [d for d in dates if d < today and d != held_on] == []
        assert f"Please tell us by {long_date(appeal_by)}." in text
        assert appeal_by > today
        assert "Your social worker will tell you when the core group meets." in text


def test_each_letter_comes_in_the_form_its_reader_needs(client, scene, adults):
    partner, father = adults["partner"], adults["father"]
    partner.language, partner.needs_interpreter = "Polish", True
    partner.save()
    father.access_needs = "Easy read versions of reports, and large print"
    father.save()
    AccessNeeds.objects.create(member=scene.family.members.get(user=scene.parent), easy_read=True)

    letters = outcome_issue(record_version=finalised_record(scene.conference), actor=scene.chair)
    polish = download(client, scene.chair, letter_to(letters, "Shaun Pike"), "pdf")
    easy = letter_to(letters, "Parent Account").content
    plain = letter_to(letters, "Dawn Hartwell").content

    assert polish.startswith("Northshire Council")
    assert "This letter is in English. We will arrange an interpreter" in polish
    assert "to read it with you in Polish" in polish
    assert polish.find("in Polish") < polish.find("Dear Shaun Pike,")
    assert easy["sections"][0]["heading"] == "This letter in a few words"
    assert plain["notice"] == [] and plain["sections"][0]["heading"] == "Why we are writing"
    assert plain["format"] == {
        "language": "",
        "interpreter": False,
        "large_print": False,
        "easy_read": False,
    }
    both = letter_to(letters, "Darren Ashdown").content["format"]
    assert both["large_print"] and both["easy_read"]


def test_a_large_print_letter_is_drawn_large(client, scene, adults):
    AccessNeeds.objects.create(member=adults["father"], large_print=True)
    letters = outcome_issue(record_version=finalised_record(scene.conference), actor=scene.chair)
    client.force_login(scene.chair)

    def smallest(letter) -> float:
        url = reverse("outcomes:letter_download", args=[letter.pk, "pdf"])
        sizes: list[float] = []
        for page in PdfReader(io.BytesIO(client.get(url).content)).pages:
            page.extract_text(
                visitor_text=lambda text, cm, tm, _font, size: (
                    sizes.append(round(size * cm[0] * tm[0], 1)) if text.strip() else None
                )
            )
        return min(sizes)

    assert smallest(letter_to(letters, "Darren Ashdown")) >= 16
    assert smallest(letter_to(letters, "Shaun Pike")) < 12


def test_in_the_portal_each_reads_their_own_letter_and_nobody_elses(client, scene, adults):
    held_weeks_ago(scene.conference)
    letters = outcome_issue(record_version=finalised_record(scene.conference), actor=scene.chair)
    mothers, fathers = letter_to(letters, "Parent Account"), letter_to(letters, "Darren Ashdown")
    meeting = reverse("portal:conference", args=[scene.conference.pk])

    readers = ((scene.parent, mothers, fathers), (adults["father"].user, fathers, mothers))
    for user, own, other in readers:
        client.force_login(user)
        page = client.get(meeting).content.decode()
        assert reverse("portal:letter", args=[own.pk]) in page
        assert reverse("portal:letter", args=[other.pk]) not in page
        reading = client.get(reverse("portal:letter", args=[own.pk])).content.decode()
        assert f"Dear {own.addressed_to}," in reading
        assert scene.family.case_reference in reading
        assert reverse("outcomes:letter_download", args=[own.pk, "pdf"]) in reading
        assert client.get(reverse("portal:letter", args=[other.pk])).status_code == 404
        download = reverse("outcomes:letter_download", args=[other.pk, "pdf"])
        assert client.get(download).status_code == 404


def test_a_letter_to_the_family_as_a_whole_is_read_by_every_member(client, scene):
    """Letters issued before letters were addressed one by one had no recipient."""
    version = finalised_record(scene.conference)
    held_weeks_ago(scene.conference)
    joint = OutcomeLetter.objects.create(
        record_version=version,
        issued_at=timezone.now(),
        issued_by=scene.chair,
        content={"title": "Outcome", "addressed_to": "To Dawn Hartwell and Parent Account",
                 "sections": [{"heading": "What we decided", "paragraphs": ["A plan."]}]},
        fingerprint="0" * 64,
    )  # fmt: skip
    client.force_login(scene.parent)

    assert client.get(reverse("portal:letter", args=[joint.pk])).status_code == 200
    text = pdf_text(client.get(reverse("outcomes:letter_download", args=[joint.pk, "pdf"])).content)
    assert "To Dawn Hartwell and Parent Account" in text and "A plan." in text


def test_only_those_with_a_letter_are_told_it_is_ready(
    scene, adults, django_capture_on_commit_callbacks
):
    young_person = adults["young_person"]
    young_person.user = user_with_role(Role.FAMILY_MEMBER, scene.authority, password=PASSWORD)
    young_person.save()

    with django_capture_on_commit_callbacks(execute=True):
        outcome_issue(record_version=finalised_record(scene.conference), actor=scene.chair)

    told = {message.to[0] for message in mail.outbox}
    assert {scene.parent.email, adults["father"].user.email} <= told
    assert young_person.user.email not in told


def test_each_letter_says_you_only_of_its_readers_own_actions(scene, adults):
    from tests.outcomes.records import review_content

    content = review_content(scene.conference)
    content["plan"]["actions"] = [
        {"action": "Dawn to start with the recovery service", "who": "Dawn Hartwell",
         "by_when": "", "priority": "high", "progress": "new", "carried_forward": False,
         "child_ids": []},
        {"action": "Darren to keep to the agreed contact", "who": "Darren Ashdown",
         "by_when": "", "priority": "high", "progress": "new", "carried_forward": False,
         "child_ids": []},
    ]  # fmt: skip
    letters = outcome_issue(
        record_version=finalised_record(scene.conference, content), actor=scene.chair
    )

    def asked(name: str) -> list[str]:
        sections = {
            s["heading"]: s["paragraphs"] for s in letter_to(letters, name).content["sections"]
        }
        return sections["What we are asking you to do"]

    to_darren, to_dawn = asked("Darren Ashdown"), asked("Dawn Hartwell")
    assert to_darren[:2] == [
        "The plan asks you to do these things:",
        "Darren Ashdown: Darren to keep to the agreed contact.",
    ]
    assert to_darren[2:4] == [
        "It asks others to do these things:",
        "Dawn Hartwell: Dawn to start with the recovery service.",
    ]
    assert to_dawn[:2] == [
        "The plan asks you to do these things:",
        "Dawn Hartwell: Dawn to start with the recovery service.",
    ]

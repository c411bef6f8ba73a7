"""`cpconf retention` and `cpconf legal_hold` from the command line."""

import datetime as dt
import io
import json
import re

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from cpconf.audit.models import AuditEvent
from cpconf.dataprotection import services
from cpconf.dataprotection.management.commands import retention as retention_command
from cpconf.dataprotection.models import LegalHold
from cpconf.families.models import Family
from cpconf.reports.models import ReportVersion
from tests.dataprotection.ageing import last_contact_at, years_ago
from tests.factories import FamilyFactory
from tests.report_scene import complete, start, submit

pytestmark = pytest.mark.django_db


@pytest.fixture
def expired(scene):
    """The scene's family, with a submitted report, last in contact 36 years ago; and a
    family of the same authority in contact last year."""
    submit(complete(start(scene)))
    last_contact_at(scene.family, years_ago(36))
    recent = FamilyFactory(local_authority=scene.authority)
    last_contact_at(recent, years_ago(1))
    return scene


def rows(output):
    """The listing's table, each row split into its columns."""
    table = output.split("\n\n")[0].splitlines()
    return [re.split(r"\s{2,}", line.strip()) for line in table]


def run(*arguments, answer=None, monkeypatch=None):
    if monkeypatch is not None:
        monkeypatch.setattr("builtins.input", lambda prompt: answer)
    out, err = io.StringIO(), io.StringIO()
    call_command("retention", *arguments, stdout=out, stderr=err)
    return out.getvalue()


def test_the_list_shows_authority_kind_id_dates_hold_and_action(expired):
    output = run()
    headings, *table = rows(output)
    assert headings == ["Authority", "Kind", "ID", "Last contact", "Due", "Held", "Action"]
    contact = timezone.localdate(years_ago(36))
    due = contact.replace(year=contact.year + 35)
    assert [
        expired.authority.name,
        "family",
        str(expired.family.pk),
        contact.isoformat(),
        due.isoformat(),
        "no",
        "destroy",
    ] in table
    assert f"destroyed with family {expired.family.pk}" in output
    assert "To destroy: 1 family." in output
    assert Family.objects.filter(pk=expired.family.pk).exists(), "listing destroys nothing"


def test_the_list_as_json_and_as_of_a_later_date(expired):
    entries = json.loads(run("--json"))
    assert {(e["kind"], e["action"]) for e in entries} >= {("family", "destroy")}
    assert all(e["authority"] == expired.authority.name for e in entries)
    later = json.loads(
        run("--json", "--as-of", (timezone.localdate().replace(year=2200)).isoformat())
    )
    assert len([e for e in later if e["action"] == "destroy"]) == 2


def test_a_refused_confirmation_leaves_everything(expired, monkeypatch):
    versions = ReportVersion.objects.count()
    with pytest.raises(CommandError, match=retention_command.NOT_CONFIRMED):
        run("--destroy", answer="yes", monkeypatch=monkeypatch)
    assert Family.objects.filter(pk=expired.family.pk).exists()
    assert ReportVersion.objects.count() == versions
    assert not AuditEvent.objects.filter(action=services.RETENTION_DESTROYED).exists()


def test_no_answer_at_all_is_a_refusal(expired, monkeypatch):
    def closed(prompt):
        raise EOFError

    monkeypatch.setattr("builtins.input", closed)
    with pytest.raises(CommandError, match="Nothing was destroyed"):
        call_command("retention", "--destroy", stdout=io.StringIO())
    assert Family.objects.filter(pk=expired.family.pk).exists()


def test_typing_the_number_destroys_the_expired_and_only_them(expired, monkeypatch):
    prompts = []
    monkeypatch.setattr("builtins.input", lambda prompt: prompts.append(prompt) or "1")
    out = io.StringIO()
    call_command("retention", "--destroy", "--by", expired.unit.email, stdout=out)
    assert "destroys 1 records (1 family)" in prompts[0]
    assert f"Destroyed family {expired.family.pk}:" in out.getvalue()
    assert list(Family.objects.values_list("pk", flat=True)) != []
    assert not Family.objects.filter(pk=expired.family.pk).exists()
    events = AuditEvent.objects.filter(action=services.RETENTION_DESTROYED)
    assert events.count() > 10
    assert {e.actor_id for e in events} == {expired.unit.pk}


def test_yes_skips_the_question_and_a_hold_keeps_the_family(expired):
    services.legal_hold_place(family=expired.family, reason="Claim", actor=expired.unit)
    output = run("--destroy", "--yes")
    family_row = next(row for row in rows(output) if row[1:3] == ["family", str(expired.family.pk)])
    assert family_row[-2:] == ["yes", "kept: the family is under legal hold"]
    assert Family.objects.filter(pk=expired.family.pk).exists()


def test_destruction_uses_todays_date(expired):
    tomorrow = (timezone.localdate() + dt.timedelta(days=1)).isoformat()
    with pytest.raises(CommandError, match="--as-of: destruction uses today's date"):
        run("--destroy", "--yes", "--as-of", tomorrow)
    with pytest.raises(CommandError, match="--as-of: enter a date like 2061-03-31"):
        run("--as-of", "next year")
    with pytest.raises(CommandError, match="--authority: there is no local authority"):
        run("--authority", "atlantis")
    assert Family.objects.filter(pk=expired.family.pk).exists()


def test_nothing_expired_says_so(scene):
    assert "Nothing has passed its retention period" in run()


def test_legal_hold_command_places_lists_and_lifts(scene):
    out = io.StringIO()
    call_command(
        "legal_hold",
        "--family",
        scene.family.case_reference,
        "--reason",
        "Subject access complaint",
        "--by",
        scene.unit.email,
        stdout=out,
    )
    hold = LegalHold.objects.get()
    assert hold.in_force and hold.placed_by == scene.unit
    listing = io.StringIO()
    call_command("legal_hold", "--list", stdout=listing)
    assert "in force" in listing.getvalue() and "Subject access complaint" in listing.getvalue()
    call_command(
        "legal_hold",
        "--lift",
        str(hold.pk),
        "--reason",
        "Closed",
        "--by",
        scene.unit.email,
        stdout=io.StringIO(),
    )
    hold.refresh_from_db()
    assert not hold.in_force and hold.lift_reason == "Closed"


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--reason", "x", "--by", "a@b.example"], "--family: enter the case reference"),
        (["--family", "NOPE", "--reason", "x", "--by", "a@b.example"], "--family: there is no"),
        (
            ["--lift", "999", "--reason", "x", "--by", "a@b.example"],
            "--lift: there is no legal hold",
        ),
    ],
)
def test_legal_hold_command_names_what_is_wrong(scene, arguments, message):
    with pytest.raises(CommandError) as error:
        call_command("legal_hold", *arguments)
    assert str(error.value).startswith(message)


def test_legal_hold_command_needs_a_reason_and_who(scene):
    reference = scene.family.case_reference
    with pytest.raises(CommandError, match="--reason: enter why"):
        call_command("legal_hold", "--family", reference, "--by", scene.unit.email)
    with pytest.raises(CommandError, match="--by: enter the email address"):
        call_command("legal_hold", "--family", reference, "--reason", "Claim")
    assert not LegalHold.objects.exists()

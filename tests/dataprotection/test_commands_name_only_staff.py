"""The data protection commands record who acted (`--by`) in the audit trail of the family's
authority: only an active unit administrator or auditor of that authority is accepted, so
the trail never names a parent, or another authority's staff, as the author of an export,
a legal hold or a destruction."""

import pytest
from django.core.management import CommandError, call_command

from cpconf.accounts.models import Role
from cpconf.audit.models import AuditEvent
from cpconf.dataprotection.command_arguments import NOT_DATA_PROTECTION_STAFF
from cpconf.dataprotection.models import LegalHold
from tests.factories import LocalAuthorityFactory, user_with_role

pytestmark = pytest.mark.django_db

REFUSED = NOT_DATA_PROTECTION_STAFF.split("{email}")[1].split("{authority}")[0]


@pytest.fixture
def others(scene):
    return {
        "parent": scene.parent,
        "another authority's unit": user_with_role(
            Role.UNIT_ADMINISTRATOR, LocalAuthorityFactory()
        ),
        "a professional": scene.author,
    }


@pytest.mark.parametrize("who", ["parent", "another authority's unit", "a professional"])
def test_an_export_is_never_recorded_as_made_by_someone_who_may_not(scene, tmp_path, others, who):
    reference = scene.family.case_reference
    by = others[who].email

    with pytest.raises(CommandError, match=REFUSED.strip()):
        call_command("subject_access", "--family", reference, "--out", str(tmp_path), "--by", by)

    assert not AuditEvent.objects.filter(action="subject_access_export").exists()
    assert not list(tmp_path.iterdir())


@pytest.mark.parametrize("who", ["parent", "another authority's unit"])
def test_a_legal_hold_is_never_placed_in_the_name_of_someone_who_may_not(scene, others, who):
    reference = scene.family.case_reference

    with pytest.raises(CommandError, match=REFUSED.strip()):
        call_command(
            "legal_hold", "--family", reference, "--reason", "Court case", "--by", others[who].email
        )

    assert not LegalHold.objects.exists()


def test_the_unit_and_the_auditor_of_the_authority_are_accepted(scene, tmp_path):
    auditor = user_with_role(Role.AUDITOR, scene.authority)
    reference = scene.family.case_reference

    call_command(
        "subject_access", "--family", reference, "--out", str(tmp_path), "--by", auditor.email
    )
    call_command(
        "legal_hold", "--family", reference, "--reason", "Court case", "--by", scene.unit.email
    )

    assert AuditEvent.objects.filter(action="subject_access_export", actor=auditor).exists()
    assert LegalHold.objects.get().placed_by == scene.unit


def test_a_disabled_account_is_not_accepted(scene, tmp_path):
    scene.unit.is_active = False
    scene.unit.save()

    with pytest.raises(CommandError, match=REFUSED.strip()):
        call_command(
            "subject_access", "--family", scene.family.case_reference, "--out", str(tmp_path),
            "--by", scene.unit.email,
        )  # fmt: skip

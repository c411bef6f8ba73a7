import pytest

from cpconf.accounts.models import Role
from cpconf.audit.models import AuditEvent
from cpconf.audit.services import audit_record
from tests.factories import FamilyFactory, LocalAuthorityFactory, user_with_role

TRAIL_ACTIONS = ("sign_in", "family_viewed", "report_viewed", "report_submitted", "sign_out")


@pytest.fixture
def trail(db) -> list[AuditEvent]:
    """Five events, linked through the audit service as any action would link them."""
    authority = LocalAuthorityFactory()
    family = FamilyFactory(local_authority=authority)
    person = user_with_role(Role.PROFESSIONAL, authority)
    return [
        audit_record(
            action=action,
            actor=person,
            obj=family,
            family_id=family.pk,
            local_authority_id=authority.pk,
        )
        for action in TRAIL_ACTIONS
    ]

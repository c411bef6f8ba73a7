"""Accounts for people invited by email: created with no password, and a one-time link to
set one. The link is Django's password-reset token: it stops working once the password is
set (the token covers the password hash) or after PASSWORD_RESET_TIMEOUT (3 days)."""

from typing import TYPE_CHECKING

from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.db import transaction
from django.http import HttpRequest
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from cpconf.accounts.models import Role, RoleAssignment, User
from cpconf.audit.services import audit_record

if TYPE_CHECKING:
    from cpconf.organisations.models import Agency


@transaction.atomic
def professional_account_invite(
    *, email: str, agency: "Agency", actor: User, request: HttpRequest | None = None
) -> User:
    """A professional's account in the agency's authority, waiting for its owner to set it up."""
    user = User.objects.create_user(email=email.strip().lower(), password=None)
    RoleAssignment.objects.create(
        user=user,
        local_authority=agency.local_authority,
        role=Role.PROFESSIONAL,
        agency=agency,
    )
    audit_record(
        action="account_invited",
        actor=actor,
        request=request,
        obj=user,
        local_authority_id=agency.local_authority_id,
    )
    return user


def account_set_up_link(user: User) -> str:
    path = reverse(
        "accounts:set_up",
        args=[
            urlsafe_base64_encode(force_bytes(user.pk)),
            default_token_generator.make_token(user),
        ],
    )
    return f"{settings.CPCONF_SITE_URL.rstrip('/')}{path}"


def needs_set_up(user: User) -> bool:
    return not user.has_usable_password()

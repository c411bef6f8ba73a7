"""The unit's changes to its authority's staff: inviting someone new, changing their roles
here, disabling and enabling an account, and resetting a lost second factor.

Each change runs in one transaction, audited under the authority, with the authority's row
locked first: two unit administrators acting at once are taken in turn, so the authority
can never be left without an active unit administrator. Only roles held in this authority
are touched. Disabling an account or resetting its second factor changes how its owner signs
in everywhere, so neither is done from here for someone who also works for another
authority.
"""

from collections.abc import Collection

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.http import HttpRequest
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django_otp.plugins.otp_totp.models import TOTPDevice

from cpconf.accounts.invitations import account_set_up_link
from cpconf.accounts.models import ROLES_WITH_AGENCY, Role, RoleAssignment, User
from cpconf.accounts.services import account_disable, user_sessions_end
from cpconf.audit.services import audit_record
from cpconf.organisations.models import Agency, LocalAuthority, SecondFactorReset

STAFF_ROLES = (
    Role.PROFESSIONAL,
    Role.SOCIAL_WORKER,
    Role.CHAIR,
    Role.UNIT_ADMINISTRATOR,
    Role.AUDITOR,
)

LAST_UNIT_ADMINISTRATOR = _(
    "Your authority must always have a unit administrator. Give the role to someone else first"
)
WORKS_FOR_ANOTHER_AUTHORITY = _(
    "This account is also used for another local authority, so it cannot be disabled or "
    "reset from here. Remove their roles here instead, or ask the other authority"
)
ACCOUNT_EXISTS = _("There is already an account with this email address")


class StaffChangeRefused(ValueError):
    """A change the unit may not make; the message says why, in the page's words."""


def _locked(local_authority: LocalAuthority) -> LocalAuthority:
    return LocalAuthority.objects.select_for_update().get(pk=local_authority.pk)


def _audit(action: str, *, authority: LocalAuthority, user: User, actor: User, request) -> None:
    audit_record(
        action=action, actor=actor, request=request, obj=user, local_authority_id=authority.pk
    )


def _keeps_a_unit_administrator(authority: LocalAuthority, *, without: User) -> bool:
    return (
        RoleAssignment.objects.filter(
            local_authority=authority, role=Role.UNIT_ADMINISTRATOR, user__is_active=True
        )
        .exclude(user=without)
        .exists()
    )


def _check_unit_kept(authority: LocalAuthority, user: User) -> None:
    """Refused if `user` is the authority's last active unit administrator."""
    holds = RoleAssignment.objects.filter(
        user=user, local_authority=authority, role=Role.UNIT_ADMINISTRATOR
    ).exists()
    if holds and user.is_active and not _keeps_a_unit_administrator(authority, without=user):
        raise StaffChangeRefused(str(LAST_UNIT_ADMINISTRATOR))


def _check_only_here(authority: LocalAuthority, user: User) -> None:
    if user.role_assignments.exclude(local_authority=authority).exists():
        raise StaffChangeRefused(str(WORKS_FOR_ANOTHER_AUTHORITY))


def _assign(
    *, authority: LocalAuthority, user: User, roles: Collection[str], agency: Agency | None
) -> None:
    for role in roles:
        RoleAssignment.objects.create(
            user=user,
            local_authority=authority,
            role=role,
            agency=agency if role in ROLES_WITH_AGENCY else None,
        )


@transaction.atomic
def staff_member_invite(
    *,
    local_authority: LocalAuthority,
    email: str,
    first_name: str,
    last_name: str,
    job_title: str,
    roles: Collection[str],
    agency: Agency | None,
    actor: User,
    request: HttpRequest | None = None,
) -> User:
    """An account with no password and the roles given here, and an email with the
    one-time link to set it up (the same link invited professionals get)."""
    email = email.strip().lower()
    if User.objects.filter(email__iexact=email).exists():
        raise StaffChangeRefused(str(ACCOUNT_EXISTS))
    authority = _locked(local_authority)
    user = User.objects.create_user(
        email=email, password=None, first_name=first_name, last_name=last_name, job_title=job_title
    )
    _assign(authority=authority, user=user, roles=roles, agency=agency)
    _audit("staff_invited", authority=authority, user=user, actor=actor, request=request)
    transaction.on_commit(lambda: _send_set_up_link(user, authority))
    return user


def _send_set_up_link(user: User, authority: LocalAuthority) -> None:
    body = gettext(
        "%(authority)s has given you an account for %(service)s, where child protection "
        "conference reports are written and conferences are run.\n\n"
        "Set up your account with this link. It works once, for 3 days:\n%(link)s\n\n"
        "You will need an authenticator app on your phone, such as Microsoft Authenticator "
        "or Google Authenticator: you add the service to it the first time you sign in.\n\n"
        "If you did not expect this email, tell your unit administrator."
    ) % {
        "authority": authority.name,
        "service": settings.CPCONF_SERVICE_NAME,
        "link": account_set_up_link(user),
    }
    EmailMessage(
        subject=gettext("Your account for %(service)s") % {"service": settings.CPCONF_SERVICE_NAME},
        body=body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[user.email],
    ).send()


@transaction.atomic
def staff_roles_change(
    *,
    local_authority: LocalAuthority,
    user: User,
    roles: Collection[str],
    agency: Agency | None,
    actor: User,
    request: HttpRequest | None = None,
) -> None:
    """The staff roles `user` holds in this authority become `roles`; their roles elsewhere,
    and a family member's role, are left as they are."""
    authority = _locked(local_authority)
    if Role.UNIT_ADMINISTRATOR not in roles:
        _check_unit_kept(authority, user)
    RoleAssignment.objects.filter(
        user=user, local_authority=authority, role__in=STAFF_ROLES
    ).delete()
    _assign(authority=authority, user=user, roles=roles, agency=agency)
    _audit("staff_roles_changed", authority=authority, user=user, actor=actor, request=request)


@transaction.atomic
def staff_account_disable(
    *,
    local_authority: LocalAuthority,
    user: User,
    actor: User,
    request: HttpRequest | None = None,
) -> None:
    """Disabled, and signed out on every device at once (see accounts.services)."""
    authority = _locked(local_authority)
    _check_only_here(authority, user)
    _check_unit_kept(authority, user)
    account_disable(user=user, actor=actor, request=request)


@transaction.atomic
def staff_account_enable(
    *,
    local_authority: LocalAuthority,
    user: User,
    actor: User,
    request: HttpRequest | None = None,
) -> None:
    authority = _locked(local_authority)
    _check_only_here(authority, user)
    user.is_active = True
    user.save(update_fields=["is_active"])
    _audit("account_enabled", authority=authority, user=user, actor=actor, request=request)


@transaction.atomic
def staff_second_factor_reset(
    *,
    local_authority: LocalAuthority,
    user: User,
    reason: str,
    actor: User,
    request: HttpRequest | None = None,
) -> SecondFactorReset:
    """What `cpconf reset_authenticator` does, from the unit's pages: their authenticator
    app is forgotten and their sessions end; they set up an app again at their next
    sign-in. The reason is kept with the authority."""
    authority = _locked(local_authority)
    _check_only_here(authority, user)
    TOTPDevice.objects.filter(user=user).delete()
    user_sessions_end(user=user)
    reset = SecondFactorReset.objects.create(
        local_authority=authority,
        user=user,
        reason=reason.strip(),
        created_by=actor,
        modified_by=actor,
    )
    _audit("authenticator_reset", authority=authority, user=user, actor=actor, request=request)
    return reset

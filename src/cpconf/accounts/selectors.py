"""Reads for signing in: who an email address belongs to, and whether it is locked."""

from django.utils import timezone

from cpconf.accounts.models import AccountLock, Role, User


def user_for_email(email: str) -> User | None:
    return User.objects.filter(email=email.lower()).first()


def account_lock_current(*, email: str) -> AccountLock | None:
    """The lock on an email address now, if any (known address or not: both can be locked)."""
    return AccountLock.objects.filter(email=email.lower(), locked_until__gt=timezone.now()).first()


def uses_emailed_codes(user: User) -> bool:
    """Family members get their second factor by email; anyone holding a staff role, or no
    role at all, uses an authenticator app."""
    roles = {assignment.role for assignment in user.role_assignments.all()}
    return roles == {Role.FAMILY_MEMBER}

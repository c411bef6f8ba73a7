"""Reads for signing in: who an email address belongs to, whether it is locked, and whose
auditors see what happens to it."""

from django.utils import timezone

from cpconf.accounts.models import AccountLock, Role, RoleAssignment, User


def user_for_email(email: str) -> User | None:
    return User.objects.filter(email=email.lower()).first()


def account_lock_current(*, email: str) -> AccountLock | None:
    """The lock on an email address now, if any (known address or not: both can be locked)."""
    return AccountLock.objects.filter(email=email.lower(), locked_until__gt=timezone.now()).first()


def sign_in_authority_id(*, email: str) -> int | None:
    """The local authority whose auditors see sign-ins failed or refused for this address.

    An account's: where it holds its roles. An address with no account has no authority of
    its own, so it is given the one authority whose people sign in with addresses at the
    same domain (a mistyped or guessed northshire.example address is Northshire's business).
    None when there is no such authority, or more than one (a shared domain such as a public
    email provider, or a person with roles in two authorities): the event is then in the
    trail without an authority, as before, and no other authority learns of it.
    """
    email = email.lower()
    user = user_for_email(email)
    if user is not None:
        assignments = RoleAssignment.objects.filter(user=user)
    else:
        domain = email.rpartition("@")[2]
        if not domain:
            return None
        assignments = RoleAssignment.objects.filter(user__email__iendswith=f"@{domain}")
    authority_ids = assignments.order_by("local_authority_id").values_list(
        "local_authority_id", flat=True
    )
    found = set(authority_ids.distinct()[:2])
    return found.pop() if len(found) == 1 else None


def uses_emailed_codes(user: User) -> bool:
    """Family members get their second factor by email; anyone holding a staff role, or no
    role at all, uses an authenticator app."""
    roles = {assignment.role for assignment in user.role_assignments.all()}
    return roles == {Role.FAMILY_MEMBER}

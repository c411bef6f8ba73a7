"""Sign-in successes and failures go to the audit trail.

Django's auth signals are the only place a failed sign-in is visible, so this is the one
audit record written from a signal rather than a service.
"""

from typing import Any

from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver
from django.http import HttpRequest

from cpconf.accounts.models import User
from cpconf.audit.models import Outcome
from cpconf.audit.services import audit_record


@receiver(user_logged_in)
def record_sign_in(sender: Any, request: HttpRequest, user: User, **kwargs: Any) -> None:
    audit_record(action="sign_in", actor=user, request=request)


@receiver(user_logged_out)
def record_sign_out(sender: Any, request: HttpRequest, user: User | None, **kwargs: Any) -> None:
    if user is not None:
        audit_record(action="sign_out", actor=user, request=request)


@receiver(user_login_failed)
def record_failed_sign_in(
    sender: Any, credentials: dict[str, Any], request: HttpRequest | None = None, **kwargs: Any
) -> None:
    audit_record(
        action="sign_in",
        actor=None,
        actor_label=str(credentials.get("username", ""))[:254],
        request=request,
        outcome=Outcome.FAILED,
    )

"""What happens around Django's own sign-in, sign-out and account changes.

Django's auth signals are the one place every sign-in passes (the page, and the test
client's force_login); and an account can be disabled by any code that saves it. So these few
effects hang on signals, each calling a service. (A wrong password is counted and audited by
the sign-in form, through cpconf.accounts.lockout, which must see it before and after the
password is checked.)
"""

from typing import Any

from django.contrib.auth.signals import user_logged_in, user_logged_out
from django.db.models.signals import post_save
from django.dispatch import receiver
from django.http import HttpRequest

from cpconf.accounts.models import User
from cpconf.accounts.services import user_session_start, user_sessions_end
from cpconf.audit.services import audit_record


@receiver(user_logged_in)
def record_sign_in(sender: Any, request: HttpRequest, user: User, **kwargs: Any) -> None:
    """The password was right: the session starts, but the second factor is still to come
    (the audit's `sign_in` event is written when it passes)."""
    user_session_start(request=request, user=user)
    audit_record(action="sign_in_password", actor=user, request=request)


@receiver(user_logged_out)
def record_sign_out(sender: Any, request: HttpRequest, user: User | None, **kwargs: Any) -> None:
    """Signing out ends every session the user holds, on every device."""
    if user is not None:
        user_sessions_end(user=user)
        audit_record(action="sign_out", actor=user, request=request)


@receiver(post_save, sender=User)
def end_sessions_of_disabled_account(sender: Any, instance: User, **kwargs: Any) -> None:
    """A disabled account is signed out everywhere at once, however it was disabled."""
    if not instance.is_active:
        user_sessions_end(user=instance)

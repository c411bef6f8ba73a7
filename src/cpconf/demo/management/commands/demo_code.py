"""`cpconf demo_code EMAIL`: the sign-in code a demo user types after the password."""

from argparse import ArgumentParser
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django_otp.plugins.otp_totp.models import TOTPDevice

from cpconf.accounts.models import User
from cpconf.accounts.second_factor import email_device_for
from cpconf.accounts.selectors import user_for_email, uses_emailed_codes
from cpconf.demo.authenticator import (
    DEMO_AUTHENTICATOR_NAME,
    code_to_type_now,
    demo_key_base32,
    demo_key_hex,
)

REFUSED_IN_PRODUCTION = (
    "Demo codes are not given when CPCONF_ENV=production: demo keys are published."
)
NO_SUCH_USER = "There is no user with the email address {email}."
NO_DEMO_AUTHENTICATOR = (
    "{email} has no demo authenticator app: run `cpconf seed_demo`, or use their own app."
)


class Command(BaseCommand):
    help = (
        "Print the code a demo user enters after the password: for staff, the code their demo "
        "authenticator app shows now; for family members, a new code in place of the emailed one."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("email", help="The demo user's email address.")
        parser.add_argument(
            "--key",
            action="store_true",
            help="Print the key to add to an authenticator app instead of a code.",
        )

    def handle(self, *args: Any, email: str, key: bool = False, **options: Any) -> None:
        if settings.CPCONF_ENV == "production":
            raise CommandError(REFUSED_IN_PRODUCTION)
        user = user_for_email(email)
        if user is None:
            raise CommandError(NO_SUCH_USER.format(email=email))
        if uses_emailed_codes(user):
            self._write_emailed_code(user)
            return
        device = TOTPDevice.objects.filter(
            user=user, name=DEMO_AUTHENTICATOR_NAME, key=demo_key_hex(user.email), confirmed=True
        ).first()
        if device is None:
            raise CommandError(NO_DEMO_AUTHENTICATOR.format(email=user.email))
        if key:
            self.stdout.write(demo_key_base32(user.email))
        else:
            self.stdout.write(code_to_type_now(device))

    def _write_emailed_code(self, user: User) -> None:
        """A family member's code comes by email; this gives a new one here instead (the
        emailed one stops working), for a demo without a mailbox."""
        self.stdout.write(email_device_for(user).issue_code())

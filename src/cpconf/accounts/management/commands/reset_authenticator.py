"""`cpconf reset_authenticator EMAIL`: for someone who has lost the phone with their app."""

from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from cpconf.accounts.selectors import user_for_email
from cpconf.accounts.services import authenticator_reset

NO_SUCH_USER = "There is no user with the email address {email}."


class Command(BaseCommand):
    help = (
        "Forget a person's authenticator app and sign them out everywhere, after checking who "
        "they are: at their next sign-in they set up an app again. The reset is audited."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("email", help="The person's email address.")

    def handle(self, *args: Any, email: str, **options: Any) -> None:
        user = user_for_email(email)
        if user is None:
            raise CommandError(NO_SUCH_USER.format(email=email))
        removed = authenticator_reset(user=user, actor_label="cpconf reset_authenticator")
        self.stdout.write(
            f"Removed {removed} authenticator app(s) for {user.email}; their sessions have "
            "ended. At their next sign-in they set up an app again."
        )

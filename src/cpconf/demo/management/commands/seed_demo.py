"""`cpconf seed_demo`: a fictional local authority to try every role in, and how to sign in."""

from argparse import ArgumentParser
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from cpconf.accounts.models import Role
from cpconf.demo import data
from cpconf.demo.seeding import SeedSummary, seed_demo, uses_authenticator
from cpconf.organisations.models import LocalAuthority

REFUSED_IN_PRODUCTION = (
    "The demo data is not added when CPCONF_ENV=production: its users share a published password."
)
TABLE_HEADINGS = ("Email", "Name", "Roles", "Agency", "Code after the password")
APP_CODE = "authenticator app"
EMAILED_CODE = "email"
HOW_TO_GET_A_CODE = (
    "After the password, staff enter the code of their demo authenticator app: "
    "`cpconf demo_code EMAIL` prints the one to type now, and `cpconf demo_code EMAIL --key` "
    "the key to add to a real app. Family members are emailed a code (in development the "
    "email is printed by the server); `cpconf demo_code EMAIL` also gives them a new one."
)


class Command(BaseCommand):
    help = (
        "Add the fictional Northshire and Southvale councils with users of every role, "
        "families, past and upcoming conferences, and reports in every state. "
        "Running it again adds only what is missing."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="Add the demo data only if the database has no local authority yet.",
        )

    def handle(self, *args: Any, if_empty: bool = False, **options: Any) -> None:
        # Demo users share a password printed in the README: never on a live system.
        if settings.CPCONF_ENV == "production":
            raise CommandError(REFUSED_IN_PRODUCTION)
        if if_empty and LocalAuthority.objects.exists():
            self.stdout.write("The database already holds data: no demo data added.")
            if LocalAuthority.objects.filter(slug=data.NORTHSHIRE).exists():
                self._write_users()
            return
        summary = seed_demo()
        self._write_users()
        self._write_summary(summary, detailed=options["verbosity"] > 1)

    def _write_users(self) -> None:
        rows: list[tuple[str, ...]] = [TABLE_HEADINGS, *map(_user_row, data.USERS)]
        widths = [max(len(row[column]) for row in rows) for column in range(len(TABLE_HEADINGS))]
        rows.insert(1, tuple("-" * width for width in widths))
        for row in rows:
            cells = (cell.ljust(width) for cell, width in zip(row, widths, strict=True))
            self.stdout.write("  ".join(cells).rstrip())
        self.stdout.write(f"\nEvery demo user's password: {data.DEMO_PASSWORD}")
        self.stdout.write(HOW_TO_GET_A_CODE)

    def _write_summary(self, summary: SeedSummary, *, detailed: bool) -> None:
        if detailed:
            for label in sorted(summary.created.keys() | summary.existing.keys()):
                self.stdout.write(
                    f"  {label}: {summary.created[label]} created, "
                    f"{summary.existing[label]} already there"
                )
        self.stdout.write(
            self.style.SUCCESS(
                f"Created {summary.total_created} records; "
                f"{summary.total_existing} were already there."
            )
        )


def _user_row(person: data.UserData) -> tuple[str, str, str, str, str]:
    roles = ", ".join(str(Role(role.role).label) for role in person.roles)
    agencies = ", ".join(sorted({role.agency for role in person.roles if role.agency}))
    authority = {role.authority for role in person.roles}
    if data.NORTHSHIRE not in authority:
        roles = f"{roles} ({', '.join(sorted(authority)).title()})"
    code = APP_CODE if uses_authenticator(person) else EMAILED_CODE
    return (person.email, person.full_name, roles, agencies or "—", code)

"""`cpconf import_census_details FILE.csv --authority SLUG [--dry-run]`: the census items the
case system holds for each child (UPN, gender, ethnicity, disabilities, the referral, plans
before this system's records), from its CSV export; the columns are in
`cpconf.census.details_file`.

A dry run checks every row, prints each problem as `row N, column X: problem`, and changes
nothing. A real run sets every row's items in one transaction, or none if any row has a
problem. Exit codes: 0 done; 1 rows with problems (nothing changed); 2 a file that cannot be
read (not CSV, not UTF-8, no child_reference or census column) or no such authority.
"""

from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.db.models import Q

from cpconf.census.services import DetailsImport, child_census_details_import
from cpconf.families.case_file import BadFile
from cpconf.organisations.models import LocalAuthority

BAD_FILE = 2
ROW_PROBLEMS = 1
ACTOR_LABEL = "cpconf import_census_details"
NO_SUCH_AUTHORITY = "There is no local authority called {name!r} (give its short name)"
NO_SUCH_FILE = "Cannot read {path}: {reason}"
PROBLEMS_FOUND = "{count} problem(s) in {path}: nothing was changed"
CHECKED = "Checked {rows} rows ({columns}): no problems. Nothing was changed (dry run)."
IMPORTED = "Set {columns} for {rows} children."


class Command(BaseCommand):
    help = "Set children's census items from the case system's CSV."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("file", help="The CSV file (UTF-8, one row per child).")
        parser.add_argument("--authority", required=True, help="Local authority, by short name.")
        parser.add_argument(
            "--dry-run", action="store_true", help="Check every row and change nothing."
        )

    def handle(self, *args: Any, file: str, authority: str, dry_run: bool, **options: Any) -> None:
        local_authority = LocalAuthority.objects.filter(
            Q(slug__iexact=authority) | Q(name__iexact=authority)
        ).first()
        if local_authority is None:
            raise CommandError(NO_SUCH_AUTHORITY.format(name=authority), returncode=BAD_FILE)
        try:
            raw = Path(file).read_bytes()
        except OSError as error:
            raise CommandError(
                NO_SUCH_FILE.format(path=file, reason=error.strerror), returncode=BAD_FILE
            ) from None
        try:
            result = child_census_details_import(
                authority=local_authority,
                raw=raw,
                actor=None,
                actor_label=ACTOR_LABEL,
                dry_run=dry_run,
            )
        except BadFile as error:
            raise CommandError(f"{file}: {error}", returncode=BAD_FILE) from None
        self._report(result, file)

    def _report(self, result: DetailsImport, file: str) -> None:
        for problem in result.problems:
            self.stdout.write(str(problem))
        if result.problems:
            raise CommandError(
                PROBLEMS_FOUND.format(count=len(result.problems), path=file),
                returncode=ROW_PROBLEMS,
            )
        counts = {"rows": result.checked.rows, "columns": ", ".join(result.checked.columns)}
        self.stdout.write((CHECKED if result.dry_run else IMPORTED).format(**counts))

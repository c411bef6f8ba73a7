"""`cpconf import_families FILE.csv --authority SLUG [--dry-run]`: families from the case
system's CSV export (the columns are in `cpconf.families.case_file`).

A dry run checks every row, prints each problem as `row N, column X: problem`, and changes
nothing. A real run imports the whole file in one transaction, or nothing if any row has a
problem; running it again changes nothing, and a changed row updates its person.
Exit codes: 0 done; 1 rows with problems (nothing imported); 2 a file that cannot be read
(not CSV, not UTF-8, columns missing) or no such authority.
"""

from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.db.models import Q

from cpconf.families.case_file import BadFile
from cpconf.families.services import ImportResult, families_import
from cpconf.organisations.models import LocalAuthority

BAD_FILE = 2
ROW_PROBLEMS = 1
ACTOR_LABEL = "cpconf import_families"
NO_SUCH_AUTHORITY = "There is no local authority called {name!r} (give its short name)"
NO_SUCH_FILE = "Cannot read {path}: {reason}"
PROBLEMS_FOUND = "{count} problem(s) in {path}: nothing was imported"
CHECKED = (
    "Checked {rows} rows: {created} families to create, {updated} to update, "
    "{unchanged} unchanged. Nothing was changed (dry run)."
)
IMPORTED = (
    "Imported {rows} rows: {created} families created, {updated} updated, {unchanged} unchanged."
)


class Command(BaseCommand):
    help = "Import families, children and family members from the case system's CSV."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("file", help="The CSV file (UTF-8, one row per person).")
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
            result = families_import(
                local_authority=local_authority,
                raw=raw,
                actor=None,
                actor_label=ACTOR_LABEL,
                dry_run=dry_run,
            )
        except BadFile as error:
            raise CommandError(f"{file}: {error}", returncode=BAD_FILE) from None
        self._report(result, file)

    def _report(self, result: ImportResult, file: str) -> None:
        problems = result.case_file.problems
        for problem in problems:
            self.stdout.write(str(problem))
        if problems:
            raise CommandError(
                PROBLEMS_FOUND.format(count=len(problems), path=file), returncode=ROW_PROBLEMS
            )
        counts = {
            "rows": result.case_file.rows,
            "created": result.created,
            "updated": result.updated,
            "unchanged": result.unchanged,
        }
        self.stdout.write((CHECKED if result.dry_run else IMPORTED).format(**counts))

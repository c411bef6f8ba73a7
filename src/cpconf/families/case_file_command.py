"""What every command that reads a file from the case system does the same way: the file and
the authority it is for, a dry run, each problem printed as `row N, column X: problem`, and
the same exit codes — 0 done; 1 rows with problems (nothing changed); 2 a file that cannot be
read (not CSV, not UTF-8, columns missing) or no such authority."""

from abc import ABCMeta, abstractmethod
from argparse import ArgumentParser
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from cpconf.families.case_file import BadFile, Problem
from cpconf.organisations.models import LocalAuthority
from cpconf.organisations.selectors import authority_named

BAD_FILE = 2
ROW_PROBLEMS = 1
NO_SUCH_AUTHORITY = "There is no local authority called {name!r} (give its short name)"
NO_SUCH_FILE = "Cannot read {path}: {reason}"
PROBLEMS_FOUND = "{count} problem(s) in {path}: nothing was changed"


class CaseFileCommand(BaseCommand, metaclass=ABCMeta):
    """Subclasses say what one row is (`row_help`), read the file (`read_file`, which may
    raise BadFile) and say what was done (`done`)."""

    row_help = "one row per person"

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("file", help=f"The CSV file (UTF-8, {self.row_help}).")
        parser.add_argument("--authority", required=True, help="Local authority, by short name.")
        parser.add_argument(
            "--dry-run", action="store_true", help="Check every row and change nothing."
        )

    def handle(self, *args: Any, file: str, authority: str, dry_run: bool, **options: Any) -> None:
        local_authority = authority_named(authority)
        if local_authority is None:
            raise CommandError(NO_SUCH_AUTHORITY.format(name=authority), returncode=BAD_FILE)
        try:
            raw = Path(file).read_bytes()
        except OSError as error:
            raise CommandError(
                NO_SUCH_FILE.format(path=file, reason=error.strerror), returncode=BAD_FILE
            ) from None
        try:
            result, problems = self.read_file(local_authority, raw, dry_run)
        except BadFile as error:
            raise CommandError(f"{file}: {error}", returncode=BAD_FILE) from None
        for problem in problems:
            self.stdout.write(str(problem))
        if problems:
            raise CommandError(
                PROBLEMS_FOUND.format(count=len(problems), path=file), returncode=ROW_PROBLEMS
            )
        self.stdout.write(self.done(result, dry_run))

    @abstractmethod
    def read_file(
        self, authority: LocalAuthority, raw: bytes, dry_run: bool
    ) -> tuple[Any, Sequence[Problem]]:
        """Check (and unless `dry_run`, import) the file: what was done, and the problems."""

    @abstractmethod
    def done(self, result: Any, dry_run: bool) -> str:
        """The line that says what was done, or would be (a dry run)."""

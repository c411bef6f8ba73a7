"""`cpconf cin_census --authority SLUG --year 2027 --out FILE.xml`: the child protection items
of the Children in Need census for the year 1 April 2026 to 31 March 2027.

The file is written only when it passes the DfE's rules and the DfE schema (checked by a real
XML schema validator); otherwise nothing is written and each problem is printed as
`child: element: problem`. Exit codes: 0 written; 1 problems (no file); 2 no such authority,
a year that is not a year, or a file that cannot be written.
"""

from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from cpconf.census.cin_return import CensusYear, Problem
from cpconf.census.services import census_return_make, today
from cpconf.organisations.selectors import authority_named

PROBLEMS = 1
BAD_REQUEST = 2
ACTOR_LABEL = "cpconf cin_census"
NO_SUCH_AUTHORITY = "There is no local authority called {name!r} (give its short name)"
NOT_A_YEAR = (
    "Give the census year as the year it ends in, for example 2027: one that has begun, "
    "from 2000 to the one running now"
)
CANNOT_WRITE = "Cannot write {path}: {reason}"
WRITTEN = (
    "Wrote {path}: {children} children, census year {start} to {end}, valid against the DfE schema."
)
REFUSED = "{count} problem(s): no file was written."
THE_RETURN = "the return"


def problem_line(problem: Problem) -> str:
    return f"{problem.child or THE_RETURN}: {problem.element}: {problem.message}"


class Command(BaseCommand):
    help = "Write the child protection items of the Children in Need census as DfE XML."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--authority", required=True, help="Local authority, by short name.")
        parser.add_argument(
            "--year", required=True, type=int, help="The year the census ends in (31 March)."
        )
        parser.add_argument("--out", required=True, help="The XML file to write.")

    def handle(self, *args: Any, authority: str, year: int, out: str, **options: Any) -> None:
        local_authority = authority_named(authority)
        if local_authority is None:
            raise CommandError(NO_SUCH_AUTHORITY.format(name=authority), returncode=BAD_REQUEST)
        if not CensusYear.may_be_made(year, today()):
            raise CommandError(NOT_A_YEAR, returncode=BAD_REQUEST)
        made = census_return_make(
            authority=local_authority, year=year, actor=None, actor_label=ACTOR_LABEL
        )
        if made.xml is None:
            for problem in made.problems:
                self.stderr.write(problem_line(problem))
            raise CommandError(REFUSED.format(count=len(made.problems)), returncode=PROBLEMS)
        try:
            Path(out).write_bytes(made.xml)
        except OSError as error:
            raise CommandError(
                CANNOT_WRITE.format(path=out, reason=error.strerror), returncode=BAD_REQUEST
            ) from None
        census_year = CensusYear(year)
        self.stdout.write(
            WRITTEN.format(
                path=out,
                children=made.children,
                start=census_year.starts_on.strftime("%-d %B %Y"),
                end=census_year.ends_on.strftime("%-d %B %Y"),
            )
        )

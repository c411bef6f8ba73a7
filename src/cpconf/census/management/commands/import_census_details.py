"""`cpconf import_census_details FILE.csv --authority SLUG [--dry-run]`: the census items the
case system holds for each child (UPN, gender, ethnicity, disabilities, the referral, plans
before this system's records), from its CSV export; the columns are in
`cpconf.census.details_file`.

A dry run checks every row, prints each problem as `row N, column X: problem`, and changes
nothing. A real run sets every row's items in one transaction, or none if any row has a
problem. Exit codes (`cpconf.families.case_file_command`): 0 done; 1 rows with problems
(nothing changed); 2 a file that cannot be read (not CSV, not UTF-8, no child_reference or
census column) or no such authority.
"""

from collections.abc import Sequence

from cpconf.census.services import DetailsImport, child_census_details_import
from cpconf.families.case_file import Problem
from cpconf.families.case_file_command import CaseFileCommand
from cpconf.organisations.models import LocalAuthority

ACTOR_LABEL = "cpconf import_census_details"
CHECKED = "Checked {rows} rows ({columns}): no problems. Nothing was changed (dry run)."
IMPORTED = "Set {columns} for {rows} children."


class Command(CaseFileCommand):
    help = "Set children's census items from the case system's CSV."
    row_help = "one row per child"

    def read_file(
        self, authority: LocalAuthority, raw: bytes, dry_run: bool
    ) -> tuple[DetailsImport, Sequence[Problem]]:
        result = child_census_details_import(
            authority=authority, raw=raw, actor=None, actor_label=ACTOR_LABEL, dry_run=dry_run
        )
        return result, result.problems

    def done(self, result: DetailsImport, dry_run: bool) -> str:
        counts = {"rows": result.checked.rows, "columns": ", ".join(result.checked.columns)}
        return (CHECKED if dry_run else IMPORTED).format(**counts)

"""`cpconf import_families FILE.csv --authority SLUG [--dry-run]`: families from the case
system's CSV export (the columns are in `cpconf.families.case_file`).

A dry run checks every row, prints each problem as `row N, column X: problem`, and changes
nothing. A real run imports the whole file in one transaction, or nothing if any row has a
problem; running it again changes nothing, and a changed row updates its person.
Exit codes (`cpconf.families.case_file_command`): 0 done; 1 rows with problems (nothing
imported); 2 a file that cannot be read (not CSV, not UTF-8, columns missing) or no such
authority.
"""

from collections.abc import Sequence

from cpconf.families.case_file import Problem
from cpconf.families.case_file_command import CaseFileCommand
from cpconf.families.services import ImportResult, families_import
from cpconf.organisations.models import LocalAuthority

ACTOR_LABEL = "cpconf import_families"
CHECKED = (
    "Checked {rows} rows: {created} families to create, {updated} to update, "
    "{unchanged} unchanged. Nothing was changed (dry run)."
)
IMPORTED = (
    "Imported {rows} rows: {created} families created, {updated} updated, {unchanged} unchanged."
)


class Command(CaseFileCommand):
    help = "Import families, children and family members from the case system's CSV."
    row_help = "one row per person"

    def read_file(
        self, authority: LocalAuthority, raw: bytes, dry_run: bool
    ) -> tuple[ImportResult, Sequence[Problem]]:
        result = families_import(
            local_authority=authority,
            raw=raw,
            actor=None,
            actor_label=ACTOR_LABEL,
            dry_run=dry_run,
        )
        return result, result.case_file.problems

    def done(self, result: ImportResult, dry_run: bool) -> str:
        counts = {
            "rows": result.case_file.rows,
            "created": result.created,
            "updated": result.updated,
            "unchanged": result.unchanged,
        }
        return (CHECKED if dry_run else IMPORTED).format(**counts)

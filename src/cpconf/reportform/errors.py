"""The report form's own error and messages; the reading is `cpconf.datafile.TableReader`.

The people who edit report forms are unit managers, not developers: every problem says
where it is and what is wanted, and a misspelt setting is caught rather than ignored.
"""

from cpconf.datafile import (
    MISSING,
    MUST_BE_POSITIVE_NUMBER,
    MUST_BE_TABLE,
    MUST_BE_TEXT,
    MUST_BE_TEXT_LIST,
    MUST_BE_TRUE_OR_FALSE,
    DataFileError,
)

__all__ = [
    "MISSING",
    "MUST_BE_POSITIVE_NUMBER",
    "MUST_BE_TABLE",
    "MUST_BE_TEXT",
    "MUST_BE_TEXT_LIST",
    "MUST_BE_TRUE_OR_FALSE",
    "NOT_A_SETTING",
    "ReportFormError",
]


class ReportFormError(DataFileError):
    """A report form file that cannot be used, with the file and key at fault."""


NOT_A_SETTING = "is not a setting a report form can have"

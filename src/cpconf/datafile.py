"""Reading the local data files that council staff edit: policies and report forms.

The people who edit these files are unit managers, not developers, so every problem names
the file, the dotted key and what is wanted. No Django import: the packages that read the
files use this on their own.
"""

import difflib
from collections.abc import Collection, Mapping
from datetime import time
from typing import Any

MISSING = "is missing"
MUST_BE_TEXT = "must be some text"
MUST_BE_TEXT_LIST = 'must be a list of text, like ["First", "Second"]'
MUST_BE_TABLE = "must be a table"
MUST_BE_TRUE_OR_FALSE = "must be true or false"
MUST_BE_POSITIVE_NUMBER = "must be a whole number of 1 or more"
MUST_BE_WHOLE_NUMBER = "must be a whole number"


class DataFileError(ValueError):
    """A data file that cannot be used, with the file and key at fault."""

    def __init__(self, source: str, key: str, problem: str) -> None:
        self.source = source
        self.key = key
        self.problem = problem
        super().__init__(f"{source}: {key}: {problem}")


def not_one_of(value: object, choices: Collection[str]) -> str:
    return f"{value!r} is not one of {', '.join(choices)}"


class TableReader:
    """One TOML table of a data file, read with its place in the file remembered.

    Every failure is raised as ``error``, the kind of file being read (a policy, a report
    form), and tables read from this one raise the same.
    """

    def __init__(
        self,
        source: str,
        data: Mapping[str, Any],
        prefix: str = "",
        *,
        error: type[DataFileError],
    ) -> None:
        self.source = source
        self.data = data
        self.prefix = prefix
        self.error = error

    def key(self, name: str) -> str:
        return f"{self.prefix}{name}"

    def fail(self, name: str, problem: str) -> DataFileError:
        return self.error(self.source, self.key(name), problem)

    def only(self, allowed: Collection[str], problem: str) -> None:
        """Refuse settings this table does not understand, suggesting the likely spelling."""
        for name in self.data:
            if name not in allowed:
                close = difflib.get_close_matches(name, allowed, n=1)
                hint = f"; did you mean {close[0]!r}?" if close else ""
                raise self.fail(name, f"{problem}{hint}")

    def raw(self, name: str) -> Any:
        if name not in self.data:
            raise self.fail(name, MISSING)
        return self.data[name]

    def text(self, name: str) -> str:
        value = self.raw(name)
        if not isinstance(value, str) or not value.strip():
            raise self.fail(name, MUST_BE_TEXT)
        return value.strip()

    def choice(self, name: str, choices: Collection[str]) -> str:
        value = self.text(name)
        if value not in choices:
            raise self.fail(name, not_one_of(value, choices))
        return value

    def text_list(self, name: str, default: tuple[str, ...] | None = None) -> tuple[str, ...]:
        if default is not None and name not in self.data:
            return default
        values = self.raw(name)
        if not isinstance(values, list) or not all(
            isinstance(value, str) and value.strip() for value in values
        ):
            raise self.fail(name, MUST_BE_TEXT_LIST)
        return tuple(value.strip() for value in values)

    def true_or_false(self, name: str, default: bool) -> bool:
        value = self.data.get(name, default)
        if not isinstance(value, bool):
            raise self.fail(name, f"{MUST_BE_TRUE_OR_FALSE}, not {value!r}")
        return value

    def positive_number(self, name: str, default: int) -> int:
        value = self.data.get(name, default)
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            raise self.fail(name, f"{MUST_BE_POSITIVE_NUMBER}, not {value!r}")
        return value

    def whole_number(self, name: str, minimum: int = 0) -> int:
        value = self.raw(name)
        if isinstance(value, bool) or not isinstance(value, int):
            raise self.fail(name, MUST_BE_WHOLE_NUMBER)
        if value < minimum:
            raise self.fail(name, f"must be {minimum} or more, not {value}")
        return value

    def clock_time(self, name: str) -> time:
        value = self.raw(name)
        if isinstance(value, time):
            return value
        if isinstance(value, str):
            try:
                return time.fromisoformat(value)
            except ValueError:
                pass
        raise self.fail(name, f"must be a time like 17:00, not {value!r}")

    def table(self, name: str) -> "TableReader":
        value = self.raw(name)
        if not isinstance(value, Mapping):
            raise self.fail(name, MUST_BE_TABLE)
        return TableReader(self.source, value, prefix=f"{self.key(name)}.", error=self.error)

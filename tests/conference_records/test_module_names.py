"""Module names that say what each does (issue 16): no two modules doing different jobs
under one vague name, as `content.py`, `presenting.py` and `editors.py` once were in three
apps each, and `minutes.py` and `timescales.py` in two."""

import collections
import pathlib

import cpconf

SRC = pathlib.Path(cpconf.__file__).parent
VAGUE = ("content.py", "presenting.py", "editors.py")


def _modules() -> list[pathlib.Path]:
    return [p for p in SRC.rglob("*.py") if "migrations" not in p.parts]


def test_no_module_has_a_name_that_does_not_say_its_job():
    assert [str(p.relative_to(SRC)) for p in _modules() if p.name in VAGUE] == []


def test_the_record_report_and_minutes_modules_each_have_a_name_of_their_own():
    names = collections.Counter(p.name for p in _modules())
    for name in (
        "record_content.py",
        "report_content.py",
        "pack_contents.py",
        "minutes.py",
        "timescales.py",  # the deadlines' own; the record's checks of its dates: date_checks.py
    ):
        assert names[name] == 1, name

"""The shared reader of data files: each problem names the file, the dotted key and the want."""

import pytest

from cpconf.datafile import DataFileError, TableReader
from cpconf.policy import PolicyError
from cpconf.reportform import ReportFormError


def reader(data, error=DataFileError):
    return TableReader("local.toml", data, error=error)


def problem_with(read):
    with pytest.raises(DataFileError) as caught:
        read()
    return str(caught.value)


def test_a_missing_key_is_named():
    assert problem_with(lambda: reader({}).text("title")) == "local.toml: title: is missing"


def test_a_value_of_the_wrong_type_says_what_is_wanted():
    assert problem_with(lambda: reader({"count": "3"}).whole_number("count")) == (
        "local.toml: count: must be a whole number"
    )
    assert problem_with(lambda: reader({"count": 0}).whole_number("count", minimum=1)) == (
        "local.toml: count: must be 1 or more, not 0"
    )
    assert problem_with(lambda: reader({"due": "5pm"}).clock_time("due")) == (
        "local.toml: due: must be a time like 17:00, not '5pm'"
    )


def test_a_misspelt_setting_is_refused_with_the_likely_spelling():
    read = reader({"titel": "Report"})
    assert problem_with(lambda: read.only(("title", "stage"), "is not a setting")) == (
        "local.toml: titel: is not a setting; did you mean 'title'?"
    )


def test_a_key_inside_nested_tables_is_dotted():
    read = reader({"meeting_types": {"initial": {"label": ""}}})
    inner = read.table("meeting_types").table("initial")
    assert problem_with(lambda: inner.text("label")) == (
        "local.toml: meeting_types.initial.label: must be some text"
    )
    assert problem_with(lambda: inner.table("stage")) == (
        "local.toml: meeting_types.initial.stage: is missing"
    )


@pytest.mark.parametrize("error", [PolicyError, ReportFormError])
def test_the_error_class_is_passed_on_to_nested_tables(error):
    inner = reader({"outer": {"inner": {}}}, error=error).table("outer").table("inner")
    with pytest.raises(error) as caught:
        inner.raw("value")
    assert isinstance(caught.value, DataFileError)
    assert (caught.value.source, caught.value.key, caught.value.problem) == (
        "local.toml",
        "outer.inner.value",
        "is missing",
    )

"""Policy files: the shipped ones load, and a bad one is named with its key and problem."""

from pathlib import Path

import pytest

from cpconf.policy import (
    DEFAULT_RETENTION_YEARS,
    RETENTION_KINDS,
    PolicyError,
    Retention,
    load_policies,
    load_policy,
)

SHIPPED = Path(__file__).resolve().parents[2] / "src" / "cpconf" / "policies"

GOOD = """
name = "{name}"
title = "Testshire Council"
nation = "england"
working_day_cutoff = "17:00"
initial_conference_within_working_days = 15
contact = "Unit, 01632 960 000"

[scaling]
low = 0
high = 10
low_means = "Not safe"
high_means = "Safe"

[reviews]
first_within_months = 3
then_within_months = 6

[meeting_types.initial]
label = "Initial conference"
stage = "initial"
report_form = "initial"
submit_before = {{ working_days = 2 }}
share_with_family_before = {{ calendar_days = 3 }}
core_group_within_working_days = 10
"""


def write(tmp_path: Path, text: str, name: str = "testshire") -> Path:
    path = tmp_path / f"{name}.toml"
    path.write_text(text)
    return path


def test_the_shipped_policies_differ_as_the_seeds_do():
    policies = load_policies([SHIPPED])
    northshire, southvale = policies["northshire"], policies["southvale"]
    assert set(northshire.meeting_types) == {
        "initial",
        "review",
        "safer_me_plus_initial",
        "safer_me_plus_review",
    }
    assert set(southvale.meeting_types) == {"initial", "review"}
    assert (northshire.scaling.low, southvale.scaling.low) == (0, 1)
    assert northshire.meeting_types["review"].submit_before.describe() == "5 working days"
    assert southvale.meeting_types["review"].submit_before.describe() == "48 hours"
    assert len(southvale.closure_days) == 3
    assert northshire.working_day_cutoff.hour == 17
    assert southvale.working_day_cutoff.hour == 16


def test_a_good_file_loads(tmp_path):
    policy = load_policy(write(tmp_path, GOOD.format(name="testshire")))
    assert policy.meeting_type("initial").stage == "initial"
    assert policy.scaling.contains(0) and not policy.scaling.contains(11)


@pytest.mark.parametrize(
    ("change", "key", "problem"),
    [
        (('nation = "england"', 'nation = "mercia"'), "nation", "must be one of"),
        (
            ('working_day_cutoff = "17:00"', 'working_day_cutoff = "5pm"'),
            "working_day_cutoff",
            "must be a time like 17:00",
        ),
        (
            ("{{ working_days = 2 }}", "{{ working_days = -2 }}"),
            "meeting_types.initial.submit_before.working_days",
            "must be 0 or more",
        ),
        (
            ("{{ working_days = 2 }}", "{{ }}"),
            "meeting_types.initial.submit_before",
            "exactly one of",
        ),
        (
            ('stage = "initial"', 'stage = "final"'),
            "meeting_types.initial.stage",
            "must be one of initial, review",
        ),
        (("high = 10", "high = 0"), "scaling.high", "must be more than low"),
        (('contact = "Unit, 01632 960 000"', ""), "contact", "is missing"),
    ],
)
def test_a_bad_file_names_the_file_key_and_problem(tmp_path, change, key, problem):
    old, new = (part.replace("{{", "{").replace("}}", "}") for part in change)
    text = GOOD.format(name="testshire")
    assert old in text
    with pytest.raises(PolicyError) as error:
        load_policy(write(tmp_path, text.replace(old, new)))
    assert error.value.source == "testshire.toml"
    assert error.value.key == key
    assert problem in error.value.problem
    assert str(error.value).startswith(f"testshire.toml: {key}: ")


def test_a_file_that_is_not_toml_says_so(tmp_path):
    with pytest.raises(PolicyError, match=r"testshire.toml: \(file\): is not valid TOML"):
        load_policy(write(tmp_path, "name = "))


def test_the_name_must_match_the_file(tmp_path):
    with pytest.raises(PolicyError, match="must match the file name"):
        load_policy(write(tmp_path, GOOD.format(name="elsewhere")))


def test_retention_is_policy_and_differs_between_the_shipped_files():
    policies = load_policies([SHIPPED])
    northshire, southvale = policies["northshire"].retention, policies["southvale"].retention
    assert (northshire.family, northshire.report, northshire.audit) == (35, 35, 35)
    assert (southvale.family, southvale.report, southvale.audit) == (35, 25, 40)
    assert southvale.years_for("report") == 25


def test_retention_defaults_to_35_years_for_every_kind(tmp_path):
    policy = load_policy(write(tmp_path, GOOD.format(name="testshire")))
    assert policy.retention == Retention()
    assert {kind: policy.retention.years_for(kind) for kind in RETENTION_KINDS} == dict.fromkeys(
        RETENTION_KINDS, DEFAULT_RETENTION_YEARS
    )
    assert DEFAULT_RETENTION_YEARS == 35


def test_a_kind_left_out_of_the_retention_table_keeps_the_default(tmp_path):
    text = GOOD.format(name="testshire") + "\n[retention]\nreport = 20\n"
    retention = load_policy(write(tmp_path, text)).retention
    assert (retention.family, retention.conference, retention.report, retention.audit) == (
        35,
        35,
        20,
        35,
    )


@pytest.mark.parametrize(
    ("setting", "key", "problem"),
    [
        (
            "[retention]\nreport = 0",
            "retention.report",
            "must be a whole number of 1 or more, not 0",
        ),
        (
            '[retention]\nfamily = "35"',
            "retention.family",
            "must be a whole number of 1 or more, not '35'",
        ),
        (
            "[retention]\nreports = 25",
            "retention.reports",
            "is not a kind of record; the kinds are family, conference, report, audit; "
            "did you mean 'report'?",
        ),
        ('retention = "35 years"', "retention", "must be a table"),
    ],
)
def test_a_bad_retention_setting_is_named(tmp_path, setting, key, problem):
    # A plain key must come before the file's first table; a table can go at the end.
    good = GOOD.format(name="testshire")
    text = f"{good}\n{setting}\n" if setting.startswith("[") else f"{setting}\n{good}"
    with pytest.raises(PolicyError) as error:
        load_policy(write(tmp_path, text))
    assert (error.value.key, error.value.problem) == (key, problem)

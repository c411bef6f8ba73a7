"""`cpconf check_policies` names the file, key and problem of every broken policy file."""

from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command

SHIPPED = Path(settings.CPCONF_POLICY_DIRS[0]) / "southvale.toml"


def check(folder: Path) -> str:
    with pytest.raises(CommandError) as raised:
        call_command("check_policies", "--policies", str(folder))
    assert raised.value.returncode == 2
    return str(raised.value)


def broken(tmp_path: Path, old: str, new: str) -> Path:
    text = SHIPPED.read_text()
    assert old in text
    (tmp_path / "southvale.toml").write_text(text.replace(old, new, 1))
    return tmp_path


def test_the_shipped_files_are_correct(capsys):
    call_command("check_policies")

    assert "2 policies (northshire, southvale) and 2 report forms" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ('nation = "england"', 'nation = "france"', "southvale.toml: nation: must be one of"),
        (
            "submit_before = { hours = 48 }",
            "submit_before = { hours = -48 }",
            "southvale.toml: meeting_types.initial.submit_before.hours: must be 0 or more",
        ),
        (
            "submit_before = { hours = 48 }\n",
            "",
            "southvale.toml: meeting_types.initial.submit_before: is missing",
        ),
        (
            'working_day_cutoff = "16:00"',
            'working_day_cutoff = "4pm"',
            "southvale.toml: working_day_cutoff: must be a time like 17:00, not '4pm'",
        ),
        (
            'stage = "initial"',
            'stage = "first"',
            "southvale.toml: meeting_types.initial.stage: must be one of initial, review",
        ),
        (
            'report_form = "review"',
            'report_form = "annual"',
            "southvale.toml: meeting_types.review.report_form: there is no report form 'annual'",
        ),
    ],
)
def test_each_problem_is_named(tmp_path, old, new, message):
    assert message in check(broken(tmp_path, old, new))

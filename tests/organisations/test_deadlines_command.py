"""`cpconf deadlines` prints a conference's dates under a policy; bad input is one line, exit 2.

Expected dates are worked out by hand from the calendar (comments say how)."""

import json
import os
import subprocess
import sys
from io import StringIO

import pytest
from django.core.management import CommandError, call_command


def deadlines(*args: str) -> dict[str, str]:
    out = StringIO()
    call_command("deadlines", *args, "--json", stdout=out)
    return json.loads(out.getvalue())


def test_a_northshire_review_across_christmas():
    # Tue 8 Dec 2026. Reports 5 working days before: Tue 1 Dec at 17:00. Shared 3 calendar
    # days before: end of Sat 5 Dec. Core group within 20 working days, skipping 25 and 28 Dec
    # (Christmas, Boxing Day substitute) and 1 Jan: Fri 8 Jan. Next review 6 months on.
    result = deadlines(
        "--policy",
        "northshire",
        "--meeting-type",
        "review",
        "--meeting-at",
        "2026-12-08T10:00+00:00",
    )

    assert result == {
        "submit_by": "2026-12-01T17:00:00+00:00",
        "share_with_family_by": "2026-12-05T23:59:59+00:00",
        "core_group_by": "2027-01-08",
        "next_review_by": "2027-06-08",
    }


def test_a_southvale_initial_after_its_christmas_closure():
    # Mon 4 Jan 2027 10:00: 48 clock hours before is Sat 2 Jan 10:00 for both. Core group
    # within 10 working days: Mon 18 Jan. First review within 3 months: 4 April is a
    # Sunday, so the review is due by the working day before, Friday 2 April.
    result = deadlines(
        "--policy",
        "southvale",
        "--meeting-type",
        "initial",
        "--meeting-at",
        "2027-01-04T10:00+00:00",
    )

    assert result == {
        "submit_by": "2027-01-02T10:00:00+00:00",
        "share_with_family_by": "2027-01-02T10:00:00+00:00",
        "core_group_by": "2027-01-18",
        "next_review_by": "2027-04-02",
    }


def test_a_meeting_in_summer_time_keeps_its_offset():
    # Fri 10 Jul 2026 (BST). Two working days before an initial: Wed 8 Jul at 17:00 BST.
    result = deadlines(
        "--policy",
        "northshire",
        "--meeting-type",
        "initial",
        "--meeting-at",
        "2026-07-10T09:30+01:00",
    )

    assert result["submit_by"] == "2026-07-08T17:00:00+01:00"
    assert result["share_with_family_by"] == "2026-07-07T23:59:59+01:00"


def test_a_time_without_an_offset_is_uk_local_time_as_a_unit_administrator_types_it():
    # 30 Dec 2026 is in winter (GMT); 10 Jul 2026 in summer (BST, +01:00).
    winter = deadlines(
        "--policy", "northshire", "--meeting-type", "review", "--meeting-at", "2026-12-30T10:00"
    )
    summer = deadlines(
        "--policy", "northshire", "--meeting-type", "initial", "--meeting-at", "2026-07-10T09:30"
    )

    with_offset = deadlines(
        "--policy",
        "northshire",
        "--meeting-type",
        "review",
        "--meeting-at",
        "2026-12-30T10:00+00:00",
    )
    assert winter == with_offset
    assert summer["submit_by"] == "2026-07-08T17:00:00+01:00"


def test_an_hour_repeated_in_autumn_is_its_first_occurrence():
    # Sun 25 Oct 2026 01:30 happens twice; a diary means the first, in summer time. Reports
    # are then due 2 working days before an initial: Thu 22 Oct at 17:00 BST.
    result = deadlines(
        "--policy", "northshire", "--meeting-type", "initial", "--meeting-at", "2026-10-25T01:30"
    )

    assert result["submit_by"] == "2026-10-22T17:00:00+01:00"


def test_the_initial_conference_is_due_15_working_days_after_the_strategy_discussion():
    # Mon 14 Dec 2026 + 15 working days, skipping 25 and 28 Dec and 1 Jan: Thu 7 Jan 2027.
    assert deadlines("--policy", "northshire", "--strategy-discussion", "2026-12-14") == {
        "initial_conference_by": "2027-01-07"
    }


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--policy", "nowhere", "--strategy-discussion", "2026-12-14"],
            "Unknown policy 'nowhere'",
        ),
        (
            [
                "--policy",
                "southvale",
                "--meeting-type",
                "safer_me_plus_review",
                "--meeting-at",
                "2026-12-08T10:00+00:00",
            ],
            "Unknown meeting type 'safer_me_plus_review' for southvale",
        ),
        (
            ["--policy", "northshire", "--meeting-type", "review", "--meeting-at", "8/12/2026"],
            "--meeting-at '8/12/2026' is not a date and time",
        ),
        (
            [
                "--policy",
                "northshire",
                "--meeting-type",
                "review",
                "--meeting-at",
                "2027-03-28T01:30",
            ],
            "does not happen in Europe/London",
        ),
        (["--policy", "northshire", "--strategy-discussion", "14 Dec"], "is not a date like"),
        (["--policy", "northshire"], "Give --meeting-type and --meeting-at"),
    ],
)
def test_bad_input_is_one_clear_line_and_exit_status_2(args, message):
    with pytest.raises(CommandError) as raised:
        call_command("deadlines", *args)

    assert message in str(raised.value)
    assert raised.value.returncode == 2


def test_the_console_script_exits_with_status_2_and_one_line():
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "cpconf",
            "deadlines",
            "--policy",
            "nowhere",
            "--strategy-discussion",
            "2026-12-14",
        ],
        capture_output=True,
        text=True,
        env={**os.environ, "CPCONF_ENV": "test"},
        check=False,
    )

    assert result.returncode == 2
    assert result.stderr.strip().count("\n") == 0
    assert "Unknown policy 'nowhere'" in result.stderr

"""The family's right of appeal is local policy: how long they have, and whom they contact."""

import pytest

from cpconf.policy import DEFAULT_APPEAL_WORKING_DAYS, PolicyError, load_policies, load_policy
from tests.policy.test_policy_files import GOOD, SHIPPED, write


def test_the_shipped_policies_give_different_appeal_times_and_contacts():
    policies = load_policies([SHIPPED])

    northshire, southvale = policies["northshire"], policies["southvale"]

    assert northshire.appeals.within_working_days == 10
    assert southvale.appeals.within_working_days == 15
    assert northshire.appeal_contact != southvale.appeal_contact


def test_left_out_the_appeal_is_10_working_days_to_the_policys_contact(tmp_path):
    policy = load_policy(write(tmp_path, GOOD.format(name="testshire")))

    assert policy.appeals.within_working_days == DEFAULT_APPEAL_WORKING_DAYS == 10
    assert policy.appeal_contact == "Unit, 01632 960 000"


@pytest.mark.parametrize(
    ("table", "key", "problem"),
    [
        ("within_working_days = 0", "appeals.within_working_days", "whole number of 1 or more"),
        ('contact = ""', "appeals.contact", "must be some text"),
        ("within_working_day = 5", "appeals.within_working_day", "did you mean"),
    ],
)
def test_a_bad_appeals_table_names_the_key(tmp_path, table, key, problem):
    text = GOOD.format(name="testshire") + f"\n[appeals]\n{table}\n"

    with pytest.raises(PolicyError) as error:
        load_policy(write(tmp_path, text))

    assert error.value.key == key
    assert problem in error.value.problem

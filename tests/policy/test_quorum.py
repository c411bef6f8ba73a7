"""Which agencies must be at a conference for it to be quorate is local policy: Working
Together's children's social care and at least two other agencies, unless the policy says more.
A bad quorum table stops start-up, naming the key and what is wanted."""

import tomllib

import pytest

from cpconf.policy import DEFAULT_QUORUM, PolicyError, Quorum, load_policies, load_policy
from tests.policy.test_policy_files import GOOD, SHIPPED, write


def test_both_shipped_policies_say_what_makes_a_conference_quorate():
    policies = load_policies([SHIPPED])

    for name in ("northshire", "southvale"):
        written = tomllib.loads((SHIPPED / f"{name}.toml").read_text())["quorum"]
        quorum = policies[name].quorum
        assert quorum.agencies == tuple(written["agencies"])
        assert "social_care" in quorum.agencies
        assert quorum.other_agencies_at_least == written["other_agencies_at_least"] >= 2


def test_left_out_the_quorum_is_working_togethers():
    assert Quorum(agencies=("social_care",), other_agencies_at_least=2) == DEFAULT_QUORUM


def test_a_policy_without_a_quorum_table_gets_working_togethers(tmp_path):
    policy = load_policy(write(tmp_path, GOOD.format(name="testshire")))

    assert policy.quorum == DEFAULT_QUORUM


def test_a_quorum_table_is_read(tmp_path):
    table = '[quorum]\nagencies = ["social_care", "police"]\nother_agencies_at_least = 1\n'
    policy = load_policy(write(tmp_path, GOOD.format(name="testshire") + table))

    assert policy.quorum == Quorum(agencies=("social_care", "police"), other_agencies_at_least=1)


@pytest.mark.parametrize(
    ("table", "key", "problem"),
    [
        (
            'agencies = ["socialcare"]',
            "quorum.agencies",
            "'socialcare' is not a kind of agency; the kinds are school, early_years, health, gp, "
            "police, adult_services, housing, probation, social_care, other",
        ),
        ('agencies = "social_care"', "quorum.agencies", "must be a list of text"),
        ("other_agencies_at_least = -1", "quorum.other_agencies_at_least", "must be 0 or more"),
        ('other_agencies_at_least = "two"', "quorum.other_agencies_at_least", "whole number"),
        ("other_agencies = 2", "quorum.other_agencies", "did you mean 'other_agencies_at_least'?"),
    ],
)
def test_a_bad_quorum_table_names_the_key(tmp_path, table, key, problem):
    text = GOOD.format(name="testshire") + f"\n[quorum]\n{table}\n"

    with pytest.raises(PolicyError) as error:
        load_policy(write(tmp_path, text))

    assert error.value.key == key
    assert problem in error.value.problem
    assert str(error.value).startswith(f"testshire.toml: {key}: ")


def test_a_quorum_that_is_not_a_table_is_named(tmp_path):
    text = 'quorum = "three agencies"\n' + GOOD.format(name="testshire")

    with pytest.raises(PolicyError) as error:
        load_policy(write(tmp_path, text))

    assert (error.value.key, error.value.problem) == ("quorum", "must be a table")


def test_a_bad_quorum_in_a_policy_stops_start_up_naming_file_and_key(settings, tmp_path):
    from django.core.exceptions import ImproperlyConfigured

    from cpconf.organisations import policies

    shipped = (SHIPPED / "southvale.toml").read_text()
    broken = shipped.replace("other_agencies_at_least = 2", "other_agencies_at_least = -2")
    assert broken != shipped
    (tmp_path / "southvale.toml").write_text(broken)
    settings.CPCONF_POLICY_DIRS = [tmp_path]
    policies.all_policies.cache_clear()
    try:
        with pytest.raises(ImproperlyConfigured) as raised:
            policies.all_policies()
    finally:
        policies.all_policies.cache_clear()

    assert "southvale.toml: quorum.other_agencies_at_least: must be 0 or more" in str(raised.value)

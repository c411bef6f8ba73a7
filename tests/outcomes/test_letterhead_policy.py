"""Who the outcome letter comes from is local policy: the `[letterhead]` table, checked when
the app starts like the rest of the policy."""

import pytest

from cpconf.policy import Letterhead, PolicyError, load_policies, load_policy
from cpconf.policy.loading import (
    ADDRESS_LINES,
    NOT_A_LETTERHEAD_SETTING,
    NOT_A_PHONE_NUMBER,
    NOT_AN_EMAIL,
)
from tests.policy.test_policy_files import GOOD, SHIPPED, write

LETTERHEAD = """
[letterhead]
service = "Review Unit"
address = ["Civic Centre", "Testshire", "TS1 1AA"]
phone = "01632 960 000"
email = "unit@testshire.example"
"""


def test_both_shipped_policies_head_their_letters_in_full():
    policies = load_policies([SHIPPED])

    for name in ("northshire", "southvale"):
        letterhead = policies[name].letterhead
        assert letterhead.authority == policies[name].title
        assert letterhead.service and letterhead.phone and "@" in letterhead.email
        assert len(letterhead.address) >= 3
    assert policies["northshire"].letterhead != policies["southvale"].letterhead


def test_a_letterhead_loads_and_the_authority_defaults_to_the_title(tmp_path):
    policy = load_policy(write(tmp_path, GOOD.format(name="testshire") + LETTERHEAD))

    assert policy.letterhead == Letterhead(
        authority="Testshire Council",
        service="Review Unit",
        address=("Civic Centre", "Testshire", "TS1 1AA"),
        phone="01632 960 000",
        email="unit@testshire.example",
    )


def test_left_out_the_letter_is_headed_with_the_title_alone(tmp_path):
    policy = load_policy(write(tmp_path, GOOD.format(name="testshire")))

    assert policy.letterhead == Letterhead(authority="Testshire Council")


@pytest.mark.parametrize(
    ("change", "key", "problem"),
    [
        (('service = "Review Unit"', ""), "letterhead.service", "is missing"),
        (('phone = "01632 960 000"', 'phone = "ring us"'), "letterhead.phone", NOT_A_PHONE_NUMBER),
        (
            ('email = "unit@testshire.example"', 'email = "unit"'),
            "letterhead.email",
            NOT_AN_EMAIL,
        ),
        (('["Civic Centre", "Testshire", "TS1 1AA"]', "[]"), "letterhead.address", ADDRESS_LINES),
        (('address = ["', 'adress = ["'), "letterhead.adress", NOT_A_LETTERHEAD_SETTING),
    ],
)
def test_a_bad_letterhead_names_the_key_and_what_is_wanted(tmp_path, change, key, problem):
    text = GOOD.format(name="testshire") + LETTERHEAD.replace(*change)

    with pytest.raises(PolicyError) as error:
        load_policy(write(tmp_path, text))

    assert error.value.key == key
    assert problem in error.value.problem

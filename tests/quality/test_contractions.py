"""The writer's contractions read as the words they stand for.

Notes and reports written quickly say "I've seen", "we've noticed", "I'd say" and "I've heard
that": the cue lists knew "I have seen" and "I have heard that", so the short forms were read
as plain records, and the "d" of "I'd say" as someone else saying it. Hearsay from people the
writer does not name ("from more than one person") is hearsay however many they were.
"""

import pytest

from cpconf.quality import analyse
from tests.quality.accuracy import first_reading


@pytest.mark.parametrize(
    "text",
    [
        "We've noticed that Reuben is much quieter in class on Mondays.",
        "I've seen Chloe waiting outside the shop after dark on two evenings this month.",
    ],
)
def test_what_the_writer_has_seen_is_an_observation(text):
    assert first_reading(text) == ("observation", "author")


@pytest.mark.parametrize(
    "text",
    [
        "I'd say the bedroom is much tidier than at the last review.",
        "We'd say that Mr Okafor has kept to the plan since March.",
    ],
)
def test_what_the_writer_would_say_is_their_own_view(text):
    assert first_reading(text)[1] == "author"


@pytest.mark.parametrize(
    "text",
    [
        "I've heard that Mr Pask has been dealing drugs from the garages behind the flats.",
        "I have heard from several people that Ms Rowe leaves the children alone at night.",
        "We've been told that Jayden has been carrying a knife to school.",
    ],
)
def test_hearsay_from_people_not_named_has_no_known_source(text):
    assert first_reading(text)[1] == "unknown"
    assert any(f.rule == "unattributed_report" for f in analyse(text).findings)

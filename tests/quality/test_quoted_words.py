"""Someone's own words in quotation marks are theirs, not the writer's.

A child's words are often quoted as they were said: 'Jayden told his coach "Dad kicked me"'.
The "me" in the quotation is Jayden, not the writer, and a quotation straight after a verb of
telling is what was told, so the sentence is an allegation passed on by someone named. The
cue lists read the "me" as the writer and missed the telling, so such sentences read as the
writer's own account. A quoted word or phrase that is not a clause ("said 'no' to every
question") is still what the writer watched. Sentences written for this file.
"""

import pytest

from tests.quality.accuracy import first_reading


@pytest.mark.parametrize(
    "text",
    [
        'Rhys told his swimming teacher "my dad hit me with a belt last night".',
        "Amelia said to the dinner lady, 'Mummy's friend shut me in the shed.'",
        'Tomasz said, "He pushes my mum and she cries."',
        "Tia said her nan's partner 'shoved me into the wall' when she came home late.",
        'Callum said his stepdad "goes for me" when he has been drinking.',
    ],
)
def test_harm_told_in_the_speakers_own_words_is_an_allegation_they_passed_on(text):
    assert first_reading(text) == ("allegation", "third_party")


@pytest.mark.parametrize(
    "text",
    [
        "Ms Laine told me, 'I'm going to bed earlier and I feel much better for it.'",
        'Kofi said, "We went to the park on Sunday with Nana."',
        "Mr Dyer says he'd like more time with the girls at weekends.",
    ],
)
def test_news_in_the_speakers_own_words_comes_from_them(text):
    assert first_reading(text)[1] == "third_party"


@pytest.mark.parametrize(
    "text",
    [
        "She said 'no' to every question and kept her coat on throughout the visit.",
        "I heard Mr Cole call Rosa 'a pest' twice while I was in the kitchen.",
    ],
)
def test_a_quoted_word_the_writer_heard_is_still_their_observation(text):
    assert first_reading(text) == ("observation", "author")


@pytest.mark.parametrize(
    "text",
    [
        "Jess came into school with a swollen lip and said her brother had punched her.",
        "12/03 \u2013 Kian turned up at the youth club and told staff his dad had kicked him.",
    ],
)
def test_someone_who_came_in_and_told_of_harm_is_the_one_passing_it_on(text):
    # The teller is the subject of the sentence, not the word before "said" ("and").
    assert first_reading(text) == ("allegation", "third_party")


def test_an_explanation_with_no_harm_in_it_is_not_made_an_allegation():
    text = "Ravi came in with a graze on his knee and said he had fallen off his bike."
    assert first_reading(text)[0] != "allegation"


@pytest.mark.parametrize(
    "text",
    [
        '"I don\'t want to go home tonight," Kayla told her form tutor.',
        '"We were only shouting, nobody got hurt," Mr Lee said at the core group.',
        "'Dad sleeps all day,' Jamie told me at the after-school club on Tuesday.",
    ],
)
def test_a_quotation_then_who_said_it_is_the_speakers(text):
    assert first_reading(text)[1] == "third_party"

"""Harm told in everyday words, and what a visitor saw in a home, read as what they are.

A child rarely says "assaulted": they say their dad "battered" or "lamped" them, that they
were made to kneel "as a punishment", or that Mum "wouldn't wake up". Passed on by someone
named, each is an allegation; the cue lists knew the formal words only, so these read as
plain records. Money taken from a partner is coercive control however many words sit between
the taking and the money ("taking Ms Corrigan's benefit money"). And a home described without
"I" ("There were cigarette ends on the windowsill") is what the visitor saw, not a record.
Each family is tested here with sentences written for this file, none from a labelled set.
"""

import pytest

from tests.quality.accuracy import first_reading


@pytest.mark.parametrize(
    "text",
    [
        "Leon told his teacher that his stepdad 'belted' him for spilling his drink.",
        "Her nan says Mr Kemp has been knocking her about again since he came home.",
        "Jade said her brother's friend 'went for him' with a bottle outside the chip shop.",
        "Amir told the school nurse his uncle thumped him in the back of the car.",
    ],
)
def test_violence_in_everyday_words_passed_on_is_an_allegation(text):
    assert first_reading(text) == ("allegation", "third_party")


@pytest.mark.parametrize(
    "text",
    [
        "Nadia told her form tutor she is made to stand in the garden as a punishment.",
        "Kelsey's friend told staff that Kelsey's boyfriend forces her to send him photos.",
        "Ollie said his mum fell asleep on the settee and he couldn't wake her.",
        "The neighbour told me Mr Dodds was passed out in the car with the baby in the back.",
        "Ms Reid's mother told me that Craig has been taking her daughter's child benefit "
        "money every week.",
        "Sami told me that older boys on the bus make fun of him and call him names.",
        "Ms Fry's sister says Mr Fry calls Lottie 'thick' and 'a waste of space' at teatime.",
        "Her aunt told me she called at six and found no tea made and the boys on their own.",
    ],
)
def test_punishment_coercion_an_absent_carer_and_control_passed_on_are_allegations(text):
    assert first_reading(text)[0] == "allegation"


@pytest.mark.parametrize(
    "text",
    [
        "There were empty cans on the landing and the smoke alarm had no battery.",
        "The baby's bottle was on the floor beside the settee with curdled milk in it.",
        "Two kitchen knives were lying on the worktop within Ruby's reach.",
        "Ruby's cot was about 40 cm from a heater that was switched on.",
    ],
)
def test_what_was_in_the_home_told_without_i_is_an_observation(text):
    assert first_reading(text) == ("observation", "author")


@pytest.mark.parametrize(
    "text",
    [
        "Mia was taken to A&E on 4 May after falling from the sofa, and was discharged the "
        "same day.",
        "The family moved to a two-bedroom flat in Hexley on 12 March.",
    ],
)
def test_a_recorded_event_in_the_home_stays_a_fact(text):
    assert first_reading(text) == ("fact", "record")


@pytest.mark.parametrize(
    "text",
    [
        "Nan told me the girls like to sit on the sofa after school.",
        "His teacher said Callum seemed tired and quiet on the school trip.",
    ],
)
def test_a_home_or_a_look_described_by_someone_else_is_not_the_writers_observation(text):
    assert first_reading(text) == ("fact", "third_party")

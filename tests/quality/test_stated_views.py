"""A view the writer states as theirs stays an opinion whatever its words are about.

A clinician's view of how an injury happened is full of the words of what was seen
(bruises, marks, shins) and of harm (a kick, a slap), so the kind model, reading the words as
a whole, can take it for an observation or an allegation. "I believe" and "In my opinion"
settle it: the model does not overrule a view stated in so many words. A frame that only
names the writer's worries ("our concerns") can still be a record of what was done with them.
"""

import pytest

import cpconf.quality.classify as classify
from cpconf.quality import analyse

STATED_VIEWS = [
    "Having seen the marks on both of Noah's shins, I believe they were caused by a kick "
    "rather than a fall.",
    "I consider that the bruises to Evie's cheek and ear are most likely to have been caused "
    "by a slap.",
    "In my professional opinion the burn on Callum's hand was not accidental.",
]


def kind_of(text: str) -> str:
    return analyse(text).sentences[0].kind


@pytest.mark.parametrize("text", STATED_VIEWS)
def test_a_view_stated_as_the_writers_is_an_opinion(text):
    assert kind_of(text) == "opinion"


def test_without_the_guard_the_model_reads_some_as_something_else(monkeypatch):
    # What the guard is for: with the model trained on 7 December, the first two would be an
    # observation and an allegation.
    monkeypatch.setattr(classify, "_states_own_view", lambda signs: False)
    assert any(kind_of(text) != "opinion" for text in STATED_VIEWS)


def test_a_record_of_what_was_done_with_a_worry_is_still_a_fact():
    assert kind_of("We escalated our concerns to the duty team on 3 March.") == "fact"


@pytest.mark.parametrize(
    "text",
    [
        "The radiologist's opinion is that the fracture was caused by a twisting force.",
        "Dr Amin's conclusion was that the burn to Ellie's hand could not have come from the "
        "iron as described.",
    ],
)
def test_another_professionals_stated_view_of_an_injury_is_theirs_not_the_writers(text):
    sentence = analyse(text).sentences[0]
    assert (sentence.kind, sentence.source) == ("allegation", "third_party")


@pytest.mark.parametrize(
    "text",
    [
        "Ms Kaur's position is that the rent fell behind when her hours were cut.",
        "The view of Ella's head of year is that Ella is more settled since the move.",
        "Mr Dean's account, given to the duty worker on 2 May, is that he was at work all day.",
        "Dad's recollection remains that the baby rolled off the bed by herself.",
    ],
)
def test_someones_view_or_account_however_it_is_put_is_theirs(text):
    assert analyse(text).sentences[0].source == "third_party"


def test_a_note_headed_by_who_it_came_from_is_theirs_later_in_a_text_too():
    sentences = analyse(
        "Home visit, both children seen.\nPhone call from Oakfield Primary, 11.20: Noah was "
        "sent home with a temperature."
    ).sentences
    assert sentences[-1].source == "third_party"

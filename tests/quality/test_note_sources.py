"""Where a note's information comes from when no verb of telling says so.

Contact notes and chronology entries name their source in a heading: "Phone call from Oakfield
Primary, 11.20: …", "Anonymous call 2/3: …", "Housing officer: …". The coach reads such a
heading as a named source, and an allegation under it as a third party's; the writer's own
notes ("Home conditions: …", "I recorded that …") stay the writer's. A record named as the
source ("Our daily records show …"), an arrest told by no one in particular, what the police
hold on someone ("known to the police for …") and a figure counted ("attendance is 64%") are
records, which the kind model may not make an observation or a judgement."""

import pytest

from tests.quality.accuracy import first_reading


@pytest.mark.parametrize(
    "text",
    [
        "Phone call from Oakfield Primary, 11.20: Jaden came in with a red mark on his neck "
        "and told his teacher Mum's boyfriend grabbed him.",
        "Text from Nan, 7.30pm: Mum 'off her face' with the baby in the flat.",
        "Email received from the midwife - Mum has missed two scans and the bruise on her arm "
        "was not explained.",
        "Anonymous call 2/3: children left alone in the flat most nights.",
        "Nursery report: Lola was collected by an adult who smelt strongly of alcohol.",
        "Housing officer: men coming and going from the flat at night, possible cuckooing.",
        "The contact supervisor recorded that Dad swore at Ava and pulled her off the slide.",
    ],
)
def test_a_heading_or_record_naming_who_told_makes_a_third_party(text):
    assert first_reading(text)[1] == "third_party"


def test_news_under_such_a_heading_that_claims_no_harm_is_still_a_third_party_s():
    note = "Probation update, 30/4: Mr Ince has kept every appointment this month."
    assert first_reading(note)[1] == "third_party"


@pytest.mark.parametrize(
    "text",
    [
        "Home conditions: kitchen surfaces clean and food in the fridge.",
        "I recorded that Dad swore at Ava during contact.",
        "Visit 12/03: no answer, card left.",
        "In my own words to Mum, I explained what a child protection plan is.",
    ],
)
def test_the_writer_s_own_notes_are_not_made_a_third_party_s(text):
    assert first_reading(text)[1] != "third_party"


def test_someone_s_own_words_name_them():
    assert first_reading("In Dad's words, 'the drinking is behind me now'.")[1] == "third_party"


@pytest.mark.parametrize(
    "text",
    [
        "The nursery's daily sheets show that Jack came in with a heavily soiled nappy and "
        "sore red skin on two Mondays.",
        "Our logs show that Finn was dropped off with a swollen eye and a grazed chin on 6 June.",
        "The nursery's incident log records a bruise on Leo's cheek on arrival on 2 June.",
    ],
)
def test_what_a_named_record_shows_stays_the_records_however_it_reads(text):
    # The kind model reads the nappy and the bruise as something seen; the record says so.
    assert first_reading(text) == ("fact", "record")


def test_what_the_police_hold_on_someone_is_theirs_to_tell():
    text = "Mr Varley is known to the police for dealing cannabis from his car."
    assert first_reading(text) == ("allegation", "third_party")


@pytest.mark.parametrize(
    "text",
    [
        "Mr Pike was arrested on 4 May after his neighbour reported that he had punched her "
        "in the street, and he was bailed the next day.",
        "Ms Orr was charged with assault following a call in which her sister said Ms Orr had "
        "slapped her.",
    ],
)
def test_an_arrest_with_the_complaint_behind_it_is_the_polices_record(text):
    assert first_reading(text) == ("fact", "record")


@pytest.mark.parametrize(
    "text",
    [
        "Ben's attendance is 64%.",
        "Since leaving hospital Mr Fenn has kept all five of his outpatient appointments with "
        "his consultant.",
    ],
)
def test_a_figure_counted_is_a_record_not_a_judgement(text):
    # The kind model reads both as judgements; a figure with no word of a view is a record.
    assert first_reading(text)[0] == "fact"

"""Shapes of sentence that new writers used and the coach misread, each tested with
sentences of its own: a worry written without "I am", a child's response to what the writer
asked written without "I", how someone presented before what they said, a formal assessment
of risk, a person's money or documents kept from them told in their own words, the
quality of a child's care stated flatly, hearsay noted with its telling clipped; then, from a
second writer, a child out late with no one minding, people the writer did not recognise, a
refusal to tell, a record named with its owner, and readiness to parent judged flatly."""

import pytest

from cpconf.quality import analyse
from tests.quality.accuracy import first_reading


@pytest.mark.parametrize(
    "text",
    [
        "Worried that Mia is left to get herself ready for school most mornings.",
        "Concerned Jayden's weight has not gone up since the summer.",
        "Still worried whether Dad can keep the boys safe when he has been drinking.",
        "Concerned about the number of people coming and going from the flat at night.",
        "Unsure whether Ms Kerr has understood what the plan asks of her.",
    ],
)
def test_a_worry_written_without_i_am_is_the_writers_view(text):
    assert first_reading(text) == ("opinion", "author")


@pytest.mark.parametrize(
    "text",
    [
        "Concerned neighbours rang the police at 11pm.",
        "Worried parents at the school gate have asked the head to speak to Ms Lowe.",
    ],
)
def test_worried_people_who_are_not_the_writer_are_not_the_writers_view(text):
    assert first_reading(text)[0] == "fact"


@pytest.mark.parametrize(
    "text",
    [
        "When asked to show me her bedroom, Lily led the way and pointed out her new duvet.",
        "Asked to draw the people she lives with, Grace drew her nan first and her mum last.",
        "When asked about school, Tom put his head on the table and did not reply.",
    ],
)
def test_a_childs_response_to_what_the_writer_asked_is_an_observation(text):
    assert first_reading(text) == ("observation", "author")


def test_what_a_child_said_when_asked_is_still_the_childs_account():
    reading = first_reading("When asked about the mark on his leg, Ben said his dad kicked him.")
    assert reading == ("allegation", "third_party")


@pytest.mark.parametrize(
    "text",
    [
        "Mum presented as tired and flat, little eye contact, said the baby had been up all night.",
        "Dad appeared unsteady on his feet and said he had been to the pub after work.",
    ],
)
def test_how_someone_presented_comes_before_what_they_said(text):
    assert first_reading(text) == ("observation", "author")


def test_how_someone_presented_told_by_someone_else_is_theirs():
    reading = first_reading("The midwife said that Mum presented as tired and flat.")
    assert reading[1] == "third_party"


@pytest.mark.parametrize(
    "text",
    [
        "Mr Carr is assessed on the ARMS tool as posing a high risk of sexual harm to children.",
        "Ms Obi was assessed at MARAC as being at high risk of serious harm.",
        "Mr Pike has been assessed as presenting a medium risk to known adults.",
    ],
)
def test_a_formal_assessment_of_risk_is_a_record(text):
    assert first_reading(text) == ("fact", "record")


def test_the_writers_own_assessment_of_risk_is_their_view():
    assert first_reading("I have assessed the risk to the baby as high.") == ("opinion", "author")


@pytest.mark.parametrize(
    "text",
    [
        '"He keeps my passport in his car so I can\'t go anywhere," Ms Dhillon told me.',
        'Ms Rowe said, "My boyfriend keeps my bank card and gives me ten pounds on a Friday."',
    ],
)
def test_money_or_papers_kept_from_someone_in_their_own_words_is_an_allegation(text):
    assert first_reading(text) == ("allegation", "third_party")


@pytest.mark.parametrize(
    "text",
    [
        "Ms Hale provides Ruby with a secure base.",
        "The grandparents provide the children with warm and consistent care.",
        "Dad gives Ollie good enough care most of the time.",
    ],
)
def test_the_quality_of_a_childs_care_stated_flatly_is_an_opinion_stated_as_fact(text):
    assert first_reading(text) == ("opinion", "author")
    assert "opinion_as_fact" in {finding.rule for finding in analyse(text).findings}


@pytest.mark.parametrize(
    "text",
    [
        "The council provides the family with a two-bedroom flat.",
        "The nursery provides Ruby with breakfast and lunch.",
    ],
)
def test_what_a_service_provides_is_not_a_judgement(text):
    assert first_reading(text)[0] != "opinion"


@pytest.mark.parametrize(
    "text",
    [
        "Intelligence has been received that Mr Hart is back living at the address.",
        "Concerns raised re Mum leaving the baby with a neighbour overnight.",
        "Further concerns received that the boys are out on the estate after midnight.",
        "Tip-offs have been received that cannabis is being sold from the flat.",
    ],
)
def test_hearsay_with_the_teller_left_out_is_unattributed(text):
    assert first_reading(text)[1] == "unknown"
    assert "unattributed_report" in {finding.rule for finding in analyse(text).findings}


def test_hearsay_whose_teller_is_named_is_not_flagged():
    text = "Concerns were raised by the school that Leo is arriving hungry."
    assert first_reading(text)[1] == "third_party"
    assert "unattributed_report" not in {finding.rule for finding in analyse(text).findings}


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("An NSP was served on the family in March.", "NSP"),
        ("The OASys assessment was updated after his arrest.", "OASys"),
        ("His index offence was a robbery in 2022.", "index offence"),
        ("Ms Day was approved as a foster carer for her niece under Reg 24.", "Reg 24"),
        ("Kai has been offered a choice appointment for next month.", "choice appointment"),
    ],
)
def test_words_of_probation_housing_and_fostering_are_flagged(text, term):
    flagged = {f.text for f in analyse(text).findings if f.rule in ("jargon", "acronym")}
    assert term in flagged


def test_a_surname_in_capitals_is_still_not_an_acronym():
    findings = analyse("Lily SMITH attends the school.").findings
    assert [f for f in findings if f.rule == "acronym"] == []


@pytest.mark.parametrize(
    "text",
    [
        "Leo is out until three in the morning at weekends, according to his nan.",
        "Kian is out on the estate until two or three in the morning on school nights, "
        "according to his form tutor.",
        "Mia's aunt says Mia is out on the estate till 2am with no adult knowing where she is.",
    ],
)
def test_a_child_out_late_with_no_one_minding_told_by_someone_is_an_allegation(text):
    assert first_reading(text) == ("allegation", "third_party")


def test_the_writer_seeing_people_they_did_not_know_is_an_observation():
    text = "Sat 4/11, 10pm - Leo by the shops with two men I didn't recognise."
    assert first_reading(text) == ("observation", "author")


@pytest.mark.parametrize(
    "text",
    [
        "He had a graze on his chin on Monday and wouldn't say how he got it.",
        "Ms Cole lost her train of thought when I asked about the move.",
    ],
)
def test_a_refusal_to_tell_or_a_train_of_thought_names_no_teller(text):
    assert first_reading(text)[1] == "author"


def test_a_record_named_with_its_owner_is_the_records():
    text = "According to the nursery's attendance register, Ivy came on 31 of 40 days."
    assert first_reading(text) == ("fact", "record")


@pytest.mark.parametrize(
    "text",
    [
        "Ms Grey does not value school.",
        "Ms Kemp is not emotionally ready to care for a baby.",
        "Ms Lyle is too frightened of her partner to protect the children.",
    ],
)
def test_readiness_to_parent_judged_flatly_is_an_opinion_stated_as_fact(text):
    assert first_reading(text) == ("opinion", "author")
    assert "opinion_as_fact" in {finding.rule for finding in analyse(text).findings}


def test_word_going_round_names_no_teller():
    text = "Word going round is that Leo owes money to older boys."
    assert first_reading(text) == ("allegation", "unknown")
    assert "unattributed_report" in {finding.rule for finding in analyse(text).findings}


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("The family met on their own during private family time.", "private family time"),
        ("He was given a community resolution for the theft.", "community resolution"),
        ("A Care Act assessment found her eligible for support.", "Care Act assessment"),
        ("She disclosed abuse on routine enquiry at her booking appointment.", "routine enquiry"),
    ],
)
def test_words_of_family_meetings_policing_adult_care_and_midwifery_are_flagged(text, term):
    assert term in {f.text for f in analyse(text).findings if f.rule == "jargon"}

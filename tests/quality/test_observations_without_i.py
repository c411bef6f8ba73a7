"""What the writer saw, written without "I" and without a verb of seeing: a mark noted on a
body, a child seen alone, how someone was at an appointment the writer held. Read as the
writer's observations, not as facts from a record; the same words told by someone else, or
an appointment kept, stay what they were."""

import pytest

from tests.quality.accuracy import first_reading


@pytest.mark.parametrize(
    "text",
    [
        "Bruise noted to Sienna's upper left arm, approx 3cm, yellowish in colour.",
        "A small rash seen on his neck at the check.",
        "Fingertip marks visible on both of Kai's upper arms.",
        "Sienna was seen on her own in school on 5 March and drew her family.",
        "Seen alone in her bedroom; Ava showed off her drawings.",
        "Ms Kaur was drowsy at her 2pm appointment, with slurred speech.",
        "Dad was tearful throughout the review and left before the end.",
    ],
)
def test_what_the_writer_saw_is_an_observation_of_theirs(text):
    assert first_reading(text) == ("observation", "author")


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Jayden was seen by the GP on 5 March.", "fact"),
        ("Ruby attended her 2pm appointment on 27 February.", "fact"),
        ("The school told me a bruise was seen on her arm on Monday.", "allegation"),
    ],
)
def test_appointments_kept_and_marks_told_by_others_stay_as_they_were(text, kind):
    assert first_reading(text)[0] == kind

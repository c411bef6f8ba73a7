"""Notes and assessment forms give verdicts under a heading: "Engagement: poor.", "Risk:
high." Stated so, with nothing to back it, a verdict is a judgement stated as fact, as
"Mum's engagement is poor" would be: the coach reads it as an opinion and flags it, and its
suggestion turns it into a sentence the writer can own."""

import pytest

from cpconf.quality import analyse


def _flags(text: str) -> list[str]:
    return [f.rule for f in analyse(text).findings]


@pytest.mark.parametrize(
    "text",
    [
        "Engagement: poor.",
        "Risk: high.",
        "Home conditions: adequate.",
        "Insight into how her drinking affects Oscar: minimal.",
        "Progress against the plan: limited.",
        "Emotional warmth towards the baby: lacking.",
    ],
)
def test_a_verdict_under_a_heading_is_an_opinion_stated_as_fact(text):
    assert analyse(text).sentences[0].kind == "opinion"
    assert "opinion_as_fact" in _flags(text)


def test_the_suggestion_makes_the_verdict_a_sentence():
    (finding,) = [f for f in analyse("Home conditions: adequate.").findings]
    assert finding.text == "Home conditions: adequate"
    assert finding.suggestion is not None
    assert "In my view, home conditions are adequate." in finding.suggestion
    (finding,) = analyse("Progress against the plan: limited.").findings
    assert "In my view, progress against the plan is limited." in (finding.suggestion or "")
    (finding,) = [
        f for f in analyse("Mum's engagement: poor.").findings if f.rule == "opinion_as_fact"
    ]
    assert "In my view, Mum's engagement is poor." in (finding.suggestion or "")


@pytest.mark.parametrize(
    "text",
    [
        "Engagement: poor, missing four of six appointments.",
        "Home conditions: adequate, with food in the fridge when I visited on 3 May.",
        "Risk: high, in my view.",
    ],
)
def test_a_verdict_with_its_evidence_or_marked_as_a_view_is_not_flagged(text):
    assert "opinion_as_fact" not in _flags(text)


@pytest.mark.parametrize(
    "text",
    [
        "Drug screen: negative.",
        "Attendance: 84%.",
        "Next visit: 14 June.",
        "Wishes and feelings: Rohan would like his own bedroom.",
    ],
)
def test_results_figures_plans_and_views_under_a_heading_are_not_verdicts(text):
    assert "opinion_as_fact" not in _flags(text)
    assert analyse(text).sentences[0].kind != "opinion"


def test_what_the_writer_found_on_arrival_is_not_a_bare_judgement():
    # The writer was there: what they found is an observation with its occasion.
    assert "opinion_as_fact" not in _flags("On arrival the flat was cold.")
    assert "opinion_as_fact" in _flags("The flat was cold.")


@pytest.mark.parametrize(
    "text",
    [
        "Recommendation: the plan to continue under the category of neglect.",
        "JB scaling: 5/10 for Ruby and 4/10 for Sam.",
    ],
)
def test_a_recommendation_or_a_score_under_a_heading_is_the_writers_view(text):
    sentence = analyse(text).sentences[0]
    assert (sentence.kind, sentence.source) == ("opinion", "author")


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        (
            "I visited on 3 May and saw both children.\nRecommendation: the plan continues.",
            "Recommendation:",
        ),
        ("Home visit 12/03, Mum and baby seen. Scaling: 6/10.", "Scaling:"),
        ("Ava was at nursery all week. Worried that her cough is not being treated.", "Worried"),
    ],
)
def test_a_heading_or_a_worry_later_in_a_text_is_the_writers_view_as_at_its_start(text, cue):
    later = analyse(text).sentences[-1]
    assert (later.kind, later.source) == ("opinion", "author")
    assert later.cues[0].text.strip().startswith(cue)

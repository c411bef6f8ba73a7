"""A family copy read from typed content: a child the writer has not yet scaled is named
with their recommendation, never with "None" for a score (the copy once printed the stored
null as text, in the answer and in the easy-read summary)."""

from cpconf.organisations.report_forms import report_form_named
from cpconf.reports import copies

AGENCY = "Alder Primary"


def family_copy_of(assessment: dict) -> tuple[str, ...]:
    form = report_form_named("review")
    key = next(s.key for s in form.sections if s.kind == "assessment")
    document = copies.report_document(
        form=form,
        content={"front_sheet": {"workplace": AGENCY, "name": "Priya Shah"}, key: assessment},
        copy=copies.FAMILY_COPY,
        meeting=(),
        easy_read=True,
    )
    answers = tuple(p.text for s in document.sections for p in s.paragraphs)
    return document.summary + answers


def test_an_unscaled_child_is_never_given_none_on_the_safety_scale():
    lines = family_copy_of(
        {"children": [{"name": "Lily", "scaling": None, "recommendation": "", "reason": ""}]}
    )

    assert not any("None" in line for line in lines)
    assert "Lily:" in lines


def test_a_scaled_child_keeps_their_score_in_the_answer_and_the_summary():
    lines = family_copy_of(
        {"children": [{"name": "Lily", "scaling": 0, "recommendation": "", "reason": "Safe."}]}
    )

    assert "Lily: 0 on the safety scale. Why: Safe." in lines
    assert f"On the safety scale, {AGENCY} gave Lily 0." in lines

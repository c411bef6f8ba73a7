"""The report form model: frozen, hashable and easy to ask questions of."""

import pytest

from cpconf.reportform import ReportForm, Section

GROUPS = {"school": "school", "gp": "health"}


def make_section(key: str = "worries", **changes) -> Section:
    values = {"key": key, "title": "Worries", "question": "What worries you?", "kind": "text"}
    return Section(**(values | changes))


def make_form(*sections: Section) -> ReportForm:
    return ReportForm(
        key="testing",
        title="Test report",
        stage="initial",
        introduction=("Write one report.",),
        stock_answers=("Not known",),
        recommendations=(("no_further_action", "No further action"),),
        agency_groups=dict(GROUPS),
        sections=sections,
    )


def test_mappings_are_read_only_and_the_form_is_hashable():
    section = make_section(agency_prompts={"health": ("Immunisations.",)})
    form = make_form(section)
    with pytest.raises(TypeError):
        section.agency_prompts["school"] = ("Attendance.",)  # type: ignore[index]
    with pytest.raises(TypeError):
        form.agency_groups["police"] = "police"  # type: ignore[index]
    assert {form: "cached"}[form] == "cached"
    assert form == make_form(make_section(agency_prompts={"health": ("Immunisations.",)}))
    assert form != make_form(make_section(agency_prompts={"health": ("Other.",)}))


def test_prompts_for_goes_through_the_form_groups():
    section = make_section(agency_prompts={"health": ("Immunisations.",), "other": ("Home.",)})
    assert section.prompts_for("gp", GROUPS) == ("Immunisations.",)
    assert section.prompts_for("school", GROUPS) == ()
    assert section.prompts_for("a_new_kind", GROUPS) == ("Home.",)


def test_looking_up_a_missing_section_or_recommendation_is_a_key_error():
    form = make_form(make_section())
    assert form.section("worries").title == "Worries"
    with pytest.raises(KeyError):
        form.section("nothing")
    with pytest.raises(KeyError):
        form.recommendation_label("adoption")
    assert form.agency_group("gp") == "health"
    assert form.agency_group("a_new_kind") == "other"


def test_the_family_sections_leave_out_hidden_ones():
    hidden = make_section("restricted", kind="restricted", family_sees=False)
    form = make_form(make_section(), hidden)
    assert form.sections_for_family() == (form.section("worries"),)

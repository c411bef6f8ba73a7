"""The shipped report forms: they load, fit the policies, and guide each kind of agency."""

import pytest

from cpconf.organisations.models import AgencyKind
from cpconf.policy import load_policies
from cpconf.reportform import (
    AGENCY_GROUPS,
    AGENCY_KINDS,
    SHIPPED_DIRECTORY,
    load_report_forms,
)

SHIPPED_POLICIES = SHIPPED_DIRECTORY.parent / "policies"


@pytest.fixture(scope="module")
def forms():
    return load_report_forms([SHIPPED_DIRECTORY])


def test_both_shipped_forms_load_with_their_sections_in_order(forms):
    assert set(forms) == {"initial", "review"}
    assert [section.key for section in forms["initial"].sections] == [
        "involvement",
        "worries",
        "going_well",
        "child_views",
        "agency_support",
        "needs_to_happen",
        "if_nothing_changes",
        "anything_else",
        "not_known_enough",
        "sharing",
        "assessment",
        "restricted",
    ]
    assert [section.key for section in forms["review"].sections] == [
        "involvement",
        "chronology",
        "factors",
        "worries",
        "going_well",
        "outcomes_changed",
        "sustainable",
        "child_views",
        "agency_support",
        "needs_to_happen",
        "not_known_enough",
        "sharing",
        "assessment",
        "restricted",
    ]
    assert (forms["initial"].stage, forms["review"].stage) == ("initial", "review")


def test_every_section_has_a_title_and_a_question(forms):
    for form in forms.values():
        assert form.introduction
        for section in form.sections:
            assert section.title.strip(), section.key
            assert len(section.question) > len(section.title) / 2, section.key


def test_every_report_form_a_shipped_policy_names_exists_for_its_stage(forms):
    for policy in load_policies([SHIPPED_POLICIES]).values():
        for meeting_type in policy.meeting_types.values():
            form = forms[meeting_type.report_form]
            assert form.stage == meeting_type.stage, (policy.name, meeting_type.key)


def test_the_agency_kinds_match_the_organisations_app():
    assert tuple(AgencyKind.values) == AGENCY_KINDS


@pytest.mark.parametrize("form_key", ["initial", "review"])
def test_every_agency_kind_is_mapped_to_a_group(forms, form_key):
    groups = forms[form_key].agency_groups
    assert set(groups) == set(AGENCY_KINDS)
    assert set(groups.values()) == set(AGENCY_GROUPS)


@pytest.mark.parametrize(
    ("agency_kind", "group", "words"),
    [
        ("school", "school", "Attendance figures"),
        ("early_years", "school", "Attendance figures"),
        ("gp", "health", "immunisations"),
        ("health", "health", "A&E"),
        ("probation", "adult_services", "medication"),
        ("police", "police", "call-outs"),
        ("housing", "other", "losing it"),
    ],
)
@pytest.mark.parametrize("form_key", ["initial", "review"])
def test_worries_give_each_agency_its_own_prompts(forms, form_key, agency_kind, group, words):
    form = forms[form_key]
    worries = form.section("worries")
    assert form.agency_group(agency_kind) == group
    prompts = worries.prompts_for(agency_kind, form.agency_groups)
    assert prompts == worries.agency_prompts[group]
    assert any(words in prompt for prompt in prompts)


def test_a_section_without_agency_prompts_gives_none(forms):
    form = forms["initial"]
    assert form.section("child_views").prompts_for("school", form.agency_groups) == ()


@pytest.mark.parametrize("form_key", ["initial", "review"])
def test_the_family_never_gets_the_restricted_section(forms, form_key):
    form = forms[form_key]
    family_keys = [section.key for section in form.sections_for_family()]
    assert "restricted" not in family_keys
    assert len(family_keys) == len(form.sections) - 1
    restricted = form.section("restricted")
    assert (restricted.kind, restricted.family_sees, restricted.required) == (
        "restricted",
        False,
        False,
    )


def test_only_the_review_asks_about_events_and_factors(forms):
    initial_kinds = {section.kind for section in forms["initial"].sections}
    review_kinds = {section.kind for section in forms["review"].sections}
    assert not initial_kinds & {"chronology", "factors"}
    assert {"chronology", "factors"} <= review_kinds


def test_stock_answers_and_recommendations(forms):
    form = forms["initial"]
    assert form.stock_answers == ("No concerns identified", "Not applicable", "Not known")
    assert form.section("worries").stock_answers == ("No concerns identified", "Not applicable")
    assert form.section("needs_to_happen").stock_answers == ("Not known",)
    assert [key for key, _ in form.recommendations] == [
        "child_protection_plan",
        "child_in_need",
        "early_help",
        "no_further_action",
    ]
    assert form.recommendation_label("child_protection_plan") == "Child protection plan needed"
    assert form.section("anything_else").required is False


def test_the_assessment_explains_the_significant_harm_test(forms):
    for form in forms.values():
        prompts = " ".join(form.section("assessment").prompts)
        assert "ill-treatment" in prompts
        assert "Working Together" in prompts


@pytest.mark.parametrize("form_key", ["initial", "review"])
def test_every_section_the_family_reads_has_a_heading_addressed_to_them(forms, form_key):
    """The family's copy never says "Your recommendation" to the family about the writer's
    recommendation: each heading they read is about the writer, in plain words."""
    for section in forms[form_key].sections_for_family():
        heading = section.title_for_family("Alder Primary")
        assert section.family_title, section.key
        assert not heading.startswith("Your"), heading
        assert "{" not in heading, heading
    assert forms[form_key].section("assessment").title_for_family("Alder Primary") == (
        "What Alder Primary recommends"
    )

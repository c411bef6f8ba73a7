"""Health guidance for an unborn baby (seed 002's health guidance, carried to pregnancy): a
midwife or health visitor writing about an expected baby is prompted about antenatal care,
booking and attendance at appointments, in the initial and the review form alike."""

import pytest

from cpconf.reportform import SHIPPED_DIRECTORY, load_report_forms


@pytest.fixture(scope="module")
def forms():
    return load_report_forms([SHIPPED_DIRECTORY])


def unborn_prompts(form, key: str) -> list[str]:
    return [p for p in form.section(key).agency_prompts["health"] if "unborn" in p.lower()]


@pytest.mark.parametrize("form_key", ["initial", "review"])
def test_the_worries_prompt_health_about_antenatal_booking_and_appointments(forms, form_key):
    prompts = " ".join(unborn_prompts(forms[form_key], "worries")).lower()

    assert "antenatal care" in prompts
    assert "booked" in prompts or "booking" in prompts
    assert "appointments" in prompts and "missed" in prompts


@pytest.mark.parametrize("form_key", ["initial", "review"])
def test_what_is_going_well_prompts_health_about_the_same_for_an_unborn_baby(forms, form_key):
    prompts = " ".join(unborn_prompts(forms[form_key], "going_well")).lower()

    assert "booking early for antenatal care" in prompts
    assert "keeping antenatal appointments" in prompts


@pytest.mark.parametrize("form_key", ["initial", "review"])
def test_only_health_is_given_the_unborn_baby_prompts(forms, form_key):
    for section in forms[form_key].sections:
        for group, prompts in section.agency_prompts.items():
            if group != "health":
                assert not any("antenatal" in p.lower() for p in prompts), (section.key, group)

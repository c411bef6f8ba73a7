"""The Django side of report forms: a bad file or a policy naming a missing form stops start-up."""

import pytest
from django.core.exceptions import ImproperlyConfigured

from cpconf.organisations import policies, report_forms

SHIPPED = report_forms.settings.CPCONF_REPORT_FORM_DIRS[0]


@pytest.fixture
def fresh_forms():
    report_forms.all_report_forms.cache_clear()
    policies.all_policies.cache_clear()
    yield
    report_forms.all_report_forms.cache_clear()
    policies.all_policies.cache_clear()


def test_a_form_file_with_an_error_stops_start_up_naming_file_section_and_problem(
    settings, tmp_path, fresh_forms
):
    broken = tmp_path / "initial.toml"
    text = (SHIPPED / "initial.toml").read_text().replace('kind = "text"', 'kind = "essay"', 1)
    broken.write_text(text)
    settings.CPCONF_REPORT_FORM_DIRS = [tmp_path]

    with pytest.raises(ImproperlyConfigured) as raised:
        report_forms.check_policies_have_forms()

    message = str(raised.value)
    assert "initial.toml" in message
    assert "sections.involvement.kind" in message
    assert "essay" in message


def test_a_policy_naming_a_form_that_does_not_exist_stops_start_up(settings, tmp_path, fresh_forms):
    (tmp_path / "initial.toml").write_text((SHIPPED / "initial.toml").read_text())
    settings.CPCONF_REPORT_FORM_DIRS = [tmp_path]  # no review form

    with pytest.raises(ImproperlyConfigured) as raised:
        report_forms.check_policies_have_forms()

    assert "report_form: there is no report form 'review'" in str(raised.value)


def test_each_meeting_type_picks_its_form_from_the_policy(fresh_forms):
    northshire = policies.policy_named("northshire")

    picked = {key: mt.report_form for key, mt in northshire.meeting_types.items()}

    assert picked["initial"] == "initial"
    assert picked["review"] == "review"
    assert set(picked.values()) <= set(report_forms.all_report_forms())

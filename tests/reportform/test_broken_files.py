"""A bad report form file is refused with the file, the key and the problem named."""

from pathlib import Path

import pytest

from cpconf.reportform import ReportFormError, load_report_form, load_report_forms
from cpconf.reportform.errors import (
    MISSING,
    MUST_BE_POSITIVE_NUMBER,
    MUST_BE_TABLE,
    MUST_BE_TEXT,
    MUST_BE_TEXT_LIST,
    MUST_BE_TRUE_OR_FALSE,
    NOT_A_SETTING,
)
from cpconf.reportform.loading import (
    FAMILY_TITLE_FOR_RESTRICTED,
    FAMILY_TITLE_PLACEHOLDER,
    NO_RECOMMENDATIONS,
    NO_SECTIONS,
    NOT_VALID_TOML,
    ONLY_RESTRICTED_IS_HIDDEN,
    RESTRICTED_IS_HIDDEN,
    STOCK_ANSWERS_ON_TEXT_ONLY,
)

GOOD = """\
title = "Test report"
stage = "review"
introduction = ["Write one report."]
stock_answers = ["No concerns identified", "Not applicable", "Not known"]

[recommendations]
child_protection_plan = "Child protection plan needed"
no_further_action = "No further action"

[agency_groups]
school = "school"
early_years = "school"
health = "health"
gp = "health"
police = "police"
adult_services = "adult_services"
probation = "adult_services"
housing = "other"
social_care = "other"
other = "other"

[[sections]]
key = "worries"
kind = "text"
title = "Worries"
question = "What are you worried about?"
stock_answers = ["No concerns identified"]

[sections.agency_prompts]
school = ["Attendance."]

[[sections]]
key = "events"
kind = "chronology"
title = "Events"
question = "What has happened since the last conference?"

[[sections]]
key = "sharing"
kind = "sharing"
title = "Sharing"
question = "Have you shared the report?"

[[sections]]
key = "assessment"
kind = "assessment"
title = "Your view"
question = "Is a plan needed?"

[[sections]]
key = "restricted"
kind = "restricted"
title = "Restricted"
question = "What must the family not see?"
required = false
family_sees = false
"""

ALL_KINDS = "text, restricted, assessment, sharing, chronology, factors"
ALL_GROUPS = "school, health, adult_services, police, other"


def write(directory: Path, text: str, name: str = "testing") -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / f"{name}.toml"
    path.write_text(text, encoding="utf-8")
    return path


def change(old: str, new: str) -> str:
    assert GOOD.count(old) == 1, old
    return GOOD.replace(old, new)


def test_the_good_file_loads(tmp_path):
    form = load_report_form(write(tmp_path, GOOD))
    assert form.key == "testing"
    assert form.source == "testing.toml"
    assert form.section("worries").agency_prompts["school"] == ("Attendance.",)
    assert form.section("restricted").family_sees is False
    assert form.section("sharing").required is True


@pytest.mark.parametrize(
    ("text", "key", "problem"),
    [
        pytest.param(change('title = "Test report"\n', ""), "title", MISSING, id="missing"),
        pytest.param(
            change('title = "Test report"', 'titel = "Test report"'),
            "titel",
            f"{NOT_A_SETTING}; did you mean 'title'?",
            id="unknown-form-setting",
        ),
        pytest.param(
            change('question = "Is a plan needed?"', 'questoin = "Is a plan needed?"'),
            "sections.assessment.questoin",
            f"{NOT_A_SETTING}; did you mean 'question'?",
            id="unknown-section-setting",
        ),
        pytest.param(
            change('title = "Worries"', 'title = ""'),
            "sections.worries.title",
            MUST_BE_TEXT,
            id="empty-text",
        ),
        pytest.param(
            change("required = false", 'required = "no"'),
            "sections.restricted.required",
            f"{MUST_BE_TRUE_OR_FALSE}, not 'no'",
            id="not-true-or-false",
        ),
        pytest.param(
            change('introduction = ["Write one report."]', 'introduction = "Write one report."'),
            "introduction",
            MUST_BE_TEXT_LIST,
            id="not-a-list",
        ),
        pytest.param(
            change('school = ["Attendance."]', 'school = "Attendance."'),
            "sections.worries.agency_prompts.school",
            MUST_BE_TEXT_LIST,
            id="agency-prompts-not-a-list",
        ),
        pytest.param(
            change('kind = "assessment"', 'kind = "assessment"\nmax_length = 0'),
            "sections.assessment.max_length",
            f"{MUST_BE_POSITIVE_NUMBER}, not 0",
            id="max-length",
        ),
        pytest.param(
            change('no_further_action = "No further action"', "no_further_action = 4"),
            "recommendations.no_further_action",
            MUST_BE_TEXT,
            id="recommendation-label",
        ),
        pytest.param(
            change(
                "[recommendations]\n"
                'child_protection_plan = "Child protection plan needed"\n'
                'no_further_action = "No further action"\n',
                'recommendations = ["Plan needed"]\n',
            ),
            "recommendations",
            MUST_BE_TABLE,
            id="not-a-table",
        ),
        pytest.param(
            change('kind = "text"', 'kind = "essay"'),
            "sections.worries.kind",
            f"'essay' is not one of {ALL_KINDS}",
            id="unknown-kind",
        ),
        pytest.param(
            change('school = ["Attendance."]', 'teachers = ["Attendance."]'),
            "sections.worries.agency_prompts.teachers",
            f"'teachers' is not one of {ALL_GROUPS}",
            id="unknown-agency-group",
        ),
        pytest.param(
            change('stock_answers = ["No concerns identified"]', 'stock_answers = ["Nothing"]'),
            "sections.worries.stock_answers",
            "'Nothing' is not one of the form's stock answers: No concerns identified, "
            "Not applicable, Not known",
            id="stock-answer-not-accepted",
        ),
        pytest.param(
            change(
                'question = "Have you shared the report?"',
                'question = "Shared?"\nstock_answers = ["Not known"]',
            ),
            "sections.sharing.stock_answers",
            STOCK_ANSWERS_ON_TEXT_ONLY,
            id="stock-answer-on-sharing",
        ),
        pytest.param(
            change('key = "events"', 'key = "worries"'),
            "sections[2].key",
            "'worries' is already the key of section 1",
            id="duplicate-section",
        ),
        pytest.param(
            change('key = "events"\n', ""),
            "sections[2].key",
            MISSING,
            id="section-without-key",
        ),
        pytest.param(
            change('key = "events"', 'key = "Events!"'),
            "sections[2].key",
            "must be lower-case letters, digits and underscores",
            id="section-key-not-a-slug",
        ),
        pytest.param(
            change('probation = "adult_services"\n', ""),
            "agency_groups",
            "must give a group for every kind of agency; missing probation",
            id="agency-kind-missing",
        ),
        pytest.param(
            change('gp = "health"', 'gp = "doctors"'),
            "agency_groups.gp",
            f"'doctors' is not one of {ALL_GROUPS}",
            id="agency-kind-in-unknown-group",
        ),
        pytest.param(
            change('gp = "health"', 'gp = "health"\nhospital = "health"'),
            "agency_groups.hospital",
            "'hospital' is not a kind of agency",
            id="unknown-agency-kind",
        ),
        pytest.param(
            change(
                'child_protection_plan = "Child protection plan needed"\n'
                'no_further_action = "No further action"\n',
                "",
            ),
            "recommendations",
            NO_RECOMMENDATIONS,
            id="no-recommendations",
        ),
        pytest.param(
            change('stage = "review"', 'stage = "final"'),
            "stage",
            "'final' is not one of initial, review",
            id="unknown-stage",
        ),
        pytest.param(
            change('kind = "assessment"', 'kind = "restricted"'),
            "sections",
            "must have exactly one section of kind 'restricted', not 2",
            id="two-restricted",
        ),
        pytest.param(
            change('kind = "sharing"', 'kind = "text"'),
            "sections",
            "must have exactly one section of kind 'sharing', not 0",
            id="no-sharing",
        ),
        pytest.param(
            change('kind = "assessment"', 'kind = "text"'),
            "sections",
            "must have exactly one section of kind 'assessment', not 0",
            id="no-assessment",
        ),
        pytest.param(
            change("family_sees = false", "family_sees = true"),
            "sections.restricted.family_sees",
            RESTRICTED_IS_HIDDEN,
            id="restricted-shown-to-family",
        ),
        pytest.param(
            change('kind = "sharing"', 'kind = "sharing"\nfamily_sees = false'),
            "sections.sharing.family_sees",
            ONLY_RESTRICTED_IS_HIDDEN,
            id="other-section-hidden-from-family",
        ),
        pytest.param(
            change('stage = "review"', 'stage = "initial"'),
            "sections.events.kind",
            "'chronology' sections can only be in review forms, and this form is 'initial'",
            id="chronology-in-initial",
        ),
        pytest.param(
            change('kind = "chronology"', 'kind = "factors"').replace(
                'stage = "review"', 'stage = "initial"'
            ),
            "sections.events.kind",
            "'factors' sections can only be in review forms",
            id="factors-in-initial",
        ),
        pytest.param(
            GOOD.split("[[sections]]")[0],
            "sections",
            MISSING,
            id="no-sections-at-all",
        ),
        pytest.param(
            "sections = []\n" + GOOD.split("[[sections]]")[0],
            "sections",
            NO_SECTIONS,
            id="empty-sections",
        ),
    ],
)
def test_a_bad_file_names_the_file_key_and_problem(tmp_path, text, key, problem):
    with pytest.raises(ReportFormError) as error:
        load_report_form(write(tmp_path, text))
    assert error.value.source == "testing.toml"
    assert error.value.key == key
    assert problem in error.value.problem
    assert str(error.value) == f"testing.toml: {key}: {error.value.problem}"


def test_a_toml_syntax_error_gives_the_line(tmp_path):
    text = change('stage = "review"', "stage = ")
    with pytest.raises(ReportFormError) as error:
        load_report_form(write(tmp_path, text))
    assert str(error.value) == f"testing.toml: line 2: {NOT_VALID_TOML}: Invalid value (column 9)"


def test_a_section_declared_twice_as_a_table_is_a_syntax_error(tmp_path):
    text = GOOD + '\n[sections.agency_prompts]\nschool = ["Again."]\n[sections.agency_prompts]\n'
    with pytest.raises(ReportFormError, match=r"^testing\.toml: line \d+: is not valid TOML: "):
        load_report_form(write(tmp_path, text))


def test_a_file_that_is_not_text_says_so(tmp_path):
    path = tmp_path / "testing.toml"
    path.write_bytes(b"title = \xff\xfe")
    with pytest.raises(ReportFormError, match=r"^testing\.toml: \(file\): is not UTF-8 text$"):
        load_report_form(path)


def test_a_form_key_in_two_directories_is_an_error(tmp_path):
    first = write(tmp_path / "national", GOOD, name="initial")
    write(tmp_path / "local", GOOD, name="initial")
    write(tmp_path / "local", GOOD, name="review")
    with pytest.raises(ReportFormError) as error:
        load_report_forms([tmp_path / "national", tmp_path / "local"])
    assert error.value.source == "initial.toml"
    assert error.value.key == "(file)"
    assert error.value.problem == f"a report form called 'initial' is already loaded from {first}"


def test_forms_from_several_directories_load_by_file_name(tmp_path):
    write(tmp_path / "national", GOOD, name="initial")
    write(tmp_path / "local", GOOD, name="safer_me_plus")
    forms = load_report_forms([tmp_path / "national", tmp_path / "local"])
    assert sorted(forms) == ["initial", "safer_me_plus"]
    assert forms["safer_me_plus"].source == "safer_me_plus.toml"


def test_a_section_may_give_the_family_its_own_heading(tmp_path):
    text = change(
        'title = "Your view"\n', 'title = "Your view"\nfamily_title = "What {agency} recommends"\n'
    )

    form = load_report_form(write(tmp_path, text))

    assessment = form.section("assessment")
    assert assessment.title_for_family("Alder Primary") == "What Alder Primary recommends"
    # A section without one is headed by its title in the family's copy too.
    assert form.section("worries").title_for_family("Alder Primary") == "Worries"


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        pytest.param(
            change('title = "Restricted"\n', 'title = "Restricted"\nfamily_title = "Secrets"\n'),
            FAMILY_TITLE_FOR_RESTRICTED,
            id="restricted",
        ),
        pytest.param(
            change(
                'title = "Your view"\n', 'title = "Your view"\nfamily_title = "What {who} says"\n'
            ),
            FAMILY_TITLE_PLACEHOLDER,
            id="unknown-placeholder",
        ),
        pytest.param(
            change('title = "Your view"\n', 'title = "Your view"\nfamily_title = ""\n'),
            MUST_BE_TEXT,
            id="empty",
        ),
    ],
)
def test_a_bad_family_heading_is_refused_with_the_section_named(tmp_path, text, problem):
    with pytest.raises(ReportFormError) as error:
        load_report_form(write(tmp_path, text))
    assert error.value.key.endswith(".family_title")
    assert problem in error.value.problem

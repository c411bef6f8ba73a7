"""The chair's agendas are data beside the report forms: one for an initial conference and one
for a review, each checked when read, a bad one named by file, key and problem."""

from pathlib import Path

import pytest

from cpconf.conference_records import record_content as parts
from cpconf.conference_records.agenda import (
    SHIPPED_DIRECTORY,
    AgendaError,
    agenda_for_stage,
    load_agenda,
    load_agendas,
)

INITIAL = SHIPPED_DIRECTORY / "initial.toml"


def test_there_is_an_agenda_for_each_stage_beside_the_report_forms():
    agendas = load_agendas(SHIPPED_DIRECTORY)

    assert set(agendas) == {"initial", "review"}
    assert SHIPPED_DIRECTORY.parent == Path(parts.__file__).resolve().parents[1]
    assert (SHIPPED_DIRECTORY.parent / "reportforms").is_dir()
    for agenda in agendas.values():
        assert sorted(agenda.part_keys) == sorted(parts.PART_KEYS)


def test_the_review_agenda_follows_the_seven_sections_of_the_chairs_agenda():
    review = agenda_for_stage("review")

    assert [(s.number, s.title) for s in review.sections] == [
        (1, "Meeting with the family"),
        (2, "Introductions and reports received"),
        (3, "Why are we here today?"),
        (4, "Discussion and current situation"),
        (4, "What needs to happen: the plan"),
        (5, "How safe are the children?"),
        (6, "Decisions"),
        (7, "Future meetings, feedback and appeal"),
    ]
    assert [key for key, _title in review.outcomes] == list(parts.OUTCOME_KEYS)
    assert review.wording(parts.WHY_HERE, "danger_statement").hint == (
        "As agreed at the last conference; change it if the conference agrees"
    )


def words_of(agenda) -> list[str]:
    """Every word the chair reads from the agenda."""
    words = [agenda.title]
    for section in agenda.sections:
        words += [section.title, *section.guidance]
        words += [w for wording in section.fields.values() for w in (wording.label, wording.hint)]
    return words + [title for _key, title in (*agenda.headings, *agenda.outcomes)]


def test_the_initial_agenda_has_no_last_conference_and_no_plan_to_continue_or_end():
    initial = agenda_for_stage("initial")
    every_word = " ".join(words_of(initial)).lower()
    labels = " ".join(label.lower() for _key, label in initial.outcomes)

    assert "last conference" not in every_word
    assert "continues" not in labels and "ends" not in labels
    assert [key for key, _label in initial.outcomes] == [
        parts.PLAN_STARTS,
        parts.ENDS_CHILD_IN_NEED,
        parts.ENDS_EARLY_HELP,
        parts.ENDS_NO_FURTHER_ACTION,
    ]
    assert initial.outcome_label(parts.PLAN_STARTS) == "Becomes subject to a child protection plan"
    assert "become subject to a child protection plan" in " ".join(
        initial.guidance(parts.DECISIONS, core_group_days=10, review_months=3)
    )


def test_for_a_baby_not_yet_born_the_question_is_only_whether_harm_is_likely():
    for stage in ("initial", "review"):
        agenda = agenda_for_stage(stage)
        unborn = agenda.wording(parts.DECISIONS, "unborn_likely_to_suffer")

        assert "likely to suffer" in unborn.label
        assert "suffered" not in unborn.label
        assert "suffered" in agenda.wording(parts.DECISIONS, "suffered_harm").label


def test_the_initial_agenda_asks_for_the_core_group_and_the_first_review_in_time():
    guidance = " ".join(
        agenda_for_stage("initial").guidance(
            parts.FUTURE_DATES, core_group_days=10, review_months=3
        )
    )

    assert "first meeting, within 10 working days" in guidance
    assert "first review conference, within 3 months" in guidance


def test_the_initial_discussion_is_about_worries_strengths_and_complications():
    initial = agenda_for_stage("initial")

    assert [key for key, _title in initial.headings] == ["worries", "working_well", "complicating"]
    assert all("plan" not in title for _key, title in initial.headings)


def write(tmp_path: Path, text: str, name: str = "initial") -> Path:
    path = tmp_path / f"{name}.toml"
    path.write_text(text)
    return path


def changed(old: str, new: str) -> str:
    text = INITIAL.read_text()
    assert old in text
    return text.replace(old, new, 1)


@pytest.mark.parametrize(
    ("old", "new", "key", "problem"),
    [
        ('stage = "initial"', 'stage = "final"', "stage", "'final' is not one of initial, review"),
        ('key = "scaling"', 'key = "scores"', "sections[6].key", "'scores' is not a part"),
        (
            'key = "scaling"',
            'key = "plan"',
            "sections.plan.key",
            "'plan' is in the agenda twice",
        ),
        ("number = 5", "number = 0", "sections.scaling.number", "must be 1 or more"),
        (
            'key = "plan_starts"',
            'key = "plan_begins"',
            "sections.decisions.outcomes[1].key",
            "'plan_begins' is not one of plan_continues, plan_starts",
        ),
        (
            "[sections.fields.safety_goals]",
            "[sections.fields.safety_goal]",
            "sections.why_here.fields.safety_goal",
            "did you mean 'safety_goals'?",
        ),
        (
            "within {core_group_days} working days",
            "within {core_group_weeks} weeks",
            "sections.future_dates.guidance",
            "{core_group_weeks} is not one of {core_group_days}, {review_months}",
        ),
        (
            '[[sections.headings]]\nkey = "worries"',
            '[[sections.outcomes]]\nkey = "worries"',
            "sections.discussion.outcomes",
            "only the decisions section lists outcomes",
        ),
        (
            '[sections.fields.unborn_likely_to_suffer]\nlabel = "Is the baby likely to suffer '
            'significant harm?"',
            "",
            "sections.decisions.fields.unborn_likely_to_suffer",
            "is missing",
        ),
    ],
)
def test_a_bad_agenda_names_the_file_key_and_problem(tmp_path, old, new, key, problem):
    with pytest.raises(AgendaError) as error:
        load_agenda(write(tmp_path, changed(old, new)))

    assert error.value.source == "initial.toml"
    assert error.value.key == key
    assert problem in error.value.problem


def test_an_agenda_missing_a_part_of_the_record_says_which(tmp_path):
    text = INITIAL.read_text()
    start = text.index('[[sections]]\nkey = "scaling"')
    end = text.index("[[sections]]", start + 1)

    with pytest.raises(AgendaError) as error:
        load_agenda(write(tmp_path, text[:start] + text[end:]))

    assert (error.value.key, error.value.problem) == ("sections", "must include scaling")


def test_the_file_is_named_after_its_stage(tmp_path):
    with pytest.raises(AgendaError) as error:
        load_agenda(write(tmp_path, INITIAL.read_text(), name="review"))

    assert (error.value.key, error.value.problem) == (
        "stage",
        "must match the file name ('review')",
    )


def test_a_folder_without_an_agenda_for_a_stage_says_which(tmp_path):
    write(tmp_path, INITIAL.read_text())

    with pytest.raises(AgendaError) as error:
        load_agendas(tmp_path)

    assert str(error.value) == "review.toml: (file): there is no agenda for review conferences"


def test_a_bad_agenda_stops_start_up(tmp_path):
    from django.core.exceptions import ImproperlyConfigured

    from cpconf.conference_records.apps import check_agendas

    write(tmp_path, changed('stage = "initial"', 'stage = "final"'))
    write(tmp_path, (SHIPPED_DIRECTORY / "review.toml").read_text(), name="review")

    with pytest.raises(ImproperlyConfigured) as raised:
        check_agendas(tmp_path)

    assert str(raised.value).startswith("Agenda file is wrong: initial.toml: stage: 'final' is not")

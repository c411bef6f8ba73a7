"""On the pages with a row per child or per person, each error in the summary names whom it is
about ("Lily Hartwell: choose a decision from the list"), so two children's errors are never
two identical lines."""

import re
from html import unescape

import pytest

from cpconf.conference_records import record_content as parts
from cpconf.named_errors import named
from tests.conference_records.pages import part_url, revision_of, rows, started
from tests.conference_records.test_pages_validation import _people

pytestmark = pytest.mark.django_db

BLANK = {"suffered_harm": "", "likely_to_suffer": "", "professional_views": "", "consensus": ""}


def error_summary(page: str) -> list[str]:
    block = page.split('class="govuk-error-summary"', 1)[1].split("</ul>", 1)[0]
    return [unescape(m) for m in re.findall(r'<a href="[^"]+">([^<]+)</a>', block)]


def test_named_puts_the_name_first_and_never_twice():
    assert named("Alex Smith", "Choose a category") == "Alex Smith: choose a category"
    assert named("Alex Smith", "NHS number must be 10 digits") == (
        "Alex Smith: NHS number must be 10 digits"
    )
    assert named("Alex Smith", "Choose a decision for Alex Smith") == (
        "Choose a decision for Alex Smith"
    )
    assert named("", "Choose a category") == "Choose a category"


def test_each_childs_decision_error_names_the_child(client, scene):
    record = started(scene)
    client.force_login(scene.chair)
    lily, noah = scene.children

    response = client.post(
        part_url(scene.conference, parts.DECISIONS),
        {
            "revision": revision_of(record, parts.DECISIONS),
            **rows(
                "children",
                {**BLANK, "child_id": str(lily.pk), "name": lily.full_name, "outcome": "nonsense"},
                {**BLANK, "child_id": str(noah.pk), "name": noah.full_name, "outcome": "nonsense"},
            ),
            "chair_summary": "",
            **rows("dissent", {"who": "", "view": ""}),
        },
    )

    assert response.status_code == 400
    summary = error_summary(response.content.decode())
    assert f"{lily.full_name}: choose a decision from the list" in summary
    assert f"{noah.full_name}: choose a decision from the list" in summary
    assert len(set(summary)) == len(summary)


def test_each_participants_scaling_error_names_the_participant(client, scene):
    record = started(scene)
    _people(record, scene)
    client.force_login(scene.chair)
    lily = scene.children[0]

    response = client.post(
        part_url(scene.conference, parts.SCALING),
        {
            "revision": revision_of(record, parts.SCALING),
            **rows(
                "scores",
                {"participant": "Dawn Hartwell", "child_id": str(lily.pk), "score": "seven"},
            ),
        },
    )

    assert response.status_code == 400
    assert (
        f"Dawn Hartwell's score for {lily.full_name}: the score must be a whole number, like 6"
        in error_summary(response.content.decode())
    )

"""A risk or protective factor's evidence has a limit like every other answer (2,000
characters, as a chronology event's "What happened"): over it, the row and the field are
named, what was typed is kept, and nothing is saved."""

import pytest

from cpconf.named_errors import named
from tests.report_scene import review_conference, start
from tests.reports.part_posts import part_url, rows_post, summary_links

pytestmark = pytest.mark.django_db


def factor(evidence: str) -> dict:
    return {
        "factor": "Mother's drinking",
        "kind": "risk",
        "change": "diminished",
        "how_much": "less often",
        "evidence": evidence,
    }


@pytest.fixture
def review(scene):
    return start(scene, conference=review_conference(scene))


def test_evidence_of_300000_characters_is_refused_and_kept(client, scene, review):
    evidence = "Mum said she has cut down. " * 11112
    typed = evidence.strip()
    client.force_login(scene.author)

    response = client.post(part_url(review, "factors"), rows_post("factors", [factor(evidence)]))

    assert response.status_code == 400
    message = f"Evidence must be 2,000 characters or fewer; it has {len(typed):,}"
    assert summary_links(response.content.decode()) == [
        ("id_factors-0-evidence", named("Factor 1", message))
    ]
    assert typed[:200] in response.content.decode()
    assert review.sections.get(key="factors").revision == 0


def test_evidence_of_2000_characters_is_saved(client, scene, review):
    evidence = "x" * 2000
    client.force_login(scene.author)

    response = client.post(part_url(review, "factors"), rows_post("factors", [factor(evidence)]))

    assert response.status_code == 302
    assert review.sections.get(key="factors").content["factors"][0]["evidence"] == evidence

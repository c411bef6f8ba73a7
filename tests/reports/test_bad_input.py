"""Bad input: a GOV.UK error summary linking to each field, and what was typed is kept."""

import datetime as dt
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from cpconf.named_errors import named
from cpconf.reports.models import SectionState
from tests.report_scene import save, signature_from_page, start

pytestmark = pytest.mark.django_db


def summary_links(page: str) -> list[tuple[str, str]]:
    summary = page.split('class="govuk-error-summary"', 1)[1].split("</ul>", 1)[0]
    return re.findall(r'<a href="#([^"]+)">([^<]+)</a>', summary)


def children_post(report, **row0):
    children = report.sections.get(key="children").content["children"]
    data = {
        "revision": 0,
        "children-TOTAL_FORMS": len(children),
        "children-INITIAL_FORMS": len(children),
        "children-MIN_NUM_FORMS": 0,
        "children-MAX_NUM_FORMS": 1000,
    }
    for index, child in enumerate(children):
        born = dt.date.fromisoformat(child["date_of_birth"])
        data.update(
            {
                f"children-{index}-child_id": child["child_id"],
                f"children-{index}-name": child["name"],
                f"children-{index}-date_of_birth_day": born.day,
                f"children-{index}-date_of_birth_month": born.month,
                f"children-{index}-date_of_birth_year": born.year,
                f"children-{index}-id_number": "",
            }
        )
    data.update({f"children-0-{k}": v for k, v in row0.items()})
    return data


def test_a_date_of_birth_in_the_future_is_refused_and_the_typed_name_kept(client, scene):
    report = start(scene)
    client.force_login(scene.author)
    next_year = timezone.localdate().year + 1

    response = client.post(
        reverse("reports:part", args=[report.pk, "children"]),
        children_post(report, name="Lilly-Mae Hartwell", date_of_birth_year=next_year),
    )

    assert response.status_code == 400
    page = response.content.decode()
    assert summary_links(page) == [
        # The error names the child it is about (cpconf.named_errors).
        ("id_children-0-date_of_birth_day", "Lilly-Mae Hartwell: date of birth must be in the past")
    ]
    assert 'id="id_children-0-date_of_birth_day"' in page
    assert 'value="Lilly-Mae Hartwell"' in page
    assert f'value="{next_year}"' in page
    assert report.sections.get(key="children").revision == 0


def test_a_date_that_does_not_exist_is_refused(client, scene):
    report = start(scene)
    client.force_login(scene.author)

    response = client.post(
        reverse("reports:part", args=[report.pk, "children"]),
        children_post(report, date_of_birth_day=31, date_of_birth_month=2),
    )

    assert summary_links(response.content.decode())[0][1].endswith(
        ": date of birth must be a real date"
    )


def test_corrected_child_details_are_saved_in_the_report_only(client, scene):
    report = start(scene)
    client.force_login(scene.author)

    client.post(
        reverse("reports:part", args=[report.pk, "children"]),
        children_post(report, name="Lily-Rose Hartwell", id_number="943 476 5919"),
    )

    first = report.sections.get(key="children").content["children"][0]
    assert first["name"] == "Lily-Rose Hartwell"
    assert first["id_number"] == "943 476 5919"
    scene.children[0].refresh_from_db()
    assert scene.children[0].given_name == "Lily"


def assessment_post(report, score):
    children = report.sections.get(key="assessment").content["children"]
    data = {
        "revision": 0,
        "assessment-TOTAL_FORMS": len(children),
        "assessment-INITIAL_FORMS": len(children),
        "assessment-MIN_NUM_FORMS": 0,
        "assessment-MAX_NUM_FORMS": 1000,
    }
    for index, child in enumerate(children):
        data.update(
            {
                f"assessment-{index}-child_id": child["child_id"],
                f"assessment-{index}-name": child["name"],
                f"assessment-{index}-scaling": score,
                f"assessment-{index}-recommendation": "child_in_need",
                f"assessment-{index}-reason": f"Reason for {child['name']}",
            }
        )
    return data


@pytest.mark.parametrize(
    ("policy", "score", "message"),
    [
        ("northshire", 11, "Scaling score must be between 0 and 10"),
        ("southvale", 0, "Scaling score must be between 1 and 10"),
    ],
)
def test_a_scaling_score_outside_the_policys_range_is_refused(
    client, scene, policy, score, message
):
    scene.authority.policy_name = policy
    scene.authority.save()
    report = start(scene)
    client.force_login(scene.author)

    response = client.post(
        reverse("reports:part", args=[report.pk, "assessment"]), assessment_post(report, score)
    )

    assert response.status_code == 400
    page = response.content.decode()
    assert summary_links(page)[0] == ("id_assessment-0-scaling", named("Lily Hartwell", message))
    assert "Reason for Lily Hartwell" in page  # what was typed stays


def test_a_scaling_score_in_range_is_saved_per_child_with_the_policys_ends_shown(client, scene):
    report = start(scene)
    client.force_login(scene.author)
    url = reverse("reports:part", args=[report.pk, "assessment"])

    page = client.get(url).content.decode()
    assert "From 0 to 10. 0: The child is not safe" in page
    assert "10: The child is safe enough" in page
    client.post(url, assessment_post(report, 3))

    saved = report.sections.get(key="assessment").content["children"]
    assert [(c["name"], c["scaling"], c["recommendation"]) for c in saved] == [
        ("Lily Hartwell", 3, "child_in_need"),
        ("Noah Hartwell", 3, "child_in_need"),
    ]


def test_an_over_long_answer_is_refused_and_kept(client, scene):
    report = start(scene)
    limit = 10000
    long_text = "Lily said she was hungry. " * (limit // 20)
    client.force_login(scene.author)

    response = client.post(
        reverse("reports:part", args=[report.pk, "worries"]), {"revision": 0, "text": long_text}
    )

    assert response.status_code == 400
    links = summary_links(response.content.decode())
    assert links == [
        (
            "id_text",
            f"Your answer must be {limit:,} characters or fewer; it has {len(long_text.strip()):,}",
        )
    ]
    assert long_text.strip()[:200] in response.content.decode()


def test_marking_an_empty_section_completed_is_refused(client, scene):
    report = start(scene)
    client.force_login(scene.author)

    response = client.post(
        reverse("reports:part", args=[report.pk, "worries"]),
        {"revision": 0, "text": "", "completed": "yes"},
    )

    assert response.status_code == 400
    assert summary_links(response.content.decode()) == [
        ("id_text", "Answer every question in this section before you mark it as completed")
    ]
    assert report.sections.get(key="worries").state == SectionState.NOT_STARTED


def test_sharing_marked_done_needs_how_when_and_with_whom(client, scene):
    report = start(scene)
    client.force_login(scene.author)

    response = client.post(
        reverse("reports:part", args=[report.pk, "sharing"]),
        {
            "revision": 0,
            "shared": "yes",
            "comments": "Mum says the school is picking on her.",
            "completed": "yes",
        },
    )

    assert response.status_code == 400
    assert [message for _, message in summary_links(response.content.decode())] == [
        "Enter the date you shared the report",
        "Select how you shared the report",
        "Enter who you shared the report with",
    ]
    assert "Mum says the school is picking on her." in response.content.decode()


def test_submitting_with_empty_required_sections_lists_each_one(client, scene):
    report = start(scene)
    save(report, "worries", {"text": "Lily arrives hungry."})
    client.force_login(scene.author)

    response = client.post(
        reverse("reports:check", args=[report.pk]),
        signature_from_page(client, report, signed_role="DSL"),
    )

    assert response.status_code == 400
    page = response.content.decode()
    page = page.split('class="govuk-error-summary"', 1)[1].split("</ul>", 1)[0]
    assert f'href="{reverse("reports:part", args=[report.pk, "involvement"])}"' in page
    assert f'href="{reverse("reports:part", args=[report.pk, "worries"])}"' not in page
    assert f'href="{reverse("reports:part", args=[report.pk, "anything_else"])}"' not in page
    assert not report.versions.exists()


def test_signing_needs_a_name_and_the_confirmation(client, scene):
    report = start(scene)
    client.force_login(scene.author)

    response = client.post(
        reverse("reports:check", args=[report.pk]), {"signed_name": "", "signed_role": "DSL"}
    )

    links = summary_links(response.content.decode())
    assert ("id_signed_name", "Enter your full name to sign the report") in links
    assert ("id_confirm", "Confirm the report is accurate before you submit it") in links

"""In the report, the parts with a row per child (the children, the scaling and
recommendation) or per person (the family members) name whom each error is about."""

import re
from html import unescape

import pytest
from django.urls import reverse

from tests.report_scene import start

pytestmark = pytest.mark.django_db


def error_summary(page: str) -> list[str]:
    block = page.split('class="govuk-error-summary"', 1)[1].split("</ul>", 1)[0]
    return [unescape(m) for m in re.findall(r'<a href="[^"]+">([^<]+)</a>', block)]


def management(prefix: str, total: int) -> dict[str, int]:
    return {
        f"{prefix}-TOTAL_FORMS": total,
        f"{prefix}-INITIAL_FORMS": total,
        f"{prefix}-MIN_NUM_FORMS": 0,
        f"{prefix}-MAX_NUM_FORMS": 1000,
    }


def test_each_childs_scaling_error_names_the_child(client, scene):
    report = start(scene)
    children = report.sections.get(key="assessment").content["children"]
    client.force_login(scene.author)
    data = {"revision": report.sections.get(key="assessment").revision, "completed": "no"}
    prefix = "assessment"
    data |= management(prefix, len(children))
    for index, child in enumerate(children):
        data |= {
            f"{prefix}-{index}-child_id": child["child_id"],
            f"{prefix}-{index}-name": child["name"],
            f"{prefix}-{index}-scaling": "99",
            f"{prefix}-{index}-recommendation": "",
            f"{prefix}-{index}-reason": "",
        }

    response = client.post(reverse("reports:part", args=[report.pk, "assessment"]), data)

    assert response.status_code == 400
    summary = error_summary(response.content.decode())
    for child in children:
        assert f"{child['name']}: scaling score must be between 0 and 10" in summary


def test_a_childs_date_of_birth_error_names_the_child(client, scene):
    report = start(scene)
    children = report.sections.get(key="children").content["children"]
    client.force_login(scene.author)
    data = {"revision": report.sections.get(key="children").revision, "completed": "no"}
    data |= management("children", len(children))
    for index, child in enumerate(children):
        data |= {
            f"children-{index}-child_id": child["child_id"],
            f"children-{index}-name": child["name"],
            f"children-{index}-id_number": "",
            f"children-{index}-date_of_birth_day": "2",
            f"children-{index}-date_of_birth_month": "3",
            f"children-{index}-date_of_birth_year": "2099" if index == 0 else "2016",
        }

    response = client.post(reverse("reports:part", args=[report.pk, "children"]), data)

    assert response.status_code == 400
    summary = error_summary(response.content.decode())
    assert summary == [f"{children[0]['name']}: date of birth must be in the past"]


def test_a_family_members_error_names_them(client, scene):
    report = start(scene)
    client.force_login(scene.author)
    data = {"revision": report.sections.get(key="family_members").revision, "completed": "no"}
    data |= management("members", 1)
    data |= {
        "members-0-name": "Dawn Hartwell",
        "members-0-relationship": "Mother",
        "members-0-household": "sometimes",
    }

    response = client.post(reverse("reports:part", args=[report.pk, "family_members"]), data)

    assert response.status_code == 400
    (message,) = error_summary(response.content.decode())
    assert message.startswith("Dawn Hartwell: ")

"""What a report part's page posts, built from the report as saved, and the page read back:
for the tests of the children, assessment, chronology, factors and sharing parts."""

import datetime as dt
import html
import re
from typing import Any

from django.urls import reverse

from cpconf.reports.models import ProfessionalReport


def part_url(report: ProfessionalReport, key: str) -> str:
    return reverse("reports:part", args=[report.pk, key])


def rows_post(prefix: str, rows: list[dict[str, Any]], **extra: Any) -> dict[str, Any]:
    """Rows as a formset posts them: `prefix-N-field`, with the management form."""
    data: dict[str, Any] = {
        "revision": 0,
        f"{prefix}-TOTAL_FORMS": len(rows),
        f"{prefix}-INITIAL_FORMS": len(rows),
        f"{prefix}-MIN_NUM_FORMS": 0,
        f"{prefix}-MAX_NUM_FORMS": 1000,
    }
    for index, row in enumerate(rows):
        data |= {f"{prefix}-{index}-{name}": value for name, value in row.items()}
    return data | extra


def date_fields(name: str, day: dt.date) -> dict[str, Any]:
    return {f"{name}_day": day.day, f"{name}_month": day.month, f"{name}_year": day.year}


def child_rows(report: ProfessionalReport) -> list[dict[str, Any]]:
    """The children part's rows as its page shows them."""
    rows = []
    for child in report.sections.get(key="children").content["children"]:
        day = dt.date.fromisoformat(child["date_of_birth"])
        rows.append(
            {
                "child_id": child["child_id"],
                "name": child["name"],
                **date_fields("date_of_birth", day),
                "id_number": child["id_number"],
            }
        )
    return rows


def assessment_rows(report: ProfessionalReport, score: int = 4) -> list[dict[str, Any]]:
    """The assessment part's rows, each child scored and recommended."""
    return [
        {
            "child_id": child["child_id"],
            "name": child["name"],
            "scaling": score,
            "recommendation": "child_in_need",
            "reason": f"Reason for {child['name']}",
        }
        for child in report.sections.get(key="assessment").content["children"]
    ]


def summary_links(page: str) -> list[tuple[str, str]]:
    """The error summary as (field id, message), in its order."""
    if 'class="govuk-error-summary"' not in page:
        return []
    summary = page.split('class="govuk-error-summary"', 1)[1].split("</ul>", 1)[0]
    found = re.findall(r'<a href="#([^"]+)">([^<]+)</a>', summary)
    return [(target, html.unescape(message)) for target, message in found]

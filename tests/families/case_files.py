"""Building case-system files and reading pages back, for the families tests."""

import csv
import html
import io
import re

from cpconf.families.case_file import COLUMNS

HEADER = (*COLUMNS, "lives_in_household", "address")


def person(case_reference: str, record_type: str, reference: str, **values: str) -> dict:
    row = {column: "" for column in HEADER}
    row.update(case_reference=case_reference, record_type=record_type, reference=reference)
    row.update(values)
    return row


def child(case_reference: str, reference: str, given: str, family: str, **values: str) -> dict:
    values.setdefault("date_of_birth", "3/4/2019")
    return person(
        case_reference, "child", reference, given_name=given, family_name=family, **values
    )


def adult(case_reference: str, reference: str, given: str, family: str, **values: str) -> dict:
    values.setdefault("relationship", "mother")
    values.setdefault("language", "English")
    values.setdefault("interpreter_needed", "no")
    values.setdefault("lives_in_household", "yes")
    return person(
        case_reference, "member", reference, given_name=given, family_name=family, **values
    )


def csv_bytes(rows: list[dict], header: tuple[str, ...] = HEADER) -> bytes:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=header, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue().encode("utf-8")


def ashdowns(case_reference: str = "CS-1001") -> list[dict]:
    return [
        child(case_reference, "P-1", "Mia", "Ashdown", date_of_birth="2019-04-03"),
        child(case_reference, "P-2", "Leo", "Ashdown", date_of_birth="14/9/2021"),
        adult(case_reference, "A-1", "Karen", "Ashdown", access_needs="Large print"),
        adult(
            case_reference,
            "A-2",
            "Tomasz",
            "Nowak",
            relationship="partner",
            language="Polish",
            interpreter_needed="yes",
        ),
    ]


def error_summary(page: str) -> list[str]:
    """The error summary's messages, as the reader sees them."""
    if 'class="govuk-error-summary"' not in page:
        return []
    block = page.split('class="govuk-error-summary"', 1)[1].split("</ul>", 1)[0]
    return [html.unescape(m) for m in re.findall(r'<a href="#[^"]+">([^<]+)</a>', block)]


def text_of(page: str) -> str:
    """The page's words, without markup, spaces collapsed."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", page)).split())

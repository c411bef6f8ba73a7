"""What the authorisation matrix is made of, so each part of the system can add its rows.

`tests/access/test_matrix.py` holds the core rows; every module in
`tests/access/matrix_extensions/` adds `CASES` (a tuple of `Case`) and may add
`extend_world(users, records)`, which puts more records in the world the rows are asked
against (a conference record, a pack, a letter...). Targets name records by their key.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

USERS = (
    "anonymous",
    "professional",
    "social_worker",
    "unit",
    "chair",
    "family_member",
    "auditor",
    "other_authority_unit",
)


@dataclass(frozen=True)
class Case:
    """A URL pattern asked for with `method` for each target; `expect` gives, per user, the
    status for each target in order."""

    name: str
    method: str
    targets: tuple[str, ...]
    args: Callable[[Any], tuple]
    expect: dict[str, str]


def no_args(record: Any) -> tuple:
    return ()


def pk(record: Any) -> tuple:
    return (record.pk,)


AUDITORS_ONLY = {user: "404" for user in USERS} | {"anonymous": "302", "auditor": "200"}
# The unit of the record's authority, and nobody else.
UNIT_ONLY = {user: "404 404 404" for user in USERS} | {
    "anonymous": "302 302 302",
    "unit": "200 200 404",
    "other_authority_unit": "404 404 200",
}
SIGNED_IN_ONLY = {user: "200" for user in USERS} | {"anonymous": "302"}
FAMILIES = ("own_family", "other_family", "foreign_family")
CONFERENCES = ("own_conference", "other_conference", "foreign_conference")
REPORTS = ("own_draft", "colleagues_report", "other_report", "foreign_report")
NOBODY_BUT_AUTHOR = {
    "anonymous": "302 302 302 302",
    "professional": "200 404 404 404",
    "social_worker": "404 404 404 404",
    "unit": "404 404 404 404",
    "chair": "404 404 404 404",
    "family_member": "404 404 404 404",
    "auditor": "404 404 404 404",
    "other_authority_unit": "404 404 404 404",
}
# Submitted reports are read by the unit, the chair of that conference, and professionals
# invited to it once its pack is released; a draft only by its author.
READERS_OF_SUBMITTED = {
    "anonymous": "302 302 302 302",
    "professional": "{own} 200 404 404",
    "social_worker": "404 404 404 404",
    "unit": "404 200 200 404",
    "chair": "404 200 404 404",
    "family_member": "404 404 404 404",
    "auditor": "404 404 404 404",
    "other_authority_unit": "404 404 404 200",
}


def readers(own: str, **changes: str) -> dict[str, str]:
    table = {user: row.replace("{own}", own) for user, row in READERS_OF_SUBMITTED.items()}
    return table | changes

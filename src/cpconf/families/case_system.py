"""A family as the case system gives it: the family's values, and each child and adult with
the case system's own reference for them. The API, the import and the unit's "Create a
family" page all describe families this way, and `services.families_upsert` saves them."""

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class PersonRecord:
    """A child or adult. An empty reference means the person has none (one the unit added
    on its own pages): they are always added, never matched."""

    reference: str
    values: dict[str, Any]


@dataclass(frozen=True)
class FamilyRecord:
    case_reference: str
    values: dict[str, Any]
    children: Sequence[PersonRecord] = ()
    members: Sequence[PersonRecord] = ()

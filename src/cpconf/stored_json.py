"""Dataclasses read from, and written to, the plain JSON a record or report stores.

A conference record's parts and a report's parts are stored as JSON (frozen into versions,
compared, fingerprinted, sent by the API), but read and written in the code as dataclasses, so
each field is defined once: its name is the JSON key, its default the empty answer, and its
`kind` (field metadata) what value it holds and what the per-save checks accept. Nothing here
imports Django.

Kinds: "text", "date" and "time" (text), a tuple of choices (text, one of them), "bool",
"child" and "score" (a whole number or None), "texts" and "categories" (lists of text),
"children" (a list of whole numbers), and rows (`rows_of_type`: a list of another type). Any
other kind is text.
"""

from dataclasses import Field, asdict, field, fields
from typing import Any, Self

WHOLE_NUMBER_KINDS = ("child", "score")
TEXT_LIST_KINDS = ("texts", "categories")
NUMBER_LIST_KINDS = ("children",)
ROWS = "rows"


def json_field(kind: Any, default: Any = "") -> Any:
    """A field holding one value of `kind`, `default` when not answered."""
    return field(default=default, metadata={"kind": kind})


def rows_of_type(row_type: type["StoredJson"]) -> dict[str, Any]:
    """A list field's metadata: rows, each read as `row_type`. Use with
    `field(default_factory=list, metadata=rows_of_type(Row))`."""
    return {"kind": ROWS, "row": row_type}


def _whole_number(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def whole_number(value: Any) -> int | None:
    """A stored whole number (or its text, as forms once saved it), else None; never a bool."""
    if isinstance(value, bool):
        return None
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _stored_whole_number(value: Any) -> int | None:
    """A whole number as stored: a number, or its digits as text (as forms once saved a score
    or a child's id), so every reader counts an old answer the same; anything else is
    unanswered."""
    if _whole_number(value):
        return int(value)
    if isinstance(value, str) and value.strip().lstrip("-").isdigit():
        return int(value.strip())
    return None


def _read(spec: Field[Any], value: Any) -> Any:
    """A stored value as the field's kind, or the field's default when it is not one."""
    kind = spec.metadata.get("kind")
    if kind == "bool":
        return value if isinstance(value, bool) else spec.default
    if kind in WHOLE_NUMBER_KINDS:
        return _stored_whole_number(value)
    if kind in TEXT_LIST_KINDS:
        return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []
    if kind in NUMBER_LIST_KINDS:
        return [v for v in value if _whole_number(v)] if isinstance(value, list) else []
    if kind == ROWS:
        rows = value if isinstance(value, list) else []
        return [spec.metadata["row"].from_json(row) for row in rows if isinstance(row, dict)]
    return value if isinstance(value, str) else spec.default


class StoredJson:
    """A dataclass mixin: `from_json` reads what was stored, whatever its age (a field it
    lacks, or holds something else in, is the empty answer); `to_json` writes the JSON."""

    @classmethod
    def from_json(cls, value: Any) -> Self:
        given = value if isinstance(value, dict) else {}
        answers = {
            spec.name: _read(spec, given[spec.name])
            for spec in fields(cls)  # type: ignore[arg-type]
            if spec.name in given
        }
        return cls(**answers)

    def to_json(self) -> dict[str, Any]:
        return asdict(self)  # type: ignore[call-overload]

    @classmethod
    def shape(cls) -> dict[str, Any]:
        """Each field's kind, rows as their own shape: what the per-save checks read."""
        return {
            spec.name: spec.metadata["row"].shape()
            if spec.metadata.get("kind") == ROWS
            else spec.metadata.get("kind")
            for spec in fields(cls)  # type: ignore[arg-type]
        }

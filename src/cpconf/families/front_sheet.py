"""The family's front sheet as plain data: what a version keeps, and what changed between two.

A snapshot is JSON (dates as ISO text, the social worker by name), so a version reads the
same years later whatever has happened to the records since. Changes name the person and
the fields, never the values: the list of changes is shown to everyone who may see the
family, and the values are on the front sheet itself.
"""

from collections.abc import Iterable
from datetime import date
from typing import Any

from django.db.models import Model
from django.utils.translation import gettext as _

from cpconf.families.models import Child, Family, FamilyMember

FAMILY_FIELDS = ("case_reference", "name", "address", "allocated_social_worker")
CHILD_FIELDS = (
    "given_name",
    "family_name",
    "date_of_birth",
    "expected_due_date",
    "nhs_number",
    "other_id",
)
MEMBER_FIELDS = (
    "full_name",
    "relationship",
    "lives_in_household",
    "language",
    "needs_interpreter",
    "access_needs",
    "address",
)
PARTS: dict[str, tuple[type[Model], tuple[str, ...]]] = {
    "family": (Family, FAMILY_FIELDS),
    "children": (Child, CHILD_FIELDS),
    "members": (FamilyMember, MEMBER_FIELDS),
}


def assign(record: Model, values: dict[str, Any], fields: Iterable[str]) -> tuple[str, ...]:
    """Set the fields `values` gives; the names of those that changed."""
    changed = []
    for name in fields:
        if name in values and getattr(record, name) != values[name]:
            setattr(record, name, values[name])
            changed.append(name)
    return tuple(changed)


def _plain(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Model):
        return str(getattr(value, "get_full_name", lambda: "")() or value)
    return value


def _record(record: Model, fields: tuple[str, ...]) -> dict[str, Any]:
    return {"id": record.pk, **{f: _plain(getattr(record, f)) for f in fields}}


def snapshot(
    family: Family, children: Iterable[Child], members: Iterable[FamilyMember]
) -> dict[str, Any]:
    """The front sheet as it stands in these objects (saved or not)."""
    return {
        "family": {f: _plain(getattr(family, f)) for f in FAMILY_FIELDS},
        "children": [_record(c, CHILD_FIELDS) for c in children],
        "members": [_record(m, MEMBER_FIELDS) for m in members],
    }


def _name(part: str, record: dict[str, Any]) -> str:
    if part == "children":
        return f"{record.get('given_name', '')} {record.get('family_name', '')}".strip()
    return str(record.get("full_name", ""))


def _people_changes(part: str, before: list[dict], after: list[dict]) -> list[dict[str, Any]]:
    fields = PARTS[part][1]
    earlier = {record["id"]: record for record in before}
    changes: list[dict[str, Any]] = []
    for record in after:
        old = earlier.pop(record["id"], None)
        if old is None:
            changes.append({"part": part, "name": _name(part, record), "change": "added"})
            continue
        changed = [f for f in fields if old.get(f) != record.get(f)]
        if changed:
            changes.append(
                {"part": part, "name": _name(part, record), "change": "changed", "fields": changed}
            )
    for record in earlier.values():
        changes.append({"part": part, "name": _name(part, record), "change": "removed"})
    return changes


def changes_between(before: dict[str, Any] | None, after: dict[str, Any]) -> list[dict[str, Any]]:
    """What changed from `before` (None: the front sheet is new) to `after`, part by part."""
    if before is None:
        return [{"part": "family", "name": after["family"]["name"], "change": "added"}]
    changes: list[dict[str, Any]] = []
    family_fields = [f for f in FAMILY_FIELDS if before["family"].get(f) != after["family"][f]]
    if family_fields:
        changes.append(
            {
                "part": "family",
                "name": after["family"]["name"],
                "change": "changed",
                "fields": family_fields,
            }
        )
    for part in ("children", "members"):
        changes.extend(_people_changes(part, before.get(part, []), after[part]))
    return changes


def _field_label(part: str, field: str) -> str:
    model = PARTS[part][0]
    return str(getattr(model._meta.get_field(field), "verbose_name", field))


def describe(change: dict[str, Any]) -> str:
    """One change as a line for the family page, in the reader's language."""
    who = {
        "family": _("The family"),
        "children": _("Child: %(name)s"),
        "members": _("Family member: %(name)s"),
    }[change["part"]] % {"name": change["name"]}
    if change["part"] == "family" and change["change"] == "added":
        return _("Front sheet started")
    if change["change"] == "added":
        return _("%(who)s — added") % {"who": who}
    if change["change"] == "removed":
        return _("%(who)s — removed") % {"who": who}
    labels = ", ".join(_field_label(change["part"], f) for f in change.get("fields", []))
    return _("%(who)s — %(fields)s") % {"who": who, "fields": labels}

"""Families from the case system, and the one path that saves them.

A family is described by its case reference, its values, and each child and adult with the
case system's own reference for them. The API, the import and the unit's "Create a family"
page all describe families this way, and `families_upsert` creates or updates them in
batches (a few queries for thousands of families), matching people by their references,
so sending the same family twice changes nothing. Callers audit (their own words for it).
"""

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction
from django.db.models import Model
from django.utils import timezone

from cpconf.accounts.models import User
from cpconf.families import front_sheet
from cpconf.families.front_sheet import CHILD_FIELDS, MEMBER_FIELDS, assign
from cpconf.families.models import (
    Child,
    ExternalReference,
    Family,
    FamilyMember,
    FrontSheetVersion,
    ReferenceKind,
)
from cpconf.organisations.models import LocalAuthority

FAMILY_VALUES = ("name", "address", "allocated_social_worker")
BATCH = 500


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


@dataclass
class Upserted:
    family: Family
    created: bool
    changed: bool
    version: FrontSheetVersion | None = None


@dataclass
class _Plan:
    family: Family
    before: dict[str, Any] | None
    children: list[Child] = field(default_factory=list)
    members: list[FamilyMember] = field(default_factory=list)
    new_links: list[tuple[str, str, Child | FamilyMember]] = field(default_factory=list)
    changed_people: list[tuple[Child | FamilyMember, tuple[str, ...]]] = field(default_factory=list)
    family_fields: tuple[str, ...] = ()


def _update_in_groups(model: type[Model], changed: list[tuple[Any, tuple[str, ...]]]) -> None:
    """Save each record's changed fields: records that changed the same fields together
    (an UPDATE naming every field of every record is slow to build for thousands)."""
    groups: dict[tuple[str, ...], list[Any]] = defaultdict(list)
    for record, fields in changed:
        groups[fields].append(record)
    manager: Any = model._default_manager
    for fields, records in groups.items():
        manager.bulk_update(records, [*fields, "modified_by", "modified_at"], batch_size=BATCH)


def _chunks(items: list[Any]) -> Iterable[list[Any]]:
    for start in range(0, len(items), BATCH):
        yield items[start : start + BATCH]


def _existing(authority: LocalAuthority, references: list[str]) -> dict[str, _Plan]:
    """The authority's families named, locked (always in case-reference order, so two
    imports of overlapping files never wait for each other in a circle), with everyone in
    them and their references."""
    plans: dict[str, _Plan] = {}
    for chunk in _chunks(sorted(set(references))):
        families = (
            Family.objects.select_for_update(of=("self",))
            .filter(local_authority=authority, case_reference__in=chunk)
            .select_related("allocated_social_worker")
            .order_by("case_reference")
        )
        by_id = {f.pk: f for f in families}
        people: dict[int, dict[str, list[Any]]] = defaultdict(lambda: defaultdict(list))
        for child in Child.objects.filter(family_id__in=by_id).order_by("pk"):
            people[child.family_id]["children"].append(child)
        for member in FamilyMember.objects.filter(family_id__in=by_id).order_by("pk"):
            people[member.family_id]["members"].append(member)
        for family in by_id.values():
            kids, adults = people[family.pk]["children"], people[family.pk]["members"]
            before = front_sheet.snapshot(family, kids, adults)
            plans[family.case_reference] = _Plan(family, before, kids, adults)
    return plans


def _links(plans: Iterable[_Plan]) -> dict[tuple[int, str, str], int]:
    """(family, kind, reference) → the id of the child or member the case system means."""
    ids = [p.family.pk for p in plans]
    found: dict[tuple[int, str, str], int] = {}
    for chunk in _chunks(ids):
        rows = ExternalReference.objects.filter(family_id__in=chunk).values_list(
            "family_id", "kind", "reference", "child_id", "member_id"
        )
        for family_id, kind, reference, child_id, member_id in rows:
            found[(family_id, kind, reference)] = child_id or member_id
    return found


def _apply_people(
    plan: _Plan,
    kind: str,
    records: Sequence[PersonRecord],
    links: dict[tuple[int, str, str], int],
    actor: User | None,
) -> None:
    is_child = kind == ReferenceKind.CHILD
    model: type[Child] | type[FamilyMember] = Child if is_child else FamilyMember
    fields = CHILD_FIELDS if is_child else MEMBER_FIELDS
    people: list[Any] = plan.children if is_child else plan.members
    by_id = {person.pk: person for person in people}
    for record in records:
        person = None
        if record.reference:
            person = by_id.get(links.get((plan.family.pk, kind, record.reference)))
        if person is None:
            values = {f: record.values[f] for f in fields if f in record.values}
            person = model(created_by=actor, modified_by=actor, **values)
            people.append(person)
            if record.reference:
                plan.new_links.append((kind, record.reference, person))
        elif changed := assign(person, record.values, fields):
            person.modified_by = actor
            plan.changed_people.append((person, changed))


def _save_people(plans: list[_Plan], actor: User | None) -> None:
    now = timezone.now()
    for model, part in ((Child, "children"), (FamilyMember, "members")):
        new = []
        for plan in plans:
            for person in getattr(plan, part):
                if person.pk is None:
                    person.family = plan.family
                    new.append(person)
        model._default_manager.bulk_create(new, batch_size=BATCH)
        changed = [c for plan in plans for c in plan.changed_people if isinstance(c[0], model)]
        for person, _fields in changed:
            person.modified_at = now
        _update_in_groups(model, changed)
    ExternalReference.objects.bulk_create(
        [
            ExternalReference(family=plan.family, kind=kind, reference=reference, **{kind: person})
            for plan in plans
            for kind, reference, person in plan.new_links
        ],
        batch_size=BATCH,
    )


def _versions(plans: list[_Plan], actor: User | None, label: str) -> list[Upserted]:
    """Each family whose front sheet changed goes up a revision and keeps a version."""
    results, versions = [], []
    changed_families: list[tuple[Family, tuple[str, ...]]] = []
    now = timezone.now()
    for plan in plans:
        family = plan.family
        after = front_sheet.snapshot(family, plan.children, plan.members)
        changes = front_sheet.changes_between(plan.before, after)
        result = Upserted(family, created=plan.before is None, changed=bool(changes))
        if changes and not result.created:  # a new family was made at revision 1
            family.revision += 1
            family.modified_by, family.modified_at = actor, now
            changed_families.append((family, (*plan.family_fields, "revision")))
        if changes:
            result.version = FrontSheetVersion(
                family=family,
                number=family.revision,
                content=after,
                changes=changes,
                made_by_label=label,
                created_by=actor,
                modified_by=actor,
            )
            versions.append(result.version)
        results.append(result)
    _update_in_groups(Family, changed_families)
    FrontSheetVersion.objects.bulk_create(versions, batch_size=BATCH)
    return results


@transaction.atomic
def families_upsert(
    *,
    local_authority: LocalAuthority,
    families: Sequence[FamilyRecord],
    actor: User | None,
    made_by_label: str = "",
) -> list[Upserted]:
    """Create or update each family by its case reference, and the people it names by their
    references. People not named are left as they are: nothing is ever removed here.

    Families already here are locked; if any is new, the authority's row is locked too, so two
    imports (or an import and the API) making the same family queue one behind the other
    instead of failing on the unique reference."""
    references = [r.case_reference for r in families]
    plans = _existing(local_authority, references)
    missing = [ref for ref in references if ref not in plans]
    if missing:
        LocalAuthority.objects.select_for_update().filter(pk=local_authority.pk).first()
        plans |= _existing(local_authority, missing)  # made while this waited
    new_families = []
    for record in families:
        if record.case_reference not in plans:
            family = Family(
                local_authority=local_authority,
                case_reference=record.case_reference,
                created_by=actor,
                modified_by=actor,
                revision=1,  # its first front sheet version is kept with it
                **{k: v for k, v in record.values.items() if k in FAMILY_VALUES},
            )
            new_families.append(family)
            plans[record.case_reference] = _Plan(family, None)
    Family.objects.bulk_create(new_families, batch_size=BATCH)
    links = _links(plans.values())
    ordered = [plans[r.case_reference] for r in families]
    for plan, record in zip(ordered, families, strict=True):
        plan.family_fields = assign(plan.family, record.values, FAMILY_VALUES)
        _apply_people(plan, ReferenceKind.CHILD, record.children, links, actor)
        _apply_people(plan, ReferenceKind.MEMBER, record.members, links, actor)
    _save_people(ordered, actor)
    return _versions(ordered, actor, made_by_label)

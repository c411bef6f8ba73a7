"""Changes to families: made on the unit's pages, by the social worker's front sheet, by an
import from the case system or through the API. Each in one transaction and audited by its
caller's service; every change to a front sheet is kept as a version.

One path creates and updates families from the case system (`families_upsert`): the API,
the import and the unit's own "Create a family" page all go through it. People are matched
by the case system's reference, so sending the same family twice changes nothing.
"""

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction
from django.db.models import Model
from django.http import HttpRequest
from django.utils import timezone

from cpconf.accounts.models import Role, User
from cpconf.api.models import ExternalReference, ReferenceKind
from cpconf.audit.models import Outcome
from cpconf.audit.services import audit_for_family, audit_record, audit_records
from cpconf.families import front_sheet
from cpconf.families.case_file import CaseFile, check_rows, read_rows
from cpconf.families.case_system import FamilyRecord, PersonRecord
from cpconf.families.front_sheet import CHILD_FIELDS, MEMBER_FIELDS
from cpconf.families.models import (
    Child,
    Family,
    FamilyImport,
    FamilyMember,
    FrontSheetVersion,
)
from cpconf.organisations.models import LocalAuthority

CASE_REFERENCE_TAKEN = "A family with this case reference already exists in your authority"
FAMILY_VALUES = ("name", "address", "allocated_social_worker")
BATCH = 500


class CaseReferenceTaken(Exception):
    """The authority already has a family with this case reference."""


class FrontSheetConflict(Exception):
    """The front sheet was saved by someone else since this person's page loaded."""

    def __init__(self, family: Family) -> None:
        super().__init__(f"Family {family.pk} is at revision {family.revision}.")
        self.family = family


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


def _assign(record: Model, values: dict[str, Any], fields: Iterable[str]) -> tuple[str, ...]:
    """Set the fields given; the ones that changed."""
    changed = []
    for name in fields:
        if name in values and getattr(record, name) != values[name]:
            setattr(record, name, values[name])
            changed.append(name)
    return tuple(changed)


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
    """The authority's families named, locked, with everyone in them and their references."""
    plans: dict[str, _Plan] = {}
    for chunk in _chunks(references):
        families = (
            Family.objects.select_for_update(of=("self",))
            .filter(local_authority=authority, case_reference__in=chunk)
            .select_related("allocated_social_worker")
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
        elif changed := _assign(person, record.values, fields):
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

    The authority's row is locked first, so two imports (or an import and the API) making the
    same family queue one behind the other instead of failing on the unique reference."""
    LocalAuthority.objects.select_for_update().filter(pk=local_authority.pk).first()
    plans = _existing(local_authority, [r.case_reference for r in families])
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
        plan.family_fields = _assign(plan.family, record.values, FAMILY_VALUES)
        _apply_people(plan, ReferenceKind.CHILD, record.children, links, actor)
        _apply_people(plan, ReferenceKind.MEMBER, record.members, links, actor)
    _save_people(ordered, actor)
    return _versions(ordered, actor, made_by_label)


@transaction.atomic
def family_create(
    *,
    local_authority: LocalAuthority,
    record: FamilyRecord,
    actor: User,
    request: HttpRequest | None = None,
) -> Family:
    """A family the unit sets up on its own pages: a new case reference only."""
    LocalAuthority.objects.select_for_update().filter(pk=local_authority.pk).first()
    taken = Family.objects.filter(
        local_authority=local_authority, case_reference=record.case_reference
    )
    if taken.exists():
        raise CaseReferenceTaken(record.case_reference)
    (result,) = families_upsert(local_authority=local_authority, families=[record], actor=actor)
    audit_for_family(action="family_created", actor=actor, family=result.family, request=request)
    return result.family


def _people_rows(
    family: Family, model: type[Any], existing: list[Any], rows: list[dict[str, Any]], actor: User
) -> tuple[list[Any], list[Any]]:
    """The front sheet's rows applied: (people changed or new, everyone after)."""
    fields = CHILD_FIELDS if model is Child else MEMBER_FIELDS
    by_id = {person.pk: person for person in existing}
    touched, everyone = [], list(existing)
    for row in rows:
        person = by_id.get(row.get("id"))
        if person is None:
            person = model(family=family, created_by=actor)
            everyone.append(person)
        if _assign(person, row, fields) or person.pk is None:
            person.modified_by = actor
            touched.append(person)
    return touched, everyone


@transaction.atomic
def front_sheet_save(
    *,
    family: Family,
    base_revision: int,
    values: dict[str, Any],
    children: list[dict[str, Any]],
    members: list[dict[str, Any]],
    actor: User,
    request: HttpRequest | None = None,
) -> FrontSheetVersion | None:
    """Save the front sheet if nobody saved it since `base_revision`; the version kept, or
    None if nothing changed. Rows with an `id` change that person (of this family only);
    rows without one add a person."""
    locked = (
        Family.objects.select_for_update(of=("self",))
        .select_related("allocated_social_worker")
        .get(pk=family.pk)
    )
    if locked.revision != base_revision:
        raise FrontSheetConflict(locked)
    kids, adults = list(locked.children.order_by("pk")), list(locked.members.order_by("pk"))
    before = front_sheet.snapshot(locked, kids, adults)
    _assign(locked, values, ("name", "address"))
    touched_kids, kids = _people_rows(locked, Child, kids, children, actor)
    touched_adults, adults = _people_rows(locked, FamilyMember, adults, members, actor)
    for person in [*touched_kids, *touched_adults]:
        person.save()
    after = front_sheet.snapshot(locked, kids, adults)
    changes = front_sheet.changes_between(before, after)
    if not changes:
        return None
    locked.revision += 1
    locked.modified_by = actor
    locked.save()
    version = FrontSheetVersion.objects.create(
        family=locked,
        number=locked.revision,
        content=after,
        changes=changes,
        created_by=actor,
        modified_by=actor,
    )
    audit_for_family(
        action="front_sheet_changed", actor=actor, family=locked, request=request, obj=version
    )
    return version


def families_searched(
    *, actor: User, request: HttpRequest | None, authority_ids: list[int]
) -> None:
    """A search of the case records is a read: who searched is recorded, never the words."""
    audit_record(
        action="families_searched",
        actor=actor,
        request=request,
        local_authority_id=authority_ids[0] if len(authority_ids) == 1 else None,
    )


@dataclass
class ImportResult:
    case_file: CaseFile
    dry_run: bool
    created: int = 0
    updated: int = 0
    unchanged: int = 0


def _checked(local_authority: LocalAuthority, raw: bytes) -> CaseFile:
    rows = read_rows(raw)
    workers = User.objects.filter(
        role_assignments__local_authority=local_authority,
        role_assignments__role=Role.SOCIAL_WORKER,
    )
    return check_rows(
        rows,
        known_families=Family.objects.filter(local_authority=local_authority).values_list(
            "case_reference", flat=True
        ),
        social_workers={worker.email.lower(): worker for worker in workers},
        today=timezone.localdate(),
    )


def families_import(
    *,
    local_authority: LocalAuthority,
    raw: bytes,
    actor: User | None,
    actor_label: str = "",
    dry_run: bool,
    request: HttpRequest | None = None,
) -> ImportResult:
    """Import a case-system file: all of it in one transaction, or (any row with a problem)
    none of it. A dry run does everything and then rolls it back, so it reports exactly
    what the import would do and changes nothing. BadFile if the file cannot be read."""
    result = ImportResult(_checked(local_authority, raw), dry_run=dry_run)
    if not result.case_file.problems:
        with transaction.atomic():
            upserted = families_upsert(
                local_authority=local_authority,
                families=result.case_file.families,
                actor=actor,
                made_by_label=actor_label,
            )
            result.created = sum(u.created for u in upserted)
            result.updated = sum(u.changed and not u.created for u in upserted)
            result.unchanged = len(upserted) - result.created - result.updated
            if dry_run:
                transaction.set_rollback(True)
            else:
                _audit_import(upserted, actor, actor_label, request)
    audit_record(
        action="families_import_checked" if dry_run else "families_imported",
        actor=actor,
        request=request,
        local_authority_id=local_authority.pk,
        outcome=Outcome.FAILED if result.case_file.problems and not dry_run else Outcome.SUCCESS,
        actor_label=actor_label,
    )
    return result


def _audit_import(
    upserted: list[Upserted], actor: User | None, label: str, request: HttpRequest | None
) -> None:
    """One event per family the import created or changed, filed under that family."""
    audit_records(
        [
            {
                "action": "family_imported_created" if item.created else "family_imported_updated",
                "actor": actor,
                "request": request,
                "obj": item.family,
                "family_id": item.family.pk,
                "local_authority_id": item.family.local_authority_id,
                "actor_label": label,
            }
            for item in upserted
            if item.changed
        ]
    )


def _summary(result: ImportResult) -> dict[str, Any]:
    return {
        "rows": result.case_file.rows,
        "families": len(result.case_file.families),
        "people": result.case_file.people,
        "created": result.created,
        "updated": result.updated,
        "unchanged": result.unchanged,
        "problems": [[p.row, p.column, p.message] for p in result.case_file.problems],
    }


@transaction.atomic
def family_import_check(
    *,
    local_authority: LocalAuthority,
    file_name: str,
    raw: bytes,
    actor: User,
    request: HttpRequest | None = None,
) -> FamilyImport:
    """An uploaded file, checked by a dry run and kept (only if nothing is wrong with it)
    until the unit confirms. BadFile if it cannot be read at all."""
    result = families_import(
        local_authority=local_authority, raw=raw, actor=actor, dry_run=True, request=request
    )
    problems = bool(result.case_file.problems)
    return FamilyImport.objects.create(
        local_authority=local_authority,
        file_name=file_name[:255],
        content="" if problems else raw.decode("utf-8-sig"),
        summary=_summary(result),
        created_by=actor,
        modified_by=actor,
    )


@transaction.atomic
def family_import_run(
    *, family_import: FamilyImport, actor: User, request: HttpRequest | None = None
) -> FamilyImport:
    """The checked file imported, once: a second click finds it done. Checked again first,
    as the families may have changed since the dry run; the file's text is then cleared."""
    locked = FamilyImport.objects.select_for_update().get(pk=family_import.pk)
    if locked.imported_at is not None or not locked.content:
        return locked
    result = families_import(
        local_authority=locked.local_authority,
        raw=locked.content.encode("utf-8"),
        actor=actor,
        dry_run=False,
        request=request,
    )
    locked.summary = _summary(result)
    if not result.case_file.problems:
        locked.imported_at = timezone.now()
        locked.content = ""
    locked.modified_by = actor
    locked.save()
    return locked

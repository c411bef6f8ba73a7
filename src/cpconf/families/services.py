"""Changes to families: made on the unit's pages, by the social worker's front sheet, by an
import from the case system or through the API. Each in one transaction and audited by its
caller's service; every change to a front sheet is kept as a version.

One path creates and updates families from the case system (`families_upsert`, in
`case_system`): the API, the import and the unit's own "Create a family" page all go
through it. People are matched by the case system's reference, so sending the same family
twice changes nothing.
"""

from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone

from cpconf.accounts.models import Role, User
from cpconf.audit.models import Outcome
from cpconf.audit.services import audit_for_family, audit_record, audit_records
from cpconf.families import front_sheet
from cpconf.families.case_file import CaseFile, check_rows, read_rows
from cpconf.families.case_system import FamilyRecord, Upserted, families_upsert
from cpconf.families.front_sheet import CHILD_FIELDS, MEMBER_FIELDS, assign
from cpconf.families.models import (
    Child,
    Family,
    FamilyImport,
    FamilyMember,
    FrontSheetVersion,
)
from cpconf.organisations.models import LocalAuthority

CASE_REFERENCE_TAKEN = "A family with this case reference already exists in your authority"


class CaseReferenceTaken(Exception):
    """The authority already has a family with this case reference."""


class NotThisFamilysPerson(Exception):
    """A front sheet row names a child or adult who is not in this family. The page refuses
    it first (`forms.PersonForm`); this keeps a caller that skipped the page from adding a
    copy of another family's child."""


class FrontSheetConflict(Exception):
    """The front sheet was saved by someone else since this person's page loaded."""

    def __init__(self, family: Family) -> None:
        super().__init__(f"Family {family.pk} is at revision {family.revision}.")
        self.family = family


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
        if row.get("id") is not None and row["id"] not in by_id:
            raise NotThisFamilysPerson(f"{model.__name__} {row['id']} is not of family {family.pk}")
        person = by_id.get(row.get("id"))
        if person is None:
            person = model(family=family, created_by=actor)
            everyone.append(person)
        if assign(person, row, fields) or person.pk is None:
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
    None if nothing changed. Rows with an `id` change that person; rows without one add a
    person. An `id` that is not this family's is NotThisFamilysPerson, and nothing is saved."""
    locked = (
        Family.objects.select_for_update(of=("self",))
        .select_related("allocated_social_worker")
        .get(pk=family.pk)
    )
    if locked.revision != base_revision:
        raise FrontSheetConflict(locked)
    kids, adults = list(locked.children.order_by("pk")), list(locked.members.order_by("pk"))
    before = front_sheet.snapshot(locked, kids, adults)
    assign(locked, values, ("name", "address"))
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
    # A newer upload replaces the person's unconfirmed ones: their text is not kept waiting.
    FamilyImport.objects.filter(
        local_authority=local_authority, created_by=actor, imported_at=None
    ).exclude(content="").update(content="", modified_at=timezone.now())
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

"""Making the census return, and keeping the items it needs that conferences do not record.
Each action is audited under the authority (making or refusing a return) or the child's
family (their census details)."""

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone

from cpconf.accounts.models import User
from cpconf.audit.models import Outcome
from cpconf.audit.services import audit_for_family, audit_record, audit_records
from cpconf.census.cin_return import CensusReturn, CensusYear, ReturnHeader, build_return
from cpconf.census.cin_return.items import ChildItems as ReturnChild
from cpconf.census.details_file import ChildItems, DetailsFile, check_details_file
from cpconf.census.gathering import AuthorityHistory, authority_history, children_in_year
from cpconf.census.models import CENSUS_ITEMS, CensusAuthority, ChildCensusDetails
from cpconf.families.case_file import Problem
from cpconf.families.models import Child, Family
from cpconf.organisations.models import LocalAuthority


def census_return_make(
    *,
    authority: LocalAuthority,
    year: int,
    actor: User | None,
    request: HttpRequest | None = None,
    actor_label: str = "",
    made_at: datetime | None = None,
) -> CensusReturn:
    """The authority's return for the census year ending 31 March `year`, checked by the
    DfE rules and schema. Audited either way: a file made, or its problems listed (the
    unit was allowed to ask; it is the file that is not made)."""
    found = CensusAuthority.objects.filter(local_authority=authority).first()
    header = ReturnHeader(census_year=CensusYear(year), la_code=found.la_code if found else None)
    history = authority_history(authority)
    children = children_in_year(history, header.census_year)
    made = build_return(header, children, made_at or timezone.localtime())
    audit_record(
        action="census_return_made" if made.is_valid else "census_return_problems_listed",
        actor=actor,
        request=request,
        obj=authority,
        local_authority_id=authority.pk,
        outcome=Outcome.SUCCESS,
        actor_label=actor_label,
    )
    if made.is_valid:
        _return_audited_per_family(history, children, actor, request, actor_label)
    return made


def _return_audited_per_family(
    history: AuthorityHistory,
    children: list[ReturnChild],
    actor: User | None,
    request: HttpRequest | None,
    actor_label: str,
) -> None:
    """A file made holds each child's identifiers, characteristics and plans: it is an
    export of each family's records, so each family's trail shows it (one event per
    family, appended together), and an auditor searching a case reference finds it."""
    family_ids = {history.children[items.child_id].family_id for items in children}
    audit_records(
        [
            {
                "action": "census_return_family_included",
                "actor": actor,
                "request": request,
                "obj": family,
                "family_id": family.pk,
                "local_authority_id": history.authority.pk,
                "actor_label": actor_label,
            }
            for family in Family.objects.filter(pk__in=family_ids).order_by("pk")
        ]
    )


def census_figures_read(
    *, authority: LocalAuthority, actor: User, request: HttpRequest, child_ids: list[int]
) -> None:
    """A list of children behind a figure is a read of each child's record: one event per
    family, so each family's trail shows it."""
    children = Child.objects.filter(pk__in=child_ids, family__local_authority=authority)
    families = {child.family for child in children.select_related("family")}
    if not families:
        # An empty list is still a page the unit opened: filed under the authority.
        audit_record(
            action="census_children_listed",
            actor=actor,
            request=request,
            obj=authority,
            local_authority_id=authority.pk,
        )
        return
    for family in families:
        audit_for_family(
            action="census_children_listed", actor=actor, family=family, request=request
        )


def child_census_details_save(
    *, child: Child, values: dict[str, Any], actor: User, request: HttpRequest | None = None
) -> ChildCensusDetails:
    with transaction.atomic():
        _children_locked([child.pk])
        details, _created = ChildCensusDetails.objects.get_or_create(
            child=child, defaults={"created_by": actor}
        )
        for name in CENSUS_ITEMS:
            if name in values:
                setattr(details, name, values[name])
        details.modified_by = actor
        details.save()
        audit_for_family(
            action="child_census_details_saved",
            actor=actor,
            family=child.family,
            request=request,
            obj=details,
        )
    return details


@dataclass
class DetailsImport:
    """What an import of census details did, or (with problems) why it did nothing."""

    checked: DetailsFile
    dry_run: bool

    @property
    def problems(self) -> list[Problem]:
        return self.checked.problems


def child_census_details_import(
    *,
    authority: LocalAuthority,
    raw: bytes,
    actor: User | None,
    actor_label: str = "",
    dry_run: bool = False,
    request: HttpRequest | None = None,
) -> DetailsImport:
    """Set the census items of every child in the case system's file: all rows in one
    transaction, or none if any row has a problem (each listed). Audited once for the
    authority, and once for each family whose children's items were set. BadFile when the
    file cannot be read at all."""
    checked = check_details_file(authority, raw)
    result = DetailsImport(checked, dry_run)
    if not checked.problems and not dry_run:
        with transaction.atomic():
            _details_set(checked.children, actor)
            families = {item.child.family for item in checked.children}
            audit_records(
                [
                    {
                        "action": "child_census_details_imported",
                        "actor": actor,
                        "request": request,
                        "obj": family,
                        "family_id": family.pk,
                        "local_authority_id": family.local_authority_id,
                        "actor_label": actor_label,
                    }
                    for family in sorted(families, key=lambda f: f.pk)
                ]
            )
    audit_record(
        action="census_details_import_checked" if dry_run else "census_details_imported",
        actor=actor,
        request=request,
        obj=authority,
        local_authority_id=authority.pk,
        outcome=Outcome.FAILED if checked.problems and not dry_run else Outcome.SUCCESS,
        actor_label=actor_label,
    )
    return result


def _children_locked(child_ids: list[int]) -> None:
    """Lock the children's rows, in one order, so that two saves of the same child's details
    (two imports, or an import and the page) take turns: the second finds the details the
    first added instead of adding them again."""
    list(Child.objects.select_for_update().filter(pk__in=child_ids).order_by("pk").values("pk"))


def _details_set(children: list[ChildItems], actor: User | None) -> None:
    _children_locked([item.child.pk for item in children])
    existing = {
        d.child_id: d
        for d in ChildCensusDetails.objects.filter(child__in=[item.child for item in children])
    }
    for item in children:
        details = existing.get(item.child.pk) or ChildCensusDetails(
            child=item.child, created_by=actor
        )
        for name, value in item.values.items():
            setattr(details, name, value)
        details.modified_by = actor
        details.save()


def census_authority_save(
    *, authority: LocalAuthority, la_code: str, actor: User, request: HttpRequest | None = None
) -> CensusAuthority:
    with transaction.atomic():
        found, _created = CensusAuthority.objects.update_or_create(
            local_authority=authority,
            defaults={"la_code": la_code, "modified_by": actor},
            create_defaults={"la_code": la_code, "created_by": actor, "modified_by": actor},
        )
        audit_record(
            action="census_authority_saved",
            actor=actor,
            request=request,
            obj=found,
            local_authority_id=authority.pk,
        )
    return found


def today() -> date:
    return timezone.localdate()

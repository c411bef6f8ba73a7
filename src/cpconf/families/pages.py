"""A family's page of forms: the family's own fields, and rows of children and of adults,
as many as the person needs. "Add another child" posts the page back with one more row and
everything typed kept, so the page works without JavaScript; each error is named in the
summary by the child or person it belongs to. The "Create a family" page and the front
sheet are both made of these."""

from datetime import date
from typing import Any

from django import forms
from django.utils.translation import gettext as _

from cpconf.families.forms import (
    ADD_A_CHILD,
    ERROR_FOR,
    MAX_ROWS,
    ChildForm,
    FamilyForm,
    MemberForm,
    NewFamilyForm,
    PersonRowForm,
)
from cpconf.families.models import Child, Family, FamilyMember


def _typed(form: forms.Form) -> dict[str, Any]:
    """What was typed in a row (or what it showed), to show again as it was."""
    if not form.is_bound:
        return {name: form[name].value() for name in form.fields}
    return {name: form.data.get(form.add_prefix(name)) for name in form.fields}


class PeopleRows:
    """The rows of children (or of adults) on a page, numbered from 0 in their prefixes:
    `child-0-given_name`..., with `child-count` saying how many rows the page had."""

    def __init__(
        self, form_class: type[PersonRowForm], kind: str, forms_: list[PersonRowForm]
    ) -> None:
        self.form_class, self.kind, self.forms = form_class, kind, forms_

    @classmethod
    def bound(
        cls,
        form_class: type[PersonRowForm],
        kind: str,
        data: Any,
        known_ids: frozenset[int] = frozenset(),
    ) -> "PeopleRows":
        """The rows as posted; an id not in `known_ids` (this family's people of this kind)
        is refused on its row."""
        try:
            count = int(data.get(f"{kind}-count", 1))
        except (TypeError, ValueError):
            count = 1
        count = max(0, min(count, MAX_ROWS))
        rows = [form_class(data, prefix=f"{kind}-{i}", known_ids=known_ids) for i in range(count)]
        # A row left empty is ignored: shown again as it was, with no errors beside it.
        return cls(
            form_class,
            kind,
            [form_class(prefix=f.prefix, initial=_typed(f)) if f.is_blank() else f for f in rows],
        )

    @classmethod
    def unbound(
        cls, form_class: type[PersonRowForm], kind: str, rows: list[dict[str, Any]]
    ) -> "PeopleRows":
        return cls(
            form_class,
            kind,
            [form_class(prefix=f"{kind}-{i}", initial=row) for i, row in enumerate(rows)],
        )

    def typed(self) -> list[dict[str, Any]]:
        return [_typed(form) for form in self.forms]

    def with_another(self) -> "PeopleRows":
        rows = self.typed()
        if len(rows) < MAX_ROWS:
            rows.append({})
        return self.unbound(self.form_class, self.kind, rows)

    def without(self, index: int) -> "PeopleRows":
        """A new row taken away (a person already on the front sheet stays)."""
        rows = self.typed()
        if 0 <= index < len(rows) and not rows[index].get("id"):
            del rows[index]
        return self.unbound(self.form_class, self.kind, rows)

    @property
    def count(self) -> int:
        return len(self.forms)

    def filled(self) -> list[tuple[int, PersonRowForm]]:
        return [(i + 1, form) for i, form in enumerate(self.forms) if not form.is_blank()]

    def is_valid(self) -> bool:
        return all([form.is_valid() for _number, form in self.filled()])

    def values(self) -> list[dict[str, Any]]:
        return [form.values() for _number, form in self.filled()]

    def errors(self) -> list[tuple[str, str]]:
        """(field id, message naming the row) in page order."""
        found = []
        for number, form in self.filled():
            for name in form.fields:
                for message in form.errors.get(name, []):
                    text = _(ERROR_FOR) % {"who": form.who(number), "message": message}
                    found.append((str(form[name].auto_id), text))
        return found


def _date_initial(name: str, value: date | None) -> dict[str, Any]:
    if value is None:
        return {}
    return {f"{name}_day": value.day, f"{name}_month": value.month, f"{name}_year": value.year}


def child_initial(child: Child) -> dict[str, Any]:
    return {
        "id": child.pk,
        "given_name": child.given_name,
        "family_name": child.family_name,
        "nhs_number": child.nhs_number,
        **_date_initial("date_of_birth", child.date_of_birth),
        **_date_initial("expected_date", child.expected_due_date),
    }


def member_initial(member: FamilyMember) -> dict[str, Any]:
    yes_no = {True: "yes", False: "no"}
    return {
        "id": member.pk,
        "full_name": member.full_name,
        "relationship": member.relationship,
        "lives_in_household": yes_no[member.lives_in_household],
        "language": member.language,
        "needs_interpreter": yes_no[member.needs_interpreter],
        "access_needs": member.access_needs,
        "address": member.address,
    }


class FamilyPage:
    """A family form with its rows of children and adults: the "Create a family" page and
    the front sheet."""

    def __init__(self, family: forms.Form, children: PeopleRows, members: PeopleRows) -> None:
        self.family, self.children, self.members = family, children, members
        self.need_a_child = False

    @classmethod
    def new_family(cls, data: Any, authorities: Any) -> "FamilyPage":
        """A new family's page: as typed, or (no data) a child and an adult to fill in."""
        if data is None:
            return cls(
                NewFamilyForm(authorities=authorities),
                PeopleRows.unbound(ChildForm, "child", [{}]),
                PeopleRows.unbound(MemberForm, "member", [{}]),
            )
        return cls(
            NewFamilyForm(data, authorities=authorities),
            PeopleRows.bound(ChildForm, "child", data),
            PeopleRows.bound(MemberForm, "member", data),
        )

    @classmethod
    def front_sheet_of(cls, family: Family) -> "FamilyPage":
        return cls(
            FamilyForm(initial={"name": family.name, "address": family.address}),
            PeopleRows.unbound(
                ChildForm, "child", [child_initial(c) for c in family.children.order_by("pk")]
            ),
            PeopleRows.unbound(
                MemberForm, "member", [member_initial(m) for m in family.members.order_by("pk")]
            ),
        )

    @classmethod
    def front_sheet_posted(cls, data: Any, family: Family) -> "FamilyPage":
        """The front sheet as posted: rows may change only this family's people."""
        children = frozenset(family.children.values_list("pk", flat=True))
        members = frozenset(family.members.values_list("pk", flat=True))
        return cls(
            FamilyForm(data),
            PeopleRows.bound(ChildForm, "child", data, children),
            PeopleRows.bound(MemberForm, "member", data, members),
        )

    def is_valid(self, *, need_a_child: bool) -> bool:
        valid = all([self.family.is_valid(), self.children.is_valid(), self.members.is_valid()])
        self.need_a_child = need_a_child and not self.children.filled()
        return valid and not self.need_a_child

    def errors(self) -> list[tuple[str, str]]:
        found = [
            (str(self.family[name].auto_id), str(message))
            for name in self.family.fields
            for message in self.family.errors.get(name, [])
        ]
        if self.need_a_child:
            first = ChildForm(prefix=f"{self.children.kind}-0")
            found.append((str(first["given_name"].auto_id), _(ADD_A_CHILD)))
        return found + self.children.errors() + self.members.errors()

"""The unit's and the social worker's forms: finding a family, setting one up, keeping its
front sheet, and uploading the case system's file.

A child or an adult is one row of a page (`PersonForm`); `pages` puts the rows together.
Messages are the GOV.UK way, and imported by the tests.
"""

import re
from datetime import date
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cpconf.accounts.models import Role, User
from cpconf.date_input import DateParts
from cpconf.families.dates import child_dates_problem
from cpconf.families.models import Family, Relationship
from cpconf.families.nhs_numbers import nhs_number_problem
from cpconf.families.services import CASE_REFERENCE_TAKEN
from cpconf.organisations.models import LocalAuthority

ENTER_SEARCH = "Enter a case reference, a child's name or a date of birth"
ENTER_CASE_REFERENCE = "Enter the case reference"
BAD_CASE_REFERENCE = (
    "Case reference must be up to 60 letters, numbers, dots, hyphens or underscores"
)
ENTER_FAMILY_NAME = "Enter how the family is known, for example Ashdown"
CHOOSE_AUTHORITY = "Choose the local authority"
NOT_A_SOCIAL_WORKER_HERE = "Choose a social worker of this local authority"
ENTER_GIVEN_NAME = "Enter the child's first name"
ENTER_CHILD_FAMILY_NAME = "Enter the child's last name"
NOT_ON_THIS_FRONT_SHEET = (
    "This row is for someone who is not on this family's front sheet, so nothing was saved. "
    "Open the front sheet again and make your change there"
)
ENTER_MEMBER_NAME = "Enter the person's full name"
CHOOSE_RELATIONSHIP = "Choose how they are related to the children"
CHOOSE_HOUSEHOLD = "Choose yes if they live in the children's household"
ENTER_LANGUAGE = "Enter their first language"
CHOOSE_INTERPRETER = "Choose yes if they need an interpreter"
ADD_A_CHILD = "Add at least one child"
CHOOSE_FILE = "Choose a CSV file to upload"
FILE_TOO_BIG = "The file must be smaller than 20 MB"
ERROR_FOR = "%(who)s: %(message)s"

CASE_REFERENCE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,59}$")
YES_NO = [("yes", gettext_lazy("Yes")), ("no", gettext_lazy("No"))]
MAX_ROWS = 30
DATES = ("date_of_birth", "expected_date")
MAX_UPLOAD = 20 * 1024 * 1024


def _required(message: str) -> dict[str, Any]:
    return {"required": gettext_lazy(message)}


def _choose_authority(form: forms.Form, authorities: Any) -> None:
    """The authority the unit works for; asked only of someone who is the unit of several."""
    field = form.fields["local_authority"]
    field.queryset = authorities  # type: ignore[attr-defined]
    if len(authorities) == 1:
        field.initial = authorities[0].pk
        field.widget = forms.HiddenInput()


class SearchForm(forms.Form):
    q = forms.CharField(
        label=gettext_lazy("Case reference, child's name or date of birth"),
        help_text=gettext_lazy("For example CS-10442, Mia Ashdown, or 3/4/2019"),
        max_length=100,
        required=False,
    )


class FamilyForm(forms.Form):
    """The family's own part of the front sheet."""

    name = forms.CharField(
        label=gettext_lazy("Family name"),
        help_text=gettext_lazy("How the family is known, for example Ashdown"),
        max_length=200,
        error_messages=_required(ENTER_FAMILY_NAME),
    )
    address = forms.CharField(
        label=gettext_lazy("The children's address"),
        widget=forms.Textarea,
        max_length=1000,
        required=False,
    )


class NewFamilyForm(FamilyForm):
    """Setting up a family: also its case reference, the authority and who is allocated."""

    local_authority = forms.ModelChoiceField(
        label=gettext_lazy("Local authority"),
        queryset=LocalAuthority.objects.none(),
        error_messages=_required(CHOOSE_AUTHORITY),
    )
    case_reference = forms.CharField(
        label=gettext_lazy("Case reference"),
        help_text=gettext_lazy("The reference the case system uses for this family"),
        max_length=60,
        error_messages=_required(ENTER_CASE_REFERENCE),
    )
    allocated_social_worker = forms.ModelChoiceField(
        label=gettext_lazy("Allocated social worker"),
        queryset=User.objects.none(),
        required=False,
        empty_label=gettext_lazy("Not allocated yet"),
    )
    field_order = ["local_authority", "case_reference", "name", "address"]

    def __init__(self, *args: Any, authorities: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _choose_authority(self, authorities)
        self.fields["allocated_social_worker"].queryset = User.objects.filter(  # type: ignore[attr-defined]
            role_assignments__local_authority__in=authorities,
            role_assignments__role=Role.SOCIAL_WORKER,
            is_active=True,
        ).order_by("last_name", "first_name")

    def clean_case_reference(self) -> str:
        value: str = self.cleaned_data["case_reference"].strip()
        if not CASE_REFERENCE.match(value):
            raise forms.ValidationError(_(BAD_CASE_REFERENCE))
        return value

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        worker, authority = data.get("allocated_social_worker"), data.get("local_authority")
        reference = data.get("case_reference")
        if (
            authority is not None
            and reference
            and Family.objects.filter(local_authority=authority, case_reference=reference).exists()
        ):
            self.add_error("case_reference", _(CASE_REFERENCE_TAKEN))
        if (
            worker is not None
            and authority is not None
            and not worker.role_assignments.filter(
                local_authority=authority, role=Role.SOCIAL_WORKER
            ).exists()
        ):
            self.add_error("allocated_social_worker", _(NOT_A_SOCIAL_WORKER_HERE))
        return data


class PersonForm(forms.Form):
    """A row of people. `id` names a person already on the front sheet; a row without one
    adds a person. A new row left completely empty is ignored. Each kind of row (`ChildForm`,
    `MemberForm`) says how errors name its person (`who`) and gives its values (`values`).

    `known_ids` are the people of this kind already on this family's front sheet (none for a
    new family). Any other id is refused: it is a page for another family, or a tampered
    one, and saving it would quietly add a copy of someone else's child."""

    id = forms.IntegerField(required=False, widget=forms.HiddenInput)
    key_fields: tuple[str, ...] = ()

    def __init__(self, *args: Any, known_ids: frozenset[int] = frozenset(), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.known_ids = known_ids

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        person = data.get("id")
        if person is not None and person not in self.known_ids:
            # On the row's first field: the id is hidden, and the summary must link somewhere.
            self.add_error(self.key_fields[0], _(NOT_ON_THIS_FRONT_SHEET))
        return data

    def is_blank(self) -> bool:
        if self.data.get(self.add_prefix("id")):
            return False
        return not any((self.data.get(self.add_prefix(f)) or "").strip() for f in self.key_fields)


class ChildForm(PersonForm):
    given_name = forms.CharField(
        label=gettext_lazy("First name"), max_length=100, error_messages=_required(ENTER_GIVEN_NAME)
    )
    family_name = forms.CharField(
        label=gettext_lazy("Last name"),
        max_length=100,
        error_messages=_required(ENTER_CHILD_FAMILY_NAME),
    )
    nhs_number = forms.CharField(
        label=gettext_lazy("NHS number (optional)"), max_length=12, required=False
    )
    key_fields = (
        "given_name",
        "family_name",
        *(
            f"{name}_{part}"
            for name in ("date_of_birth", "expected_date")
            for part in ("day", "month", "year")
        ),
        "nhs_number",
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.born = DateParts("date_of_birth", "Date of birth", future=None)
        self.expected = DateParts("expected_date", "Expected date", future=None)
        self.born.add_fields(self)
        self.expected.add_fields(self)
        self.order_fields(["id", "given_name", "family_name"])

    def clean_nhs_number(self) -> str:
        digits: str = self.cleaned_data["nhs_number"].replace(" ", "")
        wrong = nhs_number_problem(digits) if digits else None
        if wrong is not None:
            raise forms.ValidationError(wrong)
        return digits

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        errors_before = set(self.errors)
        born, expected = self.born.clean(self), self.expected.clean(self)
        if set(self.errors) - errors_before:
            return data
        data["date_of_birth"] = date.fromisoformat(born) if born else None
        data["expected_due_date"] = date.fromisoformat(expected) if expected else None
        problem = child_dates_problem(
            data["date_of_birth"], data["expected_due_date"], timezone.localdate()
        )
        if problem is not None:
            self.add_error(f"{problem[0]}_day", problem[1])
        return data

    def who(self, number: int) -> str:
        name = " ".join(
            (self.data.get(self.add_prefix(f)) or "").strip() for f in ("given_name", "family_name")
        ).strip()
        label = _("Child %(number)s") % {"number": number}
        return f"{label} ({name})" if name else label

    def values(self) -> dict[str, Any]:
        data = self.cleaned_data
        fields = ("given_name", "family_name", "date_of_birth", "expected_due_date", "nhs_number")
        return {"id": data.get("id"), **{f: data[f] for f in fields}}


class MemberForm(PersonForm):
    full_name = forms.CharField(
        label=gettext_lazy("Full name"), max_length=200, error_messages=_required(ENTER_MEMBER_NAME)
    )
    relationship = forms.ChoiceField(
        label=gettext_lazy("Relationship to the children"),
        choices=[("", gettext_lazy("Choose a relationship")), *Relationship.choices],
        error_messages=_required(CHOOSE_RELATIONSHIP),
    )
    lives_in_household = forms.ChoiceField(
        label=gettext_lazy("Do they live in the children's household?"),
        choices=YES_NO,
        error_messages=_required(CHOOSE_HOUSEHOLD),
    )
    language = forms.CharField(
        label=gettext_lazy("First language"),
        max_length=100,
        initial="English",
        error_messages=_required(ENTER_LANGUAGE),
    )
    needs_interpreter = forms.ChoiceField(
        label=gettext_lazy("Do they need an interpreter?"),
        choices=YES_NO,
        initial="no",
        error_messages=_required(CHOOSE_INTERPRETER),
    )
    access_needs = forms.CharField(
        label=gettext_lazy("Reading or other access needs (optional)"),
        help_text=gettext_lazy(
            "For example large print, easy read, or someone to read reports aloud"
        ),
        widget=forms.Textarea,
        max_length=2000,
        required=False,
    )
    address = forms.CharField(
        label=gettext_lazy("Address, if not the children's (optional)"),
        widget=forms.Textarea,
        max_length=1000,
        required=False,
    )
    key_fields = ("full_name", "relationship", "lives_in_household", "access_needs", "address")

    def who(self, number: int) -> str:
        name = (self.data.get(self.add_prefix("full_name")) or "").strip()
        label = _("Family member %(number)s") % {"number": number}
        return f"{label} ({name})" if name else label

    def values(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {
            "id": data.get("id"),
            "full_name": data["full_name"],
            "relationship": data["relationship"],
            "lives_in_household": data["lives_in_household"] == "yes",
            "language": data["language"],
            "needs_interpreter": data["needs_interpreter"] == "yes",
            "access_needs": data["access_needs"],
            "address": data["address"],
        }


class ImportForm(forms.Form):
    local_authority = forms.ModelChoiceField(
        label=gettext_lazy("Local authority"),
        queryset=LocalAuthority.objects.none(),
        error_messages=_required(CHOOSE_AUTHORITY),
    )
    file = forms.FileField(
        label=gettext_lazy("Upload the case system's file"),
        help_text=gettext_lazy("A CSV file saved as UTF-8, one row per child or adult"),
        error_messages={"required": gettext_lazy(CHOOSE_FILE), "empty": gettext_lazy(CHOOSE_FILE)},
    )

    def __init__(self, *args: Any, authorities: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _choose_authority(self, authorities)

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD:
            raise forms.ValidationError(_(FILE_TOO_BIG))
        return upload


# A row of either kind: what `pages.PeopleRows` holds.
PersonRowForm = ChildForm | MemberForm

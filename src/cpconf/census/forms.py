"""The unit's forms for the census items conferences do not record. Codes are offered from the
DfE schema itself; a blank answer stays blank (listed as missing), never defaulted."""

import re
from datetime import date
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from cpconf.census.models import (
    CENSUS_ITEMS,
    disability_codes,
    ethnicity_codes,
    gender_codes,
    referral_source_codes,
    upn_unknown_codes,
)
from cpconf.date_input import DateParts
from cpconf.families.forms import CHOOSE_FILE, FILE_TOO_BIG, MAX_UPLOAD

UPN_PATTERN = re.compile(r"^[A-Za-z]\d{12}$|^[A-Za-z]\d{11}[A-Za-z]$")
LA_CODE_PATTERN = re.compile(r"^\d{3}$")
ENTER_UPN = _("Enter a UPN of a letter, 12 numbers, or a letter, 11 numbers and a letter")
ENTER_LA_CODE = _("Enter the DfE local authority code as 3 numbers, like 201")
UPN_AND_REASON = _("Enter the UPN or the reason it is not known, not both")
REFERRAL_IN_FUTURE = "The date of the referral must be today or in the past"
NOT_ENTERED = ("", _("Not entered"))


def _choices(codes: tuple[tuple[str, str], ...]) -> list[tuple[str, str]]:
    return [NOT_ENTERED, *codes]  # type: ignore[list-item]


NO_DISABILITY = "NONE"
NONE_AND_A_DISABILITY = (
    "Choose “No disability” on its own, or the child's disabilities without it, not both"
)


class ChildCensusDetailsForm(forms.Form):
    la_child_id = forms.CharField(
        label=_("Child's ID in the case system"), max_length=100, required=False
    )
    upn = forms.CharField(
        label=_("Unique pupil number (UPN)"),
        max_length=13,
        required=False,
        help_text=_("A letter and 12 numbers, or a letter, 11 numbers and a letter."),
    )
    upn_unknown = forms.ChoiceField(label=_("Reason the UPN is not known"), required=False)
    gender = forms.ChoiceField(label=_("Gender"), required=False)
    ethnicity = forms.ChoiceField(label=_("Ethnicity"), required=False)
    disabilities = forms.MultipleChoiceField(
        label=_("Disabilities"), required=False, widget=forms.CheckboxSelectMultiple
    )
    referral_source = forms.ChoiceField(label=_("Source of the referral"), required=False)
    plans_before_records = forms.IntegerField(
        label=_("Child protection plans before this system's records"),
        min_value=0,
        max_value=99,
        required=False,
        help_text=_(
            "Plans the child had that were not made at a conference recorded here, in this "
            "authority or another. Leave blank if not known."
        ),
    )

    referral = DateParts("referral_date", "Date of the referral", future=REFERRAL_IN_FUTURE)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name, codes in (
            ("upn_unknown", upn_unknown_codes),
            ("gender", gender_codes),
            ("ethnicity", ethnicity_codes),
            ("referral_source", referral_source_codes),
        ):
            self._offer(name, _choices(codes()))
        self._offer("disabilities", list(disability_codes()))
        self.referral.add_fields(self)

    def _offer(self, name: str, choices: list[tuple[str, str]]) -> None:
        field = self.fields[name]
        assert isinstance(field, forms.ChoiceField)  # noqa: S101  (for the type checker)
        field.choices = choices

    def clean_upn(self) -> str:
        upn = str(self.cleaned_data.get("upn") or "").strip().upper()
        if upn and not UPN_PATTERN.match(upn):
            raise forms.ValidationError(ENTER_UPN)
        return upn

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if cleaned.get("upn") and cleaned.get("upn_unknown"):
            self.add_error("upn_unknown", UPN_AND_REASON)
        chosen = cleaned.get("disabilities") or []
        if NO_DISABILITY in chosen and len(chosen) > 1:
            # The DfE's rules refuse "no disability" beside a disability: one must be wrong.
            self.add_error("disabilities", NONE_AND_A_DISABILITY)
        referral = self.referral.clean(self)
        cleaned["referral_date"] = date.fromisoformat(referral) if referral else None
        return cleaned

    def values(self) -> dict[str, Any]:
        return {name: self.cleaned_data.get(name) for name in CENSUS_ITEMS}

    @classmethod
    def initial_from(cls, details: Any) -> dict[str, Any]:
        if details is None:
            return {}
        # The referral's date is given as its day, month and year, below.
        initial = {name: getattr(details, name) for name in CENSUS_ITEMS if name != "referral_date"}
        if details.referral_date:
            initial.update(cls.referral.initial(details.referral_date.isoformat()))
        return initial


class LaCodeForm(forms.Form):
    la_code = forms.CharField(
        label=_("DfE local authority code"),
        max_length=3,
        help_text=_("The three-digit code the DfE gives your authority, for example 201."),
        error_messages={"required": ENTER_LA_CODE},
    )

    def clean_la_code(self) -> str:
        code = str(self.cleaned_data["la_code"]).strip()
        if not LA_CODE_PATTERN.match(code):
            raise forms.ValidationError(ENTER_LA_CODE)
        return code


class DetailsFileForm(forms.Form):
    file = forms.FileField(
        label=_("Upload the case system's file"),
        help_text=_("A CSV file saved as UTF-8, one row per child"),
        error_messages={"required": _(CHOOSE_FILE), "empty": _(CHOOSE_FILE)},
    )

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD:
            raise forms.ValidationError(_(FILE_TOO_BIG))
        return upload

"""The forms of the authority's set-up pages: agencies, and the roles of its staff. Every
message names the field and what is wanted, the GOV.UK way."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from cpconf.accounts.models import ROLES_WITH_AGENCY, Role
from cpconf.accounts.selectors import user_for_email
from cpconf.organisations import selectors
from cpconf.organisations.models import Agency, AgencyKind, LocalAuthority
from cpconf.organisations.staff_accounts import ACCOUNT_EXISTS, STAFF_ROLES

ENTER_AGENCY_NAME = _("Enter the agency's name")
AGENCY_NAME_TOO_LONG = _("The agency's name must be 200 characters or fewer")
CHOOSE_AGENCY_KIND = _("Choose the kind of agency")
ENTER_RETIRE_REASON = _("Enter why the agency is being retired")
ENTER_EMAIL = _("Enter their work email address")
EMAIL_FORMAT = _("Enter an email address in the correct format, like name@example.gov.uk")
ENTER_FIRST_NAME = _("Enter their first name")
ENTER_LAST_NAME = _("Enter their last name")
CHOOSE_A_ROLE = _("Choose at least one role")
AGENCY_NEEDED = _(
    "Choose the agency they work for: professionals and social workers need an agency"
)
CHOOSE_AN_AGENCY_OFFERED = _("Choose one of the agencies in the list")
REASON_TOO_LONG = _("The reason must be 2000 characters or fewer")
ENTER_RESET_REASON = _(
    "Enter why their second factor is being reset, and how you checked who they are"
)

__all__ = [
    "ACCOUNT_EXISTS",
    "AgencyForm",
    "ReasonForm",
    "StaffInviteForm",
    "StaffRolesForm",
]


class AgencyForm(forms.Form):
    name = forms.CharField(
        label=_("Name"),
        max_length=200,
        error_messages={"required": ENTER_AGENCY_NAME, "max_length": AGENCY_NAME_TOO_LONG},
    )
    kind = forms.ChoiceField(
        label=_("Kind of agency"),
        help_text=_("This decides which prompts its professionals see in their reports."),
        choices=AgencyKind.choices,
        error_messages={"required": CHOOSE_AGENCY_KIND, "invalid_choice": CHOOSE_AGENCY_KIND},
    )

    @classmethod
    def of(cls, agency: Agency) -> "AgencyForm":
        return cls(initial={"name": agency.name, "kind": agency.kind})


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"),
        widget=forms.Textarea,
        max_length=2000,
        error_messages={"max_length": REASON_TOO_LONG},
    )

    def __init__(self, *args: Any, label: Any, help_text: Any, required: Any, **kw: Any):
        super().__init__(*args, **kw)
        self.fields["reason"].label = label
        self.fields["reason"].help_text = help_text
        self.fields["reason"].error_messages["required"] = required


class StaffRolesForm(forms.Form):
    """Staff roles in one authority; professionals and social workers need an agency there."""

    roles = forms.MultipleChoiceField(
        label=_("Roles"),
        help_text=_("Choose all that apply."),
        choices=[(role.value, role.label) for role in STAFF_ROLES],
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": CHOOSE_A_ROLE, "invalid_choice": CHOOSE_A_ROLE},
    )
    agency = forms.ModelChoiceField(
        label=_("Agency"),
        help_text=_("Only for professionals and social workers."),
        queryset=Agency.objects.none(),
        required=False,
        empty_label=_("Choose the agency"),
        error_messages={"invalid_choice": CHOOSE_AN_AGENCY_OFFERED},
    )

    def __init__(
        self,
        *args: Any,
        local_authority: LocalAuthority,
        keeping: Agency | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.local_authority = local_authority
        self.fields["agency"].queryset = selectors.agencies_offered(  # type: ignore[attr-defined]
            local_authority, keeping=keeping
        )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        writes_reports = set(data.get("roles") or ()) & set(ROLES_WITH_AGENCY)
        if writes_reports and data.get("agency") is None and "agency" not in self.errors:
            self.add_error("agency", AGENCY_NEEDED)
        elif not writes_reports:
            data["agency"] = None
        return data

    def role_labels(self) -> list[str]:
        return [str(Role(role).label) for role in self.cleaned_data["roles"]]


class StaffInviteForm(StaffRolesForm):
    email = forms.EmailField(
        label=_("Email address"),
        help_text=_("Their work email. They are sent a link to set up their account."),
        max_length=254,
        error_messages={"required": ENTER_EMAIL, "invalid": EMAIL_FORMAT},
    )
    first_name = forms.CharField(
        label=_("First name"), max_length=150, error_messages={"required": ENTER_FIRST_NAME}
    )
    last_name = forms.CharField(
        label=_("Last name"), max_length=150, error_messages={"required": ENTER_LAST_NAME}
    )
    job_title = forms.CharField(label=_("Job title (optional)"), max_length=200, required=False)

    field_order = ["email", "first_name", "last_name", "job_title", "roles", "agency"]

    def clean_email(self) -> str:
        email = self.cleaned_data["email"].strip().lower()
        if user_for_email(email) is not None:
            raise forms.ValidationError(ACCOUNT_EXISTS)
        return email

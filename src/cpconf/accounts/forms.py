from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _

SIGN_IN_INVALID = _("Enter a correct email address and password. The password is case-sensitive.")
SIGN_IN_INACTIVE = _("This account has been disabled. Contact your unit administrator.")
EMAIL_REQUIRED = _("Enter your email address")
PASSWORD_REQUIRED = _("Enter your password")


class SignInForm(AuthenticationForm):
    """Django's sign-in form, with the GOV.UK wording for each error."""

    username = forms.EmailField(
        label=_("Email address"),
        max_length=254,
        error_messages={
            "required": EMAIL_REQUIRED,
            "invalid": _("Enter an email address in the correct format, like name@example.com"),
        },
        widget=forms.EmailInput(
            attrs={"autocomplete": "email", "spellcheck": "false", "autofocus": True}
        ),
    )
    password = forms.CharField(
        label=_("Password"),
        strip=False,
        error_messages={"required": PASSWORD_REQUIRED},
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    error_messages = {
        "invalid_login": SIGN_IN_INVALID,
        "inactive": SIGN_IN_INACTIVE,
    }

    def clean_username(self) -> str:
        return self.cleaned_data["username"].lower()

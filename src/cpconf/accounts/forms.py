import re
from typing import Any

from django import forms
from django.contrib.auth.forms import AuthenticationForm, SetPasswordForm
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from cpconf.accounts.lockout import (
    account_locked_message,
    sign_in_attempt_claim,
    sign_in_attempt_failed,
    sign_in_attempt_passed,
)
from cpconf.accounts.models import EMAIL_CODE_DIGITS, FailureKind

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

    def clean(self) -> dict[str, Any]:
        """The attempt is counted before the password is looked at (a locked address is
        refused without it); a right password is then no failure, a wrong one stays counted,
        and the attempt that reaches the limit says the address is locked."""
        email = self.cleaned_data.get("username")
        if not email or not self.cleaned_data.get("password"):
            return super().clean()
        attempt = sign_in_attempt_claim(
            email=email, kind=FailureKind.PASSWORD, request=self.request
        )
        if attempt.lock is not None:
            raise ValidationError(account_locked_message(attempt.lock), code="locked")
        try:
            cleaned_data = super().clean()
        except ValidationError as error:
            if error.code != "invalid_login":
                sign_in_attempt_passed(attempt=attempt, request=self.request)
                raise
            lock = sign_in_attempt_failed(attempt=attempt, request=self.request)
            if lock is None:
                raise
            raise ValidationError(account_locked_message(lock), code="locked") from None
        lock = sign_in_attempt_passed(attempt=attempt, request=self.request)
        if lock is not None:
            raise ValidationError(account_locked_message(lock), code="locked")
        return cleaned_data


APP_CODE_REQUIRED = _("Enter the 6-digit code from your authenticator app")
EMAIL_CODE_REQUIRED = _("Enter the 6-digit code from the email we sent you")
CODE_FORMAT = _("The code must be 6 digits, like 123456")
APP_CODE_WRONG = _("The code is not right or has been used. Try the newest code")
EMAIL_CODE_WRONG = _(
    "The code is not right, has been used or has run out. "
    "Use the code in the newest email, or send a new code"
)
CODE_TOO_SOON = _("Wait a few seconds after a wrong code, then try the newest code")


class SignInCodeForm(forms.Form):
    """The 6-digit code of the second step; spaces people type between digits are ignored."""

    code = forms.CharField(
        label=_("Code"),
        max_length=20,
        widget=forms.TextInput(
            attrs={
                "autocomplete": "one-time-code",
                "inputmode": "numeric",
                "spellcheck": "false",
                "autofocus": True,
            }
        ),
    )

    def __init__(self, *args: Any, by_email: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["code"]
        field.error_messages["required"] = EMAIL_CODE_REQUIRED if by_email else APP_CODE_REQUIRED
        field.help_text = (
            _("The 6-digit code in the email we sent you")
            if by_email
            else _("The 6-digit code your authenticator app shows for CP Conference")
        )
        self.wrong_code_message = EMAIL_CODE_WRONG if by_email else APP_CODE_WRONG

    def clean_code(self) -> str:
        code = re.sub(r"[\s-]", "", self.cleaned_data["code"])
        if not re.fullmatch(rf"\d{{{EMAIL_CODE_DIGITS}}}", code):
            raise ValidationError(CODE_FORMAT, code="format")
        return code


class AccountSetUpForm(SetPasswordForm):
    """Choose a password, with GOV.UK wording; the project's password rules apply."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["new_password1"].label = "Create a password"
        self.fields[
            "new_password1"
        ].help_text = (
            "At least 12 characters. A few random words are easy to remember and hard to guess."
        )
        self.fields["new_password2"].label = "Type the password again"
        self.fields["new_password1"].error_messages["required"] = "Create a password"
        self.fields["new_password2"].error_messages["required"] = "Type the password again"
        self.error_messages["password_mismatch"] = "The two passwords are not the same"  # noqa: S105

"""The password rules, worded the GOV.UK way: long enough and not a common password.

There are deliberately no composition rules (a digit, a capital, a symbol): they make
passwords harder to remember without making them harder to guess.
"""

from django.contrib.auth import password_validation
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

PASSWORD_TOO_COMMON = _(
    "This password is too common and easy to guess. Choose a different one, "
    "for example 3 random words"
)


def password_too_short(min_length: int) -> str:
    return ngettext(
        "Your password must be %(min_length)d character or more",
        "Your password must be %(min_length)d characters or more",
        min_length,
    ) % {"min_length": min_length}


class MinimumLengthValidator(password_validation.MinimumLengthValidator):
    def get_error_message(self) -> str:
        return password_too_short(self.min_length)

    def get_help_text(self) -> str:
        return password_too_short(self.min_length)


class CommonPasswordValidator(password_validation.CommonPasswordValidator):
    def get_error_message(self) -> str:
        return str(PASSWORD_TOO_COMMON)

    def get_help_text(self) -> str:
        return str(_("Your password cannot be one that many people use"))

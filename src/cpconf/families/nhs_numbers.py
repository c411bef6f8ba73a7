"""NHS numbers: ten digits, the last a check digit over the other nine.

The check (the NHS's modulus 11) catches any one mistyped digit and most swapped pairs, so
a number that fails it is a typing slip, not a child's number: the front sheet and an
import refuse it, with the same rule. Fictional numbers for demos and tests come from the
999 range the NHS keeps for testing, with valid check digits.
"""

import re

from django.utils.translation import gettext as _

NOT_TEN_DIGITS = "Enter an NHS number of 10 digits, like 943 476 5919"
CHECK_DIGIT_WRONG = (
    "Enter a valid NHS number: this one fails the NHS number check, so a digit is probably "
    "wrong. Check it against the child's health record"
)
TEN_DIGITS = re.compile(r"[0-9]{10}")  # not str.isdigit, which also takes "²" and "٣"


def check_digit(first_nine: str) -> int | None:
    """The check digit the first nine digits call for; None if no tenth digit can pass
    (the sum leaves remainder 1, which would need a check digit of 10)."""
    weights = range(10, 1, -1)
    total = sum(int(digit) * weight for digit, weight in zip(first_nine, weights, strict=True))
    remainder = 11 - total % 11
    if remainder == 11:
        return 0
    return None if remainder == 10 else remainder


def nhs_number_problem(digits: str) -> str | None:
    """What is wrong with an NHS number (spaces already taken out), or None."""
    if not TEN_DIGITS.fullmatch(digits):
        return _(NOT_TEN_DIGITS)
    if check_digit(digits[:9]) != int(digits[9]):
        return _(CHECK_DIGIT_WRONG)
    return None

"""Error messages that name the child or person a row of a form is about.

A page with a row per child (a decision, a scaling score, a recommendation) or per person (a
participant's score, a family member) would otherwise list "Choose a category" three times in
its error summary, and the reader cannot tell which child each is about. A row form that mixes
in `NamedRowErrors` and says whose row it is (`row_name`) has every message start with that
name: "Lily Hartwell: choose a category". A message that already names them is left alone.
"""

from typing import Any

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS


def named(name: str, message: str) -> str:
    """`message` about `name`, said once: "Lily Hartwell: choose a category"."""
    if not name or name in message:
        return message
    # "Choose" becomes "choose"; a word in capitals ("NHS", "A&E") stays as it is.
    if len(message) > 1 and message[0].isupper() and message[1].islower():
        message = message[0].lower() + message[1:]
    return f"{name}: {message}"


class NamedRowErrors(forms.BaseForm):
    """A form that is one child's or one person's row: its errors name them."""

    def row_name(self) -> str:
        """Whose row this is; the name field's value unless a form says otherwise."""
        return self.bound_value("name")

    def bound_value(self, field: str) -> str:
        """A field's value as posted (or, unposted, as the row started): the name of the
        child or person even when another field of the row is wrong."""
        value: Any = None
        if self.is_bound:
            value = self.data.get(self.add_prefix(field))
        if value in (None, ""):
            value = self.initial.get(field, "")
        return str(value or "").strip()

    def full_clean(self) -> None:
        self._cleaned = False
        super().full_clean()
        self._cleaned = True
        name = self.row_name()
        found = self.errors  # cleaned just now: the same ErrorDict, not a second clean
        if not name or not found:
            return
        for field, errors in list(found.items()):
            found[field] = self.error_class(
                [named(name, str(message)) for message in errors],
                error_class="nonfield" if field == NON_FIELD_ERRORS else None,
                renderer=self.renderer,
            )

    def add_error(self, field: str | None, error: Any) -> None:
        """A problem found after cleaning (the record's own checks, put beside the field
        that caused it) names the row as well."""
        if getattr(self, "_cleaned", False) and isinstance(error, str):
            error = named(self.row_name(), error)
        super().add_error(field, error)

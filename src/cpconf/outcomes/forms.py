"""The one choice the chair makes when issuing: which other adults also get a letter."""

from typing import Any, cast

from django import forms
from django.utils.translation import gettext_lazy as _

from cpconf.families.models import Family, FamilyMember
from cpconf.outcomes import recipients
from cpconf.outcomes.services import NOT_AN_ADULT_HERE


class OtherRecipientsForm(forms.Form):
    recipients = forms.MultipleChoiceField(
        label=_("Who else gets a letter"),
        help_text=_("Select any other adult who should get their own letter."),
        required=False,
        error_messages={"invalid_choice": _(NOT_AN_ADULT_HERE)},
    )

    def __init__(self, *args: Any, family: Family, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.others = {str(member.pk): member for member in recipients.other_adults(family)}
        field = cast(forms.MultipleChoiceField, self.fields["recipients"])
        field.choices = [
            (pk, f"{member.full_name} ({member.get_relationship_display().lower()})")
            for pk, member in self.others.items()
        ]

    def chosen(self) -> list[FamilyMember]:
        return [self.others[pk] for pk in self.cleaned_data.get("recipients", ())]

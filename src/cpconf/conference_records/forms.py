"""The chair's forms, one or more per agenda section, and the forms around finalising.

Nothing here is required field by field: the chair saves a section half-written, live in the
meeting, as often as they like. A row that makes no sense (words with nobody who said them, a
score that is not a number, a date that does not exist) is refused, naming the field and
keeping what was typed. What must be there at the end is checked when the record is finalised.
How a section's forms become the section's content is in `section_editors`.
"""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from cpconf.conference_records import record_content as parts
from cpconf.conferences.forms import MeetingTimeForm
from cpconf.date_input import DateParts
from cpconf.named_errors import NamedRowErrors

YES_NO = (("yes", _("Yes")), ("no", _("No")))

ENTER_NAME = _("Enter the name of the person")
ENTER_WHAT_WAS_SAID = _("Enter what was said")
CHOOSE_SPEAKER = _("Choose who said it")
ENTER_ACTION = _("Enter what needs to happen")
SCORE_WHOLE_NUMBER = _("The score must be a whole number, like 6")
ENTER_DISSENT_VIEW = _("Enter the view they disagreed with")
ENTER_DISSENT_WHO = _("Enter who disagreed")
ENTER_CORRECTION_REASON = _("Enter why you are correcting the record")


def _choices(pairs: tuple[tuple[str, str], ...]) -> list[tuple[str, Any]]:
    """The content module's (value, English label) pairs, labels translated."""
    return [(value, _(label)) for value, label in pairs]


ATTENDANCE = _choices(parts.ATTENDANCE)


def yes_no(label: Any, help_text: Any = "") -> forms.ChoiceField:
    return forms.ChoiceField(
        label=label, help_text=help_text, choices=YES_NO, required=False, widget=forms.RadioSelect
    )


def lines(text: str) -> list[str]:
    """A list typed one item a line, blank lines left out."""
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def is_blank(data: dict[str, Any], names: tuple[str, ...]) -> bool:
    return not any(data.get(name) for name in names)


class FamilyMeetingForm(forms.Form):
    held = yes_no(_("Did you meet the family before the conference?"))
    notes = forms.CharField(
        label=_("Notes of the meeting"),
        help_text=_(
            "What you explained, how the family feel about today, the room and any breaks "
            "they need; a family tree may be drawn"
        ),
        required=False,
        widget=forms.Textarea,
    )
    attended = forms.CharField(
        label=_("Who attended"),
        help_text=_("One name a line"),
        required=False,
        widget=forms.Textarea,
    )


class ParticipantRowForm(NamedRowErrors, forms.Form):
    """One person at the conference: its errors name them."""

    name = forms.CharField(label=_("Name"), max_length=200, required=False)
    role = forms.CharField(
        label=_("Role or relationship"),
        help_text=_("For example mother, social worker, designated safeguarding lead"),
        max_length=200,
        required=False,
    )
    agency = forms.CharField(label=_("Agency"), max_length=200, required=False)
    kind = forms.ChoiceField(
        label=_("Taking part as"),
        choices=[("", _("Choose")), *_choices(parts.PARTICIPANT_KINDS)],
        required=False,
    )
    attendance = forms.ChoiceField(
        label=_("Attendance"), choices=ATTENDANCE, required=False, widget=forms.RadioSelect
    )
    arrived_at = forms.CharField(
        label=_("Arrived at"),
        help_text=_("If they were there for part of the meeting: 24-hour clock, for example 10:15"),
        max_length=5,
        required=False,
    )
    left_at = forms.CharField(
        label=_("Left at"), help_text=_("For example 11:40"), max_length=5, required=False
    )
    present_for = forms.CharField(
        label=_("Present for these items"),
        help_text=_("For example items 1 to 4, or the decision"),
        max_length=200,
        required=False,
    )
    for_whom = forms.CharField(
        label=_("Interpreter or advocate for"),
        help_text=_("The name of the person they interpret or speak up for"),
        max_length=200,
        required=False,
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not data.get("name") and (data.get("role") or data.get("agency")):
            self.add_error("name", ENTER_NAME)
        return data


class IntroductionsForm(forms.Form):
    parents_report = forms.CharField(
        label=_("The parents' own report or safety plan"),
        help_text=_("What the parents wrote or told you for the conference, in their words"),
        required=False,
        widget=forms.Textarea,
    )
    confidentiality_confirmed = forms.BooleanField(
        label=_(
            "I explained that what is said and written for this conference is confidential: it "
            "is shared only with the people and agencies here, and only to keep the children safe"
        ),
        required=False,
    )
    equal_opportunities_confirmed = forms.BooleanField(
        label=_(
            "I explained that everyone here is treated fairly and with respect, whatever their "
            "race, religion, culture, language, sex, sexuality, age or disability, and that "
            "anyone can ask for help to take part"
        ),
        required=False,
    )


class WhyHereForm(forms.Form):
    child_voice = forms.CharField(
        label=_("The voice of the child"),
        help_text=_("What the children have told us, or shown us by how they behave"),
        required=False,
        widget=forms.Textarea,
    )
    advocacy = forms.CharField(
        label=_("Advocacy, direct work, wishes and feelings"), required=False, widget=forms.Textarea
    )
    danger_statement = forms.CharField(
        label=_("Danger statement"),
        help_text=_("As agreed at the last conference; change it if the conference agrees"),
        required=False,
        widget=forms.Textarea,
    )
    safety_goals = forms.CharField(
        label=_("Safety goals"),
        help_text=_("As agreed at the last conference; change them if the conference agrees"),
        required=False,
        widget=forms.Textarea,
    )
    additional_information = forms.CharField(
        label=_("Information not shared in the reports"),
        help_text=_("Ask the parents first"),
        required=False,
        widget=forms.Textarea,
    )
    questions = forms.CharField(
        label=_("Questions about the reports"),
        help_text=_("Ask the parents first"),
        required=False,
        widget=forms.Textarea,
    )


class EntryRowForm(forms.Form):
    """One thing said under one discussion heading, and who said it."""

    speaker = forms.ChoiceField(label=_("Who said it"), choices=(), required=False)
    text = forms.CharField(label=_("What they said"), required=False, widget=forms.Textarea)

    def __init__(self, *args: Any, speakers: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["speaker"].choices = [("", _("Choose who said it")), *speakers]  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("text") and not data.get("speaker"):
            self.add_error("speaker", CHOOSE_SPEAKER)
        if data.get("speaker") and not data.get("text") and "speaker" not in self.errors:
            self.add_error("text", ENTER_WHAT_WAS_SAID)
        return data


class ActionRowForm(forms.Form):
    action = forms.CharField(label=_("What needs to happen"), required=False, widget=forms.Textarea)
    who = forms.CharField(label=_("Who will do it"), max_length=300, required=False)
    priority = forms.ChoiceField(
        label=_("Priority"),
        choices=_choices(parts.PRIORITIES),
        required=False,
        widget=forms.RadioSelect,
    )
    progress = forms.ChoiceField(
        label=_("Progress"), choices=_choices(parts.PROGRESS), required=False
    )
    child_ids = forms.MultipleChoiceField(
        label=_("Which children it is for"),
        choices=(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    carried_forward = forms.BooleanField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args: Any, children: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["child_ids"].choices = children  # type: ignore[attr-defined]
        self.by_when = DateParts("by_when", str(_("By when")), future=None)
        self.by_when.add_fields(self)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        data["by_when"] = self.by_when.clean(self)
        filled = not is_blank(data, ("who", "by_when", "by_when_day", "priority"))
        if filled and not data.get("action"):
            self.add_error("action", ENTER_ACTION)
        return data


class ScoreRowForm(NamedRowErrors, forms.Form):
    """One participant's score for one child: its errors name the participant."""

    participant = forms.CharField(required=False, widget=forms.HiddenInput)
    child_id = forms.IntegerField(required=False, widget=forms.HiddenInput)
    score = forms.CharField(label=_("Score"), required=False)
    child_name = ""  # set by the page: a person gives a score for each child

    def row_name(self) -> str:
        participant = self.bound_value("participant")
        if not (participant and self.child_name):
            return participant
        return _("%(participant)s's score for %(child)s") % {
            "participant": participant,
            "child": self.child_name,
        }

    def clean_score(self) -> int | None:
        """A whole number; whether it is in the policy's range is content.validate_part's."""
        text = (self.cleaned_data.get("score") or "").strip()
        if not text:
            return None
        try:
            return int(text)
        except ValueError:
            raise forms.ValidationError(SCORE_WHOLE_NUMBER) from None


class ChildDecisionRowForm(NamedRowErrors, forms.Form):
    """One child's decision; `outcomes` are the conference agenda's, in its words. Its errors
    name the child."""

    child_id = forms.IntegerField(required=False, widget=forms.HiddenInput)
    name = forms.CharField(required=False, widget=forms.HiddenInput)
    suffered_harm = yes_no(_("Has the child suffered significant harm?"))
    likely_to_suffer = yes_no(_("Is the child likely to suffer significant harm?"))
    professional_views = forms.CharField(
        label=_("Professionals' views: is a child protection plan needed?"),
        required=False,
        widget=forms.Textarea,
    )
    consensus = yes_no(
        _("Did the conference agree?"),
        _("If not, you make the decision, and it is recorded as the chair's decision"),
    )
    outcome = forms.ChoiceField(
        label=_("Decision"),
        choices=(),
        required=False,
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": _("Choose a decision from the list")},
    )
    categories = forms.MultipleChoiceField(
        label=_("Category of the plan"),
        help_text=_("Needed for a child protection plan; select all that apply"),
        choices=_choices(parts.CATEGORIES),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    field_order = [
        "suffered_harm",
        "likely_to_suffer",
        "professional_views",
        "consensus",
        "outcome",
        "categories",
    ]

    def __init__(self, *args: Any, outcomes: list[tuple[str, Any]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["outcome"].choices = outcomes  # type: ignore[attr-defined]
        self.unborn = False

    def clean(self) -> dict[str, Any]:
        """A plan needs its category: asked for at once, while the conference is deciding."""
        data = super().clean() or {}
        if data.get("outcome") in parts.PLAN_OUTCOMES and not data.get("categories"):
            name = data.get("name") or _("the child")
            self.add_error("categories", _(parts.CHOOSE_CATEGORY).format(name=name))
        return data


class DecisionsForm(forms.Form):
    chair_summary = forms.CharField(
        label=_("The chair's summary"), required=False, widget=forms.Textarea
    )


class DissentRowForm(forms.Form):
    who = forms.CharField(label=_("Who disagreed"), max_length=300, required=False)
    view = forms.CharField(label=_("Their view"), required=False, widget=forms.Textarea)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("who") and not data.get("view"):
            self.add_error("view", ENTER_DISSENT_VIEW)
        if data.get("view") and not data.get("who"):
            self.add_error("who", ENTER_DISSENT_WHO)
        return data


class FutureDatesForm(forms.Form):
    core_group_members = forms.CharField(
        label=_("Members of the core group (or the child in need group)"),
        help_text=_("One a line: name, and their role or agency"),
        required=False,
        widget=forms.Textarea,
    )
    feedback_forms_sent = forms.BooleanField(
        label=_("Feedback forms have been given or sent to the family and the professionals"),
        required=False,
    )
    appeal_explained = forms.BooleanField(
        label=_(
            "I told the family of their right to appeal the decision, and that they can write "
            "to or contact the chair if they are unhappy with any part of the conference"
        ),
        required=False,
    )
    core_group_late_reason = forms.CharField(
        label=_("Reason the core group meets later"),
        help_text=_("Only if the core group meets after the date it is due by"),
        required=False,
        widget=forms.Textarea,
    )
    next_review_late_reason = forms.CharField(
        label=_("Reason the next review is later"),
        help_text=_("Only if the next review is after the date it is due by"),
        required=False,
        widget=forms.Textarea,
    )
    DATES = (
        ("core_group_on", _("Date of the core group meeting")),
        ("next_review_on", _("Date of the next review conference")),
        ("child_in_need_meeting_on", _("Date of the child in need meeting")),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.dates = [DateParts(name, str(label), future=None) for name, label in self.DATES]
        for date_parts in self.dates:
            date_parts.add_fields(self)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        for date_parts in self.dates:
            data[date_parts.name] = date_parts.clean(self)
        return data


class CorrectionForm(forms.Form):
    reason = forms.CharField(
        label=_("Why are you correcting the record?"),
        help_text=_("This is kept with the corrected version, for everyone who reads it"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        error_messages={
            "required": ENTER_CORRECTION_REASON,
            "max_length": _("The reason must be 2,000 characters or fewer"),
        },
    )


class NextReviewForm(MeetingTimeForm):
    """Date, start time and place of the next review: the conferences app's own fields."""

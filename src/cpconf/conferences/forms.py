"""The unit's forms: booking and moving a conference, inviting, recording attendance.

Refusals are validation errors naming the field (a date in the past, a review with no
previous conference); warnings come from `scheduling.booking_warnings` and are confirmed.
"""

import re
from datetime import date, datetime, time
from typing import Any

from django import forms
from django.utils import timezone

from cpconf.accounts.models import Role, User
from cpconf.conferences.models import Attendance, Conference, ConferenceStatus
from cpconf.date_input import DateParts
from cpconf.families.models import Family
from cpconf.organisations.models import Agency

TIME_FORMAT = re.compile(r"^(?P<hour>[01]?\d|2[0-3])[:.](?P<minute>[0-5]\d)$")


class MeetingTimeForm(forms.Form):
    """Date (GOV.UK date input), start time, and where: a place, a link, or both."""

    starts_time = forms.CharField(
        label="Start time",
        help_text="24-hour clock, for example 10:00 or 14:30",
        max_length=5,
        required=False,
    )
    place = forms.CharField(label="Place", max_length=300, required=False)
    virtual_link = forms.URLField(
        label="Link to join online",
        max_length=500,
        required=False,
        assume_scheme="https",
        error_messages={"invalid": "Enter the link in full, like https://meet.example.gov.uk/abc"},
    )
    confirm_warnings = forms.BooleanField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.meeting_date = DateParts(
            "meeting_date",
            "Date of the conference",
            future=None,
            past="The date of the conference must be today or in the future",
        )
        self.meeting_date.add_fields(self)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        day = self.meeting_date.clean(self)
        if not day and "meeting_date_day" not in self.errors:
            self.add_error("meeting_date_day", "Enter the date of the conference")
        starts = self._start_time(data.get("starts_time") or "")
        if day and starts is not None:
            moment = timezone.make_aware(datetime.combine(date.fromisoformat(day), starts))
            if moment <= timezone.now():
                self.add_error("starts_time", "The conference must start in the future")
            data["starts_at"] = moment
        if not data.get("place") and not data.get("virtual_link"):
            self.add_error("place", "Enter a place, or a link to join online")
        return data

    def _start_time(self, text: str) -> time | None:
        match = TIME_FORMAT.match(text.strip())
        if match is None:
            self.add_error("starts_time", "Enter a start time like 10:00 or 14:30")
            return None
        return time(int(match["hour"]), int(match["minute"]))


DATE_PARTS = ("day", "month", "year")
# The order the fields stand on the page, so the error summary lists them in that order.
PAGE_ORDER = [
    "meeting_type",
    *(f"strategy_discussion_{part}" for part in DATE_PARTS),
    "previous",
    "chair",
    *(f"meeting_date_{part}" for part in DATE_PARTS),
    "starts_time",
    "place",
    "virtual_link",
]


class BookingForm(MeetingTimeForm):
    meeting_type = forms.ChoiceField(label="Type of conference", widget=forms.RadioSelect)
    chair = forms.ModelChoiceField(
        label="Chair",
        queryset=User.objects.none(),
        empty_label="Choose the chair",
        error_messages={"required": "Choose the chair"},
    )
    previous = forms.ModelChoiceField(
        label="Previous conference",
        help_text="A review follows the conference before it",
        queryset=Conference.objects.none(),
        required=False,
        empty_label="None: this is the first conference",
    )

    def __init__(self, *args: Any, family: Family, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.family = family
        policy = family.local_authority.policy
        self.fields["meeting_type"].choices = policy.meeting_type_choices()  # type: ignore[attr-defined]
        self.fields["meeting_type"].error_messages["required"] = "Choose the type of conference"
        self.fields["chair"].queryset = User.objects.filter(  # type: ignore[attr-defined]
            role_assignments__local_authority=family.local_authority,
            role_assignments__role=Role.CHAIR,
            is_active=True,
        ).order_by("last_name", "first_name")
        self.fields["previous"].queryset = family.conferences.exclude(  # type: ignore[attr-defined]
            status=ConferenceStatus.CANCELLED
        ).order_by("-starts_at")
        self.strategy_discussion = DateParts(
            "strategy_discussion",
            "Date of the strategy discussion",
            future="The strategy discussion must be today or in the past",
        )
        self.strategy_discussion.add_fields(self)
        self.order_fields(PAGE_ORDER)

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        discussed = self.strategy_discussion.clean(self)
        data["strategy_discussion_on"] = date.fromisoformat(discussed) if discussed else None
        key = data.get("meeting_type")
        if not key:
            return data
        meeting_type = self.family.local_authority.policy.meeting_type(key)
        if meeting_type.is_review and data.get("previous") is None:
            self.add_error("previous", "A review must follow a previous conference: choose it")
        if (
            meeting_type.is_review
            and data.get("previous") is not None
            and data.get("starts_at") is not None
            and data["previous"].starts_at >= data["starts_at"]
        ):
            self.add_error("previous", "The previous conference must be before this one")
        return data


class RescheduleForm(MeetingTimeForm):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.order_fields(PAGE_ORDER)


class InvitationForm(forms.Form):
    agency = forms.ModelChoiceField(
        label="Agency",
        queryset=Agency.objects.none(),
        empty_label="Choose the agency",
        error_messages={"required": "Choose the agency the person is invited for"},
    )
    email = forms.EmailField(
        label="Email address",
        help_text="Their work email. Someone new gets a link to set up their account.",
        error_messages={
            "required": "Enter the email address of the person to invite",
            "invalid": "Enter an email address in the correct format, like name@example.gov.uk",
        },
    )

    def __init__(self, *args: Any, conference: Conference, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.conference = conference
        # Retired agencies stay on the invitations that name them, but are not offered.
        offered = Agency.objects.in_use().filter(local_authority=conference.family.local_authority)
        self.fields["agency"].queryset = offered.order_by("name")  # type: ignore[attr-defined]

    def clean_email(self) -> str:
        email = self.cleaned_data["email"].strip().lower()
        if self.conference.invitations.filter(email__iexact=email).exists():
            raise forms.ValidationError(f"{email} is already invited to this conference")
        return email


class AttendanceForm(forms.Form):
    attendance = forms.ChoiceField(
        label="Attendance",
        choices=Attendance.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose whether they are attending"},
    )

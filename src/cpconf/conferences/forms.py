"""The unit's forms: booking and moving a conference, inviting, recording attendance.

Refusals are validation errors naming the field (a date in the past, a review with no
previous conference); warnings come from `scheduling.booking_warnings` and are confirmed,
for the warnings the page showed only (`MeetingTimeForm.warnings_confirmed`).
"""

import re
from datetime import date, datetime, time
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, gettext_noop

from cpconf.accounts.models import Role, User
from cpconf.conferences.models import Attendance, Conference, ConferenceStatus, Stage
from cpconf.conferences.scheduling import warnings_digest
from cpconf.conferences.services import already_booked_message, conference_at
from cpconf.date_input import DateParts
from cpconf.families.models import Family
from cpconf.organisations.models import Agency

TIME_FORMAT = re.compile(r"^(?P<hour>[01]?\d|2[0-3])[:.](?P<minute>[0-5]\d)$")

CONFIRM_WARNINGS = gettext_noop(
    "Tick the box to say you have read the warnings, or change your answers"
)
WARNINGS_CHANGED = gettext_noop(
    "Your answers now draw different warnings: read them, then tick the box to go ahead"
)
ENTER_STRATEGY_DISCUSSION = gettext_noop(
    "Enter the date of the strategy discussion: an initial conference is due within {days} "
    "working days of it"
)
MEETING_TYPE_FROM_LIST = gettext_noop("Choose a type of conference from the list")
CHAIR_FROM_LIST = gettext_noop("Choose a chair from the list")
PREVIOUS_FROM_LIST = gettext_noop("Choose the previous conference from this family's conferences")
AGENCY_FROM_LIST = gettext_noop("Choose an agency from the list")
ATTENDANCE_FROM_LIST = gettext_noop("Choose attending, apologies or report only")


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
    confirm_warnings = forms.BooleanField(
        label="I have read the warnings and want to go ahead", required=False
    )
    warnings_shown = forms.CharField(required=False, max_length=64, widget=forms.HiddenInput)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.warnings: list[str] = []
        self.warnings_digest = ""
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

    def warnings_confirmed(self, warnings: list[str]) -> bool:
        """Go ahead when there is nothing to warn about, or when the unit ticked that it read
        exactly these warnings: the page carries a digest of those it showed, so a tick
        given for one date's warnings does not book or move to another date that draws others
        (they are shown, and asked about, instead)."""
        self.warnings = warnings
        self.warnings_digest = warnings_digest(warnings) if warnings else ""
        if not warnings:
            return True
        shown = self.cleaned_data.get("warnings_shown", "")
        if shown == self.warnings_digest and self.cleaned_data.get("confirm_warnings"):
            return True
        if shown == self.warnings_digest:
            self.add_error("confirm_warnings", _(CONFIRM_WARNINGS))
        elif shown:
            self.add_error("confirm_warnings", _(WARNINGS_CHANGED))
        return False

    def _start_time(self, text: str) -> time | None:
        match = TIME_FORMAT.match(text.strip())
        if match is None:
            self.add_error("starts_time", "Enter a start time like 10:00 or 14:30")
            return None
        return time(int(match["hour"]), int(match["minute"]))


DATE_PARTS = ("day", "month", "year")
# The order the fields stand on the page, so the error summary lists them in that order.
PAGE_ORDER = [
    "confirm_warnings",
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
        error_messages={
            "required": "Choose the chair",
            "invalid_choice": gettext_lazy(CHAIR_FROM_LIST),
        },
    )
    previous = forms.ModelChoiceField(
        label="Previous conference",
        help_text="A review follows the conference before it",
        queryset=Conference.objects.none(),
        required=False,
        empty_label="None: this is the first conference",
        error_messages={"invalid_choice": gettext_lazy(PREVIOUS_FROM_LIST)},
    )

    def __init__(self, *args: Any, family: Family, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.family = family
        policy = family.local_authority.policy
        self.fields["meeting_type"].choices = policy.meeting_type_choices()  # type: ignore[attr-defined]
        self.fields["meeting_type"].error_messages.update(
            required="Choose the type of conference", invalid_choice=_(MEETING_TYPE_FROM_LIST)
        )
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
        self._not_booked_already(data.get("starts_at"))
        key = data.get("meeting_type")
        if not key:
            return data
        policy = self.family.local_authority.policy
        meeting_type = policy.meeting_type(key)
        if (
            meeting_type.stage == Stage.INITIAL
            and not discussed
            and "strategy_discussion_day" not in self.errors
        ):
            # Without it the statutory 15 working days cannot be checked at all.
            days = policy.initial_conference_within_working_days
            self.add_error(
                "strategy_discussion_day", _(ENTER_STRATEGY_DISCUSSION).format(days=days)
            )
        if (
            meeting_type.is_review
            and data.get("previous") is None
            and "previous" not in self.errors
        ):
            self.add_error("previous", "A review must follow a previous conference: choose it")
        if (
            meeting_type.is_review
            and data.get("previous") is not None
            and data.get("starts_at") is not None
            and data["previous"].starts_at >= data["starts_at"]
        ):
            self.add_error("previous", "The previous conference must be before this one")
        return data

    def _not_booked_already(self, starts_at: datetime | None) -> None:
        """Said here, beside the date, before any warning: `services.conference_book` says
        the same under the family's lock for presses that arrive together."""
        existing = conference_at(self.family, starts_at) if starts_at else None
        if existing is not None:
            self.add_error("meeting_date_day", already_booked_message(existing))


class RescheduleForm(MeetingTimeForm):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.order_fields(PAGE_ORDER)


class InvitationForm(forms.Form):
    agency = forms.ModelChoiceField(
        label="Agency",
        queryset=Agency.objects.none(),
        empty_label="Choose the agency",
        error_messages={
            "required": "Choose the agency the person is invited for",
            "invalid_choice": gettext_lazy(AGENCY_FROM_LIST),
        },
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
        """Who may be invited, and for which agency, is `services.invitation_add`'s to say,
        under the conference's lock."""
        return str(self.cleaned_data["email"]).strip().lower()


class AttendanceForm(forms.Form):
    attendance = forms.ChoiceField(
        label="Attendance",
        choices=Attendance.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Choose whether they are attending",
            "invalid_choice": gettext_lazy(ATTENDANCE_FROM_LIST),
        },
    )

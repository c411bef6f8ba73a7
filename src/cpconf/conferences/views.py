"""Booking, moving and inviting to a conference, and recording attendance. Views translate
HTTP: rules in cpconf.access, changes in services. The conference page and the
reports-received board, which read reports, are cpconf.conference_overview's."""

from datetime import datetime
from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from cpconf.access.lookups import get_visible_or_404
from cpconf.accounts.models import User
from cpconf.conferences import scheduling, selectors, services
from cpconf.conferences.forms import (
    AttendanceForm,
    BookingForm,
    InvitationForm,
    MeetingTimeForm,
    RescheduleForm,
)
from cpconf.conferences.models import Conference
from cpconf.families import selectors as family_selectors
from cpconf.families.models import Family


def _user(request: HttpRequest) -> User:
    return request.user  # type: ignore[return-value]


def _form_errors(form: Any) -> list[tuple[str, str]]:
    """(field id, message) in the order the fields stand on the page."""
    return [
        (str(form[name].auto_id), str(message))
        for name in form.fields
        for message in form.errors.get(name, [])
    ]


def _booking_warnings(family: Family, data: dict[str, Any]) -> list[str]:
    return scheduling.booking_warnings(
        scheduling.Booking(
            family=family,
            meeting_type=data["meeting_type"],
            starts_at=data["starts_at"],
            chair=data["chair"],
            previous=data["previous"],
            strategy_discussion_on=data["strategy_discussion_on"],
        )
    )


def _move_warnings(conference: Conference, starts_at: datetime) -> list[str]:
    return scheduling.booking_warnings(
        scheduling.Booking(
            family=conference.family,
            meeting_type=conference.meeting_type,
            starts_at=starts_at,
            chair=conference.chair,
            previous=conference.previous,
            strategy_discussion_on=conference.strategy_discussion_on,
            moving=conference,
        )
    )


def conference_book(request: HttpRequest, family_pk: int) -> HttpResponse:
    user = _user(request)
    family = get_visible_or_404(
        family_selectors.families_for(user),
        request,
        action="family_viewed",
        permission="book_conference",  # only the unit books conferences
        pk=family_pk,
    )
    form = BookingForm(request.POST or None, family=family)
    if (
        request.method == "POST"
        and form.is_valid()
        and form.warnings_confirmed(_booking_warnings(family, form.cleaned_data))
    ):
        data = form.cleaned_data
        try:
            conference = services.conference_book(
                family=family,
                meeting_type=data["meeting_type"],
                starts_at=data["starts_at"],
                chair=data["chair"],
                place=data["place"],
                virtual_link=data["virtual_link"],
                previous=data["previous"],
                strategy_discussion_on=data["strategy_discussion_on"],
                booked_by=user,
                request=request,
            )
        except services.ConferenceAlreadyBooked as booked:  # pressed twice at once
            form.add_error("meeting_date_day", str(booked))
        else:
            messages.success(request, "Conference booked. Now invite the professionals.")
            return redirect("conferences:detail", pk=conference.pk)
    return _meeting_page(request, "conferences/book.html", form, family=family)


def _meeting_page(
    request: HttpRequest, template: str, form: MeetingTimeForm, **context: Any
) -> HttpResponse:
    """The booking or move page: errors, warnings, and what was typed."""
    refused = request.method == "POST" and bool(form.errors or form.warnings)
    return render(
        request,
        template,
        {**context, "form": form, "errors": _form_errors(form), "warnings": form.warnings},
        status=400 if refused else 200,
    )


def conference_reschedule(request: HttpRequest, pk: int) -> HttpResponse:
    user = _user(request)
    conference = get_visible_or_404(
        selectors.conferences_for(user),
        request,
        action="conference_viewed",
        permission="manage",  # only the unit moves conferences
        pk=pk,
    )
    if not services.conference_may_move(conference):
        messages.error(request, services.CONFERENCE_HELD)
        return redirect("conferences:detail", pk=conference.pk)
    local = timezone.localtime(conference.starts_at)
    initial = {
        "meeting_date_day": local.day,
        "meeting_date_month": local.month,
        "meeting_date_year": local.year,
        "starts_time": f"{local:%H:%M}",
        "place": conference.place,
        "virtual_link": conference.virtual_link,
    }
    form = RescheduleForm(request.POST or None, initial=initial)
    if (
        request.method == "POST"
        and form.is_valid()
        and form.warnings_confirmed(_move_warnings(conference, form.cleaned_data["starts_at"]))
    ):
        data = form.cleaned_data
        try:
            services.conference_reschedule(
                conference=conference,
                starts_at=data["starts_at"],
                place=data["place"],
                virtual_link=data["virtual_link"],
                actor=user,
                request=request,
            )
        except services.ConferenceAlreadyBooked as booked:
            form.add_error("meeting_date_day", str(booked))
        else:
            messages.success(request, "Conference moved. Every invitee has been told.")
            return redirect("conferences:detail", pk=conference.pk)
    return _meeting_page(request, "conferences/reschedule.html", form, conference=conference)


def invitation_add(request: HttpRequest, pk: int) -> HttpResponse:
    user = _user(request)
    conference = get_visible_or_404(
        selectors.conferences_for(user),
        request,
        action="conference_viewed",
        permission="manage",  # only the unit invites
        pk=pk,
    )
    if not conference.takes_invitations:
        messages.error(request, services.invitations_closed_message(conference))
        return redirect("conferences:board", pk=conference.pk)
    form = InvitationForm(request.POST or None, conference=conference)
    if request.method == "POST" and form.is_valid():
        email = form.cleaned_data["email"]
        try:
            services.invitation_add(
                conference=conference,
                agency=form.cleaned_data["agency"],
                email=email,
                actor=user,
                request=request,
            )
        except services.InvitationsClosed as closed:  # finalised or cancelled meanwhile
            messages.error(request, str(closed))
            return redirect("conferences:board", pk=conference.pk)
        except services.InvitationRefused as refused:
            for field, message in refused.problems:
                form.add_error(field, message)
        else:
            messages.success(request, f"{email} is invited. They have been sent an email.")
            return redirect("conferences:board", pk=conference.pk)
    return _invite_page(request, conference, form)


def _invite_page(request: HttpRequest, conference: Any, form: InvitationForm) -> HttpResponse:
    status = 400 if request.method == "POST" else 200
    return render(
        request,
        "conferences/invite.html",
        {"conference": conference, "form": form, "errors": _form_errors(form)},
        status=status,
    )


def attendance(request: HttpRequest, pk: int, invitation_pk: int) -> HttpResponse:
    """The unit records anyone's answer; an invitee records their own."""
    user = _user(request)
    invitation = get_visible_or_404(
        selectors.invitations_for_conferences_of(user),
        request,
        action="attendance_viewed",
        permission="answer",
        pk=invitation_pk,
        conference_id=pk,
    )
    conference = invitation.conference
    form = AttendanceForm(request.POST or None, initial={"attendance": invitation.attendance})
    if request.method == "POST" and form.is_valid():
        services.attendance_record(
            invitation=invitation,
            attendance=form.cleaned_data["attendance"],
            actor=user,
            request=request,
        )
        messages.success(request, "Attendance recorded.")
        return redirect("conferences:detail", pk=conference.pk)
    status = 400 if request.method == "POST" else 200
    return render(
        request,
        "conferences/attendance.html",
        {
            "conference": conference,
            "invitation": invitation,
            "form": form,
            "errors": _form_errors(form),
        },
        status=status,
    )

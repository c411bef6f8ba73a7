"""The chair's pages for running the conference, one per agenda section. Views translate
HTTP: who may run a record is decided by the "run_record" rule as the conference is fetched
(a 404 for anyone else, before anything else happens), every change is a service call."""

import functools
from collections.abc import Callable
from typing import Any
from urllib.parse import urlencode

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from django.views.decorators.http import require_POST

from cpconf.access.lookups import get_visible_or_404
from cpconf.accounts.models import User
from cpconf.conference_records import date_checks, selectors, services
from cpconf.conference_records import record_content as parts
from cpconf.conference_records.agenda import Agenda
from cpconf.conference_records.forms import CorrectionForm, NextReviewForm
from cpconf.conference_records.models import ConferenceRecord, RecordPart
from cpconf.conference_records.record_display import record_summary, summary_rows
from cpconf.conference_records.section_editors import Editor, Setting, editor_for
from cpconf.conferences import scheduling
from cpconf.conferences import services as conference_services
from cpconf.conferences.models import Attendance, Conference, ConferenceStatus
from cpconf.families.models import FamilyMember, Relationship
from cpconf.reports import received

STARTED_FIRST = "Start the record first."
WARNINGS_NOT_READ = gettext_noop(
    "Confirm you have read the warnings before you finalise the record"
)
NOT_INVITED_AGAIN = gettext_noop(
    "Not invited to the review, because their agency or role has changed since: %(emails)s. "
    "Invite them afresh from the review's page if they should write a report"
)
FINALISED_WHILE_EDITING = gettext_noop(
    "The record was finalised while this page was open, so nothing was saved. What you typed "
    "is below: to change the record, correct it, then put your words in again"
)
ALREADY_CORRECTING = gettext_noop(
    "The record is already being corrected, with the reason first given. Correct the parts "
    "that need it, then finalise again"
)
CHANGED_SINCE_SHOWN = gettext_noop(
    "The record was changed after this page opened, by you in another tab or by someone "
    "else. Nothing was finalised. Check the record below again, then finalise it"
)
AUTOSAVE_HEADER = "HTTP_X_CPCONF_AUTOSAVE"


def _user(request: HttpRequest) -> User:
    return request.user  # type: ignore[return-value]


def _conference(
    request: HttpRequest,
    conference_pk: int,
    action: str = "conference_record_viewed",
    requires: Callable[[Conference], object] | None = None,
) -> Conference:
    """The conference, if this user runs its record (its chair, the unit) and it has what
    the page `requires`: the read audited as `action`; else the refusal, and a 404."""
    return get_visible_or_404(
        selectors.conferences_for(request.user),
        request,
        action=action,
        permission="run_record",
        requires=requires,
        pk=conference_pk,
    )


def _record(
    request: HttpRequest,
    conference_pk: int,
    action: str,
    requires: Callable[[Conference], object] | None = None,
) -> ConferenceRecord:
    """The record of a conference this user runs; 404 for anyone else. A record not yet
    started raises _NotStarted, which `_records` turns into a visit to the overview (where
    the chair starts it with a POST: no page starts a record by being opened)."""
    conference = _conference(request, conference_pk, action, requires)
    record = ConferenceRecord.objects.filter(conference=conference).first()
    if record is None:
        raise _NotStarted(conference_pk)
    record.conference = conference
    return record


class _NotStarted(Exception):
    def __init__(self, conference_pk: int) -> None:
        self.conference_pk = conference_pk


def _records(view: Any) -> Any:
    """Send anyone opening a page of a record not yet started to the overview."""

    @functools.wraps(view)
    def wrapped(request: HttpRequest, conference_pk: int, **kwargs: Any) -> HttpResponse:
        try:
            return view(request, conference_pk, **kwargs)
        except _NotStarted:
            messages.info(request, _(STARTED_FIRST))
            return redirect("conference_records:overview", conference_pk=conference_pk)

    return wrapped


def _children(conference: Conference) -> list[tuple[int, str]]:
    return services.children_of(conference)


def _setting(record: ConferenceRecord) -> Setting:
    conference = record.conference
    introductions = record.parts.filter(key=parts.INTRODUCTIONS).first()
    scaling = conference.family.local_authority.policy.scaling
    unborn = services.unborn_of(conference)
    return Setting(
        children=[
            {"child_id": i, "name": n, "unborn": i in unborn} for i, n in _children(conference)
        ],
        participants=list((introductions.content if introductions else {}).get("participants", [])),
        low=scaling.low,
        high=scaling.high,
        agenda=services.agenda_of(conference),
        suggested_participants=_suggested_participants(conference),
    )


def _suggested_participants(conference: Conference) -> list[dict[str, Any]]:
    """For a first look at introductions: the family, then everyone invited, to edit."""
    family = [
        {"name": m.full_name, "role": m.get_relationship_display(), "kind": _kind_of(m)}
        for m in conference.family.members.all()
    ]
    invited = [
        {
            "name": str(i.invitee) if i.invitee else i.email,
            "role": i.invitee.job_title if i.invitee else "",
            "agency": i.agency.name,
            "kind": "professional",
            "attendance": "apologies" if i.attendance == Attendance.APOLOGIES else "present",
        }
        for i in conference.invitations.select_related("agency", "invitee")
        if i.attendance != Attendance.REPORT_ONLY
    ]
    chair = {"name": str(conference.chair), "role": _("Chair"), "kind": "chair"}
    return [*family, *invited, chair]


PARENT_RELATIONSHIPS = (
    Relationship.MOTHER,
    Relationship.FATHER,
    Relationship.STEP_PARENT,
    Relationship.CARER,
)


def _kind_of(member: FamilyMember) -> str:
    if member.relationship in PARENT_RELATIONSHIPS:
        return "parent"
    return "young_person" if member.relationship == Relationship.YOUNG_PERSON else "family"


def _next_review(conference: Conference) -> Conference | None:
    return conference.followed_by.exclude(status=ConferenceStatus.CANCELLED).first()


def _part_url(conference_pk: int, key: str, field: str = "", editor: Editor | None = None) -> str:
    if key == date_checks.CONFERENCE:  # its date and time: the conference's own page
        return reverse("conferences:detail", args=[conference_pk])
    url = reverse("conference_records:part", args=[conference_pk, key])
    return f"{url}#{editor.anchor(field)}" if editor is not None else url


def overview(request: HttpRequest, conference_pk: int) -> HttpResponse:
    """The agenda as a task list, with the conference's details; "Start the record" if none."""
    conference = _conference(request, conference_pk)
    record = ConferenceRecord.objects.filter(conference=conference).first()
    context: dict[str, Any] = {
        "conference": conference,
        "children": _children(conference),
        "record": record,
        "next_review": _next_review(conference),
    }
    if record is not None:
        record.conference = conference
        saved = {part.key: part for part in record.parts.all()}
        problems = {p.part for p in services.record_problems(record)}
        context["tasks"] = [
            (s.key, s.number, _(s.title), _state(saved.get(s.key), s.key in problems))
            for s in services.agenda_of(conference).sections
        ]
        context["versions"] = selectors.versions_of(record)
        context["latest"] = context["versions"][-1] if context["versions"] else None
    return render(request, "conference_records/overview.html", context)


def _state(part: RecordPart | None, has_problems: bool) -> str:
    if part is None or part.revision == 0:
        return "not_started"
    return "attention" if has_problems else "saved"


@require_POST
def start(request: HttpRequest, conference_pk: int) -> HttpResponse:
    conference = _conference(request, conference_pk, "conference_record_start_requested")
    services.record_start(conference=conference, actor=_user(request), request=request)
    return redirect("conference_records:overview", conference_pk=conference.pk)


def _more(request: HttpRequest) -> dict[str, int]:
    """How many more blank rows each row set asked for ("Add another" without JavaScript)."""
    more = {}
    for name, value in request.GET.items():
        if name.startswith("more-"):
            more[name.removeprefix("more-")] = _int(value, 0)
    return more


def _int(value: Any, default: int) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return default


@_records
def part_edit(request: HttpRequest, conference_pk: int, part_key: str) -> HttpResponse:
    record = _record(
        request, conference_pk, "record_part_viewed", requires=lambda c: part_key in parts.PART_KEYS
    )
    if not record.is_editable and request.method != "POST":
        messages.info(request, _("The record is finalised. To change it, correct the record."))
        return redirect("conference_records:overview", conference_pk=conference_pk)
    part = record.parts.filter(key=part_key).first() or RecordPart(record=record, key=part_key)
    setting, more = _setting(record), _more(request)
    if request.method != "POST":
        editor = editor_for(part_key, part.content, setting, more=more)
        return _render_part(request, record, editor, part.revision, part.content)
    editor = editor_for(part_key, part.content, setting, data=request.POST, more=more)
    # Autosaves come from frontend/autosave.mjs: by fetch (a header) or, as the page closes,
    # a beacon (a field). Without JavaScript the Save buttons do everything.
    autosave = request.META.get(AUTOSAVE_HEADER) == "1" or request.POST.get("autosave") == "1"
    revision = _int(request.POST.get("revision"), -1)
    if not record.is_editable:
        return _not_saved_finalised(request, record, editor, revision, part.content, autosave)
    if not editor.is_valid():
        return _refused(request, record, editor, revision, part.content, autosave)
    content = editor.to_content()
    try:
        saved = services.part_save(
            record=record,
            key=part_key,
            content=content,
            revision=revision,
            actor=_user(request),
            request=request,
        )
    except services.PartInvalid as invalid:
        editor.add_problems(invalid.problems)
        return _refused(request, record, editor, revision, content, autosave)
    except services.RecordConflict as conflict:
        if autosave:
            return JsonResponse({"saved": False, "conflict": True}, status=409)
        return _render_conflict(request, record, editor, content, conflict.current)
    except services.RecordNotEditable:
        return _not_saved_finalised(request, record, editor, revision, content, autosave)
    if autosave:
        saved_at = timezone.localtime().strftime("%H:%M:%S")
        return JsonResponse({"saved": True, "revision": saved.revision, "saved_at": saved_at})
    return _after_save(request, conference_pk, editor, more)


def _not_saved_finalised(
    request: HttpRequest,
    record: ConferenceRecord,
    editor: Editor,
    revision: int,
    content: dict[str, Any],
    autosave: bool,
) -> HttpResponse:
    """The record was finalised while this page was open: nothing is saved, and nothing
    typed is lost. An autosave is told so; a Save shows the page again with what was typed
    and why it was not saved."""
    message = _(FINALISED_WHILE_EDITING)
    if autosave:
        return JsonResponse({"saved": False, "not_editable": True, "message": message}, status=409)
    editor.is_valid()
    editor.loose_errors.append(message)
    return _render_part(request, record, editor, revision, content, status=409)


def _refused(
    request: HttpRequest,
    record: ConferenceRecord,
    editor: Editor,
    revision: int,
    content: dict[str, Any],
    autosave: bool,
) -> HttpResponse:
    """Nothing saved: the page again with each problem by its field (typed values kept)."""
    if autosave:
        return JsonResponse({"saved": False, "errors": editor.errors}, status=400)
    return _render_part(request, record, editor, revision, content, status=400)


def _after_save(
    request: HttpRequest, conference_pk: int, editor: Editor, more: dict[str, int]
) -> HttpResponse:
    key, order = editor.key, editor.setting.agenda.part_keys
    rows = request.POST.get("add_row")
    if rows in editor.row_sets:
        more[rows] = more.get(rows, 0) + 1
        query = urlencode(
            {f"more-{name}": n for name, n in more.items() if name in editor.row_sets}
        )
        return redirect(f"{request.path}?{query}#{rows}-rows")
    if "return" in request.POST:
        return redirect("conference_records:overview", conference_pk=conference_pk)
    following = order.index(key) + 1
    if following < len(order):
        return redirect("conference_records:part", conference_pk, order[following])
    return redirect("conference_records:check", conference_pk=conference_pk)


def _part_context(
    record: ConferenceRecord, editor: Editor, revision: int, content: dict[str, Any]
) -> dict[str, Any]:
    conference = record.conference
    agenda = editor.setting.agenda
    section = agenda.section(editor.key)
    due = services.future_dates_due(conference)
    context: dict[str, Any] = {
        "conference": conference,
        "record": record,
        "editor": editor,
        "revision": revision,
        "number": section.number,
        "title": _(section.title),
        "guidance": _guidance(agenda, editor.key, due),
        "is_last": editor.key == agenda.part_keys[-1],
        "agenda": [(s.key, s.number, _(s.title)) for s in agenda.sections],
    }
    if editor.key == parts.INTRODUCTIONS:
        context["board"] = received.board_rows(conference)
    if editor.key == parts.SCALING:
        context["scaling"] = conference.family.local_authority.policy.scaling
    if editor.key == parts.FUTURE_DATES:
        context["due"] = due
        context["warnings"] = services.future_date_warnings(conference, content)
    return context


def _guidance(agenda: Agenda, key: str, due: dict[str, Any]) -> list[str]:
    """The agenda's guidance for the section, with the policy's timescales in it."""
    return [
        _(text).format(
            core_group_days=due["core_group_within_working_days"],
            review_months=due["next_review_within_months"],
        )
        for text in agenda.section(key).guidance
    ]


def _render_part(
    request: HttpRequest,
    record: ConferenceRecord,
    editor: Editor,
    revision: int,
    content: dict[str, Any],
    status: int = 200,
) -> HttpResponse:
    context = _part_context(record, editor, revision, content)
    return render(request, editor.template, context, status=status)


def _render_conflict(
    request: HttpRequest,
    record: ConferenceRecord,
    editor: Editor,
    mine: dict[str, Any],
    saved: RecordPart,
) -> HttpResponse:
    """Both versions; the chair's own is still in the form, based now on the saved revision,
    so saving it keeps theirs out knowingly, and "keep the saved version" reloads the page."""
    children, agenda = _children(record.conference), editor.setting.agenda
    context = _part_context(record, editor, saved.revision, mine)
    context.update(
        {
            "conflict": True,
            "saved_rows": summary_rows(editor.key, saved.content, children, agenda),
            "mine_rows": summary_rows(editor.key, mine, children, agenda),
            "saved_by": saved.modified_by,
            "saved_at": saved.modified_at,
        }
    )
    return render(request, editor.template, context, status=409)


@_records
def check(request: HttpRequest, conference_pk: int) -> HttpResponse:
    """Check every part, then finalise; what is missing is named, with a link to its field.
    Warnings (a conference without its quorum, say) must be read, and ticked as read, first."""
    record = _record(request, conference_pk, "record_check_viewed")
    if not record.is_editable:
        return redirect("conference_records:overview", conference_pk=conference_pk)
    problems: list[parts.Problem] = []
    unread = changed = False
    if request.method == "POST":
        warned = bool(services.record_warnings(record))
        unread = warned and request.POST.get("warnings_read") != "yes"
        try:
            if unread:  # nothing is finalised unseen: show every problem beside the warning
                raise services.RecordIncomplete(services.record_problems(record))
            version = services.record_finalise(
                record=record,
                actor=_user(request),
                request=request,
                as_shown=request.POST.get("shown", ""),
            )
        except services.RecordChangedSinceShown:
            changed = True
        except services.RecordIncomplete as incomplete:
            problems = incomplete.problems
        except services.RecordNotEditable:
            return redirect("conference_records:overview", conference_pk=conference_pk)
        else:
            messages.success(request, _("The record is finalised."))
            return redirect("conference_records:version", conference_pk, version.number)
    context = _check_context(record, problems, unread, changed)
    refused = bool(problems) or unread or changed
    return render(request, "conference_records/check.html", context, status=400 if refused else 200)


def _check_context(
    record: ConferenceRecord, problems: list[parts.Problem], unread: bool, changed: bool
) -> dict[str, Any]:
    """The page shows one reading of the record: its parts, their warnings and the
    fingerprint of both, which finalising must match."""
    conference_pk = record.conference.pk
    content = services.record_content(record)
    warnings = services.record_warnings(record, content)
    setting = _setting(record)
    editors = {key: editor_for(key, content[key], setting) for key in parts.PART_KEYS}
    summary = [
        (
            part,
            [
                (row, _part_url(conference_pk, part.key, row.field, editors[part.key]))
                for row in part.rows
            ],
        )
        for part in record_summary(content, _children(record.conference), setting.agenda)
    ]
    errors = [
        (_part_url(conference_pk, p.part, p.field, editors.get(p.part)), _(p.message))
        for p in problems
    ]
    if unread:
        errors.append(("#warnings_read", _(WARNINGS_NOT_READ)))
    if changed:
        errors.insert(0, ("#finalise", _(CHANGED_SINCE_SHOWN)))
    return {
        "conference": record.conference,
        "record": record,
        "summary": summary,
        "errors": errors,
        "warnings": warnings,
        "unread": unread,
        "shown": services.record_as_shown(record, content),
    }


@_records
def versions(request: HttpRequest, conference_pk: int) -> HttpResponse:
    record = _record(request, conference_pk, "record_versions_viewed")
    context = {
        "conference": record.conference,
        "record": record,
        "versions": selectors.versions_of(record),
    }
    return render(request, "conference_records/versions.html", context)


@_records
def version_detail(request: HttpRequest, conference_pk: int, number: int) -> HttpResponse:
    record = _record(
        request,
        conference_pk,
        "record_version_viewed",
        requires=lambda c: selectors.version_numbered(c, number),
    )
    version = get_object_or_404(record.versions.select_related("finalised_by"), number=number)
    children = parts.part_children(version.content) or _children(record.conference)
    agenda = services.agenda_of(record.conference)
    context = {
        "conference": record.conference,
        "record": record,
        "version": version,
        "summary": record_summary(version.content, children, agenda),
        "is_latest": version == selectors.latest_version(record),
        "next_review": _next_review(record.conference),
    }
    return render(request, "conference_records/version.html", context)


@_records
def correct(request: HttpRequest, conference_pk: int) -> HttpResponse:
    record = _record(request, conference_pk, "record_correction_viewed")
    if record.is_being_corrected:
        messages.info(request, _(ALREADY_CORRECTING))
        return redirect("conference_records:overview", conference_pk=conference_pk)
    if not record.is_finalised:
        return redirect("conference_records:overview", conference_pk=conference_pk)
    form = CorrectionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.record_correct(
                record=record,
                reason=form.cleaned_data["reason"],
                actor=_user(request),
                request=request,
            )
        except services.RecordAlreadyBeingCorrected:
            # Started meanwhile by another press of the button (a double click, another tab).
            messages.info(request, _(ALREADY_CORRECTING))
            return redirect("conference_records:overview", conference_pk=conference_pk)
        messages.success(request, _("Correct the parts that need it, then finalise again."))
        return redirect("conference_records:overview", conference_pk=conference_pk)
    status = 400 if form.errors else 200
    context = {"conference": record.conference, "record": record, "form": form}
    return render(request, "conference_records/correct.html", context, status=status)


def _name_those_not_invited_again(
    request: HttpRequest, conference: Conference, review: Conference
) -> None:
    """Someone whose agency or role has changed since is not invited again as they were
    (`conferences.services.invitation_add` refuses it): the unit is told who, to invite
    them afresh."""
    again = set(review.invitations.values_list("email", flat=True))
    left = sorted(set(conference.invitations.values_list("email", flat=True)) - again)
    if left:
        messages.warning(request, _(NOT_INVITED_AGAIN) % {"emails": ", ".join(left)})


@_records
def next_review(request: HttpRequest, conference_pk: int) -> HttpResponse:
    """Book the next review from the date the conference agreed (or the latest the policy
    allows), with the same chair and everyone invited again."""
    record = _record(request, conference_pk, "record_next_review_viewed")
    conference = record.conference
    if not record.is_finalised:
        return redirect("conference_records:overview", conference_pk=conference_pk)
    booked = _next_review(conference)
    form = NextReviewForm(request.POST or None, initial=_review_initial(record))
    warnings: list[str] = []
    if booked is None and request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        warnings = scheduling.booking_warnings(_booking(conference, data["starts_at"]))
        if form.warnings_confirmed(warnings):
            try:
                booked = services.next_review_book(
                    record=record,
                    starts_at=data["starts_at"],
                    place=data["place"],
                    virtual_link=data["virtual_link"],
                    actor=_user(request),
                    request=request,
                )
            except services.ReviewAlreadyBooked as already:
                booked = already.conference
            except conference_services.ConferenceAlreadyBooked as clash:
                form.add_error("meeting_date", str(clash))
            else:
                messages.success(request, _("The next review is booked."))
                _name_those_not_invited_again(request, conference, booked)
                return redirect("conference_records:next_review", conference_pk=conference_pk)
    context = {
        "conference": conference,
        "record": record,
        "form": form,
        "booked": booked,
        "due": services.future_dates_due(conference),
        "warnings": warnings,
        "errors": [
            (str(form[name].auto_id), str(m))
            for name in form.fields
            for m in form.errors.get(name, [])
        ],
    }
    status = 400 if request.method == "POST" and (form.errors or warnings) else 200
    return render(request, "conference_records/next_review.html", context, status=status)


def _booking(conference: Conference, starts_at: Any) -> scheduling.Booking:
    policy = conference.family.local_authority.policy
    return scheduling.Booking(
        family=conference.family,
        meeting_type=services.review_type_after(policy, conference.meeting_type),
        starts_at=starts_at,
        chair=conference.chair,
        previous=conference,
    )


def _review_initial(record: ConferenceRecord) -> dict[str, Any]:
    conference = record.conference
    version = selectors.latest_version(record)
    agreed = parts.RecordContent.from_json(version.content if version else {}).future_dates
    agreed_on = agreed.next_review_on
    day = agreed_on or services.future_dates_due(conference)["next_review_by"].isoformat()
    year, month, date_of_month = day.split("-")
    return {
        "meeting_date_day": str(int(date_of_month)),
        "meeting_date_month": str(int(month)),
        "meeting_date_year": year,
        "starts_time": f"{timezone.localtime(conference.starts_at):%H:%M}",
        "place": conference.place,
        "virtual_link": conference.virtual_link,
    }

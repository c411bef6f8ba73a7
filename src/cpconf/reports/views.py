"""Report pages. Views translate HTTP: the rules are in cpconf.access, the changes in services."""

from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from cpconf.access import may
from cpconf.access.lookups import get_visible_or_404, refuse
from cpconf.accounts.models import User
from cpconf.conferences import selectors as conference_selectors
from cpconf.conferences.access_rules import agency_to_report_for
from cpconf.documents import report_docx, report_pdf
from cpconf.reports import coaching, copies, selectors, services
from cpconf.reports import report_content as parts
from cpconf.reports.access_rules import may_see_restricted
from cpconf.reports.forms import AmendForm, SignForm
from cpconf.reports.models import (
    ProfessionalReport,
    ReportSection,
    ReportVersion,
    SectionState,
)
from cpconf.reports.part_editors import editor_for
from cpconf.reports.report_display import (
    meeting_rows,
    report_overview,
    signature_rows,
    version_footer,
)
from cpconf.reports.report_viewers import report_viewers

AUTOSAVE_HEADER = "HTTP_X_CPCONF_AUTOSAVE"

SUBMITTED_AMEND_TO_CHANGE = "This report is submitted. To change it, amend it"
ALREADY_SUBMITTED = "This report has already been signed and submitted. Nothing more was sent"
ALREADY_AMENDING = "You are already amending this report. Make your changes, then sign it again"
CONFIRMED_UNCHANGED = "“%(title)s” is reviewed with no change"
SUBMITTED_WHILE_EDITING = (
    "This report was signed and submitted while this page was open, so nothing was saved. "
    "What you typed is below: copy it, then amend the report to add it"
)
CONFERENCE_CLOSED = (
    "This conference's record is finalised (or the conference was cancelled), so its reports "
    "stay as the meeting had them. Nothing was signed or reopened. Put anything new in your "
    "report for the next review"
)
CHANGED_SINCE_SHOWN = (
    "The report was changed after this page opened, in another tab or window. Nothing was "
    "signed. Read the report below again, then confirm and sign"
)
CHANGED_NOT_CONFIRMED = (
    "You have changed “%(title)s” since your previous report, so it is recorded as changed, "
    "not as reviewed with no change"
)


def _user(request: HttpRequest) -> User:
    return request.user  # type: ignore[return-value]


def _report(request: HttpRequest, pk: int, action: str, **checks: Any) -> ProfessionalReport:
    """A report this user may read, through the one audited lookup: the read recorded as
    `action` once every check (`permission`, `requires`) has passed, else the refusal."""
    scope = selectors.readable_reports(request.user)
    return get_visible_or_404(scope, request, action=action, pk=pk, **checks)


def _own(request: HttpRequest, pk: int, action: str, **checks: Any) -> ProfessionalReport:
    """The author's own report, the same way: anyone else gets 404 on pages that change it."""
    scope = selectors.own_reports(request.user)
    return get_visible_or_404(scope, request, action=action, pk=pk, **checks)


@require_POST
def report_start(request: HttpRequest, conference_pk: int) -> HttpResponse:
    user = _user(request)
    conference = get_visible_or_404(
        conference_selectors.conferences_for(user),
        request,
        action="report_start_requested",
        permission="write_report",  # invited to write one, for an agency
        pk=conference_pk,
    )
    agency = agency_to_report_for(user, conference)
    assert agency is not None  # noqa: S101  (the "write_report" rule has just found it)
    report = services.report_start(
        conference=conference, author=user, agency=agency, request=request
    )
    return redirect("reports:task_list", pk=report.pk)


def task_list(request: HttpRequest, pk: int) -> HttpResponse:
    """The author's own report: every part with its state, the deadlines and what's next."""
    user = _user(request)
    report = _report(request, pk, "report_viewed")
    if report.author_id != user.pk:
        return redirect("reports:version", pk=report.pk, number=_latest_number(report))
    report = _with_working_copy(request, report)
    return render(request, "reports/task_list.html", report_overview(report))


def _with_working_copy(request: HttpRequest, report: ProfessionalReport) -> ProfessionalReport:
    """The author's report, its working copy started if it has none yet (a report the unit
    set up, or a link followed before "Start your report" was pressed)."""
    if report.sections.exists():
        return report
    services.report_start(
        conference=report.conference, author=_user(request), agency=report.agency, request=request
    )
    report.refresh_from_db()
    return report


def _latest_number(report: ProfessionalReport) -> int:
    version = selectors.latest_version(report)
    if version is None:
        raise Http404("This report has not been submitted.")
    return version.number


def part_edit(request: HttpRequest, pk: int, key: str) -> HttpResponse:
    user = _user(request)
    report = _with_working_copy(request, _own(request, pk, "report_section_viewed"))
    if not report.is_editable and request.method != "POST":
        messages.info(request, _(SUBMITTED_AMEND_TO_CHANGE))
        return redirect("reports:task_list", pk=report.pk)
    form = selectors.form_of(report)
    try:
        part = parts.part_of(form, key)
    except KeyError:
        raise Http404("No such section.") from None
    section = ReportSection.objects.get(report=report, key=key)
    scaling = report.conference.family.local_authority.policy.scaling
    extra_rows = _int(request.GET.get("rows"), 0)
    if request.method != "POST":
        editor = editor_for(
            part, form, scaling, section.content, extra_rows=extra_rows, report=report
        )
        if section.state == SectionState.COMPLETED:
            editor.form.initial["completed"] = "yes"
        return _render_part(request, report, part, editor, section.revision)

    data = request.POST.copy()
    stock_answer = data.get("stock_answer", "")
    if stock_answer and part.section is not None and stock_answer in part.section.stock_answers:
        data["text"] = stock_answer
    # Autosaves come from fetch (a header) or, as the page closes, a beacon (a field).
    autosave = request.META.get(AUTOSAVE_HEADER) == "1" or data.get("autosave") == "1"
    editor = editor_for(
        part, form, scaling, section.content, data=data, extra_rows=extra_rows, report=report
    )
    base_revision = _int(data.get("revision"), -1)
    if not report.is_editable:
        return _not_saved_submitted(request, report, part, editor, base_revision, autosave)
    if not editor.is_valid():
        if autosave:
            return JsonResponse({"saved": False, "errors": editor.errors}, status=400)
        return _render_part(request, report, part, editor, base_revision, status=400)
    try:
        saved = services.section_save(
            report=report,
            key=key,
            content=editor.to_content(),
            base_revision=base_revision,
            completed=None if autosave else editor.completed(),
            actor=user,
            request=request,
        )
    except services.SectionConflict as conflict:
        if autosave:
            return JsonResponse({"saved": False, "conflict": True}, status=409)
        return _render_conflict(request, report, part, editor, conflict.section)
    except services.ReportNotEditable:
        return _not_saved_submitted(request, report, part, editor, base_revision, autosave)
    if autosave:
        return JsonResponse(
            {
                "saved": True,
                "revision": saved.revision,
                "saved_at": timezone.localtime().strftime("%H:%M:%S"),
            }
        )
    if "add_row" in data:
        return redirect(f"{request.path}?rows={extra_rows + 1}")
    if stock_answer:
        return redirect(request.path)
    if "check_writing" in data:  # saved; back to the page, where the coach reads it
        return redirect(f"{request.path}#coach-sentences")
    return redirect("reports:task_list", pk=report.pk)


def _not_saved_submitted(
    request: HttpRequest,
    report: ProfessionalReport,
    part: parts.Part,
    editor: Any,
    revision: int,
    autosave: bool,
) -> HttpResponse:
    """The report was signed (in another tab, by another press) while this page was open:
    nothing is saved, and nothing typed is lost. An autosave is told so, in words the page
    shows; a Save shows the page again with what was typed and why it was not saved."""
    message = _(SUBMITTED_WHILE_EDITING)
    if autosave:
        return JsonResponse({"saved": False, "not_editable": True, "message": message}, status=409)
    editor.is_valid()
    fields = editor.form.visible_fields()
    editor.errors = [(fields[0].auto_id if fields else "", message)]
    return _render_part(request, report, part, editor, revision, status=409)


def _int(value: Any, default: int) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return default


def _render_part(
    request: HttpRequest,
    report: ProfessionalReport,
    part: parts.Part,
    editor: Any,
    revision: int,
    status: int = 200,
) -> HttpResponse:
    context = report_overview(report)
    form = context["form"]
    previous = selectors.comparison_base(report, None)
    context.update(
        {
            "part": part,
            "editor": editor,
            "revision": revision,
            "review_state": ReportSection.objects.filter(report=report, key=part.key)
            .values_list("review", flat=True)
            .first(),
            "prompts": part.section.prompts if part.section else (),
            "agency_prompts": (
                part.section.prompts_for(report.agency.kind, form.agency_groups)
                if part.section
                else ()
            ),
            "agency_group": form.agency_group(report.agency.kind).replace("_", " "),
            "previous_text": (
                parts.text_of(part.kind, previous.get(part.key, {}), form) if previous else ""
            ),
        }
    )
    if part.kind in coaching.COACHED_KINDS:
        text = str(editor.form["text"].value() or "")
        analysis = coaching.coach(report, part.key, text)
        context["coached"] = True
        context["coaching"] = coaching.findings_in(text, analysis)
        context["coach_sentences"] = coaching.sentences_in(analysis)
        context["reading"] = analysis["reading"]
    return render(request, editor.template, context, status=status)


def _render_conflict(
    request: HttpRequest,
    report: ProfessionalReport,
    part: parts.Part,
    editor: Any,
    saved: ReportSection,
) -> HttpResponse:
    """Both versions side by side; the author's typed version is in the form, ready to save
    over the other knowingly (its revision is now the saved one's)."""
    form = selectors.form_of(report)
    context = report_overview(report)
    context.update(
        {
            "part": part,
            "editor": editor,
            "revision": saved.revision,
            "conflict": True,
            "saved_text": parts.text_of(part.kind, saved.content, form),
            "saved_by": saved.modified_by,
            "saved_at": saved.modified_at,
            "mine_text": parts.text_of(part.kind, editor.to_content(), form),
            "prompts": (),
            "agency_prompts": (),
        }
    )
    return render(request, editor.template, context, status=409)


@require_POST
def part_confirm(request: HttpRequest, pk: int, key: str) -> HttpResponse:
    """Record "reviewed — no change" for a section carried forward from the previous report."""
    user = _user(request)
    report = _own(request, pk, "report_section_confirm_requested", record_success=False)
    try:
        part = parts.part_of(selectors.form_of(report), key)
    except KeyError:
        raise Http404("No such section.") from None
    try:
        services.section_confirm_unchanged(report=report, key=key, actor=user, request=request)
    except services.SectionNotCarried:
        # Nothing to confirm: refused, and the refusal is in the trail like any other.
        refuse(request, action="report_section_confirm_requested", record=report)
    except services.ChangedSectionNotConfirmable:
        messages.info(request, _(CHANGED_NOT_CONFIRMED) % {"title": part.title})
        return redirect("reports:part", pk=report.pk, key=key)
    except services.ReportNotEditable:
        messages.info(request, _(SUBMITTED_AMEND_TO_CHANGE))
        return redirect("reports:task_list", pk=report.pk)
    messages.info(request, _(CONFIRMED_UNCHANGED) % {"title": part.title})
    return redirect("reports:task_list", pk=report.pk)


@require_POST
def part_coach(request: HttpRequest, pk: int, key: str) -> JsonResponse:
    """The coach's findings for text being written, as the author pauses. Only a refusal is
    audited: it reads nothing but the text the author sends, and answers only the author."""
    report = _own(request, pk, "report_coached", record_success=False)
    form = selectors.form_of(report)
    try:
        part = parts.part_of(form, key)
    except KeyError:
        raise Http404("No such section.") from None
    if part.kind not in coaching.COACHED_KINDS or part.section is None:
        raise Http404("The coach reads written sections only.")
    text = request.POST.get("text", "")[: part.section.max_length * 2]
    analysis = coaching.coach(report, key, text)
    return JsonResponse(
        {
            "reading": analysis["reading"],
            "findings": [vars(f) for f in coaching.findings_in(text, analysis)],
            "sentences": [vars(s) for s in coaching.sentences_in(analysis)],
        }
    )


def check_answers(request: HttpRequest, pk: int) -> HttpResponse:
    """Check your answers, then sign: the signature is the submission."""
    user = _user(request)
    report = _with_working_copy(request, _own(request, pk, "report_check_viewed"))
    if not report.is_editable:
        return _already_submitted(request, report)
    context = report_overview(report)
    initial = {"signed_name": user.get_full_name(), "signed_role": user.job_title}
    sign_form = SignForm(request.POST or None, initial=initial)
    missing = selectors.missing_answers(report) + selectors.unreviewed_sections(report)
    if request.method == "POST" and sign_form.is_valid():
        try:
            version = services.report_submit(
                report=report,
                signed_name=sign_form.cleaned_data["signed_name"],
                signed_role=sign_form.cleaned_data["signed_role"],
                actor=user,
                request=request,
                as_shown=sign_form.cleaned_data["shown"],
            )
        except services.ReportChangedSinceShown:
            sign_form = _sign_again(request)
            missing = selectors.missing_answers(report) + selectors.unreviewed_sections(report)
        except services.ReportIncomplete as incomplete:
            missing = incomplete.missing
        except services.ReportNotEditable:
            # Signed meanwhile by another press of the button (a double click, another tab).
            return _already_submitted(request, report)
        except services.ConferenceClosed:
            messages.error(request, _(CONFERENCE_CLOSED))
            return redirect("reports:task_list", pk=report.pk)
        else:
            return redirect("reports:submitted", pk=report.pk, number=version.number)
    working = selectors.working_copy(report)
    document = copies.report_document(
        form=context["form"],
        content=working,
        copy=copies.CONFERENCE_COPY,
        meeting=meeting_rows(report),
        previous=selectors.comparison_base(report, None),
        draft=True,
    )
    change_urls = [
        reverse("reports:part", args=[report.pk, s.key]) for s in context["form"].sections
    ]
    context.update(
        {
            "sign_form": sign_form,
            "missing": missing if request.method == "POST" else [],
            "document": document,
            "cards": list(zip(document.sections, change_urls, strict=True)),
            "coaching": coaching.report_coaching(report, working),
            "shown": selectors.fingerprint_to_sign(report, working),
            "fixed_change_urls": {
                key: reverse("reports:part", args=[report.pk, key]) for key in parts.FIXED_PARTS
            },
        }
    )
    status = 400 if request.method == "POST" else 200
    return render(request, "reports/check_answers.html", context, status=status)


def _sign_again(request: HttpRequest) -> SignForm:
    """The signature as typed, the confirmation taken away: it confirmed words the report no
    longer holds, so the author reads the report again and confirms afresh."""
    data = request.POST.copy()
    data.pop("confirm", None)
    again = SignForm(data)
    again.is_valid()
    again.errors["confirm"] = again.error_class([_(CHANGED_SINCE_SHOWN)])
    return again


def _already_submitted(request: HttpRequest, report: ProfessionalReport) -> HttpResponse:
    messages.info(request, _(ALREADY_SUBMITTED))
    return redirect("reports:submitted", pk=report.pk, number=_latest_number(report))


def submitted(request: HttpRequest, pk: int, number: int) -> HttpResponse:
    report = _own(
        request,
        pk,
        "report_submission_viewed",
        requires=lambda r: selectors.has_versions(r, number),
    )
    version = selectors.version_of(report, number)
    return render(request, "reports/submitted.html", {"report": report, "version": version})


def version_detail(request: HttpRequest, pk: int, number: int) -> HttpResponse:
    user = _user(request)
    report = _report(
        request,
        pk,
        "report_version_viewed",
        requires=lambda r: selectors.has_versions(r, number),
    )
    version = selectors.version_of(report, number)
    form = selectors.form_of(report)
    copy = copies.CONFERENCE_COPY if may_see_restricted(user, report) else copies.WITHOUT_RESTRICTED
    document = _version_document(report, version, copy, marks=True)
    return render(
        request,
        "reports/version.html",
        {
            "report": report,
            "version": version,
            "versions": selectors.versions_of(report),
            "document": document,
            "form": form,
            "copy": copy,
            "may_see_conference_copy": copy == copies.CONFERENCE_COPY,
            "is_author": report.author_id == user.pk,
            # The chair and the unit see who has looked at the report.
            "viewers": (
                report_viewers(report) if may(user, "see_board", report.conference) else None
            ),
        },
    )


def _version_document(
    report: ProfessionalReport, version: ReportVersion, copy: str, *, marks: bool
) -> Any:
    form = selectors.form_of(report)
    return copies.report_document(
        form=form,
        content=version.content["parts"],
        copy=copy,
        meeting=meeting_rows(report),
        previous=selectors.comparison_base(report, version) if marks else None,
        signature=signature_rows(version),
        footer=version_footer(report, version, copy),
    )


def version_compare(request: HttpRequest, pk: int) -> HttpResponse:
    """Any two versions of a report, the later one's changes marked against the earlier."""
    user = _user(request)
    report = _report(
        request,
        pk,
        "report_versions_compared",
        requires=lambda r: selectors.has_versions(r, *_compared(request, r)),
    )
    versions = list(selectors.versions_of(report))
    older, newer = _compared(request, report)
    before = selectors.version_of(report, older)
    after = selectors.version_of(report, newer)
    form = selectors.form_of(report)
    copy = copies.CONFERENCE_COPY if may_see_restricted(user, report) else copies.WITHOUT_RESTRICTED
    document = copies.report_document(
        form=form,
        content=after.content["parts"],
        copy=copy,
        meeting=meeting_rows(report),
        previous=selectors.readable_parts(user, report, form, before.content["parts"]),
        signature=signature_rows(after),
        footer=version_footer(report, after, copy),
    )
    return render(
        request,
        "reports/compare.html",
        {
            "report": report,
            "versions": versions,
            "before": before,
            "after": after,
            "document": document,
        },
    )


def _compared(request: HttpRequest, report: ProfessionalReport) -> tuple[int, int]:
    """The version numbers asked to compare: the first and the latest unless the page says."""
    numbers = list(selectors.versions_of(report).values_list("number", flat=True))
    older = _int(request.GET.get("from"), numbers[0] if numbers else 0)
    newer = _int(request.GET.get("to"), numbers[-1] if numbers else 0)
    return older, newer


def amend(request: HttpRequest, pk: int) -> HttpResponse:
    user = _user(request)
    report = _own(request, pk, "report_amendment_viewed")
    if report.is_being_amended:
        return _already_amending(request, report)
    if not report.is_submitted:
        return redirect("reports:task_list", pk=report.pk)
    if selectors.is_closed(report.conference):
        messages.error(request, _(CONFERENCE_CLOSED))
        return redirect("reports:task_list", pk=report.pk)
    amend_form = AmendForm(request.POST or None)
    if request.method == "POST" and amend_form.is_valid():
        try:
            services.report_amend(
                report=report, reason=amend_form.cleaned_data["reason"], actor=user, request=request
            )
        except services.ReportAlreadyBeingAmended:
            # Started meanwhile by another press of the button.
            return _already_amending(request, report)
        except services.ConferenceClosed:
            messages.error(request, _(CONFERENCE_CLOSED))
        return redirect("reports:task_list", pk=report.pk)
    status = 400 if request.method == "POST" else 200
    return render(
        request, "reports/amend.html", {"report": report, "amend_form": amend_form}, status=status
    )


def _already_amending(request: HttpRequest, report: ProfessionalReport) -> HttpResponse:
    messages.info(request, _(ALREADY_AMENDING))
    return redirect("reports:task_list", pk=report.pk)


DOCUMENT_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
}


def download(request: HttpRequest, pk: int, copy: str, extension: str) -> HttpResponse:
    """A copy as Word or PDF: of a submitted version (the latest unless `?version=`), or for
    the author, their draft marked as a draft."""
    user = _user(request)
    if copy not in copies.COPIES or extension not in DOCUMENT_TYPES:
        raise Http404("No such document.")
    requested = request.GET.get("version")
    # The conference copy holds the restricted section: a copy the user may not take, or a
    # version that is not there, is refused; the download is recorded once the file is made.
    report = _report(
        request,
        pk,
        f"report_{copy}_copy_downloaded",
        permission=f"download_{copy}_copy",
        requires=lambda r: requested is None or selectors.has_versions(r, _int(requested, 0)),
        record_success=False,
    )
    if requested is None and report.author_id == user.pk and report.is_editable:
        form = selectors.form_of(report)
        document = copies.report_document(
            form=form,
            content=selectors.working_copy(report),
            copy=copy,
            meeting=meeting_rows(report),
            previous=selectors.comparison_base(report, None),
            draft=True,
            footer="Draft — not submitted. OFFICIAL-SENSITIVE.",
        )
    else:
        version = (
            selectors.version_of(report, _int(requested, 0))
            if requested is not None
            else selectors.latest_version(report)
        )
        if version is None:
            raise Http404("This report has not been submitted.")
        document = _version_document(report, version, copy, marks=True)
    body = report_docx(document) if extension == "docx" else report_pdf(document)
    # What the audit trail must show: who took which copy out of the system.
    services.record_copy_taken(report=report, copy=copy, actor=user, request=request)
    response = HttpResponse(body, content_type=DOCUMENT_TYPES[extension])
    name = f"{report.conference.family.case_reference}-{report.agency.name}-{copy}-copy.{extension}"
    response["Content-Disposition"] = f'attachment; filename="{_safe_filename(name)}"'
    return response


def _safe_filename(name: str) -> str:
    return "".join(c if c.isalnum() or c in "-_." else "-" for c in name)

"""The family portal's pages. Each starts from the signed-in person's own family membership;
anything else is a 404, decided (and audited) before the page does anything."""

from typing import Any

from django.contrib import messages
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _

from cpconf.access.lookups import get_visible_or_404
from cpconf.accounts.models import User
from cpconf.conferences.models import Conference
from cpconf.documents import report_docx, report_pdf
from cpconf.families.access_rules import families_visible_to
from cpconf.families.models import FamilyMember
from cpconf.outcomes.models import OutcomeLetter
from cpconf.portal import everything, forms, guide, selectors, services
from cpconf.portal.selectors import member_for
from cpconf.portal.uploads import JPEG, PDF, PNG
from cpconf.reports.models import ProfessionalReport

WORD = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
DOWNLOAD_TYPES = frozenset({PNG, JPEG, PDF, WORD})


def _user(request: HttpRequest) -> User:
    return request.user  # type: ignore[return-value]


def _member(request: HttpRequest, action: str) -> FamilyMember:
    """The signed-in family member (the page read audited as `action`), or a 404."""
    user = request.user
    scope = selectors.member_scope(user)
    return get_visible_or_404(scope, request, action=action, user_id=user.pk)


def _own(request: HttpRequest, scope_of: Any, empty: QuerySet, action: str, pk: int) -> Any:
    """(member, record): the record from the member's own scope, the read audited, or 404."""
    member = member_for(request.user)
    scope = scope_of(member) if member is not None else empty
    record = get_visible_or_404(scope, request, action=action, pk=pk)
    if member is None:  # an empty scope has already raised 404; this is for the type checker
        raise Http404("No such record.")
    return member, record


def _page(
    request: HttpRequest, member: FamilyMember, template: str, context: dict[str, Any], **kw: Any
) -> HttpResponse:
    """Every portal page in the member's reading format: large print if they asked for it."""
    reading = context.setdefault("reading", selectors.reading_format(member))
    context |= {"member": member, "family": member.family, "large_print": reading.large_print}
    return render(request, template, context, **kw)


def home(request: HttpRequest) -> HttpResponse:
    member = _member(request, "portal_home_viewed")
    upcoming, past = selectors.upcoming_and_past(member)
    return _page(request, member, "portal/home.html", {"upcoming": upcoming, "past": past})


def conference(request: HttpRequest, pk: int) -> HttpResponse:
    member, meeting = _own(
        request,
        selectors.conferences_for,
        Conference.objects.none(),
        "portal_conference_viewed",
        pk,
    )
    context = {
        "conference": meeting,
        "is_past": _has_started(meeting),
        "agenda": guide.meeting_guide(meeting),
        "what_to_bring": guide.WHAT_TO_BRING,
        "reports": selectors.shared_reports_for(member, meeting),
        "newer_not_shared": selectors.newer_versions_not_shared(member, meeting),
        "letter": selectors.letter_for(member, meeting),
        "feedback": selectors.feedback_by(member, meeting),
        "sent_count": selectors.parents_reports_by(member, meeting).count()
        + selectors.child_views_by(member, meeting).count(),
    }
    return _page(request, member, "portal/conference.html", context)


def _has_started(meeting: Conference) -> bool:
    return meeting.starts_at <= timezone.now()


def _shared(request: HttpRequest, pk: int, action: str) -> tuple[FamilyMember, Any]:
    """(member, the shared report): only a report shared with the member's family, or 404."""
    member, shared_report = _own(
        request,
        selectors.shared_report_scope,
        ProfessionalReport.objects.none(),
        action,
        pk,
    )
    shared = selectors.shared_report(member, shared_report)
    if shared is None:  # the scope has just found it shared; this is for the type checker
        raise Http404("No such report.")
    return member, shared


def _commented_on(member: FamilyMember) -> QuerySet[ProfessionalReport]:
    return selectors.shared_report_scope(member, with_waiting=True)


REFUSED_COMMENT = {
    services.NewerVersionShared: forms.NEWER_VERSION_SHARED,
    services.NoLongerShared: forms.NOT_SHARED_NOW,
}


def report(request: HttpRequest, pk: int) -> HttpResponse:
    """The shared report and the member's comments on it. Comments typed on a version the
    writer has changed since are never lost to a 404: they come back in the box, with why."""
    if request.method != "POST" or not request.POST:
        member, shared = _shared(request, pk, "portal_report_viewed")
        form = forms.CommentForm.reading(shared.report, shared.version)
        return _report_page(request, member, shared.report, form)
    member, commented = _own(
        request, _commented_on, ProfessionalReport.objects.none(), "portal_report_viewed", pk
    )
    form = forms.CommentForm(request.POST, report=commented)
    if not form.is_valid():
        return _report_page(request, member, commented, form, status=400)
    text = form.cleaned_data["text"]
    try:
        services.report_comment_add(
            member=member,
            report=commented,
            version=form.cleaned_data["version"],
            text=text,
            request=request,
        )
    except services.CommentNotSent as refused:
        now = selectors.shared_report(member, commented)
        message = REFUSED_COMMENT[type(refused)]
        kept = forms.CommentForm.kept(commented, now.version if now else None, text, message)
        return _report_page(request, member, commented, kept, status=409)
    messages.success(request, _("Thank you. We have sent your comments to the writer."))
    return redirect("portal:report", pk=pk)


def _report_page(
    request: HttpRequest,
    member: FamilyMember,
    report: ProfessionalReport,
    form: forms.CommentForm,
    status: int = 200,
) -> HttpResponse:
    """The report as shared with the member now; or, once it is no longer shared with them,
    only their words and why they were not sent (nothing of the report)."""
    shared = selectors.shared_report(member, report)
    if shared is None:
        context = {"report": report, "comment_form": form}
        return _page(request, member, "portal/comment_not_sent.html", context, status=status)
    reading = selectors.reading_format(member)
    context = {
        "shared": shared,
        "document": selectors.family_copy_document(shared, reading),
        "reading": reading,
        "comments": selectors.comments_by(member, shared.report),
        "comment_form": form,
    }
    return _page(request, member, "portal/report.html", context, status=status)


def report_listen(request: HttpRequest, pk: int) -> HttpResponse:
    """The report as one plain page made to be heard: read by a screen reader, or by the
    browser's own voice when the reader presses Listen (the page works without it)."""
    member, shared = _shared(request, pk, "portal_report_listened_to")
    reading = selectors.reading_format(member)
    context = {
        "shared": shared,
        "document": selectors.family_copy_document(shared, reading),
        "reading": reading,
    }
    return _page(request, member, "portal/report_listen.html", context)


FAMILY_COPY_TYPES = {"pdf": (PDF, report_pdf), "docx": (WORD, report_docx)}


def report_copy(request: HttpRequest, pk: int, extension: str) -> HttpResponse:
    """The member's own copy of the report to keep, as PDF or Word, in their format."""
    if extension not in FAMILY_COPY_TYPES:
        raise Http404("No such file.")
    member, shared = _shared(request, pk, f"portal_report_{extension}_downloaded")
    document = selectors.family_copy_document(shared, selectors.reading_format(member))
    content_type, render_file = FAMILY_COPY_TYPES[extension]
    name = f"{shared.report.agency.name}-report-family-copy.{extension}".replace(" ", "-")
    return _download(render_file(document), content_type, name)


def our_views(request: HttpRequest, pk: int) -> HttpResponse:
    """The member's own report or safety plan, and the child's views, for the chair to bring
    to the meeting: taken until the meeting starts, then only shown. Words sent after that
    are not taken, and stay on the page for the member to keep."""
    member, meeting = _own(
        request,
        selectors.conferences_for,
        Conference.objects.none(),
        "portal_our_views_viewed",
        pk,
    )
    which = request.POST.get("which", "") if request.method == "POST" else ""
    report_form = forms.ParentsReportForm(
        request.POST if which == "report" else None, prefix="report"
    )
    views_form = forms.ChildViewForm(
        request.POST if which == "child" else None,
        request.FILES if which == "child" else None,
        children=selectors.children_of(member),
        prefix="child",
    )
    sending: Any = {"report": report_form, "child": views_form}.get(which)
    refused = None
    if sending is not None and _has_started(meeting):
        refused = forms.MEETING_STARTED
    elif sending is not None and sending.is_valid():
        try:
            sent = _send_our_views(request, member, meeting, which, sending.cleaned_data)
        except services.MeetingHasStarted:
            refused = forms.MEETING_STARTED
        else:
            messages.success(request, sent)
            return redirect("portal:our_views", pk=pk)
    context = {
        "conference": meeting,
        "has_started": _has_started(meeting),
        "refused": refused,
        "kept_words": sending["text"].value() if refused else "",
        "report_form": report_form,
        "views_form": views_form,
        "sent": selectors.parents_reports_by(member, meeting),
        "views": selectors.child_views_by(member, meeting),
    }
    failed = refused or report_form.errors or views_form.errors
    return _page(request, member, "portal/our_views.html", context, status=400 if failed else 200)


def _send_our_views(
    request: HttpRequest, member: FamilyMember, meeting: Conference, which: str, data: Any
) -> str:
    """Sends what the member wrote; says, in their words, what was sent."""
    if which == "report":
        services.parents_report_send(member=member, conference=meeting, request=request, **data)
        return _("Thank you. We have sent your report to the chair.")
    services.child_view_add(
        member=member,
        conference=meeting,
        child=data["child"],
        text=data["text"],
        upload=data["file"],
        request=request,
    )
    return _("Thank you. We have sent your child's views to the chair.")


def child_view_file(request: HttpRequest, pk: int) -> HttpResponse:
    """A drawing or photo a family sent: to the member who sent it, the chair and the unit."""
    view = get_visible_or_404(
        selectors.child_views_visible_to(request.user),
        request,
        action="portal_child_views_file_viewed",
        requires=lambda v: v.has_file,
        pk=pk,
    )
    return _download(bytes(view.file_data or b""), view.file_type, view.file_name)


def _download(data: bytes, content_type: str, name: str) -> HttpResponse:
    """A file to save, never a page to show: saved as an attachment under a type from the
    short list of those the portal keeps, which the browser may not second-guess; a sent file
    (an image or a PDF), shown by the browser as a page, could run what is in it."""
    safe_type = content_type if content_type in DOWNLOAD_TYPES else "application/octet-stream"
    response = HttpResponse(data, content_type=safe_type)
    disposition = content_disposition_header(as_attachment=True, filename=name)
    response["Content-Disposition"] = disposition or "attachment"
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "sandbox; default-src 'none'"
    return response


def letter(request: HttpRequest, pk: int) -> HttpResponse:
    member, issued = _own(
        request,
        selectors.letters_for,
        OutcomeLetter.objects.none(),
        "portal_letter_viewed",
        pk,
    )
    meeting = issued.record_version.record.conference
    context = {
        "letter": issued,
        "conference": meeting,
        "appeals": meeting.family.local_authority.policy.appeals,
        "appeal_contact": meeting.family.local_authority.policy.appeal_contact,
        "appeal": guide.APPEAL,
        "pdf_url": selectors.letter_download_url(issued, "pdf"),
        "docx_url": selectors.letter_download_url(issued, "docx"),
    }
    return _page(request, member, "portal/letter.html", context)


def feedback(request: HttpRequest, pk: int) -> HttpResponse:
    member, meeting = _own(
        request,
        selectors.conferences_for,
        Conference.objects.none(),
        "portal_feedback_viewed",
        pk,
    )
    is_past = meeting.starts_at < timezone.now()
    already_sent = request.method == "POST" and selectors.feedback_by(member, meeting) is not None
    form = forms.FeedbackForm(None if already_sent else request.POST or None)
    if request.method == "POST" and is_past and form.is_valid():
        try:
            services.feedback_send(
                member=member, conference=meeting, request=request, **form.cleaned_data
            )
        except services.FeedbackAlreadySent:  # sent at the same moment, from another tab
            already_sent = True
        else:
            messages.success(request, _("Thank you for your feedback."))
            return redirect("portal:conference", pk=pk)
    context = {
        "conference": meeting,
        "form": form,
        "sent": selectors.feedback_by(member, meeting),
        "is_past": is_past,
        "already_sent": already_sent,
        "already_sent_message": forms.FEEDBACK_ALREADY_SENT,
    }
    return _page(
        request, member, "portal/feedback.html", context, status=400 if form.errors else 200
    )


def access_needs(request: HttpRequest) -> HttpResponse:
    member = _member(request, "portal_access_needs_viewed")
    needs = selectors.access_needs_of(member)
    form = forms.AccessNeedsForm.for_member(member, needs, request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        services.access_needs_update(
            member=member,
            language=data["language"],
            needs_interpreter=data["needs_interpreter"] == "yes",
            large_print=data["large_print"],
            easy_read=data["easy_read"],
            reading_support=data["reading_support"],
            read_aloud=data["read_aloud"],
            other=data["other"],
            request=request,
        )
        messages.success(request, _("Thank you. We have saved what you need."))
        return redirect("portal:home")
    return _page(
        request,
        member,
        "portal/access_needs.html",
        {"form": form},
        status=400 if form.errors else 200,
    )


def everything_pdf(request: HttpRequest) -> HttpResponse:
    member = _member(request, "portal_everything_downloaded")
    name = f"{member.family.name}-family.pdf".replace(" ", "-")
    return _download(everything.everything_pdf(member), PDF, name)


def invite(request: HttpRequest, pk: int) -> HttpResponse:
    """Staff: the unit or the allocated social worker invites someone to the family pages."""
    family = get_visible_or_404(
        families_visible_to(request.user).select_related("local_authority"),
        request,
        action="family_member_invite_viewed",
        permission="invite_family_member",  # the unit, or the allocated social worker
        pk=pk,
    )
    form = forms.InviteForm(request.POST or None, people=selectors.invitable_people(family))
    if request.method == "POST" and form.is_valid():
        member, child = form.chosen()
        try:
            services.family_member_invite(
                family=family,
                member=member,
                child=child,
                email=form.cleaned_data["email"],
                actor=_user(request),
                request=request,
            )
        except services.AlreadyHasAccount:
            form.add_error("email", forms.EMAIL_TAKEN)
        except services.AlreadyInvited:
            form.add_error("person", forms.ALREADY_INVITED)
        else:
            messages.success(request, _("We have emailed them a link to set up their account."))
            return redirect("families:detail", pk=family.pk)
    context = {"family": family, "form": form, "min_age": selectors.YOUNG_PERSON_MIN_AGE}
    return render(request, "portal/invite.html", context, status=400 if form.errors else 200)

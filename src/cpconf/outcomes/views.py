"""The chair's and the unit's page for issuing the minutes and letter, and the downloads.
Views translate HTTP: the rules are in cpconf.access, the changes in services."""

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from cpconf.access.lookups import get_visible_or_404
from cpconf.accounts.models import User
from cpconf.conferences import selectors as conference_selectors
from cpconf.documents import letter_docx, letter_pdf, minutes_docx, minutes_pdf
from cpconf.outcomes import selectors, services
from cpconf.outcomes.forms import OtherRecipientsForm
from cpconf.outcomes.letters import letter_document
from cpconf.outcomes.minutes_layout import minutes_document
from cpconf.outcomes.outcome_page import minutes_version_for, outcome_page_context

DOCUMENT_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}
OUTCOME_PAGE = "outcomes/outcome.html"
RECORD_CHANGED = "The record has a newer version. Check it and issue again"
ALREADY_ISSUED = (
    "The minutes and letter for this version were already issued. Nothing more was sent"
)
MINUTES_APPROVED = "The minutes of version %(number)s are approved"
ALREADY_APPROVED = "The minutes of this version were already approved. Nothing more was done"


def _user(request: HttpRequest) -> User:
    return request.user  # type: ignore[return-value]


@require_GET
def outcome_page(request: HttpRequest, conference_pk: int) -> HttpResponse:
    conference = get_visible_or_404(
        selectors.conferences_run_by(request.user),
        request,
        action="outcome_page_viewed",
        pk=conference_pk,
    )
    return render(request, OUTCOME_PAGE, outcome_page_context(conference))


@require_POST
def issue(request: HttpRequest, conference_pk: int) -> HttpResponse:
    conference = get_visible_or_404(
        selectors.conferences_run_by(request.user),
        request,
        action="outcome_issue_requested",
        pk=conference_pk,
    )
    version = selectors.latest_finalised_version(conference)
    form = OtherRecipientsForm(request.POST, family=conference.family)
    if version is None:
        messages.error(request, services.NOT_FINALISED)
    elif request.POST.get("version") != str(version.number):
        messages.error(request, RECORD_CHANGED)
    elif not form.is_valid():
        return render(request, OUTCOME_PAGE, outcome_page_context(conference, form), status=400)
    else:
        try:
            _letters, issued_now = services.outcome_issue_once(
                record_version=version,
                actor=_user(request),
                extra_recipients=form.chosen(),
                request=request,
            )
        except services.OutcomeError as error:
            messages.error(request, str(error))
        else:
            if not issued_now:  # a second press, or someone else's, got there first
                messages.info(request, _(ALREADY_ISSUED))
    return redirect("outcomes:outcome", conference_pk=conference.pk)


@require_POST
def approve_minutes(request: HttpRequest, conference_pk: int) -> HttpResponse:
    """Approve the minutes: its own action, apart from issuing the letter."""
    conference = get_visible_or_404(
        selectors.conferences_run_by(request.user),
        request,
        action="minutes_approval_requested",
        pk=conference_pk,
    )
    version = selectors.latest_finalised_version(conference)
    if version is None:
        messages.error(request, services.MINUTES_NOT_FINALISED)
    elif request.POST.get("version") != str(version.number):
        messages.error(request, RECORD_CHANGED)
    else:
        try:
            _approval, approved_now = services.minutes_approve(
                record_version=version, actor=_user(request), request=request
            )
        except services.OutcomeError as error:
            messages.error(request, str(error))
        else:
            if approved_now:
                messages.info(request, _(MINUTES_APPROVED) % {"number": version.number})
            else:
                messages.info(request, _(ALREADY_APPROVED))
    return redirect("outcomes:outcome", conference_pk=conference.pk)


@require_GET
def minutes_download(request: HttpRequest, conference_pk: int, extension: str) -> HttpResponse:
    if extension not in DOCUMENT_TYPES:
        raise Http404("No such document.")
    user, requested = _user(request), request.GET.get("version")
    # Minutes the reader may not have (or a version that is not there) are refused alike; the
    # download itself is recorded once the file is made.
    conference = get_visible_or_404(
        conference_selectors.conferences_for(user),
        request,
        action=f"minutes_{extension}_downloaded",
        permission="read_minutes",
        requires=lambda c: minutes_version_for(user, c, requested),
        record_success=False,
        pk=conference_pk,
    )
    version = minutes_version_for(user, conference, requested)
    assert version is not None  # noqa: S101  (`requires` has just found it)
    document = minutes_document(version)
    body = minutes_docx(document) if extension == "docx" else minutes_pdf(document)
    services.record_minutes_taken(
        conference=conference, version=version, extension=extension, actor=user, request=request
    )
    name = f"{conference.family.case_reference}-minutes-version-{version.number}.{extension}"
    return _attachment(body, extension, name)


@require_GET
def letter_download(request: HttpRequest, pk: int, extension: str) -> HttpResponse:
    if extension not in DOCUMENT_TYPES:
        raise Http404("No such document.")
    letter = get_visible_or_404(
        selectors.readable_letters(request.user), request, action="outcome_letter_viewed", pk=pk
    )
    document = letter_document(letter)
    body = letter_docx(document) if extension == "docx" else letter_pdf(document)
    services.record_letter_taken(
        letter=letter, extension=extension, actor=_user(request), request=request
    )
    reference = letter.conference.family.case_reference
    to = f"-to-{letter.addressed_to}" if letter.recipient_id else ""
    name = f"{reference}-outcome-letter-version-{letter.record_version.number}{to}.{extension}"
    return _attachment(body, extension, name)


# What every file the family pages hand out is sent with (cpconf.portal.views._download):
# a file is saved, never shown as a page, so if a browser does open it (a PDF in a tab) it
# runs nothing and fetches nothing. The pages' own policy would let it run the site's scripts.
FILE_SECURITY_POLICY = "sandbox; default-src 'none'"


def _attachment(body: bytes, extension: str, name: str) -> HttpResponse:
    """A letter or the minutes as a file to save, sandboxed like the family pages' files."""
    response = HttpResponse(body, content_type=DOCUMENT_TYPES[extension])
    safe = "".join(c if (c.isascii() and c.isalnum()) or c in "-_." else "-" for c in name)
    response["Content-Disposition"] = f'attachment; filename="{safe}"'
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = FILE_SECURITY_POLICY
    return response

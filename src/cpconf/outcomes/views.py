"""The chair's and the unit's page for issuing the minutes and letter, and the downloads.
Views translate HTTP: the rules are in cpconf.access, the changes in services."""

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from cpconf.access import may
from cpconf.accounts.models import User
from cpconf.conferences import selectors as conference_selectors
from cpconf.documents import letter_docx, letter_pdf, minutes_docx, minutes_pdf
from cpconf.outcomes import selectors, services
from cpconf.outcomes.letters import letter_document
from cpconf.outcomes.minutes import minutes_document
from cpconf.outcomes.presenting import minutes_version_for, outcome_page_context

DOCUMENT_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}
RECORD_CHANGED = "The record has a newer version. Check it and issue again"
ALREADY_ISSUED = (
    "The minutes and letter for this version were already issued. Nothing more was sent"
)


def _user(request: HttpRequest) -> User:
    return request.user  # type: ignore[return-value]


@require_GET
def outcome_page(request: HttpRequest, conference_pk: int) -> HttpResponse:
    conference = selectors.conference_run_by(request, conference_pk, "outcome_page_viewed")
    return render(request, "outcomes/outcome.html", outcome_page_context(conference))


@require_POST
def issue(request: HttpRequest, conference_pk: int) -> HttpResponse:
    conference = selectors.conference_run_by(request, conference_pk, "outcome_issue_requested")
    version = selectors.latest_finalised_version(conference)
    if version is None:
        messages.error(request, services.NOT_FINALISED)
    elif request.POST.get("version") != str(version.number):
        messages.error(request, RECORD_CHANGED)
    else:
        try:
            _letter, issued_now = services.outcome_issue_once(
                record_version=version, actor=_user(request), request=request
            )
        except services.OutcomeError as error:
            messages.error(request, str(error))
        else:
            if not issued_now:  # a second press, or someone else's, got there first
                messages.info(request, _(ALREADY_ISSUED))
    return redirect("outcomes:outcome", conference_pk=conference.pk)


@require_GET
def minutes_download(request: HttpRequest, conference_pk: int, extension: str) -> HttpResponse:
    if extension not in DOCUMENT_TYPES:
        raise Http404("No such document.")
    user = _user(request)
    conference = conference_selectors.conference_for(request, conference_pk, "minutes_requested")
    version = None
    if may(user, "read_minutes", conference):
        version = minutes_version_for(user, conference, request.GET.get("version"))
    if version is None:
        services.record_minutes_taken(
            conference=conference,
            version=None,
            extension=extension,
            actor=user,
            request=request,
            refused=True,
        )
        raise Http404("No such minutes.")
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
    letter = selectors.readable_letter(request, pk, "outcome_letter_viewed")
    document = letter_document(letter)
    body = letter_docx(document) if extension == "docx" else letter_pdf(document)
    services.record_letter_taken(
        letter=letter, extension=extension, actor=_user(request), request=request
    )
    reference = letter.conference.family.case_reference
    name = f"{reference}-outcome-letter-version-{letter.record_version.number}.{extension}"
    return _attachment(body, extension, name)


def _attachment(body: bytes, extension: str, name: str) -> HttpResponse:
    response = HttpResponse(body, content_type=DOCUMENT_TYPES[extension])
    safe = "".join(c if c.isalnum() or c in "-_." else "-" for c in name)
    response["Content-Disposition"] = f'attachment; filename="{safe}"'
    return response

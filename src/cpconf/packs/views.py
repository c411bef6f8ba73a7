"""Pack pages. Views translate HTTP: the rules are in cpconf.access, the changes in services."""

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from cpconf.access import may
from cpconf.access.lookups import get_visible_or_404
from cpconf.accounts.models import User
from cpconf.conferences.models import Conference
from cpconf.packs import pack_contents, selectors, services
from cpconf.packs.chairs_brief import MissingReport, missing_reports
from cpconf.packs.models import PackCopy

# While a copy is being built the page asks the browser to load it again after this many
# seconds (a Refresh header: no script, and the page also has a "Check again" link).
REFRESH_SECONDS = 5
DOCUMENT_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
}
PACK_RELEASED = _("The pack is released. Both copies are being built.")
PACK_REQUEUED = _("Both copies of the pack are being built again.")
CONFIRM_MISSING = _("Confirm that you want to release the pack without the missing reports")
# The release form's answer, and the query the page is shown again with when it was not given.
RELEASE_WITH_MISSING = "release_with_missing"
NOT_CONFIRMED = "not_confirmed"


def _user(request: HttpRequest) -> User:
    return request.user  # type: ignore[return-value]


def pack_detail(request: HttpRequest, conference_pk: int) -> HttpResponse:
    user = _user(request)
    conference = get_visible_or_404(
        selectors.pack_conferences_for(user), request, action="pack_viewed", pk=conference_pk
    )
    packs = list(selectors.packs_for(user, conference))
    building = any(pack.is_pending for pack in packs)
    context = {
        "building": building,
        "conference": conference,
        "packs": packs,
        "copies": selectors.copies_for(user, conference),
        "may_release": may(user, "release_pack", conference),
        "submitted_count": len(pack_contents.submitted_entries(conference)),
        "parents_report": pack_contents.parents_report(conference),
        "refresh_seconds": REFRESH_SECONDS,
        "missing": _missing_before_release(conference),
        "confirm_error": CONFIRM_MISSING if NOT_CONFIRMED in request.GET else "",
    }
    response = render(request, "packs/detail.html", context)
    if building:
        response["Refresh"] = str(REFRESH_SECONDS)
    return response


@require_POST
def pack_release(request: HttpRequest, conference_pk: int) -> HttpResponse:
    user = _user(request)
    conference = get_visible_or_404(
        selectors.pack_conferences_for(user),
        request,
        action="pack_release_requested",
        permission="release_pack",  # only the unit releases the pack
        pk=conference_pk,
    )
    confirmed = request.POST.get(RELEASE_WITH_MISSING) == "yes"
    try:
        released = services.pack_release(
            conference=conference, actor=user, request=request, release_with_missing=confirmed
        )
    except services.ReportsMissing:
        # Back to the page (a redirect: reloading it never posts again), which names them.
        url = reverse("packs:detail", args=[conference.pk])
        return redirect(f"{url}?{NOT_CONFIRMED}#{RELEASE_WITH_MISSING}")
    # Said from what the service did under its lock, not from the row as read before it: of
    # two presses at once, one is told "released" and the other "built again".
    messages.success(request, PACK_RELEASED if released else PACK_REQUEUED)
    return redirect("packs:detail", conference_pk=conference.pk)


def _missing_before_release(conference: Conference) -> tuple[MissingReport, ...]:
    """The invited reports not submitted, while the pack is not yet released."""
    if conference.pack_released_at is not None:
        return ()
    return missing_reports(conference)


def pack_download(
    request: HttpRequest, conference_pk: int, copy: str, extension: str
) -> HttpResponse:
    user = _user(request)
    if copy not in PackCopy.values or extension not in DOCUMENT_TYPES:
        raise Http404("No such document.")
    # A copy not built yet is refused like one the user may not take; the download itself is
    # recorded once the file is in hand.
    pack = get_visible_or_404(
        selectors.built_packs_for(user, without="pdf" if extension == "docx" else "docx"),
        request,
        action=f"pack_{copy}_copy_downloaded",
        permission=f"download_{copy}_copy",
        record_success=False,
        conference_id=conference_pk,
        copy=copy,
    )
    conference = pack.conference
    body = bytes(pack.docx if extension == "docx" else pack.pdf)
    services.pack_copy_taken(pack=pack, actor=user, request=request)
    response = HttpResponse(body, content_type=DOCUMENT_TYPES[extension])
    name = f"{conference.family.case_reference}-pack-{copy}-copy.{extension}"
    response["Content-Disposition"] = f'attachment; filename="{_safe_filename(name)}"'
    return response


def chronology(request: HttpRequest, conference_pk: int) -> HttpResponse:
    """The merged chronology, from the reports of the copy this user may read."""
    user = _user(request)
    conference = get_visible_or_404(
        selectors.pack_conferences_for(user),
        request,
        action="pack_chronology_viewed",
        pk=conference_pk,
    )
    copy = selectors.copies_for(user, conference)[0]
    events = pack_contents.merged_chronology(conference, copy)
    context = {"conference": conference, "events": events, "copy": copy}
    return render(request, "packs/chronology.html", context)


def _safe_filename(name: str) -> str:
    return "".join(c if c.isalnum() or c in "-_." else "-" for c in name)

"""The authority's agencies: listed with the report-form group each maps to, added, changed
and retired by its unit."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe

from cpconf.access.lookups import get_visible_or_404
from cpconf.organisations import selectors, services
from cpconf.organisations.forms import ENTER_RETIRE_REASON, AgencyForm, ReasonForm
from cpconf.organisations.models import Agency, LocalAuthority
from cpconf.organisations.views.authority import (
    actor,
    authority_for,
    form_errors,
    posted,
    status_of,
)

AGENCY_ADDED = _("%(name)s added")
AGENCY_CHANGED = _("%(name)s changed")
AGENCY_RETIRED = _("%(name)s retired. It is no longer offered for invitations or staff")
PERMISSION = "set_up_agencies"


def _agency(request: HttpRequest, slug: str, pk: int) -> tuple[LocalAuthority, Agency]:
    """An agency in use of the authority in the address; anything else is a 404."""
    authority = authority_for(
        request, slug, permission=PERMISSION, action="agency_viewed", record_success=False
    )
    agency = get_visible_or_404(
        selectors.agencies_to_change(authority),
        request,
        action="agency_viewed",
        permission="change",  # the unit of its authority; never a retired agency
        pk=pk,
    )
    return authority, agency


@require_safe
def agency_list(request: HttpRequest, authority: str) -> HttpResponse:
    local_authority = authority_for(
        request, authority, permission=PERMISSION, action="agencies_listed"
    )
    context = {"authority": local_authority, "rows": selectors.agencies_of(local_authority)}
    return render(request, "organisations/agencies.html", context)


def _form_page(
    request: HttpRequest, form: AgencyForm, authority: LocalAuthority, agency: Agency | None
) -> HttpResponse:
    context = {
        "form": form,
        "errors": form_errors(form),
        "authority": authority,
        "agency": agency,
    }
    return render(
        request, "organisations/agency_form.html", context, status=status_of(request, form)
    )


def agency_add(request: HttpRequest, authority: str) -> HttpResponse:
    local_authority = authority_for(
        request, authority, permission=PERMISSION, action="agency_form_viewed"
    )
    form = AgencyForm(posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            agency = services.agency_add(
                local_authority=local_authority,
                actor=actor(request),
                request=request,
                **form.cleaned_data,
            )
        except services.AgencyNameTaken as taken:
            form.add_error("name", str(taken))
        else:
            messages.success(request, AGENCY_ADDED % {"name": agency.name})
            return redirect("organisations:agencies", local_authority.slug)
    return _form_page(request, form, local_authority, None)


def agency_change(request: HttpRequest, authority: str, pk: int) -> HttpResponse:
    local_authority, agency = _agency(request, authority, pk)
    form = AgencyForm(request.POST) if request.method == "POST" else AgencyForm.of(agency)
    if request.method == "POST" and form.is_valid():
        try:
            services.agency_change(
                agency=agency, actor=actor(request), request=request, **form.cleaned_data
            )
        except services.AgencyNameTaken as taken:
            form.add_error("name", str(taken))
        else:
            messages.success(request, AGENCY_CHANGED % {"name": agency.name})
            return redirect("organisations:agencies", local_authority.slug)
    return _form_page(request, form, local_authority, agency)


def agency_retire(request: HttpRequest, authority: str, pk: int) -> HttpResponse:
    local_authority, agency = _agency(request, authority, pk)
    form = ReasonForm(
        posted(request),
        label=_("Why is it being retired?"),
        help_text=_("For example, it has closed or merged with another agency."),
        required=ENTER_RETIRE_REASON,
    )
    if request.method == "POST" and form.is_valid():
        services.agency_retire(
            agency=agency,
            reason=form.cleaned_data["reason"],
            actor=actor(request),
            request=request,
        )
        messages.success(request, AGENCY_RETIRED % {"name": agency.name})
        return redirect("organisations:agencies", local_authority.slug)
    context = {
        "form": form,
        "errors": form_errors(form),
        "authority": local_authority,
        "agency": agency,
    }
    return render(
        request, "organisations/agency_retire.html", context, status=status_of(request, form)
    )

"""The unit's census pages: the year's figures, the children behind each, the return as a
download, and the items the return needs that conferences do not record. Only the unit
administrator of the authority in the address gets any of them; anyone else an audited 404."""

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods, require_safe

from cpconf.access.lookups import get_visible_or_404
from cpconf.accounts.models import User
from cpconf.census import selectors, services
from cpconf.census.cin_return import CensusYear
from cpconf.census.details_file import ITEM_COLUMNS, REQUIRED_COLUMNS
from cpconf.census.figures_page import figures_context
from cpconf.census.forms import ChildCensusDetailsForm, DetailsFileForm, LaCodeForm
from cpconf.families.case_file import BadFile
from cpconf.families.models import Child
from cpconf.organisations.models import LocalAuthority

XML = "application/xml"
DETAILS_SAVED = "Census details saved for %(name)s"
CODE_SAVED = "DfE local authority code saved"
FIX_PROBLEMS = (
    "Put right the %(count)s problem in the file and upload it again",
    "Put right the %(count)s problems in the file and upload it again",
)
DETAILS_IMPORTED = (
    "Census details set for %(count)s child: %(columns)s",
    "Census details set for %(count)s children: %(columns)s",
)
FILE_NAME = "cin-census-{slug}-{year}.xml"


def _actor(request: HttpRequest) -> User:
    return request.user  # type: ignore[return-value]


def _authority(
    request: HttpRequest, slug: str, action: str, record_success: bool = True
) -> LocalAuthority:
    return get_visible_or_404(
        selectors.census_authorities(request.user),
        request,
        action=action,
        record_success=record_success,
        slug=slug,
    )


@require_safe
def census_page(request: HttpRequest, authority: str) -> HttpResponse:
    local_authority = _authority(request, authority, "census_figures_viewed")
    context = figures_context(local_authority, services.today())
    context["la_code"] = selectors.la_code_of(local_authority)
    return render(request, "census/figures.html", context)


@require_safe
def figure_children(request: HttpRequest, authority: str, key: str) -> HttpResponse:
    local_authority = _authority(request, authority, "census_figure_opened", record_success=False)
    figures, history = selectors.figures_for(local_authority, services.today())
    figure = figures.figure(key)
    if figure is None:
        raise Http404(_("There is no such figure"))
    children = selectors.children_named(history, figure.child_ids)
    services.census_figures_read(
        authority=local_authority,
        actor=_actor(request),
        request=request,
        child_ids=[c.pk for c in children],
    )
    context = {"authority": local_authority, "figure": figure, "children": children}
    return render(request, "census/figure_children.html", context)


@require_safe
def census_return(request: HttpRequest, authority: str, year: int) -> HttpResponse:
    local_authority = _authority(request, authority, "census_return_requested", False)
    if not CensusYear.may_be_made(year, services.today()):
        raise Http404("There is no return for that census year.")
    made = services.census_return_make(
        authority=local_authority, year=year, actor=_actor(request), request=request
    )
    if made.xml is None:
        context = {"authority": local_authority, "made": made, "year": CensusYear(year)}
        return render(request, "census/return_problems.html", context, status=422)
    response = HttpResponse(made.xml, content_type=XML)
    name = FILE_NAME.format(slug=local_authority.slug, year=year)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@require_http_methods(["GET", "HEAD", "POST"])
def child_details(request: HttpRequest, authority: str, child_pk: int) -> HttpResponse:
    local_authority = _authority(request, authority, "child_census_details_viewed", False)
    child: Child = get_visible_or_404(
        selectors.census_children(local_authority),
        request,
        action="child_census_details_viewed",
        pk=child_pk,
    )
    details = selectors.details_of(child)
    if request.method == "POST":
        form = ChildCensusDetailsForm(request.POST)
        if form.is_valid():
            services.child_census_details_save(
                child=child, values=form.values(), actor=_actor(request), request=request
            )
            messages.success(request, _(DETAILS_SAVED) % {"name": child.full_name})
            return redirect("census:figures", authority=local_authority.slug)
    else:
        form = ChildCensusDetailsForm(initial=ChildCensusDetailsForm.initial_from(details))
    context = {"authority": local_authority, "child": child, "form": form}
    return render(request, "census/child_details.html", context, status=400 if form.errors else 200)


@require_http_methods(["GET", "HEAD", "POST"])
def la_code(request: HttpRequest, authority: str) -> HttpResponse:
    local_authority = _authority(request, authority, "census_authority_viewed")
    if request.method == "POST":
        form = LaCodeForm(request.POST)
        if form.is_valid():
            services.census_authority_save(
                authority=local_authority,
                la_code=form.cleaned_data["la_code"],
                actor=_actor(request),
                request=request,
            )
            messages.success(request, _(CODE_SAVED))
            return redirect("census:figures", authority=local_authority.slug)
    else:
        form = LaCodeForm(initial={"la_code": selectors.la_code_of(local_authority) or ""})
    context = {"authority": local_authority, "form": form}
    return render(request, "census/la_code.html", context, status=400 if form.errors else 200)


@require_http_methods(["GET", "HEAD", "POST"])
def details_import(request: HttpRequest, authority: str) -> HttpResponse:
    """The census items of many children at once, from the case system's file: every row
    set, or (any row wrong) none, with each problem listed by row and column."""
    local_authority = _authority(request, authority, "census_details_import_viewed")
    posted = request.method == "POST"
    form = DetailsFileForm(request.POST if posted else None, request.FILES if posted else None)
    problems: list[str] = []
    if posted and form.is_valid():
        try:
            result = services.child_census_details_import(
                authority=local_authority,
                raw=form.cleaned_data["file"].read(),
                actor=_actor(request),
                request=request,
            )
        except BadFile as error:
            form.add_error("file", str(error))
        else:
            problems = [str(problem) for problem in result.problems]
            if not problems:
                count = len(result.checked.children)
                columns = ", ".join(result.checked.columns)
                message = ngettext(*DETAILS_IMPORTED, count)
                messages.success(request, message % {"count": count, "columns": columns})
                return redirect("census:figures", authority=local_authority.slug)
    field_id = form["file"].id_for_label
    context = {
        "authority": local_authority,
        "form": form,
        "problems": problems,
        # The summary says how many; the page lists them all below it.
        "errors": [(field_id, e) for e in form.errors.get("file", [])]
        + (
            [(field_id, ngettext(*FIX_PROBLEMS, len(problems)) % {"count": len(problems)})]
            if problems
            else []
        ),
        "required_columns": REQUIRED_COLUMNS,
        "item_columns": ITEM_COLUMNS,
    }
    failed = bool(form.errors or problems)
    return render(request, "census/details_import.html", context, status=400 if failed else 200)

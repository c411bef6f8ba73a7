from typing import Any

from django.contrib import messages
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from cpconf.access import may, roles_of
from cpconf.access.lookups import get_visible_or_404, refuse
from cpconf.accounts.models import User
from cpconf.families import forms, pages, selectors, services
from cpconf.families.case_file import COLUMNS, OPTIONAL_COLUMNS, BadFile
from cpconf.families.case_system import FamilyRecord, PersonRecord
from cpconf.families.front_sheet import describe
from cpconf.families.models import Family
from cpconf.organisations.models import LocalAuthority


def family_detail(request: HttpRequest, pk: int) -> HttpResponse:
    family = get_visible_or_404(
        selectors.families_for(request.user), request, action="family_viewed", pk=pk
    )
    context = {
        "family": family,
        "children": family.children.all(),
        "members": family.members.all(),
        "conferences": selectors.conferences_of(request.user, family),  # type: ignore[arg-type]
        "may_book": may(request.user, "book_conference", family),
        "may_edit_front_sheet": may(request.user, "edit_front_sheet", family),
        "versions": [
            (version, [describe(change) for change in version.changes])
            for version in selectors.front_sheet_versions(family)
        ],
    }
    return render(request, "families/family_detail.html", context)


# Setting up: finding a family, creating one, its front sheet, importing the case system's file.

SEARCH_LIMIT = 50
NEW_FAMILY = "cpconf_new_family"
FAMILY_CREATED = "Family created"
FRONT_SHEET_SAVED = "Front sheet saved"
NOTHING_CHANGED = "You did not change anything on the front sheet"


def _user(request: HttpRequest) -> User:
    return request.user  # type: ignore[return-value]


def _unit_authorities(request: HttpRequest, action: str) -> QuerySet[LocalAuthority]:
    """The authorities the user is the unit of; a refusal (audited) and a 404 if none."""
    authorities = selectors.unit_authorities(request.user)
    if not authorities:
        refuse(request, action=action)
    return authorities


@require_safe
def family_search(request: HttpRequest) -> HttpResponse:
    user = _user(request)
    if not selectors.may_search(user):
        refuse(request, action="families_searched")
    form = forms.SearchForm(request.GET or None)
    text = form.cleaned_data["q"].strip() if form.is_valid() else ""
    found: list[Family] | None = None
    if form.is_bound and not text:
        form.add_error("q", _(forms.ENTER_SEARCH))
    elif text:
        services.families_searched(
            actor=user,
            request=request,
            authority_ids=[a.local_authority_id for a in roles_of(user)],
        )
        found = list(selectors.family_search(user, text)[: SEARCH_LIMIT + 1])
    context = {
        "form": form,
        "found": found[:SEARCH_LIMIT] if found is not None else None,
        "more": found is not None and len(found) > SEARCH_LIMIT,
        "limit": SEARCH_LIMIT,
        "errors": [(form["q"].auto_id, e) for e in form.errors.get("q", [])],
    }
    return render(request, "families/search.html", context, status=400 if form.errors else 200)


def _rows_changed(request: HttpRequest, page: pages.FamilyPage) -> bool:
    """A button to add or remove a row was pressed: the page again, one row more or less."""
    data = request.POST
    for rows, name in ((page.children, "children"), (page.members, "members")):
        if f"add_{rows.kind}" in data:
            setattr(page, name, rows.with_another())
            return True
        if f"remove_{rows.kind}" in data:
            setattr(page, name, rows.without(_int(data[f"remove_{rows.kind}"])))
            return True
    return False


def _int(value: Any, default: int = -1) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return default


def _render_family_page(
    request: HttpRequest, template: str, page: pages.FamilyPage, status: int = 200, **extra: Any
) -> HttpResponse:
    context = {"page": page, "errors": page.errors() if status >= 400 else [], **extra}
    return render(request, template, context, status=status)


def family_new(request: HttpRequest) -> HttpResponse:
    authorities = _unit_authorities(request, "family_create_viewed")
    if request.method != "POST":
        saved = request.session.get(NEW_FAMILY)
        if saved is not None:  # back from check your answers to change something
            page = pages.FamilyPage.new_family(saved, authorities)
            page.is_valid(need_a_child=True)
            return _render_family_page(request, "families/new.html", page)
        page = pages.FamilyPage.new_family(None, authorities)
        return _render_family_page(request, "families/new.html", page)
    page = pages.FamilyPage.new_family(request.POST, authorities)
    if _rows_changed(request, page):
        return _render_family_page(request, "families/new.html", page)
    if not page.is_valid(need_a_child=True):
        return _render_family_page(request, "families/new.html", page, status=400)
    request.session[NEW_FAMILY] = {
        k: v for k, v in request.POST.items() if k != "csrfmiddlewaretoken"
    }
    return redirect("families:new_check")


def family_new_check(request: HttpRequest) -> HttpResponse:
    """Check your answers, then create the family."""
    user = _user(request)
    authorities = _unit_authorities(request, "family_create_viewed")
    saved = request.session.get(NEW_FAMILY)
    if saved is None:
        return redirect("families:new")
    page = pages.FamilyPage.new_family(saved, authorities)
    if not page.is_valid(need_a_child=True):
        return redirect("families:new")
    if request.method == "POST":
        data = page.family.cleaned_data
        try:
            family = services.family_create(
                local_authority=data["local_authority"],
                record=_new_family_record(page),
                actor=user,
                request=request,
            )
        except services.CaseReferenceTaken:
            return redirect("families:new")  # the page names the reference as taken
        del request.session[NEW_FAMILY]
        messages.success(request, _(FAMILY_CREATED))
        return redirect("families:detail", pk=family.pk)
    return render(request, "families/new_check.html", {"page": page})


def _new_family_record(page: pages.FamilyPage) -> FamilyRecord:
    data = page.family.cleaned_data
    return FamilyRecord(
        case_reference=data["case_reference"],
        values={k: data[k] for k in ("name", "address", "allocated_social_worker")},
        children=[PersonRecord("", values) for values in page.children.values()],
        members=[PersonRecord("", values) for values in page.members.values()],
    )


def front_sheet_edit(request: HttpRequest, pk: int) -> HttpResponse:
    user = _user(request)
    family = get_visible_or_404(
        selectors.families_for(user),
        request,
        action="front_sheet_viewed",
        permission="edit_front_sheet",  # the allocated social worker and the unit
        pk=pk,
    )
    template = "families/front_sheet.html"
    if request.method != "POST":
        page = pages.FamilyPage.front_sheet_of(family)
        return _render_family_page(request, template, page, family=family, revision=family.revision)
    revision = _int(request.POST.get("revision"))
    page = pages.FamilyPage.front_sheet_posted(request.POST, family)
    if _rows_changed(request, page):
        return _render_family_page(request, template, page, family=family, revision=revision)
    if not page.is_valid(need_a_child=False):
        return _render_family_page(
            request, template, page, status=400, family=family, revision=revision
        )
    try:
        version = services.front_sheet_save(
            family=family,
            base_revision=revision,
            values=page.family.cleaned_data,
            children=page.children.values(),
            members=page.members.values(),
            actor=user,
            request=request,
        )
    except services.FrontSheetConflict as conflict:
        saved = conflict.family
        latest = selectors.front_sheet_versions(saved).first()
        return _render_family_page(
            request,
            template,
            page,
            status=409,
            family=saved,
            revision=saved.revision,
            conflict=True,
            saved_version=latest,
            conflict_changes=[describe(change) for change in latest.changes] if latest else [],
        )
    messages.success(request, _(FRONT_SHEET_SAVED if version else NOTHING_CHANGED))
    return redirect("families:detail", pk=family.pk)


def family_import(request: HttpRequest) -> HttpResponse:
    user = _user(request)
    authorities = _unit_authorities(request, "family_import_viewed")
    posted = request.method == "POST"
    form = forms.ImportForm(
        request.POST if posted else None, request.FILES if posted else None, authorities=authorities
    )
    if posted and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            checked = services.family_import_check(
                local_authority=form.cleaned_data["local_authority"],
                file_name=upload.name,
                raw=upload.read(),
                actor=user,
                request=request,
            )
        except BadFile as error:
            form.add_error("file", str(error))
        else:
            return redirect("families:import_detail", pk=checked.pk)
    context = {
        "form": form,
        "columns": COLUMNS,
        "optional_columns": OPTIONAL_COLUMNS,
        "errors": [(form[n].auto_id, e) for n in form.fields for e in form.errors.get(n, [])],
    }
    return render(request, "families/import.html", context, status=400 if form.errors else 200)


def family_import_detail(request: HttpRequest, pk: int) -> HttpResponse:
    family_import = get_visible_or_404(
        selectors.imports_for(request.user),
        request,
        action="family_import_viewed",
        permission="view",
        pk=pk,
    )
    if request.method == "POST":
        services.family_import_run(
            family_import=family_import, actor=_user(request), request=request
        )
        return redirect("families:import_detail", pk=pk)
    return render(request, "families/import_detail.html", {"family_import": family_import})

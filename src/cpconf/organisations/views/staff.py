"""The authority's staff: listed with their roles here, invited (with a check of the answers),
their roles changed, accounts disabled and enabled, a lost second factor reset."""

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe
from django_otp.plugins.otp_totp.models import TOTPDevice

from cpconf.access.lookups import get_visible_or_404
from cpconf.accounts.invitations import needs_set_up
from cpconf.accounts.models import Role, User
from cpconf.organisations import selectors
from cpconf.organisations import staff_accounts as staff
from cpconf.organisations.forms import (
    ENTER_RESET_REASON,
    ReasonForm,
    StaffInviteForm,
    StaffRolesForm,
)
from cpconf.organisations.models import LocalAuthority
from cpconf.organisations.views.authority import (
    actor,
    authority_for,
    form_errors,
    posted,
    status_of,
)

STAFF_INVITED = _("%(email)s has been sent a link to set up their account")
ROLES_CHANGED = _("Roles changed")
ACCOUNT_DISABLED = _("%(name)s's account is disabled. They have been signed out everywhere")
ACCOUNT_ENABLED = _("%(name)s's account is enabled again")
SECOND_FACTOR_RESET = _(
    "%(name)s's second factor has been reset. They set up an authenticator app again "
    "the next time they sign in"
)
PERMISSION = "set_up_staff"
MEMBER_VIEWED = "staff_member_viewed"


def _authority(request: HttpRequest, slug: str, action: str, **kwargs: Any) -> LocalAuthority:
    return authority_for(request, slug, permission=PERMISSION, action=action, **kwargs)


def _member(request: HttpRequest, slug: str, pk: int) -> tuple[LocalAuthority, User]:
    """A member of staff of the authority in the address; anyone else is a 404."""
    authority = _authority(request, slug, MEMBER_VIEWED, record_success=False)
    member = get_visible_or_404(selectors.staff_of(authority), request, action=MEMBER_VIEWED, pk=pk)
    return authority, member


def _to_member(authority: LocalAuthority, member: User) -> HttpResponse:
    return redirect("organisations:staff_member", authority.slug, member.pk)


@require_safe
def staff_list(request: HttpRequest, authority: str) -> HttpResponse:
    local_authority = _authority(request, authority, "staff_listed")
    context = {"authority": local_authority, "staff": selectors.staff_of(local_authority)}
    return render(request, "organisations/staff.html", context)


@require_safe
def staff_member(request: HttpRequest, authority: str, pk: int) -> HttpResponse:
    local_authority, member = _member(request, authority, pk)
    context = {
        "authority": local_authority,
        "member": member,
        "invited": needs_set_up(member),
        "has_app": TOTPDevice.objects.filter(user=member, confirmed=True).exists(),
        "resets": selectors.second_factor_resets(local_authority, member),
    }
    return render(request, "organisations/staff_member.html", context)


# Inviting: the form, then check your answers (kept in the session between the two).


def _invite_key(authority: LocalAuthority) -> str:
    return f"cpconf_staff_invite_{authority.pk}"


def _typed(request: HttpRequest) -> dict[str, Any]:
    fields = ("email", "first_name", "last_name", "job_title", "agency")
    return {name: request.POST.get(name, "") for name in fields} | {
        "roles": request.POST.getlist("roles")
    }


def staff_invite(request: HttpRequest, authority: str) -> HttpResponse:
    local_authority = _authority(request, authority, "staff_invite_viewed")
    saved = request.session.get(_invite_key(local_authority))  # back to change an answer
    form = StaffInviteForm(
        request.POST if request.method == "POST" else saved, local_authority=local_authority
    )
    if request.method == "POST" and form.is_valid():
        request.session[_invite_key(local_authority)] = _typed(request)
        return redirect("organisations:staff_invite_check", local_authority.slug)
    context = {"authority": local_authority, "form": form, "errors": form_errors(form)}
    return render(
        request, "organisations/staff_invite.html", context, status=status_of(request, form)
    )


def staff_invite_check(request: HttpRequest, authority: str) -> HttpResponse:
    local_authority = _authority(request, authority, "staff_invite_viewed")
    key = _invite_key(local_authority)
    form = StaffInviteForm(request.session.get(key), local_authority=local_authority)
    if not form.is_bound or not form.is_valid():
        return redirect("organisations:staff_invite", local_authority.slug)
    if request.method == "POST":
        try:
            member = staff.staff_member_invite(
                local_authority=local_authority,
                actor=actor(request),
                request=request,
                **form.cleaned_data,
            )
        except staff.StaffChangeRefused:
            return redirect("organisations:staff_invite", local_authority.slug)  # says why
        del request.session[key]
        messages.success(request, STAFF_INVITED % {"email": member.email})
        return _to_member(local_authority, member)
    context = {"authority": local_authority, "form": form}
    return render(request, "organisations/staff_invite_check.html", context)


def staff_roles(request: HttpRequest, authority: str, pk: int) -> HttpResponse:
    local_authority, member = _member(request, authority, pk)
    held = member.roles_here  # type: ignore[attr-defined]
    agency = next((a.agency for a in held if a.agency), None)
    current = {"roles": [a.role for a in held], "agency": agency}
    form = StaffRolesForm(
        posted(request),
        initial=current,
        local_authority=local_authority,
        keeping=agency,
    )
    if request.method == "POST" and form.is_valid():
        try:
            staff.staff_roles_change(
                local_authority=local_authority,
                user=member,
                actor=actor(request),
                request=request,
                **form.cleaned_data,
            )
        except staff.StaffChangeRefused as refused:
            form.add_error("roles", str(refused))
        else:
            messages.success(request, ROLES_CHANGED)
            if member == request.user and Role.UNIT_ADMINISTRATOR not in form.cleaned_data["roles"]:
                return redirect("home:home")  # they have just given up setting up staff
            return _to_member(local_authority, member)
    context = {
        "authority": local_authority,
        "member": member,
        "form": form,
        "errors": form_errors(form),
    }
    return render(
        request, "organisations/staff_roles.html", context, status=status_of(request, form)
    )


def _account_change(request: HttpRequest, authority: str, pk: int, *, enable: bool) -> HttpResponse:
    """Disable or enable, after a page that says what it does; already so: nothing to do."""
    local_authority, member = _member(request, authority, pk)
    change, done = (
        (staff.staff_account_enable, ACCOUNT_ENABLED)
        if enable
        else (staff.staff_account_disable, ACCOUNT_DISABLED)
    )
    errors: list[tuple[str, str]] = []
    if request.method == "POST":
        if member.is_active == enable:
            return _to_member(local_authority, member)
        try:
            change(
                local_authority=local_authority, user=member, actor=actor(request), request=request
            )
        except staff.StaffChangeRefused as refused:
            errors = [("confirm", str(refused))]
        else:
            messages.success(request, done % {"name": member.get_full_name() or member.email})
            return _to_member(local_authority, member)
    context = {"authority": local_authority, "member": member, "errors": errors, "enable": enable}
    return render(
        request, "organisations/staff_account.html", context, status=400 if errors else 200
    )


def staff_disable(request: HttpRequest, authority: str, pk: int) -> HttpResponse:
    return _account_change(request, authority, pk, enable=False)


def staff_enable(request: HttpRequest, authority: str, pk: int) -> HttpResponse:
    return _account_change(request, authority, pk, enable=True)


def staff_second_factor_reset(request: HttpRequest, authority: str, pk: int) -> HttpResponse:
    local_authority, member = _member(request, authority, pk)
    form = ReasonForm(
        posted(request),
        label=_("Why are you resetting it?"),
        help_text=_(
            "Say what happened and how you checked who they are, for example by "
            "phoning their manager."
        ),
        required=ENTER_RESET_REASON,
    )
    if request.method == "POST" and form.is_valid():
        try:
            staff.staff_second_factor_reset(
                local_authority=local_authority,
                user=member,
                reason=form.cleaned_data["reason"],
                actor=actor(request),
                request=request,
            )
        except staff.StaffChangeRefused as refused:
            form.add_error("reason", str(refused))
        else:
            messages.success(
                request, SECOND_FACTOR_RESET % {"name": member.get_full_name() or member.email}
            )
            return _to_member(local_authority, member)
    context = {
        "authority": local_authority,
        "member": member,
        "form": form,
        "errors": form_errors(form),
    }
    return render(
        request, "organisations/staff_second_factor.html", context, status=status_of(request, form)
    )

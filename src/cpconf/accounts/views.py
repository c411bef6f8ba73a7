from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import AuthenticationForm
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import redirect, render, resolve_url
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import FormView
from django_otp.models import Device

from cpconf.accounts.forms import CODE_TOO_SOON, AccountSetUpForm, SignInCodeForm, SignInForm
from cpconf.accounts.lockout import account_locked_message
from cpconf.accounts.models import User
from cpconf.accounts.second_factor import (
    CodeCheck,
    authenticator_for,
    authenticator_for_set_up,
    authenticator_key_text,
    authenticator_qr_code,
    email_code_resend_wait,
    email_code_send,
    email_device_for,
    second_factor_begin,
    second_factor_check,
    second_factor_passed,
)
from cpconf.accounts.selectors import account_lock_current, uses_emailed_codes
from cpconf.audit.services import audit_record


def next_url(request: HttpRequest) -> str:
    """Where to go once signed in: the page asked for, if it is one of ours."""
    asked = request.POST.get(REDIRECT_FIELD_NAME) or request.GET.get(REDIRECT_FIELD_NAME, "")
    if asked and url_has_allowed_host_and_scheme(
        asked, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return asked
    return resolve_url(settings.LOGIN_REDIRECT_URL)


def with_next(url_name: str, next_to: str) -> str:
    return f"{reverse(url_name)}?{urlencode({REDIRECT_FIELD_NAME: next_to})}"


class SignInView(auth_views.LoginView):
    template_name = "accounts/sign_in.html"
    authentication_form = SignInForm
    redirect_authenticated_user = True

    def form_valid(self, form: AuthenticationForm) -> HttpResponse:
        response = super().form_valid(form)
        second_factor_begin(request=self.request, user=form.get_user())
        return response

    def get_success_url(self) -> str:
        if second_factor_passed(self.request):
            return super().get_success_url()
        return with_next("accounts:second_factor", super().get_success_url())


class SignOutView(auth_views.LogoutView):
    pass


class CodeFormView(FormView):
    """A page asking for a code from one device; what a checked code leads to."""

    form_class = SignInCodeForm
    by_email = False
    device: Device

    def get_form_kwargs(self) -> dict[str, Any]:
        return super().get_form_kwargs() | {"by_email": self.by_email}

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return super().get_context_data(**kwargs) | {"next": next_url(self.request)}

    def form_valid(self, form: SignInCodeForm) -> HttpResponse:
        email = self.request.user.email  # type: ignore[union-attr]
        match second_factor_check(
            request=self.request, device=self.device, code=form.cleaned_data["code"]
        ):
            case CodeCheck.PASSED:
                return redirect(next_url(self.request))
            case CodeCheck.LOCKED:
                return locked_page(self.request, email)
            case CodeCheck.TOO_SOON:
                form.add_error("code", CODE_TOO_SOON)
            case CodeCheck.WRONG:
                form.add_error("code", form.wrong_code_message)
        return self.form_invalid(form)


class SignInCodeView(CodeFormView):
    """The second step: a code from the authenticator app, or from the email we sent."""

    template_name = "accounts/sign_in_code.html"

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if second_factor_passed(request):
            return redirect(next_url(request))
        user = request.user
        assert isinstance(user, User)  # noqa: S101  (signed in: LoginRequiredMiddleware)
        self.by_email = uses_emailed_codes(user)
        device = email_device_for(user) if self.by_email else authenticator_for(user)
        if device is None:
            return redirect(with_next("accounts:authenticator_set_up", next_url(request)))
        self.device = device
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return super().get_context_data(**kwargs) | {
            "by_email": self.by_email,
            "email": self.request.user.email,  # type: ignore[union-attr]
        }


class AuthenticatorSetUpView(CodeFormView):
    """The first sign-in of a member of staff: add CP Conference to an authenticator app."""

    template_name = "accounts/authenticator_set_up.html"

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        user = request.user
        assert isinstance(user, User)  # noqa: S101  (signed in: LoginRequiredMiddleware)
        if (
            second_factor_passed(request)
            or uses_emailed_codes(user)
            or authenticator_for(user) is not None
        ):
            return redirect(with_next("accounts:second_factor", next_url(request)))
        self.device = authenticator_for_set_up(user)
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return super().get_context_data(**kwargs) | {
            "qr_code": authenticator_qr_code(self.device),
            "key": authenticator_key_text(self.device),
        }


class EmailCodeSendView(View):
    """'Send a new code', for a family member whose email has not come or whose code ran out."""

    http_method_names = ["post"]

    def post(self, request: HttpRequest) -> HttpResponse:
        user = request.user
        assert isinstance(user, User)  # noqa: S101  (signed in: LoginRequiredMiddleware)
        if not second_factor_passed(request) and uses_emailed_codes(user):
            if email_code_resend_wait(email_device_for(user)):
                messages.info(request, _("We sent you a code a few seconds ago. Check your email."))
            else:
                email_code_send(user=user, request=request)
                messages.success(request, _("We have sent you a new code."))
        return redirect(with_next("accounts:second_factor", next_url(request)))


def locked_page(request: HttpRequest, email: str) -> HttpResponse:
    lock = account_lock_current(email=email)
    message = account_locked_message(lock) if lock is not None else ""
    return render(request, "accounts/locked.html", {"message": message})


class AccountSetUpView(auth_views.PasswordResetConfirmView):
    """The one-time link an invited professional follows to choose their password. After it
    they sign in as everyone does, and set up their authenticator app."""

    template_name = "accounts/set_up.html"
    form_class = AccountSetUpForm
    post_reset_login = False

    def get_success_url(self) -> str:
        return reverse("accounts:sign_in")

    def get_user(self, uidb64: str) -> Any:
        """A disabled account's link leads nowhere: whoever holds it does not choose a
        password the account would take up again the moment the unit enables it."""
        user = super().get_user(uidb64)
        return user if user is not None and user.is_active else None

    def form_valid(self, form: Any) -> HttpResponse:
        response = super().form_valid(form)
        audit_record(action="account_set_up", actor=form.user, request=self.request, obj=form.user)
        messages.success(
            self.request, _("Your account is set up. Sign in with your email and new password.")
        )
        return response

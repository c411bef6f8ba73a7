from django.contrib.auth.decorators import login_not_required
from django.urls import path

from cpconf.accounts import views
from cpconf.accounts.middleware import second_factor_not_required

app_name = "accounts"

urlpatterns = [
    path("sign-in/", login_not_required(views.SignInView.as_view()), name="sign_in"),
    path(
        "sign-in/code/",
        second_factor_not_required(views.SignInCodeView.as_view()),
        name="second_factor",
    ),
    path(
        "sign-in/authenticator/",
        second_factor_not_required(views.AuthenticatorSetUpView.as_view()),
        name="authenticator_set_up",
    ),
    path(
        "sign-in/new-code/",
        second_factor_not_required(views.EmailCodeSendView.as_view()),
        name="email_code_send",
    ),
    path(
        "set-up/<uidb64>/<token>/",
        login_not_required(second_factor_not_required(views.AccountSetUpView.as_view())),
        name="set_up",
    ),
    path("sign-out/", second_factor_not_required(views.SignOutView.as_view()), name="sign_out"),
]

from django.contrib.auth.decorators import login_not_required
from django.urls import path

from cpconf.accounts import views

app_name = "accounts"

urlpatterns = [
    path("sign-in/", login_not_required(views.SignInView.as_view()), name="sign_in"),
    path("sign-out/", views.SignOutView.as_view(), name="sign_out"),
]

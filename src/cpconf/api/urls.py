"""The integration API. Every view is open to the sign-in middleware (the API answers for
itself, with a 401 in JSON), and none accepts a session."""

from collections.abc import Callable

from django.contrib.auth.decorators import login_not_required
from django.http import HttpResponseBase
from django.urls import path
from drf_spectacular.views import SpectacularJSONAPIView

from cpconf.api import views

app_name = "api"


def _api(view: type) -> Callable[..., HttpResponseBase]:
    return login_not_required(view.as_view())  # type: ignore[attr-defined]


urlpatterns = [
    path(
        "openapi.json",
        login_not_required(
            SpectacularJSONAPIView.as_view(authentication_classes=[], permission_classes=[])
        ),
        name="openapi",
    ),
    path("families/", _api(views.FamilyListView), name="families"),
    path("families/<str:case_reference>/", _api(views.FamilyDetailView), name="family"),
    path("agencies/", _api(views.AgencyListView), name="agencies"),
    path("conferences/", _api(views.ConferenceListView), name="conferences"),
    path("conferences/<int:pk>/", _api(views.ConferenceDetailView), name="conference"),
    path(
        "conferences/<int:pk>/invitations/",
        _api(views.ConferenceInvitationsView),
        name="conference_invitations",
    ),
    path(
        "conferences/<int:pk>/outcome/",
        _api(views.ConferenceOutcomeView),
        name="conference_outcome",
    ),
    path("invitations/<int:pk>/", _api(views.InvitationDetailView), name="invitation"),
    path("reports/<int:pk>/", _api(views.ReportDetailView), name="report"),
]

from django.urls import include, path

urlpatterns = [
    path("", include("cpconf.home.urls")),
    path("account/", include("cpconf.accounts.urls")),
    path("families/", include("cpconf.families.urls")),
    path("conferences/", include("cpconf.conferences.urls")),
    path("reports/", include("cpconf.reports.urls")),
    path("audit/", include("cpconf.audit.urls")),
]

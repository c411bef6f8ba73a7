from django.urls import include, path

from cpconf.census.api import child_census

urlpatterns = [
    path("", include("cpconf.home.urls")),
    path("account/", include("cpconf.accounts.urls")),
    path("families/", include("cpconf.families.urls")),
    path("authority/", include("cpconf.organisations.urls")),
    path("conferences/", include("cpconf.conference_overview.urls")),
    path("reports/", include("cpconf.reports.urls")),
    path("audit/", include("cpconf.audit_trail.urls")),
    path("packs/", include("cpconf.packs.urls")),
    path("records/", include("cpconf.conference_records.urls")),
    path("preparation/", include("cpconf.preparation.urls")),
    path("outcomes/", include("cpconf.outcomes.urls")),
    path("census/", include("cpconf.census.urls")),
    path("family/", include("cpconf.portal.urls")),
    path("api/", include("cpconf.api.urls")),
    # The census is built on the API's layer, so its one operation is routed from here.
    path(
        "api/families/<str:case_reference>/children/<str:reference>/census/",
        child_census,
        name="api_child_census",
    ),
]

# A 404 under /api/ answers in the API's JSON shape; every other path gets the 404 page.
handler404 = "cpconf.api.errors.not_found"

from django.urls import path

from cpconf.census import views

app_name = "census"

urlpatterns = [
    path("<slug:authority>/", views.census_page, name="figures"),
    path("<slug:authority>/figures/<slug:key>/", views.figure_children, name="figure_children"),
    path("<slug:authority>/return/<int:year>/", views.census_return, name="return"),
    path("<slug:authority>/children/<int:child_pk>/", views.child_details, name="child_details"),
    path("<slug:authority>/code/", views.la_code, name="la_code"),
    path("<slug:authority>/details/import/", views.details_import, name="details_import"),
]

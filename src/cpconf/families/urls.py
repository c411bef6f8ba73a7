from django.urls import path

from cpconf.families import views

app_name = "families"

urlpatterns = [
    path("<int:pk>/", views.family_detail, name="detail"),
    path("<int:pk>/front-sheet/", views.front_sheet_edit, name="front_sheet"),
    path("search/", views.family_search, name="search"),
    path("new/", views.family_new, name="new"),
    path("new/check/", views.family_new_check, name="new_check"),
    path("import/", views.family_import, name="import"),
    path("import/<int:pk>/", views.family_import_detail, name="import_detail"),
]

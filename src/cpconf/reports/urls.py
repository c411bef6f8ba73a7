from django.urls import path

from cpconf.reports import views

app_name = "reports"

urlpatterns = [
    path("start/<int:conference_pk>/", views.report_start, name="start"),
    path("<int:pk>/", views.task_list, name="task_list"),
    path("<int:pk>/parts/<slug:key>/", views.part_edit, name="part"),
    path("<int:pk>/parts/<slug:key>/coach/", views.part_coach, name="coach"),
    path("<int:pk>/parts/<slug:key>/no-change/", views.part_confirm, name="part_confirm"),
    path("<int:pk>/check/", views.check_answers, name="check"),
    path("<int:pk>/versions/<int:number>/", views.version_detail, name="version"),
    path("<int:pk>/versions/<int:number>/submitted/", views.submitted, name="submitted"),
    path("<int:pk>/compare/", views.version_compare, name="compare"),
    path("<int:pk>/amend/", views.amend, name="amend"),
    path("<int:pk>/<slug:copy>-copy.<slug:extension>", views.download, name="download"),
]

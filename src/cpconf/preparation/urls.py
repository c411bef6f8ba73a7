from django.urls import path

from cpconf.preparation import views

app_name = "preparation"

urlpatterns = [
    path("<int:conference_pk>/", views.prepare, name="prepare"),
    path("<int:conference_pk>/meeting/", views.meeting, name="meeting"),
    path("<int:conference_pk>/meeting/<slug:section>/", views.meeting, name="meeting_section"),
    path("children/<int:child_pk>/scaling/", views.child_scaling, name="child_scaling"),
]

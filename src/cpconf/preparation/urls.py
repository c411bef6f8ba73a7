from django.urls import path

from cpconf.preparation import views

app_name = "preparation"

urlpatterns = [
    path("<int:conference_pk>/", views.prepare, name="prepare"),
    path("children/<int:child_pk>/scaling/", views.child_scaling, name="child_scaling"),
]

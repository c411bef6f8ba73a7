from django.urls import path

from cpconf.home import views

app_name = "home"

urlpatterns = [
    path("", views.home, name="home"),
    path("health/", views.health, name="health"),
    path("health/worker/", views.health_worker, name="health_worker"),
]

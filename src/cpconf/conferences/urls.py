from django.urls import path

from cpconf.conferences import views

app_name = "conferences"

urlpatterns = [
    path("<int:pk>/", views.conference_detail, name="detail"),
]

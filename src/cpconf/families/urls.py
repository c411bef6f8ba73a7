from django.urls import path

from cpconf.families import views

app_name = "families"

urlpatterns = [
    path("<int:pk>/", views.family_detail, name="detail"),
]

from django.urls import path  # noqa: F401

app_name = "conference_records"

urlpatterns: list = []

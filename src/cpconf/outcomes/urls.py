from django.urls import path

from cpconf.outcomes import views

app_name = "outcomes"

urlpatterns = [
    path("<int:conference_pk>/", views.outcome_page, name="outcome"),
    path("<int:conference_pk>/issue/", views.issue, name="issue"),
    path("<int:conference_pk>/approve-minutes/", views.approve_minutes, name="approve_minutes"),
    path(
        "<int:conference_pk>/minutes.<slug:extension>",
        views.minutes_download,
        name="minutes_download",
    ),
    path("letters/<int:pk>/letter.<slug:extension>", views.letter_download, name="letter_download"),
]

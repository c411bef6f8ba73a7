from django.urls import path

from cpconf.packs import views

app_name = "packs"

urlpatterns = [
    path("<int:conference_pk>/", views.pack_detail, name="detail"),
    path("<int:conference_pk>/release/", views.pack_release, name="release"),
    path("<int:conference_pk>/chronology/", views.chronology, name="chronology"),
    path(
        "<int:conference_pk>/<slug:copy>-copy.<slug:extension>",
        views.pack_download,
        name="download",
    ),
]

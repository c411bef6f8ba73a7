from django.urls import path

from cpconf.conference_records import views

app_name = "conference_records"

urlpatterns = [
    path("<int:conference_pk>/", views.overview, name="overview"),
    path("<int:conference_pk>/start/", views.start, name="start"),
    path("<int:conference_pk>/check/", views.check, name="check"),
    path("<int:conference_pk>/versions/", views.versions, name="versions"),
    path("<int:conference_pk>/versions/<int:number>/", views.version_detail, name="version"),
    path("<int:conference_pk>/correct/", views.correct, name="correct"),
    path("<int:conference_pk>/next-review/", views.next_review, name="next_review"),
    path("<int:conference_pk>/<slug:part_key>/", views.part_edit, name="part"),
]

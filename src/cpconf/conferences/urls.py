from django.urls import path

from cpconf.conferences import views

app_name = "conferences"

urlpatterns = [
    path("book/<int:family_pk>/", views.conference_book, name="book"),
    path("<int:pk>/", views.conference_detail, name="detail"),
    path("<int:pk>/move/", views.conference_reschedule, name="reschedule"),
    path("<int:pk>/invite/", views.invitation_add, name="invite"),
    path("<int:pk>/reports-received/", views.reports_board, name="board"),
    path(
        "<int:pk>/invitations/<int:invitation_pk>/attendance/",
        views.attendance,
        name="attendance",
    ),
]

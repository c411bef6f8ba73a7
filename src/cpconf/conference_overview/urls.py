"""Every conference URL, under the one "conferences" namespace that templates, tests and the
bench name: booking, moving, inviting and attendance are the conferences app's views; the
conference page and the reports-received board, which read reports, are this app's."""

from django.urls import path

from cpconf.conference_overview import views as overview
from cpconf.conferences import views

app_name = "conferences"

urlpatterns = [
    path("book/<int:family_pk>/", views.conference_book, name="book"),
    path("<int:pk>/", overview.conference_detail, name="detail"),
    path("<int:pk>/move/", views.conference_reschedule, name="reschedule"),
    path("<int:pk>/invite/", views.invitation_add, name="invite"),
    path("<int:pk>/reports-received/", overview.reports_board, name="board"),
    path(
        "<int:pk>/invitations/<int:invitation_pk>/attendance/",
        views.attendance,
        name="attendance",
    ),
]

from django.urls import path

from cpconf.portal import views

app_name = "portal"

urlpatterns = [
    path("", views.home, name="home"),
    path("meetings/<int:pk>/", views.conference, name="conference"),
    path("meetings/<int:pk>/our-views/", views.our_views, name="our_views"),
    path("meetings/<int:pk>/feedback/", views.feedback, name="feedback"),
    path("reports/<int:pk>/", views.report, name="report"),
    path("reports/<int:pk>/listen/", views.report_listen, name="report_listen"),
    path("reports/<int:pk>/copy.<str:extension>", views.report_copy, name="report_copy"),
    path("letters/<int:pk>/", views.letter, name="letter"),
    path("child-views/<int:pk>/file/", views.child_view_file, name="child_view_file"),
    path("what-we-need/", views.access_needs, name="access_needs"),
    path("everything.pdf", views.everything_pdf, name="everything"),
    path("invite/<int:pk>/", views.invite, name="invite"),
]

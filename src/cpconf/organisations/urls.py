from django.urls import path

from cpconf.organisations.views import agencies, staff

app_name = "organisations"

urlpatterns = [
    path("<slug:authority>/agencies/", agencies.agency_list, name="agencies"),
    path("<slug:authority>/agencies/add/", agencies.agency_add, name="agency_add"),
    path("<slug:authority>/agencies/<int:pk>/", agencies.agency_change, name="agency_change"),
    path(
        "<slug:authority>/agencies/<int:pk>/retire/", agencies.agency_retire, name="agency_retire"
    ),
    path("<slug:authority>/staff/", staff.staff_list, name="staff"),
    path("<slug:authority>/staff/invite/", staff.staff_invite, name="staff_invite"),
    path(
        "<slug:authority>/staff/invite/check/",
        staff.staff_invite_check,
        name="staff_invite_check",
    ),
    path("<slug:authority>/staff/<int:pk>/", staff.staff_member, name="staff_member"),
    path("<slug:authority>/staff/<int:pk>/roles/", staff.staff_roles, name="staff_roles"),
    path("<slug:authority>/staff/<int:pk>/disable/", staff.staff_disable, name="staff_disable"),
    path("<slug:authority>/staff/<int:pk>/enable/", staff.staff_enable, name="staff_enable"),
    path(
        "<slug:authority>/staff/<int:pk>/reset-second-factor/",
        staff.staff_second_factor_reset,
        name="staff_second_factor_reset",
    ),
]

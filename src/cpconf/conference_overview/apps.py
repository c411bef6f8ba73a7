from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConferenceOverviewConfig(AppConfig):
    name = "cpconf.conference_overview"
    verbose_name = _("Conference overview")

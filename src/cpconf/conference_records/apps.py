from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConferenceRecordsConfig(AppConfig):
    name = "cpconf.conference_records"
    verbose_name = _("Conference records")

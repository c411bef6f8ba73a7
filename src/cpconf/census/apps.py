from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CensusConfig(AppConfig):
    name = "cpconf.census"
    verbose_name = _("Children in Need census")

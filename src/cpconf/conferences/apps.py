from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConferencesConfig(AppConfig):
    name = "cpconf.conferences"
    verbose_name = _("Conferences")

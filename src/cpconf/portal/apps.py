from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "cpconf.portal"
    verbose_name = _("Family portal")

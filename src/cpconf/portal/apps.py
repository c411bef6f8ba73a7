from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "cpconf.portal"
    verbose_name = _("Family portal")

    def ready(self) -> None:
        # This app's access rules join the one table in cpconf.access.rules.
        from cpconf.portal import access_rules

        access_rules.register_rules()

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConferencesConfig(AppConfig):
    name = "cpconf.conferences"
    verbose_name = _("Conferences")

    def ready(self) -> None:
        # This app's access rules join the one table in cpconf.access.rules.
        from cpconf.conferences import access_rules

        access_rules.register_rules()

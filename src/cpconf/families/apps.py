from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FamiliesConfig(AppConfig):
    name = "cpconf.families"
    verbose_name = _("Families")

    def ready(self) -> None:
        # This app's access rules join the one table in cpconf.access.rules.
        from cpconf.families import access_rules

        access_rules.register_rules()

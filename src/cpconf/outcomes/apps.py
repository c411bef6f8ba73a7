from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OutcomesConfig(AppConfig):
    name = "cpconf.outcomes"
    verbose_name = _("Minutes and outcome letters")

    def ready(self) -> None:
        # This app's access rules join the one table in cpconf.access.rules.
        from cpconf.outcomes import access_rules

        access_rules.register_rules()

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrganisationsConfig(AppConfig):
    name = "cpconf.organisations"
    verbose_name = _("Local authorities and agencies")

    def ready(self) -> None:
        # This app's access rules join the one table in cpconf.access.rules.
        from cpconf.organisations import access_rules

        access_rules.register_rules()

        # Load every policy at start-up so a bad file stops the service with a clear message
        # instead of failing on the first page that needs it.
        from cpconf.organisations import policies

        policies.all_policies()

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CensusConfig(AppConfig):
    name = "cpconf.census"
    verbose_name = _("Children in Need census")

    def ready(self) -> None:
        # The census details join the subject access export, which may not import this app.
        from cpconf.census.subject_access import register_census_section

        register_census_section()

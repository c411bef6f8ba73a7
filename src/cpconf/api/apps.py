from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApiConfig(AppConfig):
    name = "cpconf.api"
    verbose_name = _("Integration API")

    def ready(self) -> None:
        # drf-spectacular finds the bearer-token scheme by its import.
        from cpconf.api import schema  # noqa: F401

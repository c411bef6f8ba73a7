from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OutcomesConfig(AppConfig):
    name = "cpconf.outcomes"
    verbose_name = _("Minutes and outcome letters")

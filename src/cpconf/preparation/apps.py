from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PreparationConfig(AppConfig):
    name = "cpconf.preparation"
    verbose_name = _("Chair's preparation")

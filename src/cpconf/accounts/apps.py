from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "cpconf.accounts"
    verbose_name = _("Accounts and roles")

    def ready(self) -> None:
        from cpconf.accounts import signals  # noqa: F401  (connects the sign-in audit)

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PacksConfig(AppConfig):
    name = "cpconf.packs"
    verbose_name = _("Conference packs")

    def ready(self) -> None:
        # This app's access rules join the one table in cpconf.access.rules.
        from cpconf.packs import access_rules

        access_rules.register_rules()

        # A released pack follows its reports: rebuilt when one is submitted or amended.
        from cpconf.packs.services import rebuild_released_pack
        from cpconf.reports.signals import report_version_submitted

        report_version_submitted.connect(rebuild_released_pack, dispatch_uid="packs.rebuild")

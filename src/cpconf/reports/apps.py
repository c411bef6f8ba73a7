from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "cpconf.reports"
    verbose_name = _("Professional reports")

    def ready(self) -> None:
        # This app's access rules join the one table in cpconf.access.rules.
        from cpconf.reports import access_rules

        access_rules.register_rules()

        # A bad report form file, or a policy naming a form that does not exist, stops
        # start-up with the file, section and problem, not the first report that needs it.
        from cpconf.organisations import report_forms

        report_forms.check_policies_have_forms()

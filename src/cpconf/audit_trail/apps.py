from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AuditTrailConfig(AppConfig):
    """The auditor's pages: searching and exporting the trail the audit app keeps. Pages
    know the families and reports they search by; the audit app beneath them knows none."""

    name = "cpconf.audit_trail"
    verbose_name = _("Audit trail pages")

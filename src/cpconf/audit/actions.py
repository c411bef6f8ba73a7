"""What each audited action is called where people read the trail."""

from django.utils.translation import gettext_lazy as _

ACTION_LABELS = {
    "sign_in": _("Sign-in"),
    "sign_out": _("Sign-out"),
    "family_viewed": _("Viewed the family's record"),
    "report_viewed": _("Viewed the report"),
    "report_version_viewed": _("Viewed a submitted version"),
    "report_versions_compared": _("Compared versions"),
    "report_started": _("Started the report"),
    "report_submitted": _("Signed and submitted"),
    "report_amendment_started": _("Started an amendment"),
    "report_amendment_submitted": _("Signed and submitted an amendment"),
    "report_section_confirmed_unchanged": _("Confirmed a carried-forward section: no change"),
    "minutes_approved": _("Approved the minutes"),
    "report_conference_copy_downloaded": _("Downloaded the conference copy"),
    "report_family_copy_downloaded": _("Downloaded the family copy"),
    "audit_searched": _("Searched the audit trail"),
    "audit_exported": _("Exported the audit trail"),
    "census_return_family_included": _("Sent in the census return"),
}


def action_label(action: str) -> str:
    return str(ACTION_LABELS.get(action, action.replace("_", " ").capitalize()))

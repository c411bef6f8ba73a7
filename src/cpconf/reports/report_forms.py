"""The report form a conference uses: its meeting type's form under its authority's policy."""

from cpconf.conferences.models import Conference
from cpconf.organisations.report_forms import report_form_named
from cpconf.reportform import ReportForm


def report_form_for(conference: Conference) -> ReportForm:
    return report_form_named(conference.meeting_type_policy.report_form)

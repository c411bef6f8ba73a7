"""The report forms an authority's policies name: loaded once from the configured folders and
checked at start-up, like the policies themselves. Which form a conference uses is the
reports app's (`cpconf.reports.selectors.report_form_for`)."""

from functools import cache

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from cpconf.organisations.policies import all_policies
from cpconf.reportform import ReportForm, ReportFormError, load_report_forms


@cache
def all_report_forms() -> dict[str, ReportForm]:
    try:
        return load_report_forms(settings.CPCONF_REPORT_FORM_DIRS)
    except ReportFormError as error:
        raise ImproperlyConfigured(f"Report form file is wrong: {error}") from error


def check_policies_have_forms() -> None:
    forms = all_report_forms()
    for policy in all_policies().values():
        for meeting_type in policy.meeting_types.values():
            if meeting_type.report_form not in forms:
                raise ImproperlyConfigured(
                    f"{policy.source or policy.name}: meeting_types.{meeting_type.key}."
                    f"report_form: there is no report form {meeting_type.report_form!r}; "
                    f"known: {', '.join(sorted(forms))}."
                )


def report_form_named(key: str) -> ReportForm:
    try:
        return all_report_forms()[key]
    except KeyError:
        raise ImproperlyConfigured(f"There is no report form named {key!r}.") from None

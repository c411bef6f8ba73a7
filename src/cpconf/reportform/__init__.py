"""Report forms as data: each local authority's sections, questions and prompts.

No Django import: the form is read and checked on its own, and the Django side adapts it.
"""

from cpconf.reportform.errors import ReportFormError
from cpconf.reportform.loading import SHIPPED_DIRECTORY, load_report_form, load_report_forms
from cpconf.reportform.model import (
    AGENCY_GROUPS,
    AGENCY_KINDS,
    FACTOR_CHANGES,
    REVIEW_ONLY_KINDS,
    SECTION_KINDS,
    ReportForm,
    Section,
)

__all__ = [
    "AGENCY_GROUPS",
    "AGENCY_KINDS",
    "FACTOR_CHANGES",
    "REVIEW_ONLY_KINDS",
    "SECTION_KINDS",
    "SHIPPED_DIRECTORY",
    "ReportForm",
    "ReportFormError",
    "Section",
    "load_report_form",
    "load_report_forms",
]

"""What the conference page reads besides the conference: the reports this user may see."""

from django.db.models import QuerySet

from cpconf.accounts.models import User
from cpconf.conferences.models import Conference
from cpconf.reports.access_rules import reports_visible_to
from cpconf.reports.models import ProfessionalReport


def reports_for(user: User, conference: Conference) -> QuerySet[ProfessionalReport]:
    return (
        reports_visible_to(user)
        .filter(conference=conference)
        .select_related("agency", "author")
        .order_by("agency__name")
    )

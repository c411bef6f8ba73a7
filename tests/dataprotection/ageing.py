"""Moving a family's records into the past, so retention has something to find.

Every date retention reads is set with a queryset update (which leaves `auto_now` alone);
submitted versions are never updated, and retention does not read their dates.
"""

import datetime as dt

from django.utils import timezone

from cpconf.conferences.models import Conference, Invitation
from cpconf.families.models import Child, Family, FamilyMember
from cpconf.reports.models import ProfessionalReport, ReportSection


def years_ago(years: int, days: int = 0) -> dt.datetime:
    now = timezone.now()
    return now.replace(year=now.year - years) - dt.timedelta(days=days)


def last_contact_at(family: Family, when: dt.datetime) -> None:
    """Make `when` the family's last contact: every conference, report and change then."""
    Family.objects.filter(pk=family.pk).update(modified_at=when)
    Child.objects.filter(family=family).update(modified_at=when)
    FamilyMember.objects.filter(family=family).update(modified_at=when)
    Conference.objects.filter(family=family).update(modified_at=when, starts_at=when)
    Invitation.objects.filter(conference__family=family).update(modified_at=when)
    reports = ProfessionalReport.objects.filter(conference__family=family)
    reports.update(modified_at=when)
    reports.exclude(submitted_at=None).update(submitted_at=when)
    ReportSection.objects.filter(report__conference__family=family).update(modified_at=when)

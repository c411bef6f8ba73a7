"""Reading families, always through the access scope."""

from django.db.models import QuerySet
from django.http import HttpRequest

from cpconf.access import conferences_visible_to, families_visible_to
from cpconf.access.lookups import get_visible_or_404
from cpconf.accounts.models import User
from cpconf.conferences.models import Conference
from cpconf.families.models import Family


def family_for(request: HttpRequest, pk: int) -> Family:
    """The family's case record, or 404 if this user may not know of it; audited."""
    visible = families_visible_to(request.user).select_related(
        "local_authority", "allocated_social_worker"
    )
    return get_visible_or_404(visible, request, action="family_viewed", pk=pk)


def conferences_of(user: User, family: Family) -> QuerySet[Conference]:
    return conferences_visible_to(user).filter(family=family).select_related("chair")
